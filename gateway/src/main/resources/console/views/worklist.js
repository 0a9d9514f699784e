// The officers' work list: the dossiers waiting for the signed-in officer (dossier-service's inbox), page by page.
import {get, loadUnitNames, query} from '../js/api.js';
import {h, showView, table} from '../js/dom.js';
import {dateTime} from '../js/format.js';
import {INBOX_ROLES} from '../js/labels.js';
import {addMenu, addRoute} from '../js/router.js';
import {deadlineBadge, dossierLink, pagedList} from '../js/ui.js';

const PAGE_SIZE = 50;

export function register() {
  addMenu('#/cong-viec', 'Hồ sơ cần xử lý', {roles: INBOX_ROLES, home: true, order: 10});
  addRoute(/^\/cong-viec$/, () => render(), {roles: INBOX_ROLES});
}

async function render() {
  await loadUnitNames();
  const list = pagedList({
    label: 'hồ sơ',
    load: async pageToken => {
      const page = await get(`/api/v1/inbox${query({pageSize: PAGE_SIZE, pageToken})}`);
      return {rows: page.items, nextPageToken: page.nextPageToken, totalSize: page.totalSize};
    },
    render: items => table('inbox', ['Mã hồ sơ', 'Thủ tục', 'Người nộp', 'Trạng thái', 'Hạn xử lý', 'Tình trạng hạn'],
      items.map(item => h('tr', {},
        h('td', {}, dossierLink(item.dossier.code)),
        h('td', {}, item.dossier.procedureName || item.dossier.procedureCode),
        h('td', {}, item.dossier.applicant ? item.dossier.applicant.fullName : ''),
        h('td', {}, item.dossier.statusLabel || item.dossier.status),
        h('td', {class: 'nowrap'}, dateTime(item.dossier.dueAt)),
        h('td', {}, deadlineBadge(item.deadlineState)))),
      {caption: 'Hồ sơ cần xử lý'}),
    empty: h('p', {class: 'muted', id: 'inbox-empty'}, 'Không có hồ sơ nào đang chờ bạn xử lý.'),
  });
  showView('Hồ sơ cần xử lý', list);
}
