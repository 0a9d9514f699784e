// "Báo cáo, thống kê": the leader dashboard over report-service (issue 13). Form II.06a for any period with its grouped
// headers, unit rows, subtotals and total (#/bao-cao); the Decision 766 groups with a chart each and the online
// payment figure against the province's target (#/bao-cao/766), every score opening into the exact dossiers of its
// numerator or denominator (#/bao-cao/766/chi-tiet); overdue dossiers (#/bao-cao/qua-han); a leader's frozen
// submissions with their versions and the diff of a correction (#/bao-cao/nop); the district's consolidation of its
// communes (#/bao-cao/tong-hop); and, for a unit_admin, the historical import and the projection's rebuild
// (#/bao-cao/du-lieu). Times are Vietnam's; every figure is the service's, never recomputed here.
import {ApiError, get, post, query, unitName} from '../js/api.js';
import {currentUser} from '../js/auth.js';
import {announce, fact, field, h, showLoading, showView, table} from '../js/dom.js';
import {dateTime} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {clearSlot, dossierLink, errorBlock, pagedList, showDoneIn, showErrorIn} from '../js/ui.js';
import {confirmIn, slot, unitOptions} from './admin-shared.js';
import {percentChart, targetChart} from './report-charts.js';
import {
  ADMINS, DOSSIER_READERS, INDICATOR_KINDS, LEADERS, REPORT_READERS, count, exportButtons, hashFor, percent,
  periodBody, periodFieldIds, periodForm, periodQuery, periodWords, points, reportTabs, showReportError, stateFrom,
  unitLabel, unitsOf,
} from './report-common.js';

const PAGE_SIZE = 50;

export function register() {
  addMenu('#/bao-cao', 'Báo cáo, thống kê', {roles: REPORT_READERS, order: 69});
  const q = '(?:\\?(.*))?$';
  addRoute(new RegExp(`^/bao-cao${q}`), (m, user) => renderII06a(user, params(m)), {roles: REPORT_READERS});
  addRoute(new RegExp(`^/bao-cao/766${q}`), (m, user) => renderIndicators(user, params(m)), {roles: REPORT_READERS});
  addRoute(new RegExp(`^/bao-cao/766/chi-tiet${q}`), (m, user) => renderDrillDown(user, params(m)),
    {roles: REPORT_READERS});
  addRoute(new RegExp(`^/bao-cao/qua-han${q}`), (m, user) => renderOverdue(user, params(m)), {roles: REPORT_READERS});
  addRoute(new RegExp(`^/bao-cao/nop${q}`), (m, user) => renderSubmissions(user, params(m)), {roles: REPORT_READERS});
  addRoute(new RegExp(`^/bao-cao/tong-hop${q}`), (m, user) => renderConsolidation(user, params(m)),
    {roles: REPORT_READERS});
  addRoute(/^\/bao-cao\/du-lieu$/, (m, user) => renderData(user), {roles: ADMINS});
}

function params(match) {
  return new URLSearchParams(match[1] || '');
}

/** Goes to a screen's address; the same address again draws the screen again (a refresh of the figures). */
function go(hash, redraw) {
  if (location.hash === hash) {
    redraw();
  } else {
    location.hash = hash;
  }
}

/** Loads the user's units, then draws; a failure to list the units is shown in place of the screen. */
async function withUnits(user, title, draw) {
  showLoading(title);
  let units;
  try {
    units = await unitsOf(user);
  } catch (e) {
    showView(title, errorBlock(e));
    return;
  }
  await draw(units);
}

function resultBox(id) {
  return h('div', {id, 'aria-live': 'polite'});
}

/** Puts children into a box: arrays flattened, absent parts skipped (native replaceChildren would print "null"). */
function fill(box, ...children) {
  box.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
}

function loadingInto(box, text = 'Đang tải số liệu…') {
  box.setAttribute('aria-busy', 'true');
  fill(box, h('p', {class: 'muted', role: 'status'}, text));
}

// --- form II.06a -------------------------------------------------------------------------------------------------

const II06A_COLUMNS = [
  'total', 'receivedOnline', 'receivedDirectOrPostal', 'carriedOver', 'resolved', 'resolvedEarly', 'resolvedOnTime',
  'resolvedLate', 'inProgress', 'inProgressWithinDue', 'inProgressOverdue',
];
const LOCAL_COLUMNS = [
  ['receivedPostal', 'Qua dịch vụ bưu chính công ích'],
  ['receivedBoundaryFree', 'Tiếp nhận phi địa giới'],
  ['resolvedLateWithApology', 'Quá hạn có văn bản xin lỗi'],
  ['resolvedLateWithoutApology', 'Quá hạn không có văn bản xin lỗi'],
  ['withdrawn', 'Công dân rút hồ sơ'],
  ['refused', 'Trả lại, từ chối'],
];
/** The columns' names as report-service writes them in a diff (snake_case proto names), in the form's words. */
const DIFF_COLUMNS = {
  total: '(3) Tổng số hồ sơ', received_online: '(4) Trực tuyến', received_direct_or_postal: '(5) Trực tiếp, bưu chính',
  carried_over: '(6) Từ kỳ trước', resolved: '(7) Đã giải quyết', resolved_early: '(8) Trước hạn',
  resolved_on_time: '(9) Đúng hạn', resolved_late: '(10) Quá hạn', in_progress: '(11) Đang giải quyết',
  in_progress_within_due: '(12) Trong hạn', in_progress_overdue: '(13) Quá hạn',
  received_postal: 'Qua bưu chính', received_boundary_free: 'Phi địa giới',
  resolved_late_with_apology: 'Quá hạn có xin lỗi', resolved_late_without_apology: 'Quá hạn không xin lỗi',
  withdrawn: 'Rút hồ sơ', refused: 'Trả lại',
};

function rowName(row, grouping) {
  if (grouping === 'FIELD') return row.fieldName || row.fieldCode || 'Khác';
  const name = unitLabel(row.unit);
  return row.subtotal ? `Cộng ${name}` : name;
}

/**
 * Form II.06a as the official table: STT, unit (or field), "Số hồ sơ nhận giải quyết" over (3)-(6) and "Kết quả
 * giải quyết" over (7)-(13), the columns' numbers in a last header row, unit rows indented by depth, subtotals and
 * the total in bold.
 */
export function ii06aTable(id, report, caption) {
  const grouping = report.grouping || 'UNIT';
  const th = (text, attrs = {}) => h('th', {scope: 'col', ...attrs}, text);
  const group = (text, span) => h('th', {scope: 'colgroup', colspan: String(span)}, text);
  const head = h('thead', {},
    h('tr', {}, th('STT', {rowspan: '3'}), th(grouping === 'FIELD' ? 'Lĩnh vực' : 'Đơn vị', {rowspan: '3'}),
      group('Số hồ sơ nhận giải quyết', 4), group('Kết quả giải quyết', 7)),
    h('tr', {}, th('Tổng số', {rowspan: '2'}), group('Trong kỳ', 2), th('Từ kỳ trước chuyển qua', {rowspan: '2'}),
      group('Số hồ sơ đã giải quyết', 4), group('Số hồ sơ đang giải quyết', 3)),
    h('tr', {}, th('Trực tuyến'), th('Trực tiếp, dịch vụ bưu chính'), th('Tổng số'), th('Trước hạn'),
      th('Đúng hạn'), th('Quá hạn'), th('Tổng số'), th('Trong hạn'), th('Quá hạn')),
    h('tr', {class: 'column-numbers'}, Array.from({length: 13}, (_, i) => h('td', {}, `(${i + 1})`))));
  const line = (number, name, counts, css) => h('tr', {class: css},
    h('td', {class: 'number'}, number ? String(number) : ''),
    h('th', {scope: 'row'}, name),
    II06A_COLUMNS.map(c => h('td', {class: 'number'}, count(counts ? counts[c] : 0))));
  const rows = (report.rows || []).map(r => line(r.rowNumber, rowName(r, grouping), r.counts,
    [r.subtotal ? 'subtotal' : null, r.unit && !r.subtotal ? `depth-${Math.min(r.unit.depth || 0, 4)}` : null]
      .filter(Boolean).join(' ') || null));
  const total = line(null, 'Tổng cộng', report.total, 'total');
  return h('div', {class: 'table-wrap', role: 'region', 'aria-labelledby': `${id}-caption`, tabindex: '0'},
    h('table', {id, class: 'form-table'},
      h('caption', {id: `${id}-caption`}, caption),
      head, h('tbody', {}, rows, total)));
}

function localColumnsTable(id, report) {
  const grouping = report.grouping || 'UNIT';
  const rows = [...(report.rows || []).map(r => [rowName(r, grouping), r.counts]), ['Tổng cộng', report.total]];
  return h('details', {class: 'card'},
    h('summary', {}, 'Các cột bổ sung (bưu chính, phi địa giới, xin lỗi, rút hồ sơ, trả lại)'),
    table(id, ['Đơn vị / lĩnh vực', ...LOCAL_COLUMNS.map(([, label]) => label)], rows.map(([name, c]) =>
      h('tr', {}, h('td', {}, name), LOCAL_COLUMNS.map(([k]) => h('td', {class: 'number'}, count(c ? c[k] : 0))))),
    {caption: 'Các cột bổ sung của mẫu II.06a'}));
}

function reportSummary(id, report, state) {
  const period = report.period && report.period.label ? report.period.label : periodWords(state);
  return h('p', {class: 'list-summary', id, role: 'status'},
    `${unitLabel(report.unit)} — ${period}. Số liệu tính đến ${dateTime(report.computedAt)}`
      + `${report.timelinessRule ? ` (cách xác định đúng hạn: ${report.timelinessRule})` : ''}.`);
}

function renderII06a(user, params) {
  const title = 'Tình hình, kết quả giải quyết TTHC (Mẫu II.06a)';
  return withUnits(user, title, units => {
    const state = stateFrom(params, user);
    const grouping = params.get('grouping') === 'FIELD' ? 'FIELD' : 'UNIT';
    const out = resultBox('ii06a-result');
    const groupingField = field('ii06a-grouping', 'Dòng của báo cáo', h('select', {name: 'grouping'},
      h('option', {value: 'UNIT', selected: grouping === 'UNIT'}, 'Theo đơn vị'),
      h('option', {value: 'FIELD', selected: grouping === 'FIELD'}, 'Theo lĩnh vực')));
    const redraw = () => renderII06a(user, params);
    const form = periodForm('ii06a-form', state, units, {withWindow: true, extra: [groupingField],
      onPick: picked => go(hashFor('#/bao-cao', picked, {grouping: picked.grouping}), redraw)});
    showView(title, reportTabs(user, '#/bao-cao', state), form, out);
    return loadII06a(out, state, grouping);
  });
}

async function loadII06a(out, state, grouping) {
  loadingInto(out);
  const q = {...periodQuery(state), unitCode: state.unitCode, grouping};
  try {
    const report = await get(`/api/v1/reports/ii06a${query(q)}`);
    fill(out,
      reportSummary('ii06a-summary', report, state),
      ii06aTable('ii06a-table', report, 'Biểu II.06a/VPCP/KSTT'),
      localColumnsTable('ii06a-local', report),
      exportButtons('ii06a-export', {...q, kind: 'ii06a'}));
    announce('Đã tải báo cáo mẫu II.06a.');
  } catch (e) {
    const box = slot('ii06a-error');
    fill(out, box);
    showReportError(box, e, periodFieldIds('ii06a-form'));
  } finally {
    out.removeAttribute('aria-busy');
  }
}

// --- Decision 766 --------------------------------------------------------------------------------------------------

function renderIndicators(user, params) {
  const title = 'Chỉ số đánh giá chất lượng phục vụ (Quyết định 766/QĐ-TTg)';
  return withUnits(user, title, units => {
    const state = stateFrom(params, user);
    if (!INDICATOR_KINDS.includes(state.periodKind)) state.periodKind = 'MONTH';
    const out = resultBox('indicators-result');
    const redraw = () => renderIndicators(user, params);
    const form = periodForm('indicators-form', state, units, {kinds: INDICATOR_KINDS,
      onPick: picked => go(hashFor('#/bao-cao/766', picked), redraw)});
    showView(title, reportTabs(user, '#/bao-cao/766', state),
      h('p', {class: 'muted'}, 'Điểm tính theo tháng, quý, năm dương lịch cho đơn vị và các đơn vị cấp dưới. '
        + 'Bấm vào tử số hoặc mẫu số để xem đúng các hồ sơ được tính.'),
      form, out);
    return loadIndicators(out, state);
  });
}

async function loadIndicators(out, state) {
  loadingInto(out);
  const q = {...periodQuery(state), unitCode: state.unitCode, subtree: 'true'};
  try {
    const scores = await get(`/api/v1/reports/indicators${query({...q, includeChildren: 'true'})}`);
    const period = scores.period && scores.period.label ? scores.period.label : periodWords(state);
    fill(out,
      h('p', {class: 'list-summary', id: 'indicators-summary', role: 'status'},
        `${unitLabel(scores.unit)} — ${period}: tổng điểm ${points(scores.totalScore)} `
          + `(bộ chỉ số phiên bản ${scores.ruleVersion}, tính đến ${dateTime(scores.computedAt)}).`),
      paymentCard(scores),
      (scores.groups || []).map(g => groupCard(g, state)),
      childrenTable(scores),
      exportButtons('indicators-export', {...q, kind: 'indicators'}));
    announce(`Tổng điểm ${points(scores.totalScore)}.`);
  } catch (e) {
    const box = slot('indicators-error');
    fill(out, box);
    showReportError(box, e, periodFieldIds('indicators-form'));
  } finally {
    out.removeAttribute('aria-busy');
  }
}

function paymentCard(scores) {
  const value = Number(scores.onlinePaymentPercent);
  const target = Number(scores.onlinePaymentTargetPercent);
  const known = Number.isFinite(value) && scores.onlinePaymentPercent !== null;
  const met = scores.onlinePaymentTargetMet;
  const sentence = known
    ? `Thanh toán trực tuyến đạt ${percent(scores.onlinePaymentPercent)}, chỉ tiêu ${percent(
      scores.onlinePaymentTargetPercent)}: ${met ? 'đạt' : 'chưa đạt'}.`
    : 'Chưa có hồ sơ phải nộp phí, lệ phí trong kỳ.';
  return h('section', {class: 'card', id: 'online-payment', 'aria-labelledby': 'online-payment-title'},
    h('h2', {id: 'online-payment-title'}, 'Thanh toán trực tuyến so với chỉ tiêu của tỉnh ',
      known ? h('span', {class: `badge ${met ? 'in-time' : 'overdue'}`}, met ? 'Đạt' : 'Chưa đạt') : null),
    h('p', {id: 'online-payment-text'}, sentence),
    known ? targetChart('online-payment-chart', sentence, {label: 'Hồ sơ thanh toán trực tuyến', value,
      target: Number.isFinite(target) ? target : 0}) : null);
}

function drillHref(state, score, side) {
  return hashFor('#/bao-cao/766/chi-tiet', state, {id: score.id, side, name: score.name});
}

function groupCard(group, state) {
  const id = `group-${group.id.replace(/[^A-Za-z0-9]/g, '')}`;
  const indicators = group.indicators || [];
  const ratios = indicators.filter(s => s.kind === 'ratio');
  const sentence = `Nhóm ${group.id}: ${points(group.score)} trên ${points(group.maxScore)} điểm. `
    + ratios.map(s => `Chỉ số ${s.id}: ${percent(s.ratioPercent)}`).join('; ');
  const figure = (score, side) => {
    const n = side === 'numerator' ? score.numerator : score.denominator;
    return score.drillable
      ? h('a', {href: drillHref(state, score, side), 'aria-label':
        `${side === 'numerator' ? 'Tử số' : 'Mẫu số'} chỉ số ${score.id}: ${count(n)} hồ sơ, xem danh sách`},
      count(n))
      : count(n);
  };
  return h('section', {class: 'card indicator-group', id, 'aria-labelledby': `${id}-title`},
    h('h2', {id: `${id}-title`}, `Nhóm ${group.id}. ${group.name || ''}`,
      h('span', {class: 'group-score'}, ` — ${points(group.score)}/${points(group.maxScore)} điểm`)),
    ratios.length ? percentChart(`${id}-chart`, sentence, {
      labels: ratios.map(s => s.id),
      values: ratios.map(s => (s.ratioPercent === null ? null : Number(s.ratioPercent))),
      targets: ratios.map(s => (s.fullMarksAtPercent === null ? null : Number(s.fullMarksAtPercent))),
      valueLabel: 'Tỷ lệ đạt (%)',
      targetLabel: 'Tỷ lệ để đạt điểm tối đa (%)',
    }) : null,
    table(`${id}-table`, ['Chỉ số', 'Tử số', 'Mẫu số', 'Tỷ lệ', 'Điểm', 'Ghi chú'], indicators.map(s => h('tr', {},
      h('td', {}, h('strong', {}, s.id), ' ', s.name || ''),
      h('td', {class: 'number'}, figure(s, 'numerator')),
      h('td', {class: 'number'}, figure(s, 'denominator')),
      h('td', {class: 'number'}, percent(s.ratioPercent)),
      h('td', {class: 'number'}, `${points(s.score)}/${points(s.maxScore)}`),
      h('td', {}, [s.fullMarksAtPercent ? `Đạt tối đa khi ≥ ${percent(s.fullMarksAtPercent)}. ` : '', s.note || '']
        .join('')))), {caption: `Các chỉ số của nhóm ${group.id}`}));
}

function childrenTable(scores) {
  const children = scores.children || [];
  if (children.length === 0) return null;
  const groups = (scores.groups || []).map(g => g.id);
  return h('section', {class: 'card', 'aria-labelledby': 'children-title'},
    h('h2', {id: 'children-title'}, 'Theo đơn vị trực thuộc'),
    table('indicators-children', ['Đơn vị', 'Tổng điểm', ...groups.map(g => `Nhóm ${g}`), 'Thanh toán trực tuyến'],
      children.map(c => {
        const byGroup = new Map((c.groups || []).map(g => [g.id, g.score]));
        return h('tr', {}, h('td', {}, unitLabel(c.unit)), h('td', {class: 'number'}, points(c.totalScore)),
          groups.map(g => h('td', {class: 'number'}, points(byGroup.get(g)))),
          h('td', {class: 'number'}, percent(c.onlinePaymentPercent)));
      }), {caption: 'Điểm của các đơn vị trực thuộc'}));
}

// --- drill-down ---------------------------------------------------------------------------------------------------

const TIMELINESS = {EARLY: 'Trước hạn', ON_TIME: 'Đúng hạn', LATE: 'Quá hạn', OPEN: 'Đang giải quyết'};
const RESULTS = {ISSUED: 'Đã có kết quả', REFUSED: 'Từ chối', REJECTED: 'Trả lại', WITHDRAWN: 'Công dân rút',
  STOPPED: 'Dừng xử lý'};
const CHANNELS = {COUNTER: 'Trực tiếp', ONLINE: 'Trực tuyến', POSTAL: 'Bưu chính'};

/** A dossier's code: a link to the dossier's page for those to whom dossier-service shows dossiers. */
function dossierCell(code, user) {
  return user.roles.some(r => DOSSIER_READERS.includes(r)) ? dossierLink(code) : h('span', {class: 'code'}, code);
}

function factsTable(id, dossiers, user, caption) {
  return table(id, ['Mã hồ sơ', 'Đơn vị', 'Thủ tục', 'Kênh', 'Tiếp nhận', 'Hạn giải quyết', 'Kết thúc', 'Kết quả',
    'Tiến độ'], dossiers.map(d => h('tr', {},
    h('td', {}, dossierCell(d.dossierCode, user), d.imported ? h('span', {class: 'muted'}, ' (nhập từ hệ thống cũ)')
      : null),
    h('td', {}, unitName(d.unitCode)),
    h('td', {class: 'code'}, d.procedureCode || '—'),
    h('td', {}, CHANNELS[d.channel] || d.channel || '—'),
    h('td', {class: 'nowrap'}, dateTime(d.receivedAt)),
    h('td', {class: 'nowrap'}, dateTime(d.dueAt)),
    h('td', {class: 'nowrap'}, dateTime(d.finishedAt)),
    h('td', {}, RESULTS[d.resultKind] || (d.resultKind ? d.resultKind : 'Chưa kết thúc')),
    h('td', {}, d.daysOverdue > 0 ? `Quá hạn ${d.daysOverdue} ngày` : TIMELINESS[d.timeliness] || '—'))),
  {caption});
}

function renderDrillDown(user, params) {
  const state = stateFrom(params, user);
  const id = params.get('id') || '';
  const side = params.get('side') === 'denominator' ? 'denominator' : 'numerator';
  const name = params.get('name') || '';
  const sideWords = side === 'numerator' ? 'tử số' : 'mẫu số';
  const title = `Hồ sơ tính vào ${sideWords} chỉ số ${id}`;
  const other = side === 'numerator' ? 'denominator' : 'numerator';
  const list = pagedList({
    label: 'hồ sơ',
    empty: h('p', {class: 'muted', id: 'drill-empty'}, 'Không có hồ sơ nào.'),
    load: async token => {
      const page = await get(`/api/v1/reports/indicators/${encodeURIComponent(id)}/dossiers${query({
        ...periodQuery(state), unitCode: state.unitCode, subtree: 'true', side, pageSize: PAGE_SIZE,
        pageToken: token})}`);
      return {rows: page.dossiers || [], nextPageToken: page.nextPageToken, totalSize: page.total};
    },
    render: rows => factsTable('drill-table', rows, user, `Hồ sơ của ${sideWords}`),
  });
  showView(title, reportTabs(user, '#/bao-cao/766', state),
    h('p', {}, name ? `${name}. ` : '', `${unitName(state.unitCode)} — ${periodWords(state)}.`),
    h('p', {class: 'actions'},
      h('a', {href: hashFor('#/bao-cao/766', state), id: 'drill-back'}, '← Về các chỉ số 766'),
      h('a', {href: hashFor('#/bao-cao/766/chi-tiet', state, {id, side: other, name}), id: 'drill-other'},
        `Xem ${other === 'numerator' ? 'tử số' : 'mẫu số'}`)),
    list);
}

// --- overdue ---------------------------------------------------------------------------------------------------------

function renderOverdue(user, params) {
  const title = 'Hồ sơ quá hạn, sắp đến hạn';
  return withUnits(user, title, units => {
    const state = stateFrom(params, user);
    const hours = ['0', '24', '48', '72'].includes(params.get('dueWithinHours')) ? params.get('dueWithinHours') : '0';
    const unit = h('select', {name: 'unitCode'}, unitOptions(units));
    unit.value = state.unitCode;
    const within = h('select', {name: 'dueWithinHours'},
      [['0', 'Chỉ hồ sơ đã quá hạn'], ['24', 'Cả hồ sơ đến hạn trong 24 giờ tới'],
        ['48', 'Cả hồ sơ đến hạn trong 48 giờ tới'], ['72', 'Cả hồ sơ đến hạn trong 72 giờ tới']]
        .map(([v, label]) => h('option', {value: v, selected: v === hours}, label)));
    const form = h('form', {id: 'overdue-form', class: 'filters', novalidate: true},
      field('overdue-unit', 'Đơn vị', unit), field('overdue-within', 'Phạm vi', within),
      h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'overdue-submit'}, 'Xem danh sách')));
    const redraw = () => renderOverdue(user, params);
    form.addEventListener('submit', event => {
      event.preventDefault();
      go(`#/bao-cao/qua-han${query({unitCode: unit.value, dueWithinHours: within.value})}`, redraw);
    });
    const list = pagedList({
      label: 'hồ sơ',
      empty: h('p', {class: 'muted', id: 'overdue-empty'}, 'Không có hồ sơ quá hạn.'),
      load: async token => {
        const page = await get(`/api/v1/reports/overdue${query({unitCode: unit.value, dueWithinHours: hours,
          pageSize: PAGE_SIZE, pageToken: token})}`);
        return {rows: page.dossiers || [], nextPageToken: page.nextPageToken, totalSize: page.total};
      },
      render: rows => factsTable('overdue-table', rows, user, 'Hồ sơ quá hạn nhiều nhất trước'),
    });
    showView(title, reportTabs(user, '#/bao-cao/qua-han', state), form, list);
  });
}

// --- submissions -------------------------------------------------------------------------------------------------

const KINDS = {II06A: ['ii06a', 'Mẫu II.06a'], INDICATORS_766: ['indicators', 'Chỉ số 766']};

function kindField(id, kind) {
  return field(id, 'Loại báo cáo', h('select', {name: 'kind'},
    Object.entries(KINDS).map(([k, [, label]]) => h('option', {value: k, selected: k === kind}, label))));
}

function renderSubmissions(user, params) {
  const title = 'Nộp báo cáo định kỳ';
  return withUnits(user, title, units => {
    const state = stateFrom(params, user);
    const kind = KINDS[params.get('kind')] ? params.get('kind') : 'II06A';
    const redraw = () => renderSubmissions(user, params);
    const form = periodForm('submissions-form', state, units, {withWindow: true,
      extra: [kindField('submissions-kind', kind)], submitLabel: 'Xem các phiên bản',
      onPick: picked => go(hashFor('#/bao-cao/nop', picked, {kind: picked.kind}), redraw)});
    const versions = resultBox('submissions-versions');
    const detail = resultBox('submission-detail');
    const leader = user.roles.some(r => LEADERS.includes(r));
    showView(title, reportTabs(user, '#/bao-cao/nop', state),
      h('p', {class: 'muted'}, 'Báo cáo đã nộp được "đóng băng": số liệu không thay đổi nữa. Khi cần điều chỉnh, '
        + 'lãnh đạo đơn vị nộp phiên bản mới kèm lý do; phiên bản mới ghi rõ những ô thay đổi so với phiên bản trước.'),
      form,
      leader ? submitForm(user, state, kind, () => loadVersions(versions, detail, state, kind, user)) : null,
      versions, detail);
    return loadVersions(versions, detail, state, kind, user);
  });
}

function submitForm(user, state, kind, reload) {
  const result = slot('submit-result');
  const reason = h('textarea', {name: 'reason', rows: '3', maxlength: '1000'});
  const button = h('button', {type: 'submit', id: 'submit-report'}, 'Nộp báo cáo kỳ này');
  const form = h('form', {id: 'submit-form', class: 'card', novalidate: true},
    h('h2', {}, `Nộp ${KINDS[kind][1]} của ${unitName(state.unitCode)} — ${periodWords(state)}`),
    field('submit-reason', 'Lý do điều chỉnh', reason,
      {hint: 'Bắt buộc khi nộp lại (phiên bản 2 trở đi); tối đa 1000 ký tự.'}),
    h('div', {class: 'actions'}, button), result);
  form.addEventListener('submit', event => {
    event.preventDefault();
    confirmIn(result, 'Sau khi nộp, số liệu của phiên bản này không thể thay đổi. Nộp báo cáo?', 'Nộp báo cáo',
      async () => {
        button.disabled = true;
        try {
          const {body} = await post('/api/v1/reports/submissions', {unitCode: state.unitCode, kind,
            period: periodBody(state), reason: reason.value.trim()});
          reason.value = '';
          showDoneIn(result, `Đã nộp phiên bản ${body.version}${body.late ? ' (nộp muộn)' : ''}.`);
          await reload();
        } catch (e) {
          showReportError(result, e, {reason: 'submit-reason'});
        } finally {
          button.disabled = false;
        }
      }, {id: 'submit-confirm'});
  });
  return form;
}

async function loadVersions(box, detail, state, kind, user) {
  loadingInto(box);
  fill(detail);
  try {
    const {submissions = []} = await get(`/api/v1/reports/submissions${query({...periodQuery(state),
      unitCode: state.unitCode, kind: KINDS[kind][0]})}`);
    fill(box, h('h2', {}, 'Các phiên bản đã nộp'), submissions.length === 0
      ? h('p', {class: 'muted', id: 'submissions-empty'}, 'Chưa nộp báo cáo nào cho kỳ này.')
      : table('submissions-table', ['Phiên bản', 'Người nộp', 'Thời điểm nộp', 'Tình trạng', 'Lý do', 'Chi tiết'],
        submissions.map(s => {
          const open = h('button', {type: 'button', class: 'link', id: `open-${s.submissionId}`},
            `Xem phiên bản ${s.version}`);
          open.addEventListener('click', () => showSubmission(detail, s.submissionId, user));
          return h('tr', {}, h('td', {class: 'number'}, String(s.version)), h('td', {}, s.submittedBy || '—'),
            h('td', {class: 'nowrap'}, dateTime(s.submittedAt)),
            h('td', {}, h('span', {class: `badge ${s.late ? 'near-due' : 'in-time'}`}, s.late ? 'Nộp muộn' : 'Đúng hạn')),
            h('td', {class: 'prewrap'}, s.reason || '—'), h('td', {}, open));
        }), {caption: 'Mới nhất trước'}));
  } catch (e) {
    const err = slot('submissions-error');
    fill(box, err);
    showReportError(err, e, periodFieldIds('submissions-form'));
  } finally {
    box.removeAttribute('aria-busy');
  }
}

async function showSubmission(box, id, user) {
  loadingInto(box, 'Đang tải phiên bản…');
  try {
    const s = await get(`/api/v1/reports/submissions/${encodeURIComponent(id)}`);
    const diff = s.diff || [];
    const heading = h('h2', {id: 'submission-title', tabindex: '-1'},
      `Phiên bản ${s.version} — ${unitLabel(s.unit)}, ${s.period ? s.period.label : ''}`);
    fill(box, heading,
      h('dl', {class: 'facts'}, fact('Người nộp', s.submittedBy), fact('Thời điểm nộp', dateTime(s.submittedAt)),
        fact('Lý do điều chỉnh', s.reason), fact('Nộp muộn', s.late ? 'Có' : 'Không')),
      s.version > 1 ? h('h3', {}, `Thay đổi so với phiên bản ${s.version - 1}`) : null,
      s.version > 1 ? (diff.length === 0
        ? h('p', {class: 'muted'}, 'Không có ô số liệu nào thay đổi.')
        : table('submission-diff', ['Dòng', 'Cột', 'Trước', 'Sau'], diff.map(d => h('tr', {},
          h('td', {}, unitName(d.rowKey)), h('td', {}, DIFF_COLUMNS[d.column] || d.column),
          h('td', {class: 'number'}, count(d.before)), h('td', {class: 'number'}, count(d.after)))),
        {caption: 'Các ô đã thay đổi'})) : null,
      (s.sources || []).length ? sourcesTable('submission-sources', s.sources) : null,
      s.ii06a ? ii06aTable('submission-ii06a', s.ii06a, `Số liệu đã nộp (phiên bản ${s.version})`) : null,
      exportButtons('submission-export', {kind: s.kind === 'INDICATORS_766' ? 'indicators' : 'ii06a',
        source: 'submitted', submissionId: s.submissionId, unitCode: s.unit ? s.unit.code : '',
        ...periodQueryOf(s.period)}));
    heading.focus();
  } catch (e) {
    const err = slot('submission-error');
    fill(box, err);
    showErrorIn(err, e);
  } finally {
    box.removeAttribute('aria-busy');
  }
}

/** The query of a resolved period the API answered (a version's own period, for its export). */
function periodQueryOf(resolved) {
  const p = resolved && resolved.period ? resolved.period : {};
  return periodQuery({periodKind: p.kind || 'RANGE', year: p.year ? String(p.year) : '',
    number: p.number ? String(p.number) : '', from: resolved ? resolved.from : '', to: resolved ? resolved.to : '',
    window: p.window || ''});
}

// --- consolidation -----------------------------------------------------------------------------------------------

function sourceState(s) {
  if (s.missing) return h('span', {class: 'badge overdue'}, 'Chưa nộp');
  return h('span', {class: `badge ${s.late ? 'near-due' : 'in-time'}`},
    `${s.late ? 'Nộp muộn' : 'Đã nộp'}, phiên bản ${s.version}`);
}

function sourcesTable(id, sources) {
  return table(id, ['Đơn vị', 'Tình trạng', 'Thời điểm nộp'], sources.map(s => h('tr', {},
    h('td', {}, unitLabel(s.unit)), h('td', {}, sourceState(s)), h('td', {class: 'nowrap'}, dateTime(s.submittedAt)))),
  {caption: 'Báo cáo của các đơn vị cấp dưới'});
}

function renderConsolidation(user, params) {
  const title = 'Tổng hợp báo cáo của các đơn vị cấp dưới';
  return withUnits(user, title, units => {
    const state = stateFrom(params, user);
    const out = resultBox('consolidation-result');
    const redraw = () => renderConsolidation(user, params);
    const form = periodForm('consolidation-form', state, units, {withWindow: true,
      onPick: picked => go(hashFor('#/bao-cao/tong-hop', picked), redraw)});
    showView(title, reportTabs(user, '#/bao-cao/tong-hop', state),
      h('p', {class: 'muted'}, 'Số liệu tổng hợp từ phiên bản đã nộp mới nhất của từng đơn vị cấp dưới, cộng với hồ '
        + 'sơ do chính đơn vị giải quyết.'), form, out);
    return loadConsolidation(out, state);
  });
}

async function loadConsolidation(out, state) {
  loadingInto(out);
  const q = {...periodQuery(state), unitCode: state.unitCode};
  try {
    const c = await get(`/api/v1/reports/consolidation${query({...q, kind: 'ii06a'})}`);
    const sources = c.sources || [];
    const missing = sources.filter(s => s.missing).length;
    const late = sources.filter(s => !s.missing && s.late).length;
    fill(out,
      h('p', {class: 'list-summary', id: 'consolidation-summary', role: 'status'},
        `${unitLabel(c.unit)} — ${c.period ? c.period.label : periodWords(state)}: ${sources.length - missing}/`
          + `${sources.length} đơn vị đã nộp, ${late} nộp muộn, ${missing} chưa nộp.`),
      sourcesTable('consolidation-sources', sources),
      c.ii06a ? ii06aTable('consolidation-table', c.ii06a, 'Biểu II.06a tổng hợp') : null,
      exportButtons('consolidation-export', {...q, kind: 'ii06a', source: 'consolidated'}));
  } catch (e) {
    const box = slot('consolidation-error');
    fill(out, box);
    showReportError(box, e, periodFieldIds('consolidation-form'));
  } finally {
    out.removeAttribute('aria-busy');
  }
}

// --- import and rebuild (unit_admin) -------------------------------------------------------------------------------

/** The import's file, streamed as the request body; XMLHttpRequest for the upload's progress, which fetch lacks. */
function sendImport(file, params, onProgress) {
  const type = /\.csv$/i.test(file.name) ? 'text/csv' : 'application/x-ndjson';
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/reports/imports${query(params)}`);
    const user = currentUser();
    if (user) xhr.setRequestHeader('Authorization', `Bearer ${user.accessToken}`);
    xhr.setRequestHeader('Content-Type', type);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Idempotency-Key', crypto.randomUUID());
    xhr.upload.onprogress = e => onProgress(e.lengthComputable ? e.loaded / e.total : null);
    xhr.onload = () => {
      let body = {};
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : {};
      } catch (ignored) {
        body = {};
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}

function renderData(user) {
  const title = 'Nhập dữ liệu lịch sử, dựng lại số liệu';
  return withUnits(user, title, units => {
    const state = stateFrom(new URLSearchParams(), user);
    showView(title, reportTabs(user, '#/bao-cao/du-lieu', state), importForm(units, user), rebuildCard(),
      statusCard());
  });
}

function importForm(units, user) {
  const file = h('input', {type: 'file', name: 'file', accept: '.csv,.jsonl,.ndjson,text/csv,application/x-ndjson'});
  const unit = h('select', {name: 'unitCode'}, unitOptions(units));
  unit.value = user.unit || '';
  const batch = h('input', {name: 'batchSize', type: 'number', min: '1', max: '10000', step: '1', value: '1000',
    inputmode: 'numeric'});
  const progress = h('progress', {id: 'import-progress', max: '100', value: '0', hidden: true,
    'aria-label': 'Tiến độ tải tệp lên'});
  const result = slot('import-result');
  const button = h('button', {type: 'submit', id: 'import-submit'}, 'Nhập dữ liệu');
  const form = h('form', {id: 'import-form', class: 'card', novalidate: true},
    h('h2', {}, 'Nhập hồ sơ lịch sử'),
    h('p', {class: 'muted'}, 'Tệp JSON Lines (.jsonl, mỗi dòng một hồ sơ) hoặc CSV có dòng tiêu đề, theo bộ trường đồng '
      + 'bộ của Cổng Dịch vụ công quốc gia. Hồ sơ được nhập theo lô: một lô có dòng lỗi không được nhập dòng nào và '
      + 'được báo theo số dòng.'),
    field('import-file', 'Tệp dữ liệu', file, {required: true}),
    field('import-unit', 'Đơn vị', unit, {hint: 'Mọi hồ sơ trong tệp phải thuộc đơn vị này hoặc đơn vị cấp dưới.'}),
    field('import-batch', 'Số hồ sơ mỗi lô', batch, {hint: 'Từ 1 đến 10.000; mặc định 1.000.'}),
    h('div', {class: 'actions'}, button), progress, result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = file.files && file.files[0];
    if (!chosen) {
      showErrorIn(result, new ApiError(400, {reason: 'INVALID_FIELD', errors: [{field: 'file', message: 'is required'}]}),
        {file: 'import-file'});
      return;
    }
    button.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    clearSlot(result);
    try {
      const answer = await sendImport(chosen, {unitCode: unit.value, batchSize: batch.value}, share => {
        if (share !== null) progress.value = Math.round(share * 100);
      });
      progress.value = 100;
      result.replaceChildren(importResult(answer));
      result.hidden = false;
      announce(`Đã đọc ${count(answer.rowsRead)} dòng, nhập ${count(answer.rowsImported)} hồ sơ.`);
    } catch (e) {
      showReportError(result, e, {unitCode: 'import-unit', batchSize: 'import-batch', body: 'import-file'});
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function importResult(answer) {
  const errors = answer.errors || [];
  return h('div', {id: 'import-summary'},
    h('p', {class: answer.rowsRejected > 0 ? 'error' : 'done', role: 'status'},
      `Đã đọc ${count(answer.rowsRead)} dòng: nhập ${count(answer.rowsImported)} hồ sơ (${count(answer.batchesApplied)} lô), `
        + `không nhập ${count(answer.rowsRejected)} dòng (${count(answer.batchesRejected)} lô có lỗi).`),
    errors.length ? table('import-errors', ['Dòng', 'Trường', 'Lỗi'], errors.map(e => h('tr', {},
      h('td', {class: 'number'}, count(e.line)), h('td', {class: 'code'}, e.field || '—'), h('td', {}, e.message || '—'))),
    {caption: 'Các dòng lỗi (tối đa 100 dòng đầu)'}) : null);
}

function rebuildCard() {
  const reason = h('textarea', {name: 'reason', rows: '2', maxlength: '1000'});
  const result = slot('rebuild-result');
  const button = h('button', {type: 'button', class: 'danger', id: 'rebuild'}, 'Dựng lại toàn bộ số liệu');
  button.addEventListener('click', () => confirmIn(result,
    'Dựng lại sẽ xóa số liệu tổng hợp và đọc lại toàn bộ dữ liệu nguồn từ đầu. Trong lúc dựng lại, báo cáo có thể '
      + 'chưa đầy đủ. Tiếp tục?', 'Dựng lại', async () => {
      button.disabled = true;
      try {
        const {body} = await post('/api/v1/reports/projections:rebuild', {reason: reason.value.trim()});
        showDoneIn(result, `Đã bắt đầu dựng lại số liệu (lần thứ ${body.generation}).`);
      } catch (e) {
        showErrorIn(result, e, {reason: 'rebuild-reason'});
      } finally {
        button.disabled = false;
      }
    }, {id: 'rebuild-confirm'}));
  return h('section', {class: 'card', 'aria-labelledby': 'rebuild-title'},
    h('h2', {id: 'rebuild-title'}, 'Dựng lại số liệu thống kê'),
    h('p', {class: 'muted'}, 'Chỉ quản trị của đơn vị cấp tỉnh. Dữ liệu đã nhập được giữ và áp dụng lại.'),
    field('rebuild-reason', 'Lý do', reason), h('div', {class: 'actions'}, button), result);
}

function statusCard() {
  const body = resultBox('status-body');
  const refresh = h('button', {type: 'button', class: 'secondary', id: 'status-refresh'}, 'Làm mới');
  const load = async () => {
    loadingInto(body);
    try {
      const s = await get('/api/v1/reports/projections/status');
      fill(body,
        h('dl', {class: 'facts'}, fact('Lần dựng số liệu', count(s.generation)),
          fact('Hồ sơ trong số liệu', count(s.dossierFacts)), fact('Trong đó nhập từ hệ thống cũ', count(s.importedFacts))),
        table('status-feeds', ['Nguồn dữ liệu', 'Đã xử lý đến', 'Mới nhất', 'Lỗi gần nhất'], (s.feeds || []).map(f =>
          h('tr', {}, h('td', {}, f.source), h('td', {class: 'number'}, count(f.appliedSeq)),
            h('td', {class: 'number'}, count(f.highWaterSeq)), h('td', {}, f.lastError || '—'))),
        {caption: 'Tiến độ đọc dữ liệu từ các dịch vụ'}));
    } catch (e) {
      fill(body, errorBlock(e));
    } finally {
      body.removeAttribute('aria-busy');
    }
  };
  refresh.addEventListener('click', load);
  load();
  return h('section', {class: 'card', 'aria-labelledby': 'status-title'},
    h('h2', {id: 'status-title'}, 'Tình trạng số liệu'), h('div', {class: 'actions'}, refresh), body);
}
