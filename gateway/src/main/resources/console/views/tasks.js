// "Nhiệm vụ" (issue 14): the tasks assigned to the officer's unit (#/nhiem-vu), one task with what the unit does about
// it (#/nhiem-vu/<id>): report progress, complete it (a yes/no answer or a document), and for a data-collection
// campaign fill the report's rows in the template's columns, save the draft and submit it; and the unit's reminders
// inbox (#/nhiem-vu/thong-bao) with the addresses reminders are e-mailed to. The issuer's side is task-board.js.
import {call, get, post, query, unitName} from '../js/api.js';
import {fact, field, formValues, h, showLoading, showView, table} from '../js/dom.js';
import {dateTime} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {clearSlot, errorBlock, pagedList, showDoneIn} from '../js/ui.js';
import {confirmIn, slot, unitOptions} from './admin-shared.js';
import {unitLabel, unitsOf} from './report-common.js';
import {
  CONTACT_EDITORS, KINDS, LEADERS, OUTPUTS, STAGES, TASK_READERS, assignmentOf, deadlineText, fill, hasRole,
  latestOf, loadingInto, notificationBadge, reportStateBadge, rowsEditor, rowsTable, showTaskError, sortReports,
  taskLink, timelinessBadge, xlsxButton,
} from './task-common.js';

const PAGE_SIZE = 50;

export function register() {
  addMenu('#/nhiem-vu', 'Nhiệm vụ', {roles: TASK_READERS, order: 12});
  addRoute(/^\/nhiem-vu(?:\?(.*))?$/, (m, user) => renderList(user, new URLSearchParams(m[1] || '')),
    {roles: TASK_READERS});
  addRoute(/^\/nhiem-vu\/thong-bao$/, (m, user) => renderInbox(user), {roles: TASK_READERS});
  addRoute(/^\/nhiem-vu\/([A-Za-z0-9_-]+)$/, (m, user) => renderTask(user, m[1]), {roles: TASK_READERS});
}

export function taskHref(taskId) {
  return `#/nhiem-vu/${encodeURIComponent(taskId)}`;
}

function boardHref(taskId) {
  return `#/theo-doi-nhiem-vu/${encodeURIComponent(taskId)}`;
}

/** The unread reminders, as a line that opens the inbox. */
function inboxLine() {
  const line = h('p', {class: 'inbox-line', id: 'inbox-line'});
  get(`/api/v1/task-notifications${query({unreadOnly: 'true', pageSize: 1})}`)
    .then(page => {
      const unread = Number(page.unread || 0);
      fill(line, h('a', {href: '#/nhiem-vu/thong-bao', id: 'inbox-link'},
        unread > 0 ? `Thông báo nhắc việc: ${unread} chưa đọc` : 'Thông báo nhắc việc: không có thông báo mới'),
      unread > 0 ? h('span', {class: 'badge overdue count-badge', 'aria-hidden': 'true'}, String(unread)) : null);
    })
    .catch(() => fill(line, h('a', {href: '#/nhiem-vu/thong-bao', id: 'inbox-link'}, 'Thông báo nhắc việc')));
  return line;
}

// --- the list ----------------------------------------------------------------------------------------------------

async function renderList(user, params) {
  const title = 'Nhiệm vụ được giao';
  showLoading(title);
  let units;
  try {
    units = await unitsOf(user);
  } catch (e) {
    showView(title, errorBlock(e));
    return;
  }
  const unitCode = params.get('unitCode') || user.unit || '';
  const openOnly = params.get('openOnly') === 'true';
  const unit = h('select', {name: 'unitCode'}, unitOptions(units));
  unit.value = unitCode;
  const open = h('input', {type: 'checkbox', name: 'openOnly', id: 'tasks-open-only', checked: openOnly});
  const form = h('form', {id: 'tasks-filter', class: 'filters', novalidate: true},
    field('tasks-unit', 'Đơn vị được giao', unit),
    h('div', {class: 'field'}, h('label', {class: 'check', for: 'tasks-open-only'}, open, 'Chỉ nhiệm vụ chưa hoàn thành')),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'tasks-filter-submit'}, 'Xem')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const v = formValues(form);
    const hash = `#/nhiem-vu${query({unitCode: v.unitCode === user.unit ? '' : v.unitCode,
      openOnly: v.openOnly ? 'true' : ''})}`;
    if (location.hash === hash) renderList(user, params);
    else location.hash = hash;
  });
  const list = pagedList({
    label: 'nhiệm vụ',
    empty: h('p', {class: 'muted', id: 'tasks-empty'}, 'Chưa có nhiệm vụ nào được giao cho đơn vị.'),
    load: async token => {
      const page = await get(`/api/v1/tasks${query({view: 'ASSIGNED', unitCode, openOnly: openOnly ? 'true' : '',
        pageSize: PAGE_SIZE, pageToken: token})}`);
      return {rows: page.tasks || [], nextPageToken: page.nextPageToken};
    },
    render: tasks => table('tasks-table', ['Nhiệm vụ', 'Đơn vị giao', 'Loại', 'Hạn', 'Tình trạng', 'Tiến độ'],
      tasks.map(t => {
        const mine = assignmentOf(t, unitCode) || (t.assignments || [])[0] || null;
        const upward = mine && mine.stage === 'UPWARD';
        return h('tr', {'data-task-id': t.taskId},
          h('td', {}, taskLink(t, upward ? boardHref(t.taskId) : taskHref(t.taskId)),
            h('span', {class: 'muted task-directive'}, t.directiveLabel || ''),
            upward ? h('span', {class: 'muted task-directive'}, STAGES.UPWARD) : null),
          h('td', {}, unitLabel(t.issuingUnit)),
          h('td', {}, KINDS[t.kind] || t.kind || '—'),
          h('td', {class: 'nowrap'}, deadlineText(mine)),
          h('td', {}, timelinessBadge(mine)),
          h('td', {}, t.kind === 'CAMPAIGN'
            ? [reportStateBadge(mine && mine.reportState),
              mine && mine.reportVersion ? h('span', {class: 'muted'}, ` phiên bản ${mine.reportVersion}`) : null]
            : `${mine ? mine.progressPercent || 0 : 0}%`));
      }), {caption: `Nhiệm vụ giao cho ${unitName(unitCode)}, mới nhất trước`}),
  });
  showView(title,
    h('p', {class: 'muted'}, 'Các nhiệm vụ, đợt thu thập số liệu mà cấp trên giao cho đơn vị. Hạn hiển thị theo giờ '
      + 'Việt Nam; hạn rơi vào ngày nghỉ được lùi sang ngày làm việc tiếp theo.'),
    inboxLine(), form, list);
}

// --- one task ----------------------------------------------------------------------------------------------------

async function renderTask(user, taskId) {
  showLoading('Nhiệm vụ');
  let task;
  try {
    task = (await get(`/api/v1/tasks/${encodeURIComponent(taskId)}`));
  } catch (e) {
    showView('Nhiệm vụ', errorBlock(e), h('p', {}, h('a', {href: '#/nhiem-vu'}, '← Về danh sách nhiệm vụ')));
    return;
  }
  const own = assignmentOf(task, user.unit);
  // an officer of a unit above reads the assignment of the unit below (one, as the list opened it) but acts on none
  const mine = own || assigneeOf(task);
  const unitCode = mine && mine.unit ? mine.unit.code : user.unit;
  const redraw = () => renderTask(user, taskId);
  const sections = [];
  if (!mine || (!own && task.issuingUnit && task.issuingUnit.code === user.unit)) {
    sections.push(h('p', {class: 'card', id: 'task-issuer'}, 'Nhiệm vụ này do đơn vị giao. Xem tình hình thực hiện của '
      + 'các đơn vị tại ', h('a', {href: boardHref(task.taskId), id: 'task-board-link'}, 'trang theo dõi nhiệm vụ'),
    '.'));
  } else if (mine.stage === 'UPWARD') {
    sections.push(h('p', {class: 'card', id: 'task-upward'}, 'Đơn vị là nơi giao nhiệm vụ này. Tiếp nhận báo cáo của '
      + 'các đơn vị, tổng hợp và nộp lên cấp trên tại ', h('a', {href: boardHref(task.taskId), id: 'task-board-link'},
      'trang theo dõi nhiệm vụ'), '.'));
  } else {
    sections.push(assignmentCard(mine));
    if (task.kind === 'CAMPAIGN') {
      sections.push(campaignSection(user, task, unitCode));
    } else if (!mine.doneAt && own && hasRole(user, LEADERS)) {
      sections.push(completeForm(task, unitCode, mine, redraw));
    }
    if (!mine.doneAt && own) sections.push(progressForm(task, unitCode, mine, redraw));
  }
  showView(task.title || 'Nhiệm vụ',
    h('p', {}, h('a', {href: '#/nhiem-vu', id: 'task-back'}, '← Về danh sách nhiệm vụ')),
    taskFacts(task), sections);
}

/** A reader from a unit above sees the assignments of the units below it: the first one stands for "the unit". */
function assigneeOf(task) {
  const list = task.assignments || [];
  return list.length === 1 ? list[0] : null;
}

export function taskFacts(task) {
  return h('dl', {class: 'facts', id: 'task-facts'},
    fact('Văn bản chỉ đạo', task.directiveLabel),
    fact('Đơn vị giao', unitLabel(task.issuingUnit)),
    fact('Loại', KINDS[task.kind] || task.kind),
    fact('Kết quả cần có', OUTPUTS[task.expectedOutput] || task.expectedOutput),
    fact('Nội dung', task.description ? h('span', {class: 'prewrap'}, task.description) : null),
    fact('Người theo dõi, đôn đốc', task.followUpUser),
    fact('Giao lúc', dateTime(task.createdAt)));
}

function assignmentCard(a) {
  return h('section', {class: 'card', id: 'assignment', 'aria-labelledby': 'assignment-title'},
    h('h2', {id: 'assignment-title'}, `Phần việc của ${unitLabel(a.unit)}`),
    h('dl', {class: 'facts'},
      fact('Hạn', deadlineText(a)),
      fact('Tình trạng', timelinessBadge(a)),
      fact('Tiến độ', `${a.progressPercent || 0}%`),
      fact('Hoàn thành lúc', a.doneAt ? `${dateTime(a.doneAt)}${a.doneBy ? ` (${a.doneBy})` : ''}` : null),
      a.doneAt && a.documentId ? fact('Tài liệu kết quả', h('span', {class: 'code'}, a.documentId)) : null,
      fact('Hoạt động gần nhất', a.lastActivityAt ? dateTime(a.lastActivityAt) : 'Chưa có')));
}

function progressForm(task, unitCode, mine, redraw) {
  const result = slot('progress-result');
  const text = h('textarea', {name: 'text', rows: '3', maxlength: '4000'});
  const percent = h('input', {name: 'percent', type: 'number', min: String(mine.progressPercent || 0), max: '100',
    step: '1', inputmode: 'numeric', value: String(mine.progressPercent || 0)});
  const docs = h('input', {name: 'documentIds', type: 'text', autocomplete: 'off'});
  const button = h('button', {type: 'submit', id: 'progress-submit'}, 'Gửi báo cáo tiến độ');
  const form = h('form', {id: 'progress-form', class: 'card', novalidate: true},
    h('h2', {}, 'Báo cáo tiến độ'),
    field('progress-text', 'Nội dung đã thực hiện', text, {required: true, hint: 'Tối đa 4000 ký tự.'}),
    field('progress-percent', 'Mức hoàn thành (%)', percent,
      {required: true, hint: `Từ ${mine.progressPercent || 0} đến 100; không thấp hơn lần báo cáo trước.`}),
    field('progress-docs', 'Mã tài liệu đính kèm', docs,
      {hint: 'Không bắt buộc; tối đa 10 mã tài liệu đã số hóa, cách nhau bằng dấu phẩy.'}),
    h('div', {class: 'actions'}, button), result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    clearSlot(result);
    try {
      const v = formValues(form);
      const body = {text: v.text, percent: v.percent === '' ? null : Number(v.percent),
        documentIds: v.documentIds ? v.documentIds.split(/[\s,;]+/).filter(Boolean) : []};
      if (unitCode) body.unitCode = unitCode;
      await post(`/api/v1/tasks/${encodeURIComponent(task.taskId)}/progress`, body);
      showDoneIn(result, 'Đã gửi báo cáo tiến độ.');
      await redraw();
    } catch (e) {
      showTaskError(result, e, {text: 'progress-text', percent: 'progress-percent', documentIds: 'progress-docs'});
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function completeForm(task, unitCode, mine, redraw) {
  const result = slot('complete-result');
  const yesNo = task.expectedOutput === 'YES_NO';
  const wantsDocument = task.expectedOutput === 'DOCUMENT';
  const answer = yesNo ? h('fieldset', {id: 'complete-answer', class: 'choices'},
    h('legend', {}, 'Trả lời'),
    h('label', {class: 'choice'}, h('input', {type: 'radio', name: 'answer', value: 'true', checked: true}),
      'Có, đã thực hiện theo chỉ đạo'),
    h('label', {class: 'choice'}, h('input', {type: 'radio', name: 'answer', value: 'false'}),
      'Không thực hiện được (nêu lý do ở phần ghi chú)')) : null;
  const docField = wantsDocument ? field('complete-document', 'Mã tài liệu kết quả',
    h('input', {name: 'documentId', type: 'text', autocomplete: 'off'}),
    {required: true, hint: 'Mã của văn bản kết quả đã số hóa.'}) : null;
  const note = h('textarea', {name: 'note', rows: '2', maxlength: '4000'});
  const button = h('button', {type: 'submit', id: 'complete-submit'}, 'Báo cáo hoàn thành');
  const form = h('form', {id: 'complete-form', class: 'card', novalidate: true},
    h('h2', {}, 'Hoàn thành nhiệm vụ'),
    answer, docField, field('complete-note', 'Ghi chú', note, {hint: 'Tối đa 4000 ký tự.'}),
    h('div', {class: 'actions'}, button), result);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const v = formValues(form);
    confirmIn(result, 'Sau khi báo cáo hoàn thành, nhiệm vụ được tính là đã xong. Tiếp tục?', 'Báo cáo hoàn thành',
      async () => {
        button.disabled = true;
        try {
          const body = {note: v.note || undefined};
          if (unitCode) body.unitCode = unitCode;
          if (yesNo) body.answer = v.answer === 'true';
          if (wantsDocument) body.documentId = v.documentId;
          await post(`/api/v1/tasks/${encodeURIComponent(task.taskId)}/complete`, body);
          showDoneIn(result, 'Đã báo cáo hoàn thành nhiệm vụ.');
          await redraw();
        } catch (e) {
          showTaskError(result, e, {documentId: 'complete-document', note: 'complete-note', answer: 'complete-answer'});
        } finally {
          button.disabled = false;
        }
      }, {id: 'complete-confirm'});
  });
  return form;
}

// --- a campaign's report -----------------------------------------------------------------------------------------

function campaignSection(user, task, unitCode) {
  const box = h('section', {class: 'card', id: 'campaign', 'aria-labelledby': 'campaign-title', 'aria-live': 'polite'});
  const load = async () => {
    box.setAttribute('aria-busy', 'true');
    loadingInto(box, 'Đang tải báo cáo của đơn vị…');
    try {
      const reports = (await get(`/api/v1/tasks/${encodeURIComponent(task.taskId)}/reports${
        query({unitCode})}`)).reports || [];
      const latest = latestOf(reports, unitCode);
      // the rows come with one version only: the latest, to edit (draft, returned) or to read
      const full = latest ? await get(`/api/v1/campaign-reports/${encodeURIComponent(latest.reportId)}`) : null;
      drawCampaign(box, user, task, unitCode, reports, full, load);
    } catch (e) {
      fill(box, h('h2', {id: 'campaign-title'}, 'Báo cáo của đơn vị'), errorBlock(e));
    } finally {
      box.removeAttribute('aria-busy');
    }
  };
  load();
  return box;
}

function drawCampaign(box, user, task, unitCode, reports, latest, reload) {
  const columns = (task.template && task.template.columns) || [];
  const result = slot('campaign-result');
  const state = latest ? latest.state : null;
  const editable = !latest || state === 'DRAFT' || state === 'RETURNED';
  const own = unitCode === user.unit;
  const parts = [h('h2', {id: 'campaign-title'}, 'Báo cáo của đơn vị'),
    h('p', {id: 'campaign-state'}, latest
      ? ['Phiên bản ', String(latest.version), ': ', reportStateBadge(state),
        latest.late ? h('span', {class: 'badge near-due'}, 'Nộp muộn') : null]
      : 'Đơn vị chưa lập báo cáo.')];
  if (latest && state === 'RETURNED') {
    parts.push(h('div', {class: 'returned', id: 'campaign-returned'},
      h('p', {class: 'lead'}, `Báo cáo bị trả lại lúc ${dateTime(latest.returnedAt)}${latest.returnedBy
        ? ` bởi ${latest.returnedBy}` : ''}. Lý do:`),
      h('blockquote', {class: 'prewrap'}, latest.returnReason || '—'),
      h('p', {class: 'muted'}, `Sửa các dòng dưới đây và lưu: bản nháp mới là phiên bản ${latest.version + 1}; `
        + `phiên bản ${latest.version} được giữ nguyên.`)));
  }
  const prefill = task.template && task.template.prefill === 'PROCEDURES';
  if (!latest && own && prefill) {
    // report-service fills a PROCEDURES campaign's first draft saved without rows from its procedure catalogue
    const start = h('button', {type: 'button', id: 'report-prefill'}, 'Lập bản nháp từ danh mục thủ tục');
    start.addEventListener('click', async () => {
      start.disabled = true;
      try {
        await call(`/api/v1/tasks/${encodeURIComponent(task.taskId)}/reports/draft`,
          {method: 'PUT', body: {unitCode, rows: []}});
        await reload();
      } catch (e) {
        showTaskError(result, e);
        start.disabled = false;
      }
    });
    parts.push(h('p', {class: 'muted'}, 'Biểu mẫu này được điền sẵn: mỗi thủ tục hành chính của danh mục một dòng. '
      + 'Lập bản nháp rồi bổ sung các cột còn lại.'), h('div', {class: 'actions'}, start), result);
  } else if (editable && own) {
    const start = latest ? latest.rows || [] : [];
    const editor = rowsEditor('report-rows', columns, start.length ? start : [{cells: {}}]);
    const save = h('button', {type: 'button', id: 'report-save'}, 'Lưu bản nháp');
    const submit = hasRole(user, LEADERS)
      ? h('button', {type: 'button', id: 'report-submit', class: 'secondary'}, 'Nộp báo cáo') : null;
    const saveDraft = async () => {
      editor.clearErrors();
      const {body} = await call(`/api/v1/tasks/${encodeURIComponent(task.taskId)}/reports/draft`,
        {method: 'PUT', body: {unitCode, rows: editor.rows()}});
      return body;
    };
    const errorOpts = {columns, cellId: editor.cellId};
    save.addEventListener('click', async () => {
      save.disabled = true;
      try {
        const saved = await saveDraft();
        await reload();
        showDoneIn(document.getElementById('campaign-result'),
          `Đã lưu bản nháp (phiên bản ${saved.version}, ${saved.rowCount ?? (saved.rows || []).length} dòng).`);
      } catch (e) {
        showTaskError(result, e, {rows: 'report-rows-add'}, errorOpts);
      } finally {
        save.disabled = false;
      }
    });
    if (submit) {
      submit.addEventListener('click', () => confirmIn(result, 'Báo cáo được lưu rồi nộp cho đơn vị giao. Sau khi nộp, '
        + 'báo cáo không sửa được nữa trừ khi bị trả lại. Nộp báo cáo?', 'Nộp báo cáo', async () => {
        submit.disabled = true;
        save.disabled = true;
        try {
          await saveDraft();
          const {body} = await post(`/api/v1/tasks/${encodeURIComponent(task.taskId)}/reports/submit`, {unitCode});
          await reload();
          showDoneIn(document.getElementById('campaign-result'), `Đã nộp báo cáo phiên bản ${body.version}${
            body.late ? ' (nộp muộn)' : ''}.`);
        } catch (e) {
          showTaskError(result, e, {rows: 'report-rows-add'}, errorOpts);
        } finally {
          submit.disabled = false;
          save.disabled = false;
        }
      }, {id: 'report-submit-confirm'}));
    }
    parts.push(
      h('p', {class: 'muted'}, 'Điền mỗi dòng theo các cột của biểu mẫu. Cột có dấu * là bắt buộc; số thập phân viết '
        + 'bằng dấu chấm (ví dụ 12.5). Lưu bản nháp để làm tiếp sau; lãnh đạo đơn vị nộp báo cáo.'),
      editor, h('div', {class: 'actions'}, save, submit), result);
  } else if (latest) {
    parts.push(rowsTable('report-view', columns, latest, `Các dòng của phiên bản ${latest.version}`));
    if (state !== 'DRAFT') {
      parts.push(h('div', {class: 'actions'},
        xlsxButton('report-xlsx', task.taskId, unitCode, 'Tải tệp Excel (XLSX)', result)), result);
    }
  }
  if (reports.length > 1) parts.push(versionsTable(reports));
  fill(box, parts);
}

function versionsTable(reports) {
  return h('details', {class: 'card'}, h('summary', {}, 'Các phiên bản trước'),
    table('report-versions', ['Phiên bản', 'Tình trạng', 'Lưu lúc', 'Nộp lúc', 'Lý do trả lại'],
      sortReports(reports).map(r => h('tr', {},
        h('td', {class: 'number'}, String(r.version)), h('td', {}, reportStateBadge(r.state)),
        h('td', {class: 'nowrap'}, dateTime(r.savedAt)), h('td', {class: 'nowrap'}, dateTime(r.submittedAt)),
        h('td', {class: 'prewrap'}, r.returnReason || '—'))), {caption: 'Các phiên bản báo cáo của đơn vị'}));
}

// --- the inbox -----------------------------------------------------------------------------------------------------

async function renderInbox(user) {
  const title = 'Thông báo nhắc việc';
  const unreadOnly = {value: false};
  const summary = h('p', {class: 'list-summary', id: 'inbox-unread', role: 'status'});
  const toggle = h('input', {type: 'checkbox', id: 'inbox-unread-only'});
  const list = pagedList({
    label: 'thông báo',
    empty: h('p', {class: 'muted', id: 'inbox-empty'}, 'Không có thông báo nào.'),
    load: async token => {
      const page = await get(`/api/v1/task-notifications${query({unreadOnly: unreadOnly.value ? 'true' : '',
        pageSize: PAGE_SIZE, pageToken: token})}`);
      summary.textContent = `Chưa đọc: ${Number(page.unread || 0)} thông báo.`;
      return {rows: page.notifications || [], nextPageToken: page.nextPageToken};
    },
    render: rows => table('inbox-table', ['Loại', 'Nội dung', 'Nhiệm vụ', 'Thời điểm', 'Đã đọc'], rows.map(n => {
      const read = h('button', {type: 'button', class: 'link', id: `read-${n.notificationId}`,
        'aria-label': `Đánh dấu đã đọc: ${n.taskTitle || n.message || ''}`}, 'Đánh dấu đã đọc');
      const cell = h('td', {}, n.readAt ? dateTime(n.readAt) : read);
      read.addEventListener('click', async () => {
        read.disabled = true;
        try {
          const {body} = await post(`/api/v1/task-notifications/${encodeURIComponent(n.notificationId)}/read`, {});
          fill(cell, dateTime(body && body.readAt ? body.readAt : new Date().toISOString()));
          cell.parentElement.className = 'read';
          const page = await get(`/api/v1/task-notifications${query({unreadOnly: 'true', pageSize: 1})}`);
          summary.textContent = `Chưa đọc: ${Number(page.unread || 0)} thông báo.`;
        } catch (e) {
          read.disabled = false;
          fill(cell, read, errorBlock(e));
        }
      });
      return h('tr', {class: n.readAt ? 'read' : 'unread'},
        h('td', {}, notificationBadge(n.kind)),
        h('td', {class: 'prewrap'}, n.message || '—',
          n.emailedTo > 0 ? h('span', {class: 'muted'}, ` (đã gửi thư tới ${n.emailedTo} địa chỉ)`) : null),
        h('td', {}, n.taskId ? h('a', {href: taskHref(n.taskId)}, n.taskTitle || 'Xem nhiệm vụ') : '—'),
        h('td', {class: 'nowrap'}, dateTime(n.createdAt)),
        cell);
    }), {caption: 'Mới nhất trước'}),
  });
  toggle.addEventListener('change', () => {
    unreadOnly.value = toggle.checked;
    list.reload();
  });
  showView(title,
    h('p', {}, h('a', {href: '#/nhiem-vu'}, '← Về danh sách nhiệm vụ')),
    h('p', {class: 'muted'}, 'Nhắc việc trước hạn gửi tới cán bộ của đơn vị được giao; nhắc việc sau hạn gửi tới lãnh '
      + 'đạo đơn vị. Thông báo cũng được gửi qua thư điện tử tới các địa chỉ của đơn vị.'),
    summary,
    h('div', {class: 'field'}, h('label', {class: 'check', for: 'inbox-unread-only'}, toggle, 'Chỉ thông báo chưa đọc')),
    list,
    user.unit ? contactsCard(user) : null);
}

function contactsCard(user) {
  const box = h('section', {class: 'card', id: 'contacts', 'aria-labelledby': 'contacts-title'},
    h('h2', {id: 'contacts-title'}, 'Địa chỉ nhận nhắc việc của đơn vị'));
  const body = h('div', {});
  box.append(body);
  const editable = hasRole(user, CONTACT_EDITORS);
  const draw = contacts => {
    const result = slot('contacts-result');
    const assignee = h('textarea', {name: 'assigneeEmails', rows: '3'},
      (contacts.assigneeEmails || []).join('\n'));
    const leader = h('textarea', {name: 'leaderEmails', rows: '2'}, (contacts.leaderEmails || []).join('\n'));
    if (!editable) {
      assignee.readOnly = true;
      leader.readOnly = true;
    }
    const form = h('form', {id: 'contacts-form', novalidate: true},
      field('contacts-assignee', 'Hộp thư công vụ của đơn vị (nhắc trước hạn)', assignee,
        {hint: 'Mỗi dòng một địa chỉ, tối đa 10.'}),
      field('contacts-leader', 'Thư điện tử của lãnh đạo đơn vị (nhắc sau hạn)', leader,
        {hint: 'Mỗi dòng một địa chỉ, tối đa 10.'}),
      contacts.updatedAt ? h('p', {class: 'muted'}, `Cập nhật lúc ${dateTime(contacts.updatedAt)}${
        contacts.updatedBy ? ` bởi ${contacts.updatedBy}` : ''}.`) : null,
      editable ? h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'contacts-save'}, 'Lưu địa chỉ')) : null,
      result);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const lines = text => text.split(/[\s,;]+/).map(s => s.trim()).filter(Boolean);
      try {
        const {body: saved} = await call(`/api/v1/task-contacts/${encodeURIComponent(user.unit)}`,
          {method: 'PUT', body: {assigneeEmails: lines(assignee.value), leaderEmails: lines(leader.value)}});
        showDoneIn(result, `Đã lưu địa chỉ nhận nhắc việc (${(saved.assigneeEmails || []).length} địa chỉ của đơn vị, `
          + `${(saved.leaderEmails || []).length} địa chỉ của lãnh đạo).`);
      } catch (e) {
        showTaskError(result, e, {assigneeEmails: 'contacts-assignee', leaderEmails: 'contacts-leader'});
      }
    });
    fill(body, form);
  };
  get(`/api/v1/task-contacts/${encodeURIComponent(user.unit)}`)
    .then(draw)
    .catch(e => (e.status === 404 ? draw({}) : fill(body, errorBlock(e))));
  return box;
}
