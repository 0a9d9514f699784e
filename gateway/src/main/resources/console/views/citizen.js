// A citizen's own dossiers, page by page.
import {get, query} from '../js/api.js';
import {h, showView, table} from '../js/dom.js';
import {dateTime} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {dossierLink, pagedList} from '../js/ui.js';

const PAGE_SIZE = 50;

export function register() {
  addMenu('#/ho-so-cua-toi', 'Hồ sơ của tôi', {roles: ['citizen'], home: true, order: 10});
  addRoute(/^\/ho-so-cua-toi$/, () => render(), {roles: ['citizen']});
}

function render() {
  const list = pagedList({
    label: 'hồ sơ',
    load: async pageToken => {
      const page = await get(`/api/v1/citizen/dossiers${query({pageSize: PAGE_SIZE, pageToken})}`);
      return {rows: page.dossiers, nextPageToken: page.nextPageToken, totalSize: page.totalSize};
    },
    render: dossiers => table('citizen-dossiers', ['Mã hồ sơ', 'Thủ tục', 'Trạng thái', 'Ngày tiếp nhận', 'Hẹn trả'],
      dossiers.map(d => h('tr', {},
        h('td', {}, dossierLink(d.code)),
        h('td', {}, d.procedureName || d.procedureCode),
        h('td', {}, d.statusLabel || d.status),
        h('td', {class: 'nowrap'}, dateTime(d.receivedAt)),
        h('td', {class: 'nowrap'}, dateTime(d.dueAt)))),
      {caption: 'Hồ sơ của tôi'}),
    empty: h('p', {class: 'muted', id: 'citizen-empty'}, 'Bạn chưa có hồ sơ nào.'),
  });
  showView('Hồ sơ của tôi', list);
}
