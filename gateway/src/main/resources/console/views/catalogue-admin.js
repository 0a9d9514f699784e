// The procedure catalogue for TTHC controllers (tthc_controller): the publication review, procedures and their
// versions, drafting a version, publishing it, withdrawing a procedure, and importing or exporting the catalogue as
// CSV/XLSX. An import is all rows or none; its problems are listed per row of the file, in Vietnamese.
import {ApiError, call, download, get, loadUnitNames, post, query, unitName} from '../js/api.js';
import {field, formValues, h, saveBlob, showLoading, showView, table} from '../js/dom.js';
import {date, money} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {FEE_LABELS, onlineDiscountText} from '../js/labels.js';
import {clearSlot, errorBlock, pagedList, showDoneIn, showErrorIn} from '../js/ui.js';
import {confirmIn, LEVELS, slot, subtreeOf, todayIso, unitOptions} from './admin-shared.js';

const CONTROLLER = ['tthc_controller'];
const CODE = /^[0-9][0-9.A-Za-z]{0,40}$/;
const MAX_VERSIONS = 30;

export const STATES = {DRAFT: 'Dự thảo', PUBLISHED: 'Đã công bố', WITHDRAWN: 'Đã ngừng áp dụng'};
export const TIME_UNITS = {
  WORKING_DAYS: 'ngày làm việc', WORKING_HOURS: 'giờ làm việc', CALENDAR_DAYS: 'ngày', MONTHS: 'tháng',
};
export const ONLINE_LEVELS = {NONE: 'Không trực tuyến', PARTIAL: 'Trực tuyến một phần', FULL: 'Trực tuyến toàn trình'};
const ISSUES = {
  IN_EFFECT_NOT_PUBLISHED: 'Đã đến ngày hiệu lực nhưng chưa công bố',
  PUBLISHED_LATE: 'Công bố muộn so với quy định',
  MISSING_COMPONENTS: 'Chưa có thành phần hồ sơ',
};

export function register() {
  addMenu('#/quan-ly-thu-tuc', 'Danh mục thủ tục', {roles: CONTROLLER, home: true, order: 65});
  addRoute(/^\/quan-ly-thu-tuc$/, (match, user) => renderHome(user), {roles: CONTROLLER});
  addRoute(/^\/quan-ly-thu-tuc\/([^/]+)$/, (match, user) => renderProcedure(user, decodeURIComponent(match[1])),
    {roles: CONTROLLER});
}

function procedureHref(code) {
  return `#/quan-ly-thu-tuc/${encodeURIComponent(code)}`;
}

/** The units a controller works for: their unit and the units below it (GET /api/v1/units). */
async function scopeUnits(user) {
  const all = (await get('/api/v1/units')).units || [];
  return subtreeOf(all, user.unit);
}

async function renderHome(user, notice = null) {
  const title = 'Quản lý danh mục thủ tục hành chính';
  showLoading(title);
  let units;
  try {
    [units] = await Promise.all([scopeUnits(user), loadUnitNames()]);
  } catch (e) {
    showView(title, errorBlock(e));
    return;
  }
  showView(title,
    notice,
    reviewSection(),
    findSection(),
    listSection(units),
    importSection(),
    exportSection(),
    h('section', {'aria-labelledby': 'draft-title'},
      h('h2', {id: 'draft-title'}, 'Soạn dự thảo thủ tục mới'),
      h('details', {class: 'card', id: 'draft-new'}, h('summary', {}, 'Mở biểu mẫu soạn dự thảo'),
        draftForm(user, units, null))));
}

function reviewSection() {
  const out = h('div', {id: 'review-result'});
  const asOf = h('input', {name: 'asOf', type: 'date', value: todayIso()});
  const load = async () => {
    out.replaceChildren(h('p', {class: 'muted', role: 'status'}, 'Đang rà soát…'));
    try {
      // the gateway leaves an empty list out of its JSON
      const items = (await get(`/api/v1/catalog/review${query({asOf: asOf.value})}`)).items || [];
      // a draft is not readable over the public procedure route, so it is published from here, by code and version
      const publishSlot = h('div', {id: 'review-publish'});
      const publish = i => {
        publishSlot.replaceChildren(publishForm({procedure: {code: i.code, version: i.version}}, async message => {
          await load();
          showDoneIn(out.querySelector('#review-done'), message);
        }));
        publishSlot.querySelector('input').focus();
      };
      const done = slot('review-done');
      out.replaceChildren(done, items.length
        ? table('review', ['Mã thủ tục', 'Phiên bản', 'Tên thủ tục', 'Vấn đề cần xử lý', 'Thao tác'], items.map(i => h('tr', {},
          h('td', {}, h('a', {href: procedureHref(i.code), class: 'code'}, i.code)),
          h('td', {}, String(i.version)),
          h('td', {}, i.name),
          h('td', {}, ISSUES[i.issue] || 'Cần kiểm tra'),
          h('td', {}, i.issue === 'IN_EFFECT_NOT_PUBLISHED'
            ? h('button', {type: 'button', class: 'secondary', onclick: () => publish(i)}, 'Công bố') : ''))),
        {caption: `Kết quả rà soát: ${items.length} mục`})
        : h('p', {class: 'done', id: 'review-empty'}, 'Không có thủ tục nào cần xử lý.'), publishSlot);
    } catch (e) {
      out.replaceChildren(errorBlock(e));
    }
  };
  const form = h('form', {id: 'review-form', novalidate: true},
    field('review-asof', 'Tính đến ngày', asOf),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'secondary'}, 'Rà soát')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    load();
  });
  load();
  return h('section', {'aria-labelledby': 'review-title'},
    h('h2', {id: 'review-title'}, 'Rà soát công bố thủ tục'),
    h('p', {class: 'muted'}, 'Thủ tục đã đến ngày có hiệu lực mà chưa công bố, công bố muộn, hoặc chưa có thành phần hồ sơ.'),
    form, out);
}

function findSection() {
  const input = h('input', {name: 'code', maxlength: '40', autocomplete: 'off'});
  const result = slot('find-result');
  const form = h('form', {id: 'find-form', novalidate: true},
    field('find-code', 'Mã thủ tục', input, {hint: 'Ví dụ: 1.001193'}),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'secondary'}, 'Xem thủ tục')),
    result);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const code = input.value.trim();
    if (!CODE.test(code)) {
      result.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Mã thủ tục gồm chữ số và dấu chấm, ví dụ 1.001193.'));
      result.hidden = false;
      return;
    }
    location.hash = procedureHref(code);
  });
  return h('section', {'aria-labelledby': 'find-title'}, h('h2', {id: 'find-title'}, 'Xem thủ tục và các phiên bản'), form);
}

function listSection(units) {
  const unitSelect = h('select', {name: 'unitCode'}, unitOptions(units));
  const holder = h('div', {id: 'procedures-holder'});
  const show = () => {
    holder.replaceChildren(pagedList({
      label: 'thủ tục',
      load: async pageToken => {
        const page = await get(`/api/v1/procedures${query({unitCode: unitSelect.value, pageSize: 50, pageToken})}`);
        return {rows: page.procedures, nextPageToken: page.nextPageToken};
      },
      render: procedures => table('procedures', ['Mã', 'Tên thủ tục', 'Lĩnh vực', 'Phiên bản', 'Thời hạn'],
        procedures.map(p => h('tr', {},
          h('td', {}, h('a', {href: procedureHref(p.code), class: 'code'}, p.code)),
          h('td', {}, p.name),
          h('td', {}, p.field),
          h('td', {}, String(p.version)),
          h('td', {}, timeLimit(p.timeLimit)))), {caption: 'Thủ tục đang tiếp nhận'}),
      empty: h('p', {class: 'muted'}, 'Đơn vị này chưa tiếp nhận thủ tục nào.'),
    }));
  };
  unitSelect.addEventListener('change', show);
  show();
  return h('section', {'aria-labelledby': 'list-title'},
    h('h2', {id: 'list-title'}, 'Thủ tục đang tiếp nhận tại đơn vị'),
    field('list-unit', 'Đơn vị', unitSelect), holder);
}

function timeLimit(limit) {
  return limit ? `${limit.amount} ${TIME_UNITS[limit.unit] || ''}`.trim() : '—';
}

// --- import and export ---------------------------------------------------------------------------------------

const COLUMN_LABELS = {
  code: 'Mã thủ tục (code)',
  name: 'Tên thủ tục (name)',
  field: 'Lĩnh vực (field)',
  level: 'Cấp thực hiện (level)',
  time_limit_amount: 'Thời hạn giải quyết (time_limit_amount)',
  time_limit_unit: 'Đơn vị thời hạn (time_limit_unit)',
  online_level: 'Mức độ trực tuyến (online_level)',
  postal_allowed: 'Tiếp nhận qua bưu chính (postal_allowed)',
  boundary_free_allowed: 'Không phụ thuộc địa giới hành chính (boundary_free_allowed)',
  requires_paper_result: 'Trả kết quả bản giấy (requires_paper_result)',
  effective_on: 'Ngày có hiệu lực (effective_on)',
  fees: 'Phí, lệ phí (fees)',
  online_fee_discount_percent: 'Giảm phí khi nộp trực tuyến, % (online_fee_discount_percent)',
  components: 'Thành phần hồ sơ (components)',
  receiving_units: 'Nơi tiếp nhận (receiving_units)',
  content: 'Tệp',
  format: 'Định dạng tệp',
};

// CatalogueCells' and DraftRules' sentences (dossier-service) as the person fixing the file should read them
const ROW_MESSAGES = [
  [/^is required \(YYYY-MM-DD\)/, () => 'bắt buộc, ghi theo dạng năm-tháng-ngày (YYYY-MM-DD)'],
  [/^is required \(COMMUNE, DISTRICT or PROVINCE\)/, () => 'bắt buộc: COMMUNE (xã), DISTRICT (huyện) hoặc PROVINCE (tỉnh)'],
  [/^is required \(WORKING_DAYS/, () => 'bắt buộc: WORKING_DAYS (ngày làm việc), WORKING_HOURS (giờ làm việc), '
    + 'CALENDAR_DAYS (ngày) hoặc MONTHS (tháng)'],
  [/^is required \(NONE, PARTIAL or FULL\)/, () => 'bắt buộc: NONE, PARTIAL hoặc FULL'],
  [/^is required/, () => 'bắt buộc phải có'],
  [/^is not one of \[(.*)\]/, m => `phải là một trong các giá trị: ${m[1]}`],
  [/^is not a whole number/, () => 'phải là số nguyên'],
  [/^is not true or false/, () => 'phải là có hoặc không (true/false)'],
  [/^item (\d+) is not name:amount/, m => `mục ${m[1]} không đúng dạng tên:số tiền`],
  [/^item (\d+) is not name\|/, m => `mục ${m[1]} không đúng dạng tên|bản chính|số lượng|chỉ xuất trình`],
  [/^item (\d+) is not unit:competent_unit/, m => `mục ${m[1]} không đúng dạng mã đơn vị:mã đơn vị có thẩm quyền`],
  [/^is not a JSON array/, () => 'không phải danh sách JSON hợp lệ'],
  [/^each JSON item/, () => 'có mục JSON thiếu tên hoặc sai kiểu giá trị'],
  [/^is not a TTHC code/, () => 'không phải mã thủ tục hợp lệ (ví dụ 1.001193 hoặc 1.004194.000.00.00.H12)'],
  [/^must be greater than 0/, () => 'phải lớn hơn 0'],
  [/^at most (\d+) characters/, m => `tối đa ${m[1]} ký tự`],
  [/^at most (\d+) (items|units)/, m => `tối đa ${m[1]} mục`],
  [/^at most (\d+) (\w+)/, m => `tối đa ${m[1]} ${TIME_UNITS[m[2]] || ''}`.trim()],
  [/^is not a date/, () => 'không phải ngày hợp lệ (YYYY-MM-DD)'],
  [/^must be between (\S+) and (\S+)( đồng)?/, m => `phải từ ${m[1]} đến ${m[2]}${m[3] || ''}`],
  [/^contains control characters/, () => 'chứa ký tự điều khiển không hợp lệ'],
  [/^must be one line/, () => 'phải viết trên một dòng'],
  [/^must not start with/, () => 'không được bắt đầu bằng = + - @'],
  [/^at least one receiving unit/, () => 'phải có ít nhất một nơi tiếp nhận'],
  [/^unit (\S+) is listed twice/, m => `đơn vị ${m[1]} bị ghi hai lần`],
  [/^unit (\S+) does not exist/, m => `đơn vị ${m[1]} không tồn tại`],
  [/^same procedure as row (\d+)/, m => `trùng thủ tục với dòng ${m[1]}; mỗi tệp chỉ có một phiên bản của một thủ tục`],
  [/^is empty/, () => 'tệp rỗng'],
  [/^is larger than/, () => 'tệp lớn hơn 5 MB'],
  [/^is not UTF-8/, () => 'tệp CSV phải là văn bản UTF-8'],
  [/^has a header but no procedure rows/, () => 'tệp chỉ có dòng tiêu đề, chưa có dòng thủ tục nào'],
  [/^misses the column\(s\) (.*) in its header row/, m => `dòng tiêu đề thiếu cột: ${m[1]}`],
  [/^has more than|too many rows/, () => 'tệp có quá nhiều dòng (tối đa 2000)'],
];

function rowMessage(message) {
  for (const [pattern, say] of ROW_MESSAGES) {
    const m = pattern.exec(message || '');
    if (m) return say(m);
  }
  return 'không hợp lệ';
}

/** "timeLimitAmount" or "receiving_units[0].unit_code" → the file's column, "time_limit_amount"/"receiving_units". */
function columnOf(path) {
  const base = String(path).split(/[.[]/)[0];
  return base.replace(/([A-Z])/g, c => `_${c.toLowerCase()}`);
}

/** One line per problem: "Dòng 3 — Cấp thực hiện (level): phải là một trong …". */
export function importProblems(error) {
  const errors = Array.isArray(error.problem && error.problem.errors) ? error.problem.errors : [];
  return errors.map(e => {
    const m = /^row (\d+): (.+)$/.exec(e.field || '');
    const column = columnOf(m ? m[2] : e.field || 'content');
    const where = m ? `Dòng ${m[1]}` : 'Tệp';
    return {row: m ? Number(m[1]) : 0, text: `${where} — ${COLUMN_LABELS[column] || column}: ${rowMessage(e.message)}`};
  }).sort((a, b) => a.row - b.row);
}

function importSection() {
  const result = slot('import-result');
  const file = h('input', {name: 'file', type: 'file', accept: '.csv,.xlsx,text/csv,'
    + 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'});
  const form = h('form', {id: 'import-form', novalidate: true},
    field('import-file', 'Tệp danh mục (CSV hoặc XLSX)', file, {required: true,
      hint: 'Mỗi dòng là một phiên bản dự thảo; dòng đầu là tiêu đề cột như tệp xuất ra. Tối đa 1 MB. '
        + 'Nếu có dòng sai, không dòng nào được nhập.'}),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'import-button'}, 'Nhập danh mục')),
    result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearSlot(result);
    const chosen = file.files[0];
    if (!chosen) {
      result.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Hãy chọn tệp CSV hoặc XLSX để nhập.'));
      result.hidden = false;
      return;
    }
    const xlsx = /\.xlsx$/i.test(chosen.name);
    if (!xlsx && !/\.csv$/i.test(chosen.name)) {
      result.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Chỉ nhận tệp có đuôi .csv hoặc .xlsx.'));
      result.hidden = false;
      return;
    }
    if (chosen.size > 1024 * 1024) {
      result.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Tệp lớn hơn 1 MB: hãy chia thành nhiều tệp nhỏ hơn.'));
      result.hidden = false;
      return;
    }
    const button = form.querySelector('#import-button');
    button.disabled = true;
    try {
      const {body} = await call('/api/v1/catalog:import', {method: 'POST', body: chosen,
        contentType: xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv'});
      form.reset();
      showDoneIn(result, `Đã nhập ${body.draftsCreated} thủ tục dự thảo từ tệp ${chosen.name}.`);
    } catch (e) {
      const problems = e instanceof ApiError ? importProblems(e) : [];
      if (problems.length) {
        const omitted = e.problem.errorsOmitted || 0;
        result.replaceChildren(h('div', {class: 'error', role: 'alert', id: 'import-errors'},
          h('p', {class: 'error-message'}, `Tệp ${chosen.name} chưa được nhập: có ${problems.length + omitted} lỗi cần sửa. `
            + 'Không dòng nào được nhập; sửa các dòng dưới đây rồi nhập lại cả tệp.'),
          h('ul', {class: 'error-fields'}, problems.map(p => h('li', {}, p.text))),
          omitted > 0 ? h('p', {class: 'muted'}, `và ${omitted} lỗi khác.`) : null));
        result.hidden = false;
        announceFirst(result);
      } else {
        showErrorIn(result, e);
      }
    } finally {
      button.disabled = false;
    }
  });
  return h('section', {'aria-labelledby': 'import-title'},
    h('h2', {id: 'import-title'}, 'Nhập danh mục từ tệp'), form);
}

function announceFirst(node) {
  node.setAttribute('tabindex', '-1');
  node.focus();
}

function exportSection() {
  const result = slot('export-result');
  const button = (format, label) => {
    const b = h('button', {type: 'button', class: 'secondary', id: `export-${format}`}, label);
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        const {blob, fileName} = await download(`/api/v1/catalog:export?format=${format}`, `danh-muc-tthc.${format}`);
        saveBlob(blob, fileName);
        showDoneIn(result, `Đã tải về tệp ${fileName}.`);
      } catch (e) {
        showErrorIn(result, e);
      } finally {
        b.disabled = false;
      }
    });
    return b;
  };
  return h('section', {'aria-labelledby': 'export-title'},
    h('h2', {id: 'export-title'}, 'Xuất danh mục đang công bố'),
    h('p', {class: 'muted'}, 'Tệp có cùng các cột như tệp nhập, dùng làm mẫu để soạn phiên bản mới.'),
    h('div', {class: 'actions'}, button('csv', 'Tải về tệp CSV'), button('xlsx', 'Tải về tệp Excel (XLSX)')),
    result);
}

// --- one procedure and its versions --------------------------------------------------------------------------

/** Every version of a code, found by asking for 1, 2, … until one is missing (drafts are shown to controllers). */
async function loadVersions(code) {
  const versions = [];
  for (let n = 1; n <= MAX_VERSIONS; n += 1) {
    try {
      versions.push(await get(`/api/v1/public/procedures/${encodeURIComponent(code)}${query({version: n})}`));
    } catch (e) {
      if (e.status === 404) break;
      throw e;
    }
  }
  return versions;
}

async function renderProcedure(user, code, notice = null) {
  if (!CODE.test(code)) {
    showView('Không tìm thấy thủ tục', h('p', {}, 'Mã thủ tục không đúng định dạng.'), back());
    return;
  }
  showLoading(`Thủ tục ${code}`);
  let versions;
  let units;
  try {
    [versions, units] = await Promise.all([loadVersions(code), scopeUnits(user), loadUnitNames()]);
  } catch (e) {
    showView(`Thủ tục ${code}`, errorBlock(e), back());
    return;
  }
  if (versions.length === 0) {
    showView('Không tìm thấy thủ tục', h('p', {}, `Không có thủ tục mã ${code} đã công bố. Dự thảo chưa công bố `
      + 'được xem và công bố từ mục "Rà soát công bố".'), back());
    return;
  }
  const newest = versions[versions.length - 1];
  const published = versions.find(v => v.state === 'PUBLISHED');
  const reload = message => renderProcedure(user, code, h('p', {class: 'done', role: 'status', id: 'procedure-notice'},
    message));
  const rows = versions.map(v => {
    const p = v.procedure || {};
    return h('tr', {'data-version': String(p.version)},
      h('td', {}, String(p.version)),
      h('td', {}, STATES[v.state] || '—'),
      h('td', {}, p.name),
      h('td', {class: 'nowrap'}, date(v.effectiveOn)),
      h('td', {}, v.publishedOn ? `${date(v.publishedOn)} (${v.publicationDecision || '—'})` : '—'));
  });
  const drafts = versions.filter(v => v.state === 'DRAFT');
  showView(`${code}: ${(published || newest).procedure.name}`,
    back(),
    notice,
    table('versions', ['Phiên bản', 'Trạng thái', 'Tên thủ tục', 'Ngày có hiệu lực', 'Ngày và quyết định công bố'], rows,
      {caption: 'Các phiên bản'}),
    versionDetails(published || newest),
    drafts.map(v => publishForm(v, reload)),
    published ? withdrawSection(published, reload) : null,
    h('section', {'aria-labelledby': 'redraft-title'},
      h('h2', {id: 'redraft-title'}, 'Soạn phiên bản dự thảo mới'),
      h('details', {class: 'card', id: 'draft-next'}, h('summary', {}, 'Mở biểu mẫu (điền sẵn từ phiên bản '
        + `${(published || newest).procedure.version})`), draftForm(user, units, published || newest, reload))));
}

function back() {
  return h('p', {}, h('a', {href: '#/quan-ly-thu-tuc'}, '← Danh mục thủ tục'));
}

function versionDetails(v) {
  const p = v.procedure;
  const receiving = v.receivingUnits.map(u => u.unitCode === u.competentUnitCode
    ? unitNameOf(u.unitCode) : `${unitNameOf(u.unitCode)} (thẩm quyền: ${unitNameOf(u.competentUnitCode)})`);
  return h('section', {'aria-labelledby': 'version-title'},
    h('h2', {id: 'version-title'}, `Phiên bản ${p.version} (${STATES[v.state] || ''})`),
    h('dl', {class: 'facts', id: 'version-facts'},
      h('dt', {}, 'Lĩnh vực'), h('dd', {}, p.field || '—'),
      h('dt', {}, 'Cấp thực hiện'), h('dd', {}, LEVELS[p.level] || '—'),
      h('dt', {}, 'Thời hạn giải quyết'), h('dd', {}, timeLimit(p.timeLimit)),
      h('dt', {}, 'Mức độ trực tuyến'), h('dd', {}, ONLINE_LEVELS[p.onlineLevel] || '—'),
      h('dt', {}, 'Phí, lệ phí'), h('dd', {id: 'version-fees'}, p.fees.length ? p.fees.map(f => `${f.name}: ${money(f.amount)}`
        + (f.legalBasis ? ` (${FEE_LABELS.legalBasis}: ${f.legalBasis})` : '')).join('; ') : 'Không thu'),
      h('dt', {}, 'Giảm phí trực tuyến'), h('dd', {id: 'version-online-discount'},
        onlineDiscountText(p.onlineFeeDiscountPercent) || 'Không'),
      h('dt', {}, 'Qua bưu chính'), h('dd', {}, p.postalAllowed ? 'Có' : 'Không'),
      h('dt', {}, 'Nghĩa vụ tài chính'), h('dd', {id: 'version-obligation-pause'}, p.financialObligationPausesClock
        ? 'Không tính vào thời hạn giải quyết' : 'Tính vào thời hạn giải quyết'),
      h('dt', {}, 'Nơi tiếp nhận'), h('dd', {}, receiving.join('; ') || '—')),
    h('h3', {}, 'Thành phần hồ sơ'),
    p.components.length
      ? h('ul', {}, p.components.map(c => h('li', {}, `${c.name} — ${c.quantity} bộ`
        + `${c.originalRequired ? ', bản chính' : ''}${c.presentOnly ? ', chỉ xuất trình' : ''}`)))
      : h('p', {class: 'muted'}, 'Chưa có thành phần hồ sơ.'));
}

function unitNameOf(code) {
  return code ? unitName(code) : '—';
}

function publishForm(v, reload) {
  const n = v.procedure.version;
  const result = slot(`publish-${n}-result`);
  const form = h('form', {id: `publish-${n}`, class: 'publish-form', novalidate: true},
    field(`pub-${n}-decision`, 'Số quyết định công bố', h('input', {name: 'publicationDecision', maxlength: '128',
      autocomplete: 'off'}), {required: true, hint: 'Ví dụ: 1234/QĐ-UBND'}),
    field(`pub-${n}-on`, 'Ngày công bố', h('input', {name: 'publishedOn', type: 'date', value: todayIso(),
      max: todayIso()}), {required: true}),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: `publish-${n}-button`}, `Công bố phiên bản ${n}`)),
    result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await post(`/api/v1/catalog/procedures/${encodeURIComponent(v.procedure.code)}/versions/${n}:publish`,
        formValues(form));
      await reload(`Đã công bố phiên bản ${n} của thủ tục ${v.procedure.code}.`);
    } catch (e) {
      showErrorIn(result, e, {publicationDecision: `pub-${n}-decision`, publishedOn: `pub-${n}-on`});
    }
  });
  return h('section', {'aria-labelledby': `publish-${n}-title`},
    h('h2', {id: `publish-${n}-title`}, `Công bố phiên bản dự thảo ${n}`),
    h('p', {class: 'muted'}, `${v.effectiveOn ? `Có hiệu lực từ ${date(v.effectiveOn)}. ` : ''}`
      + 'Sau khi công bố, phiên bản không sửa được nữa.'),
    form);
}

function withdrawSection(v, reload) {
  const result = slot('withdraw-result');
  const form = h('form', {id: 'withdraw-form', novalidate: true},
    field('withdraw-reason', 'Lý do ngừng áp dụng', h('textarea', {name: 'reason', maxlength: '1000', rows: '2'}),
      {required: true}),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'danger'}, 'Ngừng áp dụng thủ tục')),
    result);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const {reason} = formValues(form);
    confirmIn(result, `Ngừng áp dụng thủ tục ${v.procedure.code} "${v.procedure.name}"? Thủ tục sẽ không còn trong danh `
      + 'mục công khai và không tiếp nhận hồ sơ mới.', 'Đồng ý ngừng áp dụng', async () => {
      try {
        await post(`/api/v1/catalog/procedures/${encodeURIComponent(v.procedure.code)}:withdraw`, {reason});
        await reload(`Đã ngừng áp dụng thủ tục ${v.procedure.code}.`);
      } catch (e) {
        showErrorIn(result, e, {reason: 'withdraw-reason'});
      }
    }, {id: 'withdraw-confirm'});
  });
  return h('section', {'aria-labelledby': 'withdraw-title'},
    h('h2', {id: 'withdraw-title'}, 'Ngừng áp dụng thủ tục'), form);
}

// --- a draft -------------------------------------------------------------------------------------------------

function choices(map, selected) {
  return Object.entries(map).map(([k, v]) => h('option', {value: k, selected: k === selected}, v));
}

/** A draft version: blank, or filled in from a version (a new version of the same code). */
function draftForm(user, units, from, reload = null) {
  const p = from ? from.procedure : null;
  const id = from ? 'dn' : 'dd';
  const receiving = new Set(from ? from.receivingUnits.map(u => u.unitCode) : []);
  const result = slot(`${id}-result`);
  const form = h('form', {id: `${id}-form`, novalidate: true, autocomplete: 'off'},
    field(`${id}-code`, 'Mã thủ tục', h('input', {name: 'code', maxlength: '40', value: p ? p.code : '',
      readonly: Boolean(p)}), {required: true, hint: 'Mã trên Cơ sở dữ liệu quốc gia về TTHC, ví dụ 1.001193.'}),
    field(`${id}-name`, 'Tên thủ tục', h('input', {name: 'name', maxlength: '500', value: p ? p.name : ''}),
      {required: true}),
    field(`${id}-field`, 'Lĩnh vực', h('input', {name: 'field', maxlength: '200', value: p ? p.field : ''}),
      {required: true}),
    field(`${id}-level`, 'Cấp thực hiện', h('select', {name: 'level'}, choices(LEVELS, p ? p.level : 'COMMUNE'))),
    field(`${id}-amount`, 'Thời hạn giải quyết', h('input', {name: 'amount', type: 'number', min: '1', step: '1',
      value: p && p.timeLimit ? String(p.timeLimit.amount) : ''}), {required: true}),
    field(`${id}-unit`, 'Đơn vị thời hạn', h('select', {name: 'unit'},
      choices(TIME_UNITS, p && p.timeLimit ? p.timeLimit.unit : 'WORKING_DAYS'))),
    field(`${id}-online`, 'Mức độ trực tuyến', h('select', {name: 'onlineLevel'},
      choices(ONLINE_LEVELS, p ? p.onlineLevel : 'PARTIAL'))),
    h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'postalAllowed', checked: p ? p.postalAllowed : false}),
      'Tiếp nhận và trả kết quả qua bưu chính'),
    h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'boundaryFreeAllowed',
      checked: p ? p.boundaryFreeAllowed : false}), 'Không phụ thuộc địa giới hành chính'),
    h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'requiresPaperResult',
      checked: from ? from.requiresPaperResult : false}), 'Trả kết quả bản giấy'),
    // carried from the version drafted from, so a new version of a land procedure keeps its paused clock (issue 16)
    h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'financialObligationPausesClock',
      checked: p ? Boolean(p.financialObligationPausesClock) : false}),
      'Thời gian thực hiện nghĩa vụ tài chính không tính vào thời hạn giải quyết'),
    field(`${id}-fees`, 'Phí, lệ phí', h('textarea', {name: 'fees', rows: '2',
      value: p ? p.fees.map(f => `${f.name}: ${f.amount}${f.legalBasis ? ` | ${f.legalBasis}` : ''}`).join('\n') : ''}),
    {hint: 'Mỗi dòng một khoản: tên: số tiền (đồng), nếu có thì thêm | căn cứ pháp lý, ví dụ '
      + '"Lệ phí: 8000 | Nghị quyết số …/NQ-HĐND". Để trống nếu không thu.'}),
    field(`${id}-discount`, FEE_LABELS.onlineFeeDiscountPercent, h('input', {name: 'onlineFeeDiscountPercent',
      type: 'number', min: '0', max: '100', step: '1', inputmode: 'numeric',
      value: p ? String(p.onlineFeeDiscountPercent || 0) : '0'}),
    {hint: 'Phần trăm giảm phí, lệ phí khi hồ sơ nộp trực tuyến và thanh toán trực tuyến; 0 nếu không giảm.'}),
    field(`${id}-components`, 'Thành phần hồ sơ', h('textarea', {name: 'components', rows: '3',
      value: p ? p.components.map(c => c.name).join('\n') : ''}), {hint: 'Mỗi dòng một giấy tờ (01 bộ).'}),
    h('fieldset', {}, h('legend', {}, 'Nơi tiếp nhận'),
      units.map(u => h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'receivingUnits', value: u.code,
        checked: receiving.has(u.code)}), `${u.name} (${u.code})`))),
    field(`${id}-effective`, 'Ngày có hiệu lực', h('input', {name: 'effectiveOn', type: 'date', value: todayIso()}),
      {required: true}),
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Lưu dự thảo')),
    result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = formValues(form);
    const lines = text => text.split('\n').map(s => s.trim()).filter(Boolean);
    const fees = [];
    for (const line of lines(v.fees)) {
      // "tên: số tiền" or "tên: số tiền | căn cứ pháp lý" (the legal basis may hold colons, the amount may not)
      const m = /^(.+?)\s*:\s*([0-9.]+)\s*(?:\|\s*(.*))?$/.exec(line);
      if (!m) {
        result.replaceChildren(h('p', {class: 'error', role: 'alert'},
          `Khoản phí "${line}" cần viết dạng tên: số tiền | căn cứ pháp lý, ví dụ "Lệ phí: 8000".`));
        result.hidden = false;
        return;
      }
      const fee = {name: m[1], amount: Number(m[2].replace(/\./g, ''))};
      if (m[3] && m[3].trim()) fee.legalBasis = m[3].trim();
      fees.push(fee);
    }
    const body = {
      code: v.code, name: v.name, field: v.field, level: v.level,
      timeLimit: {amount: Number(v.amount) || 0, unit: v.unit},
      fees,
      // sent as typed: a whole number 0..100 is the service's rule, and "12.5" comes back as its field problem
      onlineFeeDiscountPercent: v.onlineFeeDiscountPercent === '' ? 0 : Number(v.onlineFeeDiscountPercent),
      onlineLevel: v.onlineLevel,
      postalAllowed: v.postalAllowed, boundaryFreeAllowed: v.boundaryFreeAllowed,
      requiresPaperResult: v.requiresPaperResult,
      financialObligationPausesClock: v.financialObligationPausesClock,
      // a component kept from the version drafted from keeps its original/quantity/present-only facts; a new line is
      // one copy
      components: lines(v.components).map(name => {
        const kept = p ? p.components.find(c => c.name === name) : null;
        return kept ? {name, originalRequired: kept.originalRequired, quantity: kept.quantity,
          presentOnly: kept.presentOnly} : {name, originalRequired: false, quantity: 1, presentOnly: false};
      }),
      receivingUnits: v.receivingUnits.map(code => ({unitCode: code, competentUnitCode: code})),
      effectiveOn: v.effectiveOn,
    };
    try {
      const {body: created} = await post('/api/v1/catalog/procedures', body);
      const n = created.procedure ? created.procedure.version : '';
      const saved = `Đã lưu dự thảo phiên bản ${n} của thủ tục ${v.code}. Dự thảo được công bố từ mục "Rà soát công bố"`
        + ' khi đến ngày có hiệu lực.';
      if (reload) {
        await reload(saved);
      } else {
        form.reset();
        showDoneIn(result, saved);
      }
    } catch (e) {
      showErrorIn(result, e, {code: `${id}-code`, name: `${id}-name`, field: `${id}-field`, level: `${id}-level`,
        'timeLimit.amount': `${id}-amount`, 'timeLimit.unit': `${id}-unit`, onlineLevel: `${id}-online`,
        onlineFeeDiscountPercent: `${id}-discount`, fees: `${id}-fees`,
        effectiveOn: `${id}-effective`});
    }
  });
  return form;
}
