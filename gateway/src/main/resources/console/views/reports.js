// Reports: the daily receptions report (report-service) for a date range and a unit of the viewer's subtree, with
// its table downloadable as CSV; and the tracking register (sổ theo dõi hồ sơ, Form 06) as a PDF for officers.
import {call, get, loadUnitNames, query, unitName} from '../js/api.js';
import {field, formValues, h, saveBlob, showLoading, showView, table} from '../js/dom.js';
import {date} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {errorBlock, showDoneIn, showErrorIn} from '../js/ui.js';
import {addDays, slot, subtreeOf, todayIso, unitOptions} from './admin-shared.js';

const VIEWERS = ['report_viewer', 'unit_leader'];
/** Who may print the register (RoleDocs.ACTS_REGISTER). */
const REGISTER = ['reception_officer', 'specialist', 'unit_leader', 'clerk', 'tthc_controller', 'unit_admin'];
const NUMBER = new Intl.NumberFormat('vi-VN');

export function register() {
  // #/bao-cao is the statistics dashboard (report-dashboard.js); the daily counts keep their own address
  addMenu('#/thong-ke-tiep-nhan', 'Báo cáo tiếp nhận', {roles: VIEWERS, home: true, order: 70});
  addRoute(/^\/thong-ke-tiep-nhan$/, (match, user) => renderReport(user), {roles: VIEWERS});
  addMenu('#/so-theo-doi', 'Sổ theo dõi hồ sơ', {roles: REGISTER, order: 75});
  addRoute(/^\/so-theo-doi$/, (match, user) => renderRegister(user), {roles: REGISTER});
}

async function unitsOf(user) {
  const [all] = await Promise.all([get('/api/v1/units').then(b => b.units || []), loadUnitNames()]);
  return subtreeOf(all, user.unit);
}

/** Shows the loading state, then draw(units) with the units of the user's subtree (or the error). */
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

function renderReport(user) {
  return withUnits(user, 'Báo cáo số hồ sơ tiếp nhận theo ngày', units => drawReport(user, units));
}

async function drawReport(user, units) {
  const title = 'Báo cáo số hồ sơ tiếp nhận theo ngày';
  const today = todayIso();
  const out = h('div', {id: 'report-result'});
  const form = h('form', {id: 'report-form', novalidate: true, class: 'filters'},
    field('rp-from', 'Từ ngày', h('input', {name: 'from', type: 'date', value: `${today.slice(0, 8)}01`, max: today}),
      {required: true}),
    field('rp-to', 'Đến ngày', h('input', {name: 'to', type: 'date', value: today, max: today}), {required: true}),
    field('rp-unit', 'Đơn vị', h('select', {name: 'unitCode'},
      unitOptions(units, {blank: `Tất cả đơn vị thuộc ${unitName(user.unit)}`})),
    {hint: 'Số liệu gồm đơn vị được chọn và các đơn vị cấp dưới.'}),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'report-show'}, 'Xem báo cáo')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    load(form, out);
  });
  showView(title,
    h('p', {class: 'muted'}, 'Số hồ sơ tiếp nhận mỗi ngày (giờ Việt Nam) tại từng đơn vị; tối đa 366 ngày mỗi lần xem.'),
    form, out);
  await load(form, out);
}

async function load(form, out) {
  const v = formValues(form);
  out.replaceChildren(h('p', {class: 'muted', role: 'status'}, 'Đang tải báo cáo…'));
  let rows;
  try {
    rows = (await get(`/api/v1/reports/daily-receptions${query(v)}`)).rows || [];
  } catch (e) {
    out.replaceChildren();
    const box = slot('report-error');
    out.append(box);
    showErrorIn(box, e, {from: 'rp-from', to: 'rp-to', unitCode: 'rp-unit'});
    return;
  }
  rows = rows.slice().sort((a, b) => a.date.localeCompare(b.date) || unitName(a.unitCode).localeCompare(unitName(b.unitCode)));
  const total = rows.reduce((sum, r) => sum + Number(r.received), 0);
  const period = v.from === v.to ? `ngày ${date(v.from)}` : `từ ${date(v.from)} đến ${date(v.to)}`;
  const scope = v.unitCode ? unitName(v.unitCode) : 'tất cả đơn vị';
  const summary = h('p', {class: 'list-summary', id: 'report-summary', role: 'status'},
    `Tổng số hồ sơ tiếp nhận ${period} (${scope}): ${NUMBER.format(total)}`);
  if (rows.length === 0) {
    out.replaceChildren(summary, h('p', {class: 'muted', id: 'report-empty'}, 'Không có hồ sơ nào được tiếp nhận trong khoảng này.'));
    return;
  }
  const perUnit = new Map();
  for (const r of rows) perUnit.set(r.unitCode, (perUnit.get(r.unitCode) || 0) + Number(r.received));
  const downloaded = slot('report-download-result');
  const csv = h('button', {type: 'button', class: 'secondary', id: 'report-csv'}, 'Tải về tệp CSV');
  csv.addEventListener('click', () => {
    const lines = [['Ngày', 'Mã đơn vị', 'Tên đơn vị', 'Số hồ sơ tiếp nhận'],
      ...rows.map(r => [date(r.date), r.unitCode, unitName(r.unitCode), String(r.received)])];
    const text = `\uFEFF${lines.map(cols => cols.map(csvCell).join(',')).join('\r\n')}\r\n`;
    const name = `tiep-nhan-${v.from}-${v.to}${v.unitCode ? `-${v.unitCode}` : ''}.csv`;
    saveBlob(new Blob([text], {type: 'text/csv;charset=utf-8'}), name);
    showDoneIn(downloaded, `Đã tải về tệp ${name}.`);
  });
  out.replaceChildren(summary,
    table('report-units', ['Đơn vị', 'Số hồ sơ tiếp nhận'], [...perUnit.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => h('tr', {}, h('td', {}, unitName(code)), h('td', {class: 'number'}, NUMBER.format(n)))),
    {caption: 'Theo đơn vị'}),
    table('report-days', ['Ngày', 'Đơn vị', 'Số hồ sơ tiếp nhận'], rows.map(r => h('tr', {},
      h('td', {class: 'nowrap'}, date(r.date)),
      h('td', {}, unitName(r.unitCode)),
      h('td', {class: 'number'}, NUMBER.format(r.received)))), {caption: 'Theo ngày'}),
    h('div', {class: 'actions'}, csv),
    downloaded);
}

function csvCell(value) {
  const text = String(value);
  // a cell starting like a formula is quoted with a leading apostrophe so a spreadsheet shows it as text
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function renderRegister(user) {
  return withUnits(user, 'Sổ theo dõi hồ sơ', units => drawRegister(user, units));
}

function drawRegister(user, units) {
  const title = 'Sổ theo dõi hồ sơ';
  const today = todayIso();
  const result = slot('register-result');
  const form = h('form', {id: 'register-form', novalidate: true},
    field('rg-from', 'Từ ngày', h('input', {name: 'from', type: 'date', value: addDays(today, -6), max: today}),
      {required: true}),
    field('rg-to', 'Đến ngày', h('input', {name: 'to', type: 'date', value: today, max: today}),
      {required: true, hint: 'Hai ngày trong cùng một năm.'}),
    field('rg-unit', 'Bộ phận tiếp nhận', h('select', {name: 'unitCode'}, unitOptions(units))),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'register-print'}, 'Tải sổ theo dõi (PDF)')),
    result);
  form.querySelector('select').value = user.unit || '';
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = formValues(form);
    if (v.unitCode === user.unit) delete v.unitCode;
    const button = form.querySelector('#register-print');
    button.disabled = true;
    try {
      const {response} = await call(`/api/v1/registers/tracking${query(v)}`, {raw: true, accept: 'application/pdf'});
      const blob = await response.blob();
      const match = /filename="([A-Za-z0-9._-]+)"/.exec(response.headers.get('Content-Disposition') || '');
      const name = match ? match[1] : `so-theo-doi-${v.from}-${v.to}.pdf`;
      const count = response.headers.get('X-Row-Count');
      saveBlob(blob, name);
      showDoneIn(result, `Đã tải về ${name}${count !== null ? ` (${count} hồ sơ)` : ''}.`);
    } catch (e) {
      showErrorIn(result, e, {from: 'rg-from', to: 'rg-to', unitCode: 'rg-unit'});
    } finally {
      button.disabled = false;
    }
  });
  showView(title,
    h('p', {class: 'muted'}, 'Sổ theo dõi hồ sơ (Mẫu số 06) của Bộ phận tiếp nhận và trả kết quả: các hồ sơ tiếp nhận '
      + 'trong khoảng ngày đã chọn, khổ A4 ngang, để in.'),
    form);
}
