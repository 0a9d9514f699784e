// "Theo dõi nhiệm vụ" (issue 14), the issuing unit's side: its directives and the tasks it issued
// (#/theo-doi-nhiem-vu), a directive with its tasks and, for the unit's leader, the form that assigns a task or a
// data-collection campaign with its assignees, deadlines and template columns (#/theo-doi-nhiem-vu/van-ban/<id>),
// and one task's board (#/theo-doi-nhiem-vu/<id>): who is done on time, late, missing or still pending, who has not
// reported anything, the progress reports, and for a campaign the units' reports to open, return with a reason or
// accept, the consolidation of the accepted ones and its submission to the parent unit, each as XLSX.
import {get, post, query, unitName} from '../js/api.js';
import {fact, field, formValues, h, showLoading, showView, table} from '../js/dom.js';
import {date, dateTime} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {clearSlot, errorBlock, pagedList, showDoneIn} from '../js/ui.js';
import {confirmIn, slot, todayIso, unitOptions} from './admin-shared.js';
import {unitLabel, unitsOf} from './report-common.js';
import {
  COLUMN_TYPES, KINDS, LEADERS, OUTPUTS, PREFILLS, REVIEWERS, TASK_READERS, assigneeAssignments, count,
  deadlineText, fill, hasRole, latestOf, loadingInto, receivingUnit, reportStateBadge, rowsTable, showTaskError,
  sortReports, taskLink, timelinessBadge, upwardAssignment, xlsxButton,
} from './task-common.js';
import {taskFacts} from './tasks.js';

const PAGE_SIZE = 50;
const BASE = '#/theo-doi-nhiem-vu';

export function register() {
  addMenu(BASE, 'Theo dõi nhiệm vụ', {roles: TASK_READERS, order: 13});
  addRoute(/^\/theo-doi-nhiem-vu(?:\?(.*))?$/, (m, user) => renderOverview(user, new URLSearchParams(m[1] || '')),
    {roles: TASK_READERS});
  addRoute(/^\/theo-doi-nhiem-vu\/van-ban\/([A-Za-z0-9_-]+)$/, (m, user) => renderDirective(user, m[1]),
    {roles: TASK_READERS});
  addRoute(/^\/theo-doi-nhiem-vu\/([A-Za-z0-9_-]+)$/, (m, user) => renderBoard(user, m[1]), {roles: TASK_READERS});
}

export function boardHref(taskId) {
  return `${BASE}/${encodeURIComponent(taskId)}`;
}

function directiveHref(directiveId) {
  return `${BASE}/van-ban/${encodeURIComponent(directiveId)}`;
}

function directiveLabel(d) {
  return `${d.number || ''}${d.title ? ` — ${d.title}` : ''}`;
}

// --- directives and issued tasks ---------------------------------------------------------------------------------

async function renderOverview(user, params) {
  const title = 'Theo dõi nhiệm vụ';
  showLoading(title);
  let units;
  try {
    units = await unitsOf(user);
  } catch (e) {
    showView(title, errorBlock(e));
    return;
  }
  const unitCode = params.get('unitCode') || user.unit || '';
  const unit = h('select', {name: 'unitCode'}, unitOptions(units));
  unit.value = unitCode;
  const form = h('form', {id: 'issued-filter', class: 'filters', novalidate: true},
    field('issued-unit', 'Đơn vị giao nhiệm vụ', unit),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'issued-filter-submit'}, 'Xem')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const hash = `${BASE}${query({unitCode: unit.value === user.unit ? '' : unit.value})}`;
    if (location.hash === hash) renderOverview(user, params);
    else location.hash = hash;
  });
  const directives = pagedList({
    label: 'văn bản',
    empty: h('p', {class: 'muted', id: 'directives-empty'}, 'Đơn vị chưa ban hành văn bản chỉ đạo nào.'),
    load: async token => {
      const page = await get(`/api/v1/directives${query({unitCode, pageSize: PAGE_SIZE, pageToken: token})}`);
      return {rows: page.directives || [], nextPageToken: page.nextPageToken};
    },
    render: rows => table('directives-table', ['Số, ký hiệu', 'Ngày ban hành', 'Trích yếu', 'Người ký'],
      rows.map(d => h('tr', {},
        h('td', {}, h('a', {href: directiveHref(d.directiveId)}, d.number || '—')),
        h('td', {class: 'nowrap'}, date(d.signedOn)),
        h('td', {}, d.title || '—'),
        h('td', {}, d.signer || '—'))), {caption: 'Văn bản chỉ đạo, mới nhất trước'}),
  });
  const tasks = pagedList({
    label: 'nhiệm vụ',
    empty: h('p', {class: 'muted', id: 'issued-empty'}, 'Đơn vị chưa giao nhiệm vụ nào.'),
    load: async token => {
      const page = await get(`/api/v1/tasks${query({view: 'ISSUED', unitCode, pageSize: PAGE_SIZE,
        pageToken: token})}`);
      return {rows: page.tasks || [], nextPageToken: page.nextPageToken};
    },
    render: rows => table('issued-table', ['Nhiệm vụ', 'Loại', 'Hạn', 'Đơn vị đã hoàn thành'], rows.map(t => {
      const assignees = assigneeAssignments(t);
      const done = assignees.filter(a => a.doneAt).length;
      return h('tr', {'data-task-id': t.taskId},
        h('td', {}, taskLink(t, boardHref(t.taskId)), h('span', {class: 'muted task-directive'}, t.directiveLabel || '')),
        h('td', {}, KINDS[t.kind] || t.kind || '—'),
        h('td', {class: 'nowrap'}, deadlineText(assignees[0])),
        h('td', {class: 'number'}, `${count(done)}/${count(assignees.length)}`));
    }), {caption: 'Nhiệm vụ đã giao, mới nhất trước'}),
  });
  const leader = hasRole(user, LEADERS) && unitCode === user.unit;
  showView(title,
    h('p', {class: 'muted'}, 'Văn bản chỉ đạo và nhiệm vụ do đơn vị giao cho các đơn vị cấp dưới: ai đã hoàn thành, '
      + 'đúng hạn hay quá hạn, ai chưa báo cáo.'),
    form,
    leader ? directiveForm(unitCode) : null,
    h('h2', {}, 'Nhiệm vụ đã giao'), tasks,
    h('h2', {}, 'Văn bản chỉ đạo'), directives,
    punctualityCard(unitCode));
}

/**
 * Each unit's punctuality over a period (the tasks whose deadline fell in it): on time, late, missing and the on-time
 * share, a local indicator in the manner of Decision 766. Loaded when opened.
 */
function punctualityCard(unitCode) {
  const today = todayIso();
  const from = h('input', {name: 'from', type: 'date', value: `${today.slice(0, 8)}01`});
  const to = h('input', {name: 'to', type: 'date', value: today});
  const out = h('div', {id: 'punctuality-result', 'aria-live': 'polite'});
  const form = h('form', {id: 'punctuality-form', class: 'filters', novalidate: true},
    field('punctuality-from', 'Từ ngày', from, {required: true}),
    field('punctuality-to', 'Đến ngày', to, {required: true}),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'punctuality-submit'}, 'Xem')));
  const load = async () => {
    out.setAttribute('aria-busy', 'true');
    loadingInto(out);
    try {
      const p = await get(`/api/v1/tasks/punctuality${query({unitCode, from: from.value, to: to.value})}`);
      const share = u => (u.onTimePerMille === undefined || u.onTimePerMille === null || u.onTimePerMille < 0 ? '—'
        : `${new Intl.NumberFormat('vi-VN', {maximumFractionDigits: 1}).format(u.onTimePerMille / 10)}%`);
      const units = p.units || [];
      const line = (name, c, perMille, css) => h('tr', {class: css},
        h('td', {}, name), h('td', {class: 'number'}, count(c.onTime)), h('td', {class: 'number'}, count(c.late)),
        h('td', {class: 'number'}, count(c.missing)), h('td', {class: 'number'}, count(c.pending)),
        h('td', {class: 'number'}, share({onTimePerMille: perMille})));
      const total = p.total || {};
      const due = Number(total.onTime || 0) + Number(total.late || 0) + Number(total.missing || 0);
      fill(out, units.length === 0
        ? h('p', {class: 'muted', id: 'punctuality-empty'}, 'Không có nhiệm vụ nào đến hạn trong khoảng này.')
        : table('punctuality-table', ['Đơn vị', 'Đúng hạn', 'Quá hạn', 'Chưa hoàn thành, quá hạn', 'Chưa đến hạn',
          'Tỷ lệ đúng hạn'], [...units.map(u => line(unitLabel(u.unit), u.counts || {}, u.onTimePerMille, null)),
          line('Tổng cộng', total, due > 0 ? Math.round((1000 * Number(total.onTime || 0)) / due) : -1, 'total')],
        {caption: `Nhiệm vụ có hạn từ ${date(from.value)} đến ${date(to.value)}`}));
    } catch (e) {
      const box = slot('punctuality-error');
      fill(out, box);
      showTaskError(box, e, {from: 'punctuality-from', to: 'punctuality-to', fromDate: 'punctuality-from',
        toDate: 'punctuality-to'});
    } finally {
      out.removeAttribute('aria-busy');
    }
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    load();
  });
  const card = h('details', {class: 'card', id: 'punctuality'},
    h('summary', {id: 'punctuality-open'}, 'Tỷ lệ hoàn thành nhiệm vụ đúng hạn theo đơn vị'), form, out);
  card.addEventListener('toggle', () => {
    if (card.open && !out.hasChildNodes()) load();
  });
  return card;
}

function directiveForm(unitCode) {
  const result = slot('directive-result');
  const button = h('button', {type: 'submit', id: 'directive-submit'}, 'Ghi nhận văn bản');
  const form = h('form', {id: 'directive-form', novalidate: true},
    field('directive-number', 'Số, ký hiệu văn bản', h('input', {name: 'number', type: 'text', maxlength: '100',
      autocomplete: 'off'}), {required: true, hint: 'Ví dụ: 125/KH-UBND.'}),
    field('directive-signed-on', 'Ngày ban hành', h('input', {name: 'signedOn', type: 'date', value: todayIso(),
      max: todayIso()}), {required: true}),
    field('directive-title', 'Trích yếu', h('textarea', {name: 'title', rows: '2', maxlength: '500'}), {required: true}),
    field('directive-signer', 'Người ký', h('input', {name: 'signer', type: 'text', maxlength: '255'}),
      {required: true, hint: 'Ví dụ: Phó Chủ tịch Nguyễn Văn A.'}),
    field('directive-document', 'Mã tài liệu của văn bản đã ký', h('input', {name: 'documentId', type: 'text',
      autocomplete: 'off'}), {hint: 'Không bắt buộc: bản PDF đã số hóa.'}),
    h('div', {class: 'actions'}, button), result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    clearSlot(result);
    try {
      const v = formValues(form);
      const body = {issuingUnitCode: unitCode, number: v.number, signedOn: v.signedOn, title: v.title,
        signer: v.signer};
      if (v.documentId) body.documentId = v.documentId;
      const {body: directive} = await post('/api/v1/directives', body);
      location.hash = directiveHref(directive.directiveId);
    } catch (e) {
      showTaskError(result, e, {number: 'directive-number', signedOn: 'directive-signed-on', title: 'directive-title',
        signer: 'directive-signer', documentId: 'directive-document', issuingUnitCode: 'directive-number'});
    } finally {
      button.disabled = false;
    }
  });
  return h('details', {class: 'card', id: 'directive-card'},
    h('summary', {id: 'directive-open'}, 'Ghi nhận văn bản chỉ đạo mới'), form);
}

// --- one directive -------------------------------------------------------------------------------------------------

async function renderDirective(user, directiveId) {
  showLoading('Văn bản chỉ đạo');
  let directive;
  let units;
  try {
    [directive, units] = await Promise.all([get(`/api/v1/directives/${encodeURIComponent(directiveId)}`),
      unitsOf(user)]);
  } catch (e) {
    showView('Văn bản chỉ đạo', errorBlock(e), h('p', {}, h('a', {href: BASE}, '← Về theo dõi nhiệm vụ')));
    return;
  }
  const issuer = directive.issuingUnit || {};
  const tasks = directive.tasks || [];
  const leader = hasRole(user, LEADERS) && issuer.code === user.unit;
  showView(`Văn bản ${directive.number || ''}`,
    h('p', {}, h('a', {href: `${BASE}${issuer.code && issuer.code !== user.unit ? query({unitCode: issuer.code}) : ''}`},
      '← Về theo dõi nhiệm vụ')),
    h('dl', {class: 'facts', id: 'directive-facts'},
      fact('Số, ký hiệu', directive.number), fact('Ngày ban hành', date(directive.signedOn)),
      fact('Trích yếu', directive.title), fact('Người ký', directive.signer),
      fact('Đơn vị ban hành', unitLabel(issuer)),
      fact('Tài liệu', directive.documentId ? h('span', {class: 'code'}, directive.documentId) : null),
      fact('Ghi nhận', `${dateTime(directive.issuedAt)}${directive.issuedBy ? ` (${directive.issuedBy})` : ''}`)),
    h('h2', {}, 'Các nhiệm vụ của văn bản'),
    tasks.length === 0
      ? h('p', {class: 'muted', id: 'directive-tasks-empty'}, 'Văn bản chưa có nhiệm vụ nào.')
      : table('directive-tasks', ['Nhiệm vụ', 'Loại', 'Đơn vị được giao', 'Hạn'], tasks.map(t => h('tr', {},
        h('td', {}, taskLink(t, boardHref(t.taskId))),
        h('td', {}, KINDS[t.kind] || t.kind),
        h('td', {}, assigneeAssignments(t).map(a => unitLabel(a.unit)).join(', ') || '—'),
        h('td', {class: 'nowrap'}, deadlineText(assigneeAssignments(t)[0])))), {caption: 'Nhiệm vụ đã giao'}),
    leader ? taskForm(directive, units.filter(u => u.code !== issuer.code)) : null);
}

/** A template column's key from its label: "Tên thủ tục" -> "ten_thu_tuc" (the service's [a-z][a-z0-9_]{0,31}). */
export function keyOf(label, taken) {
  let key = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!/^[a-z]/.test(key)) key = `c_${key}`;
  key = key.slice(0, 32).replace(/_+$/, '');
  let unique = key;
  for (let i = 2; taken.has(unique); i += 1) unique = `${key.slice(0, 32 - String(i).length - 1)}_${i}`;
  taken.add(unique);
  return unique;
}

function columnsEditor() {
  const list = h('ol', {class: 'template-columns', id: 'template-columns'});
  let next = 0;
  const addColumn = (label = '', type = 'TEXT', required = false) => {
    const n = next;
    next += 1;
    const id = `col-${n}`;
    const remove = h('button', {type: 'button', class: 'link', id: `${id}-remove`}, 'Xóa cột');
    const item = h('li', {class: 'template-column', 'data-column': String(n)},
      field(`${id}-label`, 'Tên cột', h('input', {type: 'text', maxlength: '255', value: label, 'data-part': 'label'}),
        {required: true}),
      field(`${id}-key`, 'Mã cột', h('input', {type: 'text', maxlength: '32', autocomplete: 'off', 'data-part': 'key'}),
        {hint: 'Không bắt buộc: tự tạo từ tên cột.'}),
      field(`${id}-type`, 'Kiểu dữ liệu', h('select', {'data-part': 'type'},
        Object.entries(COLUMN_TYPES).map(([v, text]) => h('option', {value: v, selected: v === type}, text)))),
      h('label', {class: 'check', for: `${id}-required`},
        h('input', {type: 'checkbox', id: `${id}-required`, 'data-part': 'required', checked: required}), 'Bắt buộc'),
      h('div', {class: 'actions'}, remove));
    remove.addEventListener('click', () => {
      item.remove();
      document.getElementById('template-add').focus();
    });
    list.append(item);
    return item;
  };
  const add = h('button', {type: 'button', class: 'secondary', id: 'template-add'}, 'Thêm cột');
  add.addEventListener('click', () => addColumn().querySelector('input').focus());
  addColumn('Mã thủ tục', 'TEXT', true);
  addColumn('Tên thủ tục', 'TEXT', true);
  const box = h('fieldset', {id: 'template-fieldset', class: 'template'},
    h('legend', {}, 'Các cột của biểu mẫu'), list, h('div', {class: 'actions'}, add));
  /** The columns as the API takes them, and the control ids of each column (by its position) for errors. */
  box.columns = () => {
    const taken = new Set();
    const items = [...list.querySelectorAll('li.template-column')];
    const typed = items.map(li => li.querySelector('[data-part="key"]').value.trim()).filter(Boolean);
    typed.forEach(k => taken.add(k));
    return items.map(li => {
      const part = name => li.querySelector(`[data-part="${name}"]`);
      const label = part('label').value.trim();
      return {key: part('key').value.trim() || (label ? keyOf(label, taken) : ''), label, type: part('type').value,
        required: part('required').checked};
    });
  };
  box.columnId = (i, part) => {
    const item = list.querySelectorAll('li.template-column')[i];
    if (!item) return null;
    const control = item.querySelector(`[data-part="${part === 'required' ? 'label' : part}"]`);
    return control ? control.id : null;
  };
  return box;
}

function taskForm(directive, units) {
  const result = slot('task-result');
  const kind = h('select', {name: 'kind'}, Object.entries(KINDS).map(([v, text]) => h('option', {value: v}, text)));
  const output = h('select', {name: 'expectedOutput'},
    ['DOCUMENT', 'YES_NO'].map(v => h('option', {value: v}, OUTPUTS[v])));
  const outputField = field('task-output', 'Kết quả cần có', output);
  const upward = h('input', {name: 'upwardDeadline', type: 'datetime-local'});
  const upwardField = field('task-upward', 'Hạn đơn vị tổng hợp, báo cáo lên cấp trên', upward,
    {required: true, hint: `Hạn ${unitLabel(directive.issuingUnit)} nộp báo cáo tổng hợp lên cấp trên; sau hạn của `
      + 'các đơn vị.'});
  const columns = columnsEditor();
  const prefill = field('task-prefill', 'Bản nháp ban đầu', h('select', {name: 'prefill'},
    Object.entries(PREFILLS).map(([v, text]) => h('option', {value: v}, text))),
  {hint: 'Điền sẵn: mỗi thủ tục một dòng, với cột mã "procedure_code" và "procedure_name".'});
  const campaignPart = h('div', {id: 'task-campaign-part'}, upwardField, columns, prefill);
  const sync = () => {
    const campaign = kind.value === 'CAMPAIGN';
    campaignPart.hidden = !campaign;
    outputField.hidden = campaign;
  };
  kind.addEventListener('change', sync);
  const assignees = h('fieldset', {id: 'task-assignees', class: 'assignees'},
    h('legend', {}, 'Đơn vị được giao ', h('span', {class: 'required', 'aria-hidden': 'true'}, '*')),
    h('label', {class: 'check', for: 'task-assignees-all'},
      h('input', {type: 'checkbox', id: 'task-assignees-all', onchange: e => assignees
        .querySelectorAll('input[name="assigneeUnitCodes"]').forEach(c => {
          c.checked = e.target.checked;
        })}), h('strong', {}, 'Chọn tất cả')),
    h('div', {class: 'assignee-list'}, units.map(u => h('label', {class: 'check', for: `assignee-${u.code}`},
      h('input', {type: 'checkbox', name: 'assigneeUnitCodes', value: u.code, id: `assignee-${u.code}`}),
      `${u.name} (${u.code})`))));
  const button = h('button', {type: 'submit', id: 'task-submit'}, 'Giao nhiệm vụ');
  const form = h('form', {id: 'task-form', novalidate: true},
    field('task-kind', 'Loại', kind),
    field('task-title', 'Tên nhiệm vụ', h('textarea', {name: 'title', rows: '2', maxlength: '500'}), {required: true}),
    field('task-description', 'Nội dung, yêu cầu', h('textarea', {name: 'description', rows: '4', maxlength: '4000'}),
      {hint: 'Tối đa 4000 ký tự.'}),
    assignees,
    field('task-deadline', 'Hạn của các đơn vị', h('input', {name: 'deadline', type: 'datetime-local'}),
      {required: true, hint: 'Giờ Việt Nam. Hạn rơi vào ngày nghỉ được lùi sang ngày làm việc tiếp theo.'}),
    outputField, campaignPart,
    field('task-follow-up', 'Người theo dõi, đôn đốc', h('input', {name: 'followUpUser', type: 'text',
      autocomplete: 'off'}), {hint: 'Tên đăng nhập của cán bộ đơn vị; để trống: chính bạn.'}),
    h('div', {class: 'actions'}, button), result);
  sync();
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    clearSlot(result);
    const campaign = kind.value === 'CAMPAIGN';
    const v = formValues(form);
    const body = {kind: kind.value, title: v.title, description: v.description || undefined,
      assigneeUnitCodes: v.assigneeUnitCodes || [], deadline: v.deadline,
      expectedOutput: campaign ? 'REPORT_TEMPLATE' : output.value};
    if (campaign) {
      body.upwardDeadline = upward.value;
      body.template = {columns: columns.columns(), prefill: v.prefill};
    }
    if (v.followUpUser) body.followUpUser = v.followUpUser;
    try {
      const {body: task} = await post(`/api/v1/directives/${encodeURIComponent(directive.directiveId)}/tasks`, body);
      location.hash = boardHref(task.taskId);
    } catch (e) {
      showTaskError(result, e, {title: 'task-title', description: 'task-description', kind: 'task-kind',
        assigneeUnitCodes: 'task-assignees-all', deadline: 'task-deadline', upwardDeadline: 'task-upward',
        expectedOutput: 'task-output', followUpUser: 'task-follow-up', 'template.columns': 'template-add',
        'template.prefill': 'task-prefill'}, {columnId: columns.columnId});
    } finally {
      button.disabled = false;
    }
  });
  return h('section', {class: 'card', id: 'task-card', 'aria-labelledby': 'task-card-title'},
    h('h2', {id: 'task-card-title'}, 'Giao nhiệm vụ hoặc đợt thu thập số liệu'), form);
}

// --- one task's board ----------------------------------------------------------------------------------------------

const COUNT_CARDS = [
  ['onTime', 'Hoàn thành đúng hạn', 'in-time'],
  ['late', 'Hoàn thành quá hạn', 'near-due'],
  ['missing', 'Quá hạn, chưa hoàn thành', 'overdue'],
  ['pending', 'Chưa đến hạn', 'approval'],
  ['silent', 'Chưa báo cáo gì', 'overdue'],
];

async function renderBoard(user, taskId) {
  showLoading('Theo dõi nhiệm vụ');
  let board;
  try {
    board = await get(`/api/v1/tasks/${encodeURIComponent(taskId)}/board`);
  } catch (e) {
    showView('Theo dõi nhiệm vụ', errorBlock(e), h('p', {}, h('a', {href: BASE}, '← Về theo dõi nhiệm vụ')));
    return;
  }
  const task = board.task || {};
  const counts = board.counts || {};
  const assignees = assigneeAssignments(task);
  const redraw = () => renderBoard(user, taskId);
  const reports = task.kind === 'CAMPAIGN' ? reportsSection(user, task, redraw) : null;
  // the reports load on their own; the screen is drawn once they are there (an action's message goes into them)
  if (reports) await reports.ready;
  showView(task.title || 'Theo dõi nhiệm vụ',
    h('p', {class: 'actions'}, h('a', {href: BASE, id: 'board-back'}, '← Về theo dõi nhiệm vụ'),
      h('a', {href: directiveHref(task.directiveId)}, 'Xem văn bản chỉ đạo'),
      h('button', {type: 'button', class: 'secondary', id: 'board-refresh', onclick: redraw}, 'Làm mới')),
    taskFacts(task),
    h('h2', {}, 'Tình hình thực hiện'),
    h('ul', {class: 'overview-cards board-counts', id: 'board-counts'}, COUNT_CARDS.map(([key, label, css]) =>
      h('li', {class: `overview-card ${css}`, id: `board-${key}`},
        h('div', {class: 'overview-button'}, h('span', {class: 'overview-count'}, count(counts[key])),
          h('span', {}, label))))),
    h('p', {class: 'visually-hidden', role: 'status'}, COUNT_CARDS.map(([key, label]) =>
      `${label}: ${count(counts[key])}`).join('; ')),
    table('board-units', ['Đơn vị', 'Hạn', 'Tình trạng', 'Hoàn thành lúc', 'Tiến độ', 'Hoạt động gần nhất',
      ...(task.kind === 'CAMPAIGN' ? ['Báo cáo'] : [])], assignees.map(a => h('tr', {'data-unit': a.unit ? a.unit.code
      : ''},
      h('td', {}, unitLabel(a.unit)),
      h('td', {class: 'nowrap'}, deadlineText(a)),
      h('td', {}, timelinessBadge(a)),
      h('td', {class: 'nowrap'}, a.doneAt ? dateTime(a.doneAt) : '—'),
      h('td', {class: 'number'}, `${a.progressPercent || 0}%`),
      h('td', {}, a.silent || !a.lastActivityAt ? h('span', {class: 'badge overdue'}, 'Chưa báo cáo gì')
        : dateTime(a.lastActivityAt)),
      task.kind === 'CAMPAIGN' ? h('td', {}, reportStateBadge(a.reportState),
        a.reportVersion ? h('span', {class: 'muted'}, ` phiên bản ${a.reportVersion}`) : null) : null)),
    {caption: 'Các đơn vị được giao'}),
    progressTable(board.progress || []),
    reports);
}

function progressTable(progress) {
  if (progress.length === 0) return h('p', {class: 'muted', id: 'board-progress-empty'}, 'Chưa có báo cáo tiến độ nào.');
  return h('details', {class: 'card', id: 'board-progress-card'}, h('summary', {}, `Báo cáo tiến độ (${progress.length})`),
    table('board-progress', ['Đơn vị', 'Thời điểm', 'Mức hoàn thành', 'Nội dung', 'Tài liệu'], progress.map(p =>
      h('tr', {}, h('td', {}, unitLabel(p.unit)),
        h('td', {class: 'nowrap'}, `${dateTime(p.reportedAt)}${p.reportedBy ? ` (${p.reportedBy})` : ''}`),
        h('td', {class: 'number'}, `${p.percent || 0}%`), h('td', {class: 'prewrap'}, p.text || '—'),
        h('td', {class: 'code'}, (p.documentIds || []).join(', ') || '—'))), {caption: 'Cũ nhất trước'}));
}

// --- a campaign's reports ------------------------------------------------------------------------------------------

function reportsSection(user, task, redraw) {
  const box = h('section', {class: 'card', id: 'board-reports', 'aria-labelledby': 'board-reports-title'});
  const detail = h('div', {id: 'report-detail', 'aria-live': 'polite'});
  const columns = (task.template && task.template.columns) || [];
  const load = async () => {
    box.setAttribute('aria-busy', 'true');
    loadingInto(box, 'Đang tải báo cáo của các đơn vị…');
    try {
      const reports = (await get(`/api/v1/tasks/${encodeURIComponent(task.taskId)}/reports`)).reports || [];
      const issuer = task.issuingUnit || {};
      const fromAssignees = reports.filter(r => !r.consolidation && !(r.unit && r.unit.code === issuer.code));
      const own = reports.filter(r => r.consolidation || (r.unit && r.unit.code === issuer.code));
      const result = slot('board-reports-result');
      fill(box, h('h2', {id: 'board-reports-title'}, 'Báo cáo của các đơn vị'),
        fromAssignees.length === 0
          ? h('p', {class: 'muted', id: 'board-reports-empty'}, 'Chưa đơn vị nào lưu hoặc nộp báo cáo.')
          : table('board-reports-table', ['Đơn vị', 'Phiên bản', 'Tình trạng', 'Nộp lúc', 'Thao tác'],
            sortReports(fromAssignees).map(r => reportRow(user, task, r, detail, result, load, redraw)),
            {caption: 'Mọi phiên bản, mới nhất trước trong từng đơn vị'}),
        result, detail,
        upwardCard(user, task, own, columns, load, redraw));
    } catch (e) {
      fill(box, h('h2', {id: 'board-reports-title'}, 'Báo cáo của các đơn vị'), errorBlock(e));
    } finally {
      box.removeAttribute('aria-busy');
    }
  };
  box.ready = load();
  return box;
}

function reportRow(user, task, r, detail, result, reload, redraw) {
  const unitCode = r.unit ? r.unit.code : '';
  const tag = `${unitCode}-v${r.version}`;
  const open = h('button', {type: 'button', class: 'link', id: `report-open-${tag}`,
    'aria-label': `Xem báo cáo của ${unitLabel(r.unit)}, phiên bản ${r.version}`}, 'Xem');
  open.addEventListener('click', () => showReport(detail, user, task, r.reportId, reload, redraw));
  const actions = [open];
  const reviewer = hasRole(user, REVIEWERS) && receivingUnit(task, r) === user.unit;
  if (r.state === 'SUBMITTED' && reviewer) {
    const accept = h('button', {type: 'button', id: `report-accept-${tag}`,
      'aria-label': `Tiếp nhận báo cáo của ${unitLabel(r.unit)}, phiên bản ${r.version}`}, 'Tiếp nhận');
    accept.addEventListener('click', () => acceptReport(result, r, accept, async () => {
      await redraw();
    }));
    actions.push(accept);
  }
  if (r.state !== 'DRAFT') {
    actions.push(xlsxButton(`report-xlsx-${tag}`, task.taskId, unitCode, 'Tải XLSX', result));
  }
  return h('tr', {'data-unit': unitCode, 'data-version': String(r.version)},
    h('td', {}, unitLabel(r.unit)),
    h('td', {class: 'number'}, String(r.version)),
    h('td', {}, reportStateBadge(r.state), r.late ? h('span', {class: 'badge near-due'}, 'Nộp muộn') : null),
    h('td', {class: 'nowrap'}, dateTime(r.submittedAt)),
    h('td', {}, h('div', {class: 'actions row-actions'}, actions)));
}

async function acceptReport(result, r, button, after) {
  button.disabled = true;
  try {
    await post(`/api/v1/campaign-reports/${encodeURIComponent(r.reportId)}/accept`, {});
    await after();
    const again = document.getElementById('board-reports-result');
    if (again) showDoneIn(again, `Đã tiếp nhận báo cáo của ${unitLabel(r.unit)}, phiên bản ${r.version}.`);
  } catch (e) {
    showTaskError(result, e);
    button.disabled = false;
  }
}

async function showReport(box, user, task, reportId, reload, redraw) {
  const columns = (task.template && task.template.columns) || [];
  loadingInto(box, 'Đang tải báo cáo…');
  let r;
  try {
    r = await get(`/api/v1/campaign-reports/${encodeURIComponent(reportId)}`);
  } catch (e) {
    fill(box, errorBlock(e));
    return;
  }
  const result = slot('report-detail-result');
  const heading = h('h3', {id: 'report-detail-title', tabindex: '-1'},
    `Báo cáo của ${unitLabel(r.unit)}, phiên bản ${r.version}`);
  const reviewer = hasRole(user, REVIEWERS) && receivingUnit(task, r) === user.unit;
  let review = null;
  if (r.state === 'SUBMITTED' && reviewer) {
    const reason = h('textarea', {name: 'reason', rows: '3', maxlength: '1000'});
    const back = h('button', {type: 'submit', class: 'danger', id: 'report-return'}, 'Trả lại để chỉnh sửa');
    const accept = h('button', {type: 'button', id: 'report-accept'}, 'Tiếp nhận');
    review = h('form', {id: 'review-form', novalidate: true},
      field('review-reason', 'Lý do trả lại', reason, {hint: 'Bắt buộc khi trả lại; tối đa 1000 ký tự.'}),
      h('div', {class: 'actions'}, accept, back));
    accept.addEventListener('click', () => acceptReport(result, r, accept, redraw));
    review.addEventListener('submit', async event => {
      event.preventDefault();
      back.disabled = true;
      try {
        await post(`/api/v1/campaign-reports/${encodeURIComponent(r.reportId)}/return`, {reason: reason.value.trim()});
        await redraw();
        const again = document.getElementById('board-reports-result');
        if (again) showDoneIn(again, `Đã trả lại báo cáo của ${unitLabel(r.unit)}, phiên bản ${r.version}.`);
      } catch (e) {
        showTaskError(result, e, {reason: 'review-reason'});
        back.disabled = false;
      }
    });
  }
  fill(box, h('div', {class: 'card report-detail'}, heading,
    h('dl', {class: 'facts'},
      fact('Tình trạng', reportStateBadge(r.state)),
      fact('Lưu lúc', `${dateTime(r.savedAt)}${r.savedBy ? ` (${r.savedBy})` : ''}`),
      fact('Nộp lúc', r.submittedAt ? `${dateTime(r.submittedAt)}${r.submittedBy ? ` (${r.submittedBy})` : ''}${
        r.late ? ', nộp muộn' : ''}` : null),
      r.returnedAt ? fact('Trả lại', `${dateTime(r.returnedAt)}: ${r.returnReason || ''}`) : null,
      r.acceptedAt ? fact('Tiếp nhận lúc', `${dateTime(r.acceptedAt)}${r.acceptedBy ? ` (${r.acceptedBy})` : ''}`)
        : null),
    rowsTable('report-detail-rows', columns, r, `Các dòng của phiên bản ${r.version}`),
    review, result));
  heading.focus();
}

/** The issuer's own line: consolidate the accepted reports, then submit the consolidation to the parent unit. */
function upwardCard(user, task, own, columns, reload, redraw) {
  const issuer = task.issuingUnit || {};
  const upward = upwardAssignment(task);
  if (!upward && own.length === 0) return null;
  const mine = issuer.code === user.unit;
  const latest = latestOf(own, null);
  const result = slot('upward-result');
  const rows = h('div', {id: 'upward-rows'});
  const parts = [h('h3', {id: 'upward-title'}, `Báo cáo tổng hợp của ${unitLabel(issuer)} lên ${unitName(
    issuer.parentCode)}`),
  h('dl', {class: 'facts'},
    fact('Hạn', deadlineText(upward)),
    fact('Tình trạng', upward ? timelinessBadge(upward) : null),
    fact('Báo cáo tổng hợp', latest ? [reportStateBadge(latest.state), ` phiên bản ${latest.version}`,
      latest.returnReason && latest.state === 'RETURNED' ? ` — lý do trả lại: ${latest.returnReason}` : '']
      : 'Chưa tổng hợp'))];
  const buttons = [];
  const canConsolidate = mine && hasRole(user, REVIEWERS) && (!latest || ['DRAFT', 'RETURNED'].includes(latest.state));
  if (canConsolidate) {
    const consolidate = h('button', {type: 'button', id: 'consolidate'},
      latest && latest.state === 'DRAFT' ? 'Tổng hợp lại' : 'Tổng hợp báo cáo đã tiếp nhận');
    consolidate.addEventListener('click', async () => {
      consolidate.disabled = true;
      try {
        const {body} = await post(`/api/v1/tasks/${encodeURIComponent(task.taskId)}/consolidation`, {});
        await reload();
        const again = document.getElementById('upward-result');
        if (again) showDoneIn(again, `Đã tổng hợp ${count(body.rowCount ?? (body.rows || []).length)} dòng từ `
          + `${count((body.sourceReportIds || []).length)} báo cáo (bản nháp phiên bản ${body.version}).`);
      } catch (e) {
        showTaskError(result, e);
        consolidate.disabled = false;
      }
    });
    buttons.push(consolidate);
  }
  if (mine && hasRole(user, LEADERS) && latest && latest.state === 'DRAFT') {
    const submit = h('button', {type: 'button', class: 'secondary', id: 'upward-submit'}, 'Nộp lên cấp trên');
    submit.addEventListener('click', () => confirmIn(result, `Nộp báo cáo tổng hợp lên ${unitName(issuer.parentCode)}? `
      + 'Sau khi nộp, báo cáo không sửa được nữa trừ khi bị trả lại.', 'Nộp lên cấp trên', async () => {
      submit.disabled = true;
      try {
        const {body} = await post(`/api/v1/tasks/${encodeURIComponent(task.taskId)}/reports/submit`,
          {unitCode: issuer.code});
        await reload();
        const again = document.getElementById('upward-result');
        if (again) showDoneIn(again, `Đã nộp báo cáo tổng hợp phiên bản ${body.version}${body.late ? ' (nộp muộn)' : ''}.`);
      } catch (e) {
        showTaskError(result, e);
        submit.disabled = false;
      }
    }, {id: 'upward-confirm'}));
    buttons.push(submit);
  }
  if (latest) {
    const open = h('button', {type: 'button', class: 'secondary', id: 'upward-open'}, 'Xem các dòng tổng hợp');
    open.addEventListener('click', () => showReport(rows, user, task, latest.reportId, reload, redraw));
    buttons.push(open);
    if (latest.state !== 'DRAFT') buttons.push(xlsxButton('upward-xlsx', task.taskId, issuer.code, 'Tải XLSX', result));
    else if (own.some(r => r.state !== 'DRAFT')) {
      buttons.push(xlsxButton('upward-xlsx', task.taskId, issuer.code, 'Tải XLSX (phiên bản đã nộp)', result));
    }
  }
  // a receiving parent sees the submitted consolidation in the same place, with its review buttons
  if (latest && latest.state === 'SUBMITTED' && hasRole(user, REVIEWERS) && receivingUnit(task, latest) === user.unit) {
    const review = h('button', {type: 'button', id: 'upward-review'}, 'Xem để tiếp nhận hoặc trả lại');
    review.addEventListener('click', () => showReport(rows, user, task, latest.reportId, reload, redraw));
    buttons.push(review);
  }
  parts.push(h('div', {class: 'actions'}, buttons), result, rows);
  return h('div', {class: 'upward card', id: 'upward'}, parts);
}
