// What the statistics screens (report-dashboard.js) share: the period picker (tháng, quý, 6 tháng, 9 tháng, năm,
// khoảng ngày), the unit picker of the user's subtree, the screen's state in the address (#/bao-cao...?periodKind=...
// so a view can be bookmarked and shared), the report sub-menu, numbers in Vietnamese and the export buttons.
import {download, get, loadUnitNames, unitName} from '../js/api.js';
import {field, h, saveBlob} from '../js/dom.js';
import {showDoneIn, showErrorIn} from '../js/ui.js';
import {slot, subtreeOf, todayIso, unitOptions} from './admin-shared.js';

/** Who sees the statistics screens (the gateway admits every officer; these are the ones they are made for). */
export const REPORT_READERS = ['report_viewer', 'unit_leader', 'unit_admin', 'tthc_controller'];
export const LEADERS = ['unit_leader'];
export const ADMINS = ['unit_admin'];
/** Roles to whom dossier-service shows a dossier (RoleDocs.ACTS_READERS): a report viewer reads statistics only. */
export const DOSSIER_READERS = ['reception_officer', 'specialist', 'unit_leader', 'clerk', 'tthc_controller',
  'unit_admin'];

export const PERIOD_KINDS = {
  MONTH: 'Tháng',
  QUARTER: 'Quý',
  HALF_YEAR: '6 tháng đầu năm',
  NINE_MONTHS: '9 tháng đầu năm',
  YEAR: 'Năm',
  RANGE: 'Khoảng ngày',
};
/** Decision 766 is computed for calendar months, quarters and years only. */
export const INDICATOR_KINDS = ['MONTH', 'QUARTER', 'YEAR'];
export const WINDOWS = {
  '': 'Mặc định của hệ thống',
  CALENDAR: 'Theo lịch (Quý III: 01/07 – 30/09)',
  CUTOFF_15: 'Theo Nghị định 09/2019 (ngày 15 kỳ trước – ngày 14 kỳ này)',
};
const ROMAN = ['I', 'II', 'III', 'IV'];

const NUMBER = new Intl.NumberFormat('vi-VN');
/** "1.234" for a count. */
export function count(n) {
  return n === null || n === undefined ? '—' : NUMBER.format(Number(n));
}

/** "65,38%" for the service's "65.38"; "—" when it has none (a denominator of 0). */
export function percent(text) {
  if (text === null || text === undefined || text === '') return '—';
  const n = Number(text);
  return Number.isFinite(n) ? `${new Intl.NumberFormat('vi-VN', {maximumFractionDigits: 2}).format(n)}%` : text;
}

/** "13,08" for the service's "13.08"; "N/A" and other words as they are. */
export function points(text) {
  if (text === null || text === undefined || text === '') return '—';
  const n = Number(text);
  return Number.isFinite(n) ? new Intl.NumberFormat('vi-VN', {maximumFractionDigits: 2}).format(n) : text;
}

// --- the screen's state in the address ------------------------------------------------------------------------

/** The defaults: the quarter before the current one would often be empty; the current month is what leaders watch. */
export function defaultState(user) {
  const today = todayIso();
  return {
    periodKind: 'MONTH',
    year: today.slice(0, 4),
    number: String(Number(today.slice(5, 7))),
    from: `${today.slice(0, 8)}01`,
    to: today,
    window: '',
    unitCode: user.unit || '',
  };
}

/** The state from the address's query over the defaults. */
export function stateFrom(params, user) {
  const state = defaultState(user);
  for (const key of Object.keys(state)) {
    const value = params.get(key);
    if (value !== null) state[key] = value;
  }
  return state;
}

/** The API's period parameters for a state: a named period's year and number, or a range's dates. */
export function periodQuery(state) {
  const q = {periodKind: state.periodKind};
  if (state.periodKind === 'RANGE') {
    q.from = state.from;
    q.to = state.to;
  } else {
    q.year = state.year;
    if (state.periodKind === 'MONTH' || state.periodKind === 'QUARTER') q.number = state.number;
  }
  if (state.window) q.window = state.window;
  return q;
}

/** The period as a report body's object. */
export function periodBody(state) {
  const q = periodQuery(state);
  const body = {kind: q.periodKind};
  if (q.year) body.year = Number(q.year);
  if (q.number) body.number = Number(q.number);
  if (q.from) body.from = q.from;
  if (q.to) body.to = q.to;
  if (q.window) body.window = q.window;
  return body;
}

/** "#/bao-cao/766?periodKind=..." for a screen and a state (only what it uses). */
export function hashFor(base, state, extra = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({...periodQuery(state), unitCode: state.unitCode, ...extra})) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  return `${base}?${q.toString()}`;
}

/** The period in words when the service did not label it (a failed load). */
export function periodWords(state) {
  switch (state.periodKind) {
    case 'MONTH': return `Tháng ${state.number} năm ${state.year}`;
    case 'QUARTER': return `Quý ${ROMAN[Number(state.number) - 1] || state.number} năm ${state.year}`;
    case 'HALF_YEAR': return `6 tháng đầu năm ${state.year}`;
    case 'NINE_MONTHS': return `9 tháng đầu năm ${state.year}`;
    case 'YEAR': return `Năm ${state.year}`;
    default: return `Từ ${state.from} đến ${state.to}`;
  }
}

// --- units ---------------------------------------------------------------------------------------------------

/** The units of the user's subtree (the public unit list, closed ones included). */
export async function unitsOf(user) {
  const [all] = await Promise.all([get('/api/v1/units').then(b => b.units || []), loadUnitNames()]);
  return user.unit ? subtreeOf(all, user.unit) : all;
}

// --- the sub-menu ----------------------------------------------------------------------------------------------

const TABS = [
  ['#/bao-cao', 'Mẫu II.06a', null],
  ['#/bao-cao/766', 'Chỉ số 766', null],
  ['#/bao-cao/qua-han', 'Hồ sơ quá hạn', null],
  ['#/bao-cao/nop', 'Nộp báo cáo', null],
  ['#/bao-cao/tong-hop', 'Tổng hợp của đơn vị cấp dưới', null],
  ['#/bao-cao/du-lieu', 'Nhập dữ liệu, dựng lại số liệu', ADMINS],
];

/** The report screens as a sub-menu; the current one is marked for screen readers (aria-current). */
export function reportTabs(user, current, state) {
  return h('nav', {class: 'report-tabs', 'aria-label': 'Báo cáo, thống kê'},
    TABS.filter(([, , roles]) => !roles || roles.some(r => user.roles.includes(r)))
      .map(([base, label]) => h('a', {
        href: base === '#/bao-cao/du-lieu' ? base : hashFor(base, state),
        class: 'report-tab',
        'aria-current': base === current ? 'page' : null,
      }, label)));
}

// --- the period picker -----------------------------------------------------------------------------------------

/**
 * A form choosing the unit and the period; on submit, onPick(state). kinds limits the period kinds (766: month,
 * quarter, year); withWindow offers the Decree 09 cut-off windows (II.06a).
 */
export function periodForm(id, state, units, {kinds = Object.keys(PERIOD_KINDS), withWindow = false, extra = [],
  submitLabel = 'Xem báo cáo', onPick}) {
  const kind = h('select', {name: 'periodKind'},
    kinds.map(k => h('option', {value: k, selected: state.periodKind === k}, PERIOD_KINDS[k])));
  if (!kinds.includes(state.periodKind)) kind.value = kinds[0];
  const year = h('input', {name: 'year', type: 'number', min: '2000', max: '2100', step: '1', value: state.year,
    inputmode: 'numeric'});
  const number = h('select', {name: 'number'});
  const from = h('input', {name: 'from', type: 'date', value: state.from});
  const to = h('input', {name: 'to', type: 'date', value: state.to});
  const numberField = field(`${id}-number`, 'Tháng', number);
  const yearField = field(`${id}-year`, 'Năm', year, {required: true});
  const fromField = field(`${id}-from`, 'Từ ngày', from, {required: true});
  const toField = field(`${id}-to`, 'Đến ngày', to, {required: true});
  const sync = () => {
    const k = kind.value;
    const months = k === 'MONTH';
    const previous = number.value || state.number;
    number.replaceChildren(...(months
      ? Array.from({length: 12}, (_, i) => h('option', {value: String(i + 1)}, `Tháng ${i + 1}`))
      : ROMAN.map((r, i) => h('option', {value: String(i + 1)}, `Quý ${r}`))));
    number.value = months || Number(previous) <= 4 ? previous : '1';
    if (!number.value) number.value = '1';
    numberField.querySelector('label').firstChild.textContent = months ? 'Tháng' : 'Quý';
    numberField.hidden = !(months || k === 'QUARTER');
    yearField.hidden = k === 'RANGE';
    fromField.hidden = k !== 'RANGE';
    toField.hidden = k !== 'RANGE';
  };
  kind.addEventListener('change', sync);
  const unit = h('select', {name: 'unitCode'}, unitOptions(units));
  unit.value = state.unitCode || (units[0] && units[0].code) || '';
  const windowField = withWindow
    ? field(`${id}-window`, 'Cách tính kỳ', h('select', {name: 'window'},
      Object.entries(WINDOWS).map(([v, label]) => h('option', {value: v, selected: state.window === v}, label))))
    : null;
  const form = h('form', {id, class: 'filters report-filters', novalidate: true},
    field(`${id}-unit`, 'Đơn vị', unit, {hint: 'Số liệu của đơn vị và các đơn vị cấp dưới.'}),
    field(`${id}-kind`, 'Kỳ báo cáo', kind),
    numberField, yearField, fromField, toField, windowField, ...extra,
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: `${id}-submit`}, submitLabel)));
  sync();
  form.addEventListener('submit', event => {
    event.preventDefault();
    const picked = {
      periodKind: kind.value,
      year: year.value.trim(),
      number: number.value,
      from: from.value,
      to: to.value,
      window: withWindow ? form.elements.window.value : '',
      unitCode: unit.value,
    };
    for (const el of extra.flatMap(e => [...e.querySelectorAll('[name]')])) picked[el.name] = el.value;
    onPick(picked);
  });
  return form;
}

/** Query parameters the service names in its field errors, mapped to this form's controls. */
export function periodFieldIds(id) {
  return {
    periodKind: `${id}-kind`,
    year: `${id}-year`,
    number: `${id}-number`,
    from: `${id}-from`,
    to: `${id}-to`,
    window: `${id}-window`,
    unitCode: `${id}-unit`,
  };
}

/**
 * The report routes' names (number, kind...) mean other things elsewhere in the console (a receipt's number, a kind
 * of day): their errors are relabelled as the report's before they are shown.
 */
const ALIASES = {number: 'report.number', kind: 'report.kind', year: 'report.year', window: 'report.window',
  periodKind: 'report.periodKind', 'period.kind': 'report.periodKind', 'period.year': 'report.year',
  'period.number': 'report.number', 'period.from': 'from', 'period.to': 'to', period: 'report.period'};

export function showReportError(box, error, fieldIds = {}) {
  const ids = {};
  for (const [name, id] of Object.entries(fieldIds)) ids[ALIASES[name] || name] = id;
  if (error && error.problem && Array.isArray(error.problem.errors)) {
    error.problem.errors = error.problem.errors.map(e => ({...e, field: ALIASES[e.field] || e.field}));
  }
  showErrorIn(box, error, ids);
}

// --- exports ---------------------------------------------------------------------------------------------------

/** "Tải XLSX / CSV / JSON" for a report as the API exports it. */
export function exportButtons(id, query) {
  const result = slot(`${id}-result`);
  const button = (format, label) => {
    const b = h('button', {type: 'button', class: 'secondary', id: `${id}-${format}`}, label);
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        const params = new URLSearchParams({...query, format});
        const file = await download(`/api/v1/reports/export?${params.toString()}`, `bao-cao.${format}`);
        saveBlob(file.blob, file.fileName);
        showDoneIn(result, `Đã tải về tệp ${file.fileName}.`);
      } catch (e) {
        showErrorIn(result, e);
      } finally {
        b.disabled = false;
      }
    });
    return b;
  };
  return h('div', {class: 'export'},
    h('div', {class: 'actions', role: 'group', 'aria-label': 'Tải báo cáo về máy'},
      button('xlsx', 'Tải tệp Excel (XLSX)'), button('csv', 'Tải tệp CSV'), button('json', 'Tải tệp JSON')),
    result);
}

/** The unit's name for a UnitRef of the API ({code, name}). */
export function unitLabel(unit) {
  if (!unit) return '—';
  return unit.name || unitName(unit.code);
}
