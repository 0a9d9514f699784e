// What the task screens share (issue 14): "Nhiệm vụ" for the assigned units (tasks.js) and "Theo dõi nhiệm vụ" for the
// issuing unit (task-board.js). The words of the task and campaign states, their badges, a campaign report's rows as
// a table to read or to edit from the template's columns, and the task routes' errors in the screens' own words.
// Times are shown in Vietnam's time; deadlines are sent as the local "YYYY-MM-DDTHH:MM" the REST contract takes.
import {ApiError, download} from '../js/api.js';
import {h, saveBlob, setFieldError, table} from '../js/dom.js';
import {dateTime} from '../js/format.js';
import {OFFICER_ROLES} from '../js/labels.js';
import {showDoneIn, showErrorIn} from '../js/ui.js';
import {unitLabel} from './report-common.js';

/** Every officer reads tasks (the gateway's REPORT_READER); what each may do is report-service's rule. */
export const TASK_READERS = OFFICER_ROLES;
export const LEADERS = ['unit_leader'];
/** Who returns, accepts and consolidates campaign reports (for the receiving unit). */
export const REVIEWERS = ['unit_leader', 'specialist'];
export const CONTACT_EDITORS = ['unit_admin', 'unit_leader'];

export const KINDS = {TASK: 'Nhiệm vụ', CAMPAIGN: 'Thu thập số liệu'};
export const OUTPUTS = {
  REPORT_TEMPLATE: 'Báo cáo theo biểu mẫu',
  DOCUMENT: 'Văn bản, tài liệu',
  YES_NO: 'Xác nhận đã thực hiện (có/không)',
};
export const STAGES = {ASSIGNEE: 'Báo cáo về đơn vị giao', UPWARD: 'Tổng hợp, báo cáo lên cấp trên'};
export const TIMELINESS = {
  PENDING: ['Chưa đến hạn', 'unknown'],
  ON_TIME: ['Hoàn thành đúng hạn', 'in-time'],
  LATE: ['Hoàn thành quá hạn', 'near-due'],
  MISSING: ['Quá hạn, chưa hoàn thành', 'overdue'],
};
export const REPORT_STATES = {
  DRAFT: ['Bản nháp', 'unknown'],
  SUBMITTED: ['Đã nộp, chờ tiếp nhận', 'todo'],
  RETURNED: ['Bị trả lại để chỉnh sửa', 'overdue'],
  ACCEPTED: ['Đã tiếp nhận', 'in-time'],
  CONSOLIDATED: ['Đã tổng hợp', 'in-time'],
};
export const COLUMN_TYPES = {
  TEXT: 'Chữ',
  INTEGER: 'Số nguyên',
  DECIMAL: 'Số thập phân',
  DATE: 'Ngày',
  YES_NO: 'Có / Không',
};
export const PREFILLS = {NONE: 'Để trống', PROCEDURES: 'Điền sẵn danh mục thủ tục hành chính'};
export const NOTIFICATION_KINDS = {
  ASSIGNED: ['Được giao nhiệm vụ', 'unknown'],
  DUE_SOON: ['Sắp đến hạn', 'near-due'],
  OVERDUE: ['Quá hạn', 'overdue'],
  RETURNED: ['Báo cáo bị trả lại', 'overdue'],
};

const NUMBER = new Intl.NumberFormat('vi-VN');

export function count(n) {
  return NUMBER.format(Number(n || 0));
}

function badge(map, value, fallback = 'Không xác định') {
  const [label, css] = map[value] || [fallback, 'unknown'];
  return h('span', {class: `badge ${css}`}, label);
}

/** The timeliness of an assignment; a late one says by how many working days. */
export function timelinessBadge(assignment) {
  if (!assignment) return badge(TIMELINESS, null);
  const b = badge(TIMELINESS, assignment.timeliness);
  if (assignment.workingDaysLate > 0) {
    b.append(` (${assignment.workingDaysLate} ngày làm việc)`);
  }
  return b;
}

export function reportStateBadge(state) {
  // an unset enum may come as null or as a name the console does not know: either way, no report yet
  return REPORT_STATES[state] ? badge(REPORT_STATES, state) : h('span', {class: 'muted'}, 'Chưa có báo cáo');
}

export function notificationBadge(kind) {
  return badge(NOTIFICATION_KINDS, kind, 'Thông báo');
}

/** The deadline as set, and the day it takes effect when it falls on a day off (Civil Code 2015 Art 148(5)). */
export function deadlineText(assignment) {
  if (!assignment || !assignment.deadline) return '—';
  const set = dateTime(assignment.deadline);
  const effective = assignment.effectiveDeadline;
  if (!effective || effective === assignment.deadline) return set;
  return [set, h('span', {class: 'deadline-note'}, `Rơi vào ngày nghỉ: hạn tính đến ${dateTime(effective)}`)];
}

/** The unit's own assignment of a task (an issuer's own is its UPWARD duty; a unit is never both). */
export function assignmentOf(task, unitCode) {
  return (task.assignments || []).find(a => a.unit && a.unit.code === unitCode) || null;
}

export function assigneeAssignments(task) {
  return (task.assignments || []).filter(a => a.stage !== 'UPWARD');
}

export function upwardAssignment(task) {
  return (task.assignments || []).find(a => a.stage === 'UPWARD') || null;
}

/** The unit that receives (returns or accepts) a report: the issuer, or the issuer's parent for its consolidation. */
export function receivingUnit(task, report) {
  const issuer = task.issuingUnit || {};
  const upward = report.consolidation || (report.unit && report.unit.code === issuer.code);
  return upward ? issuer.parentCode || null : issuer.code;
}

export function hasRole(user, roles) {
  return roles.some(r => user.roles.includes(r));
}

/** Puts children into a box: arrays flattened, absent parts skipped (native replaceChildren would print "null"). */
export function fill(box, ...children) {
  box.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
}

export function loadingInto(box, text = 'Đang tải…') {
  fill(box, h('p', {class: 'muted', role: 'status'}, text));
}

// --- errors ------------------------------------------------------------------------------------------------------

/** The task routes' field names that mean other things on other screens (a receipt's number, a kind of day). */
const ALIASES = {number: 'directive.number', kind: 'task.kind', title: 'task.title', text: 'progress.text'};

/**
 * Shows a task route's error next to what failed. Field paths of a report's cells (rows[2].cells.so_luong) and of the
 * template's columns (template.columns[1].label) are said as "Dòng 3, cột ..." and marked on their controls; an
 * illegal transition speaks of the task or report rather than of a dossier.
 * @param columns the template's columns, to name a cell's column by its label
 * @param fieldIds service field name -> control id
 */
export function showTaskError(slotEl, error, fieldIds = {}, {columns = [], cellId, columnId} = {}) {
  if (!(error instanceof ApiError)) {
    showErrorIn(slotEl, error);
    return;
  }
  if (error.reason === 'ILLEGAL_TRANSITION' || (error.status === 409 && !error.reason)) {
    error.message = 'Thao tác không phù hợp với trạng thái hiện tại của nhiệm vụ hoặc báo cáo. Vui lòng tải lại trang.';
  }
  const ids = {};
  for (const [name, id] of Object.entries(fieldIds)) ids[ALIASES[name] || name] = id;
  // the gateway says a proto path in camelCase (rows[0].cells.so_ho_so reaches here as rows[0].cells.soHoSo): a
  // cell's column is found under either spelling
  const byPath = new Map(columns.flatMap(c => [[c.key, c], [camelOf(c.key), c]]));
  const marked = [];
  if (Array.isArray(error.problem.errors)) {
    error.problem.errors = error.problem.errors.map(e => {
      const cell = /^rows\[(\d+)\]\.cells\.([A-Za-z0-9_]+)$/.exec(e.field || '');
      if (cell) {
        const column = byPath.get(cell[2]);
        const name = `Dòng ${Number(cell[1]) + 1}, cột "${column ? column.label : cell[2]}"`;
        if (cellId && column) marked.push([cellId(Number(cell[1]), column.key), name, e.message]);
        return {...e, field: name};
      }
      const row = /^rows\[(\d+)\]/.exec(e.field || '');
      if (row) return {...e, field: `Dòng ${Number(row[1]) + 1}`};
      const column = /^template\.columns\[(\d+)\]\.(key|label|type|required)$/.exec(e.field || '');
      if (column) {
        const what = {key: 'mã cột', label: 'tên cột', type: 'kiểu dữ liệu', required: 'bắt buộc'}[column[2]];
        const name = `Cột thứ ${Number(column[1]) + 1} của biểu mẫu (${what})`;
        if (columnId) marked.push([columnId(Number(column[1]), column[2]), name, e.message]);
        return {...e, field: name};
      }
      return {...e, field: ALIASES[e.field] || e.field};
    });
  }
  showErrorIn(slotEl, error, ids);
  for (const [id, name] of marked) {
    // a cell of the rows' table has no message slot of its own: the list above names it, the cell is marked
    if (id && !setFieldError(id, name)) {
      const control = document.getElementById(id);
      if (control) control.setAttribute('aria-invalid', 'true');
    }
  }
}

/** A template key as the gateway's error pipe spells it (snake_case to camelCase, DownstreamError.jsonPath). */
function camelOf(key) {
  return key.replace(/_([a-z0-9])/g, (m, c) => c.toUpperCase());
}

// --- a report's rows ---------------------------------------------------------------------------------------------

/** A cell's text for reading: yes/no and dates in Vietnamese, numbers with Vietnamese separators. */
export function cellText(column, value) {
  if (value === null || value === undefined || value === '') return '';
  switch (column.type) {
    case 'YES_NO': return value === 'true' ? 'Có' : value === 'false' ? 'Không' : value;
    case 'DATE': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
    }
    case 'INTEGER':
    case 'DECIMAL': {
      const n = Number(value);
      return Number.isFinite(n)
        ? new Intl.NumberFormat('vi-VN', {maximumFractionDigits: 6}).format(n) : value;
    }
    default: return value;
  }
}

/** A report's rows as a read-only table; a consolidation's rows name the unit each came from first. */
export function rowsTable(id, columns, report, caption) {
  const rows = report.rows || [];
  const consolidated = Boolean(report.consolidation) || rows.some(r => r.sourceUnitCode);
  const headers = [...(consolidated ? ['Đơn vị'] : []), 'STT', ...columns.map(c => c.label)];
  if (rows.length === 0) return h('p', {class: 'muted', id: `${id}-empty`}, 'Báo cáo chưa có dòng nào.');
  return table(id, headers, rows.map((r, i) => h('tr', {},
    consolidated ? h('td', {}, r.sourceUnitName || r.sourceUnitCode || '—') : null,
    h('td', {class: 'number'}, String(i + 1)),
    columns.map(c => {
      const value = (r.cells || {})[c.key];
      const numeric = c.type === 'INTEGER' || c.type === 'DECIMAL';
      return h('td', {class: numeric ? 'number' : null}, cellText(c, value));
    }))), {caption});
}

function cellControl(column, value, id, label) {
  const common = {id, name: column.key, 'aria-label': label, 'data-key': column.key};
  switch (column.type) {
    case 'YES_NO':
      return h('select', common,
        h('option', {value: '', selected: !value}, '—'),
        h('option', {value: 'true', selected: value === 'true'}, 'Có'),
        h('option', {value: 'false', selected: value === 'false'}, 'Không'));
    case 'DATE':
      return h('input', {...common, type: 'date', value: value || ''});
    case 'INTEGER':
      return h('input', {...common, type: 'text', inputmode: 'numeric', autocomplete: 'off', value: value || ''});
    case 'DECIMAL':
      return h('input', {...common, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: value || ''});
    default:
      return h('input', {...common, type: 'text', maxlength: '2000', autocomplete: 'off', value: value || ''});
  }
}

/**
 * An editable table of a report's rows from the template's columns: one input per cell typed by its column, rows
 * added and removed. editor.rows() answers [{cells}] with blank cells left out (a blank cell is an absent value);
 * editor.cellId(row, key) the id of a cell's control, for errors.
 */
export function rowsEditor(id, columns, initialRows) {
  const body = h('tbody', {});
  const wrap = h('div', {class: 'table-wrap rows-editor', role: 'region', 'aria-labelledby': `${id}-caption`,
    tabindex: '0'});
  const cellId = (row, key) => `${id}-r${row}-${key}`;
  const summary = h('p', {class: 'list-summary', id: `${id}-count`, 'aria-live': 'polite'});
  let values = initialRows.map(r => ({...(r.cells || {})}));
  const read = () => {
    // the current inputs are the truth: re-read them before redrawing
    body.querySelectorAll('tr').forEach((tr, i) => {
      tr.querySelectorAll('[data-key]').forEach(input => {
        values[i][input.dataset.key] = input.value;
      });
    });
  };
  const draw = () => {
    body.replaceChildren(...values.map((cells, i) => {
      const remove = h('button', {type: 'button', class: 'link', id: `${id}-remove-${i}`,
        'aria-label': `Xóa dòng ${i + 1}`}, 'Xóa');
      remove.addEventListener('click', () => {
        read();
        values.splice(i, 1);
        draw();
        const next = document.getElementById(`${id}-remove-${Math.min(i, values.length - 1)}`);
        (next || document.getElementById(`${id}-add`)).focus();
      });
      return h('tr', {},
        h('td', {class: 'number', 'data-label': 'STT'}, String(i + 1)),
        columns.map(c => h('td', {'data-label': c.label},
          cellControl(c, cells[c.key], cellId(i, c.key), `${c.label}, dòng ${i + 1}`))),
        h('td', {'data-label': 'Thao tác'}, remove));
    }));
    summary.textContent = `Số dòng: ${values.length}`;
  };
  const add = h('button', {type: 'button', class: 'secondary', id: `${id}-add`}, 'Thêm dòng');
  add.addEventListener('click', () => {
    read();
    values.push({});
    draw();
    const first = document.getElementById(cellId(values.length - 1, columns[0].key));
    if (first) first.focus();
  });
  wrap.append(h('table', {id, class: 'cards rows'},
    h('caption', {id: `${id}-caption`}, 'Các dòng của báo cáo'),
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'STT'),
      columns.map(c => h('th', {scope: 'col'}, c.label,
        c.required ? h('span', {class: 'required', 'aria-hidden': 'true'}, ' *') : null,
        h('span', {class: 'visually-hidden'}, c.required ? ' (bắt buộc)' : ''),
        h('span', {class: 'column-type'}, ` ${COLUMN_TYPES[c.type] || ''}`))),
      h('th', {scope: 'col'}, 'Thao tác'))),
    body));
  draw();
  const box = h('div', {class: 'rows-editor-box'}, summary, wrap, h('div', {class: 'actions'}, add));
  box.rows = () => {
    read();
    return values.map(cells => ({cells: Object.fromEntries(Object.entries(cells)
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])
      .filter(([, v]) => v !== '' && v !== null && v !== undefined))}));
  };
  box.cellId = cellId;
  box.clearErrors = () => box.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  return box;
}

/** "Tải tệp Excel" of a unit's latest submitted report (the service names the file). */
export function xlsxButton(id, taskId, unitCode, label, result) {
  const b = h('button', {type: 'button', class: 'secondary', id}, label);
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      const file = await download(`/api/v1/tasks/${encodeURIComponent(taskId)}/reports/export.xlsx${
        unitCode ? `?unitCode=${encodeURIComponent(unitCode)}` : ''}`, `bao-cao-${unitCode || 'don-vi'}.xlsx`);
      saveBlob(file.blob, file.fileName);
      showDoneIn(result, `Đã tải về tệp ${file.fileName}.`);
    } catch (e) {
      showTaskError(result, e);
    } finally {
      b.disabled = false;
    }
  });
  return b;
}

/** A report's versions of one or more units, newest first within a unit. */
export function sortReports(reports) {
  return reports.slice().sort((a, b) => unitLabel(a.unit).localeCompare(unitLabel(b.unit), 'vi')
    || b.version - a.version);
}

/** The latest version of a unit's line, or null. */
export function latestOf(reports, unitCode) {
  return reports.filter(r => !unitCode || (r.unit && r.unit.code === unitCode))
    .reduce((best, r) => (!best || r.version > best.version ? r : best), null);
}

/** A task's title as a link to one of its screens. */
export function taskLink(task, href) {
  return h('a', {href, class: 'task-title'}, task.title || '(không có tiêu đề)');
}
