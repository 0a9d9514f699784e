// The officers' work list: the dossiers waiting for the signed-in officer (dossier-service's inbox), page by page with
// the total; tabs by status and by deadline state, search by code, applicant name or ID number; and for a unit
// leader an overview of the unit (overdue, near due, waiting for approval).
import {get, loadUnitNames, query} from '../js/api.js';
import {field, h, showView, table} from '../js/dom.js';
import {dateTime} from '../js/format.js';
import {INBOX_ROLES} from '../js/labels.js';
import {addMenu, addRoute} from '../js/router.js';
import {deadlineBadge, dossierLink, pagedList, showErrorIn} from '../js/ui.js';

const PAGE_SIZE = 50;

/** What waits on each role (dossier-service's InboxService): the status tabs a role sees. */
const ROLE_STATUSES = {
  reception_officer: ['SUBMITTED', 'RECEIVED', 'SUPPLEMENT_REQUESTED', 'RESULT_READY'],
  specialist: ['IN_PROCESS', 'AWAITING_PAYMENT'],
  unit_leader: ['IN_PROCESS', 'AWAITING_PAYMENT'],
  clerk: ['IN_PROCESS'],
};
const STATUS_TABS = {
  SUBMITTED: 'Nộp trực tuyến, chờ tiếp nhận',
  RECEIVED: 'Đã tiếp nhận, chờ chuyển xử lý',
  IN_PROCESS: 'Đang xử lý',
  SUPPLEMENT_REQUESTED: 'Chờ bổ sung',
  AWAITING_PAYMENT: 'Chờ nghĩa vụ tài chính',
  RESULT_READY: 'Có kết quả, chờ trả',
};
const DEADLINE_TABS = [['', 'Mọi thời hạn'], ['OVERDUE', 'Quá hạn'], ['NEAR_DUE', 'Sắp đến hạn'], ['IN_TIME', 'Trong hạn']];
const SORTS = [['dueAt', 'Hạn xử lý gần nhất trước'], ['-dueAt', 'Hạn xử lý xa nhất trước'],
  ['-receivedAt', 'Tiếp nhận mới nhất trước'], ['receivedAt', 'Tiếp nhận cũ nhất trước']];

// the shape of the list survives opening a dossier and coming back
const state = {status: '', deadlineState: '', search: '', sort: 'dueAt', awaitingApproval: false};

export function register() {
  addMenu('#/cong-viec', 'Hồ sơ cần xử lý', {roles: INBOX_ROLES, home: true, order: 10});
  addRoute(/^\/cong-viec$/, (match, user) => render(user), {roles: INBOX_ROLES});
}

function statusesOf(user) {
  const seen = [];
  for (const role of INBOX_ROLES) {
    if (user.roles.includes(role)) {
      for (const s of ROLE_STATUSES[role]) if (!seen.includes(s)) seen.push(s);
    }
  }
  return seen;
}

function tabs(id, label, choices, current, pick) {
  return h('div', {class: 'tabs', id, role: 'group', 'aria-label': label},
    choices.map(([value, text]) => h('button', {
      type: 'button',
      'aria-pressed': String(value === current),
      'data-value': value,
      onclick: () => pick(value),
    }, text)));
}

async function render(user) {
  await loadUnitNames();
  const statuses = statusesOf(user);
  if (state.status && !statuses.includes(state.status)) state.status = '';
  const isLeader = user.roles.includes('unit_leader');
  if (!isLeader) state.awaitingApproval = false;
  const redraw = () => render(user);

  const searchInput = h('input', {type: 'search', name: 'search', maxlength: '100', autocomplete: 'off',
    value: state.search, placeholder: 'Mã hồ sơ, họ tên hoặc số định danh'});
  const sortSelect = h('select', {name: 'sort'}, SORTS.map(([value, text]) =>
    h('option', {value, selected: value === state.sort}, text)));
  const searchForm = h('form', {id: 'inbox-search', class: 'inline-form', role: 'search', novalidate: true},
    field('inbox-search-text', 'Tìm hồ sơ', searchInput,
      {hint: 'Mã hồ sơ (hoặc phần đầu của mã), họ tên người nộp hoặc số định danh cá nhân (đủ 12 số).'}),
    field('inbox-sort', 'Sắp xếp', sortSelect),
    h('div', {class: 'actions'},
      h('button', {type: 'submit'}, 'Tìm'),
      state.search ? h('button', {type: 'button', class: 'secondary', id: 'inbox-search-clear', onclick: () => {
        state.search = '';
        redraw();
      }}, 'Bỏ tìm kiếm') : null));
  searchForm.addEventListener('submit', event => {
    event.preventDefault();
    state.search = searchInput.value.trim();
    state.sort = sortSelect.value;
    redraw();
  });

  const filters = [];
  if (state.search) filters.push(`tìm "${state.search}"`);
  if (state.awaitingApproval) filters.push('chờ phê duyệt');
  const list = pagedList({
    label: 'hồ sơ',
    load: async pageToken => {
      const page = await get(`/api/v1/inbox${query({
        status: state.status, deadlineState: state.deadlineState, sort: state.sort, search: state.search,
        awaitingApproval: state.awaitingApproval ? 'true' : '', pageSize: PAGE_SIZE, pageToken})}`);
      return {rows: page.items, nextPageToken: page.nextPageToken, totalSize: page.totalSize};
    },
    render: items => table('inbox', ['Mã hồ sơ', 'Thủ tục', 'Người nộp', 'Trạng thái', 'Hạn xử lý', 'Tình trạng hạn'],
      items.map(item => h('tr', {},
        h('td', {}, dossierLink(item.dossier.code)),
        h('td', {}, item.dossier.procedureName || item.dossier.procedureCode),
        h('td', {}, item.dossier.applicant ? item.dossier.applicant.fullName : ''),
        h('td', {}, item.dossier.statusLabel || item.dossier.status),
        h('td', {class: 'nowrap'}, dateTime(item.dossier.dueAt)),
        h('td', {}, item.deadlineState ? deadlineBadge(item.deadlineState) : h('span', {class: 'muted'}, 'Chưa tính hạn')))),
      {caption: filters.length ? `Hồ sơ cần xử lý (${filters.join(', ')})` : 'Hồ sơ cần xử lý'}),
    empty: h('p', {class: 'muted', id: 'inbox-empty'}, state.search || state.status || state.deadlineState
      ? 'Không có hồ sơ nào phù hợp với bộ lọc.' : 'Không có hồ sơ nào đang chờ bạn xử lý.'),
  });

  showView('Hồ sơ cần xử lý',
    isLeader ? leaderOverview(redraw) : null,
    h('h2', {}, 'Danh sách hồ sơ'),
    searchForm,
    statuses.length > 1 ? tabs('inbox-status-tabs', 'Lọc theo trạng thái',
      [['', 'Tất cả']].concat(statuses.map(s => [s, STATUS_TABS[s]])), state.status, value => {
        state.status = value;
        redraw();
      }) : null,
    tabs('inbox-deadline-tabs', 'Lọc theo thời hạn', DEADLINE_TABS, state.deadlineState, value => {
      state.deadlineState = value;
      redraw();
    }),
    state.awaitingApproval ? h('p', {class: 'filter-note'}, 'Đang xem: hồ sơ chờ lãnh đạo phê duyệt. ',
      h('button', {type: 'button', class: 'link', id: 'inbox-approval-clear', onclick: () => {
        state.awaitingApproval = false;
        redraw();
      }}, 'Xem tất cả')) : null,
    list);
}

/** The leader's view of the unit: how many dossiers are overdue, near due and waiting for approval. */
function leaderOverview(redraw) {
  const cards = [
    ['overdue', 'Quá hạn', {deadlineState: 'OVERDUE'}, () => Object.assign(state, {deadlineState: 'OVERDUE', awaitingApproval: false})],
    ['near-due', 'Sắp đến hạn', {deadlineState: 'NEAR_DUE'}, () => Object.assign(state, {deadlineState: 'NEAR_DUE', awaitingApproval: false})],
    ['approval', 'Chờ phê duyệt', {awaitingApproval: 'true'}, () => Object.assign(state, {deadlineState: '', awaitingApproval: true})],
  ];
  const slot = h('div', {});
  const box = h('section', {id: 'leader-overview', class: 'overview', 'aria-labelledby': 'leader-overview-title'},
    h('h2', {id: 'leader-overview-title'}, 'Tổng quan đơn vị'),
    h('ul', {class: 'overview-cards'}, cards.map(([id, label, , pick]) => h('li', {class: `overview-card ${id}`},
      h('button', {type: 'button', id: `overview-${id}`, class: 'overview-button', onclick: () => {
        Object.assign(state, {status: '', search: ''});
        pick();
        redraw();
      }},
      h('span', {class: 'overview-count', id: `overview-${id}-count`}, '…'),
      h('span', {class: 'overview-label'}, label))))),
    slot);
  Promise.all(cards.map(([id, , params]) => get(`/api/v1/inbox${query({...params, pageSize: 1})}`)
    .then(page => {
      const count = document.getElementById(`overview-${id}-count`);
      if (count) count.textContent = String(page.totalSize);
    }))).catch(e => showErrorIn(slot, e));
  return box;
}
