// Screens by address (#/...): each view module registers its routes and menu entries here; the menu shows what the
// signed-in user's roles may open, and "#/" opens the first menu entry that is the user's home.
import {h, showView} from './dom.js';

const routes = [];
const menu = [];

/**
 * A screen at an address. pattern is a RegExp on the hash (without '#'); render(match, user) draws it.
 * roles: who may open it (null: anyone signed in); anonymous: also without login.
 */
export function addRoute(pattern, render, {roles = null, anonymous = false} = {}) {
  routes.push({pattern, render, roles, anonymous});
}

/**
 * A menu entry. home: the first entry with home=true that the user may open is what "#/" shows them.
 */
export function addMenu(hash, label, {roles = null, anonymous = false, signedIn = true, home = false, order = 50} = {}) {
  menu.push({hash, label, roles, anonymous, signedIn, home, order});
  menu.sort((a, b) => a.order - b.order);
}

function allowed(entry, user) {
  if (!user) return entry.anonymous;
  if (entry.signedIn === false) return false;
  return !entry.roles || entry.roles.some(r => user.roles.includes(r));
}

export function renderMenu(user) {
  const nav = document.getElementById('menu');
  // a screen's state may follow its address (#/bao-cao?periodKind=...): the entry is current all the same
  const current = (location.hash || '#/').split('?')[0];
  const items = menu.filter(m => allowed(m, user));
  nav.replaceChildren(...items.map(m => h('a', {
    href: m.hash,
    class: 'menu-item',
    'aria-current': current === m.hash || current.startsWith(`${m.hash}/`) ? 'page' : null,
  }, m.label)));
  nav.hidden = items.length === 0;
}

/** Draws the screen for the current address. */
export async function dispatch(user) {
  let path = (location.hash || '#/').slice(1) || '/';
  if (path === '/') {
    const home = menu.find(m => m.home && allowed(m, user));
    if (home) {
      path = home.hash.slice(1);
    }
  }
  renderMenu(user);
  for (const r of routes) {
    const match = r.pattern.exec(path);
    if (!match) continue;
    if (!user && !r.anonymous) {
      showView('Cần đăng nhập',
        h('p', {}, 'Trang này dành cho người đã đăng nhập. Hãy bấm "Đăng nhập" ở đầu trang.'),
        h('p', {}, h('a', {href: '#/'}, '← Về trang chủ')));
      return;
    }
    if (user && r.roles && !r.roles.some(role => user.roles.includes(role))) {
      showView('Không có quyền truy cập',
        h('p', {}, 'Vai trò của bạn không được mở trang này.'),
        h('p', {}, h('a', {href: '#/'}, '← Về trang chủ')));
      return;
    }
    await r.render(match, user);
    return;
  }
  showView('Không tìm thấy trang',
    h('p', {}, 'Địa chỉ này không có trong bảng điều khiển.'),
    h('p', {}, h('a', {href: '#/'}, '← Về trang chủ')));
}
