// Officer accounts (unit_admin): the accounts of the administrator's units, a new account with one role and an
// initial password, and on each account its roles, a new password and disabling it.
import {call, get, post, query} from '../js/api.js';
import {field, formValues, h, showLoading, showView, table} from '../js/dom.js';
import {OFFICER_ROLES, ROLE_LABELS} from '../js/labels.js';
import {addMenu, addRoute} from '../js/router.js';
import {errorBlock, showDoneIn, showErrorIn} from '../js/ui.js';
import {confirmIn, managedUnits, slot, todayIso, unitOptions} from './admin-shared.js';

const ADMIN = ['unit_admin'];

export function register() {
  addMenu('#/tai-khoan', 'Tài khoản cán bộ', {roles: ADMIN, order: 62});
  addRoute(/^\/tai-khoan$/, (match, user) => render(user), {roles: ADMIN});
}

/** AdminRules.canManage as the console can tell: not oneself, a unit administrator only below one's own unit. */
function manageable(user, account) {
  if (account.username === user.username) return false;
  return !account.roles.includes('unit_admin') || account.unitCode !== user.unit;
}

function personName(u) {
  return [u.lastName, u.firstName].filter(Boolean).join(' ') || u.username;
}

async function render(user, notice = null, unitFilter = '') {
  const title = 'Tài khoản cán bộ';
  showLoading(title);
  let units;
  let users;
  try {
    [units, users] = await Promise.all([
      managedUnits(),
      get(`/api/v1/admin/users${query({unitCode: unitFilter, max: 500})}`).then(b => b.users || []),
    ]);
  } catch (e) {
    showView(title, errorBlock(e));
    return;
  }
  const open = units.filter(u => !u.validTo || u.validTo >= todayIso());
  const names = new Map(units.map(u => [u.code, u.name]));
  users.sort((a, b) => (a.unitCode || '').localeCompare(b.unitCode || '') || a.username.localeCompare(b.username));
  const filter = h('select', {name: 'unitCode'}, unitOptions(units, {blank: 'Tất cả đơn vị thuộc phạm vi'}));
  filter.value = unitFilter;
  filter.addEventListener('change', () => render(user, null, filter.value));
  const rows = users.map(u => h('tr', {'data-username': u.username},
    h('td', {}, personName(u)),
    h('td', {class: 'code'}, u.username),
    h('td', {}, names.get(u.unitCode) || u.unitCode || '—'),
    h('td', {}, u.roles.map(r => ROLE_LABELS[r] || r).join(', ') || '—'),
    h('td', {}, u.enabled ? 'Đang hoạt động' : h('strong', {}, 'Đã khóa')),
    h('td', {}, manageable(user, u)
      ? h('button', {type: 'button', class: 'secondary', onclick: () => showManage(user, u, names, unitFilter)},
        'Quản lý')
      : h('span', {class: 'muted'}, 'Do cấp trên quản lý'))));
  showView(title,
    notice,
    field('users-unit', 'Đơn vị', filter),
    users.length
      ? table('users', ['Họ và tên', 'Tên đăng nhập', 'Đơn vị', 'Vai trò', 'Trạng thái', 'Thao tác'], rows,
        {caption: `Tài khoản cán bộ (${users.length})`})
      : h('p', {class: 'muted', id: 'users-empty'}, 'Chưa có tài khoản cán bộ nào ở đơn vị này.'),
    h('div', {id: 'manage-panel'}),
    createForm(user, open, unitFilter));
}

function createForm(user, open, unitFilter) {
  const result = slot('user-create-result');
  const form = h('form', {id: 'user-create', novalidate: true, autocomplete: 'off'},
    field('nu-last', 'Họ và tên đệm', h('input', {name: 'lastName', maxlength: '100'}), {required: true}),
    field('nu-first', 'Tên', h('input', {name: 'firstName', maxlength: '100'}), {required: true}),
    field('nu-username', 'Tên đăng nhập', h('input', {name: 'username', maxlength: '64', autocapitalize: 'none'}),
      {required: true, hint: '3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang.'}),
    field('nu-email', 'Thư điện tử', h('input', {name: 'email', type: 'email', maxlength: '254'}), {required: true}),
    field('nu-unit', 'Đơn vị', h('select', {name: 'unitCode'}, unitOptions(open)), {required: true}),
    field('nu-role', 'Vai trò', h('select', {name: 'role'},
      OFFICER_ROLES.map(r => h('option', {value: r}, ROLE_LABELS[r]))), {required: true,
      hint: 'Quản trị tài khoản chỉ được gán cho đơn vị cấp dưới đơn vị của bạn.'}),
    field('nu-password', 'Mật khẩu ban đầu', h('input', {name: 'password', type: 'password', maxlength: '128',
      autocomplete: 'new-password'}), {required: true, hint: 'Từ 8 đến 128 ký tự.'}),
    h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'temporaryPassword', checked: true,
      id: 'nu-temporary'}), 'Bắt buộc đổi mật khẩu ở lần đăng nhập đầu tiên'),
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Tạo tài khoản')),
    result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const {body} = await post('/api/v1/admin/users', formValues(form));
      await render(user, h('p', {class: 'done', role: 'status', id: 'users-notice'},
        `Đã tạo tài khoản ${body.username} cho ${personName(body)}.`), unitFilter);
    } catch (e) {
      showErrorIn(result, e, {lastName: 'nu-last', firstName: 'nu-first', username: 'nu-username', email: 'nu-email',
        unitCode: 'nu-unit', role: 'nu-role', password: 'nu-password'});
    }
  });
  return h('section', {'aria-labelledby': 'user-create-title'},
    h('h2', {id: 'user-create-title'}, 'Tạo tài khoản cán bộ'), form);
}

/** One account's panel: roles, new password, disable. */
function showManage(user, account, names, unitFilter) {
  const panel = document.getElementById('manage-panel');
  const heading = h('h2', {id: 'manage-title', tabindex: '-1'}, `Tài khoản ${account.username}: ${personName(account)}`);
  const done = message => render(user, h('p', {class: 'done', role: 'status', id: 'users-notice'}, message), unitFilter);

  const rolesResult = slot('roles-result');
  const rolesForm = h('form', {id: 'user-roles', novalidate: true},
    h('fieldset', {}, h('legend', {}, 'Vai trò'),
      OFFICER_ROLES.map(r => h('label', {class: 'check'},
        h('input', {type: 'checkbox', name: 'roles', value: r, checked: account.roles.includes(r), id: `role-${r}`}),
        ROLE_LABELS[r]))),
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Lưu vai trò')),
    rolesResult);
  rolesForm.addEventListener('submit', async event => {
    event.preventDefault();
    const {roles} = formValues(rolesForm);
    if (!roles.length) {
      rolesResult.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Hãy chọn ít nhất một vai trò.'));
      rolesResult.hidden = false;
      return;
    }
    try {
      const {body} = await call(`/api/v1/admin/users/${encodeURIComponent(account.id)}/roles`,
        {method: 'PUT', body: {roles}});
      await done(`Đã cập nhật vai trò của ${body.username}: ${body.roles.map(r => ROLE_LABELS[r] || r).join(', ')}.`);
    } catch (e) {
      showErrorIn(rolesResult, e);
    }
  });

  const passwordResult = slot('password-result');
  const passwordForm = h('form', {id: 'user-password', novalidate: true, autocomplete: 'off'},
    field('rp-password', 'Mật khẩu mới', h('input', {name: 'password', type: 'password', maxlength: '128',
      autocomplete: 'new-password'}), {required: true, hint: 'Từ 8 đến 128 ký tự.'}),
    h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'temporary', checked: true, id: 'rp-temporary'}),
      'Bắt buộc đổi mật khẩu ở lần đăng nhập tiếp theo'),
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Đặt lại mật khẩu')),
    passwordResult);
  passwordForm.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await post(`/api/v1/admin/users/${encodeURIComponent(account.id)}/reset-password`, formValues(passwordForm));
      passwordForm.reset();
      showDoneIn(passwordResult, `Đã đặt lại mật khẩu cho ${account.username}.`);
    } catch (e) {
      showErrorIn(passwordResult, e, {password: 'rp-password'});
    }
  });

  const disableResult = slot('disable-result');
  const disable = account.enabled
    ? h('button', {type: 'button', class: 'danger', id: 'user-disable'}, 'Khóa tài khoản')
    : null;
  if (disable) {
    disable.addEventListener('click', () => confirmIn(disableResult,
      `Bạn có chắc muốn khóa tài khoản ${account.username} (${personName(account)})? `
      + 'Người này sẽ bị đăng xuất và không đăng nhập được nữa.',
      'Đồng ý khóa', async () => {
        try {
          await post(`/api/v1/admin/users/${encodeURIComponent(account.id)}/disable`);
          await done(`Đã khóa tài khoản ${account.username}.`);
        } catch (e) {
          showErrorIn(disableResult, e);
        }
      }, {id: 'disable-confirm'}));
  }
  const close = h('button', {type: 'button', class: 'secondary', onclick: () => panel.replaceChildren()}, 'Đóng');
  panel.replaceChildren(h('section', {class: 'card', 'aria-labelledby': 'manage-title'},
    heading,
    h('p', {class: 'muted'}, `Đơn vị: ${names.get(account.unitCode) || account.unitCode || '—'} · `
      + `Thư điện tử: ${account.email || '—'} · ${account.enabled ? 'Đang hoạt động' : 'Đã khóa'}`),
    rolesForm,
    h('h3', {}, 'Đặt lại mật khẩu'), passwordForm,
    account.enabled ? [h('h3', {}, 'Khóa tài khoản'), h('div', {class: 'actions'}, disable), disableResult] : null,
    h('div', {class: 'actions'}, close)));
  heading.focus();
}
