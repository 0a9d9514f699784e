// The work calendar (unit_admin): days off and make-up working days that count for deadlines, nationwide or for a
// unit's subtree; adding and removing entries within the administrator's reach.
import {call, get, post, query, unitName} from '../js/api.js';
import {field, formValues, h, showLoading, showView, table} from '../js/dom.js';
import {date} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {errorBlock, showErrorIn} from '../js/ui.js';
import {confirmIn, DAY_KINDS, managedUnits, slot, todayIso, unitOptions} from './admin-shared.js';

const ADMIN = ['unit_admin'];

export function register() {
  addMenu('#/lich-lam-viec', 'Lịch làm việc', {roles: ADMIN, order: 61});
  addRoute(/^\/lich-lam-viec$/, (match, user) => render(user), {roles: ADMIN});
}

async function render(user, notice = null, year = Number(todayIso().slice(0, 4))) {
  const title = 'Lịch làm việc và ngày nghỉ';
  showLoading(title);
  let units;
  let days;
  try {
    [units, days] = await Promise.all([
      managedUnits(),
      get(`/api/v1/admin/calendar/holidays${query({from: `${year}-01-01`, to: `${year}-12-31`})}`).then(b => b.days || []),
    ]);
  } catch (e) {
    showView(title, errorBlock(e));
    return;
  }
  const managed = new Map(units.map(u => [u.code, u]));
  const own = managed.get(user.unit);
  // a nationwide entry is for the administrators of a top unit (the province)
  const nationwide = Boolean(own && !own.parentCode);
  const open = units.filter(u => !u.validTo || u.validTo >= todayIso());
  const listSlot = slot('holiday-list-result');
  const rows = days.map((d, i) => {
    const mine = d.unitCode ? managed.has(d.unitCode) : nationwide;
    const remove = mine ? h('button', {type: 'button', class: 'secondary', id: `holiday-remove-${i}`}, 'Xóa') : null;
    if (remove) {
      remove.addEventListener('click', () => confirmIn(listSlot,
        `Xóa "${d.name}" (${date(d.date)}) khỏi lịch ${d.unitCode ? `của ${scopeName(d, managed)}` : 'toàn quốc'}? `
        + 'Thời hạn tính sau đó sẽ không còn tính ngày này.',
        'Đồng ý xóa', async () => {
          try {
            await call(`/api/v1/admin/calendar/holidays/${d.date}${query({unitCode: d.unitCode})}`, {method: 'DELETE'});
            await render(user, h('p', {class: 'done', role: 'status', id: 'holiday-notice'},
              `Đã xóa "${d.name}" (${date(d.date)}).`), year);
          } catch (e) {
            showErrorIn(listSlot, e);
          }
        }, {id: 'holiday-confirm'}));
    }
    return h('tr', {},
      h('td', {class: 'nowrap'}, date(d.date)),
      h('td', {}, DAY_KINDS[d.kind] || '—'),
      h('td', {}, d.name),
      h('td', {}, d.unitCode ? scopeName(d, managed) : 'Toàn quốc'),
      h('td', {}, remove || h('span', {class: 'muted'}, 'Không thuộc phạm vi')));
  });
  const yearSelect = h('select', {name: 'year'},
    [year - 1, year, year + 1].map(y => h('option', {value: String(y), selected: y === year}, String(y))));
  yearSelect.addEventListener('change', () => render(user, null, Number(yearSelect.value)));
  showView(title,
    notice,
    h('p', {class: 'muted'}, 'Ngày nghỉ và ngày làm việc bù được dùng để tính thời hạn giải quyết hồ sơ. '
      + 'Thay đổi chỉ áp dụng cho thời hạn tính sau đó; ngày hẹn trả đã cấp cho công dân không thay đổi.'),
    field('holiday-year', 'Năm', yearSelect),
    days.length
      ? table('holidays', ['Ngày', 'Loại ngày', 'Tên', 'Phạm vi áp dụng', 'Thao tác'], rows,
        {caption: `Lịch nghỉ năm ${year}`})
      : h('p', {class: 'muted', id: 'holidays-empty'}, `Năm ${year} chưa có ngày nghỉ hay ngày làm bù nào.`),
    listSlot,
    addForm(user, open, nationwide, year));
}

function scopeName(day, managed) {
  const unit = managed.get(day.unitCode);
  return unit ? unit.name : unitName(day.unitCode);
}

function addForm(user, open, nationwide, year) {
  const result = slot('holiday-add-result');
  const form = h('form', {id: 'holiday-add', novalidate: true},
    field('hd-date', 'Ngày', h('input', {name: 'date', type: 'date'}), {required: true}),
    field('hd-kind', 'Loại ngày', h('select', {name: 'kind'},
      Object.entries(DAY_KINDS).map(([k, v]) => h('option', {value: k}, v))), {required: true}),
    field('hd-name', 'Tên ngày', h('input', {name: 'name', maxlength: '200', autocomplete: 'off'}),
      {required: true, hint: 'Ví dụ: Nghỉ bù Quốc khánh, Tết Nguyên đán'}),
    field('hd-unit', 'Phạm vi áp dụng', h('select', {name: 'unitCode'},
      unitOptions(open, {blank: nationwide ? 'Toàn quốc' : null})),
    {hint: 'Áp dụng cho đơn vị được chọn và các đơn vị cấp dưới.'}),
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Thêm vào lịch')),
    result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = formValues(form);
    const body = {date: v.date, kind: v.kind, name: v.name};
    if (v.unitCode) body.unitCode = v.unitCode;
    try {
      const {body: added} = await post('/api/v1/admin/calendar/holidays', body);
      const shownYear = Number(added.date.slice(0, 4)) || year;
      await render(user, h('p', {class: 'done', role: 'status', id: 'holiday-notice'},
        `Đã thêm "${added.name}" (${date(added.date)}) vào lịch.`), shownYear);
    } catch (e) {
      if (e.status === 409) {
        result.replaceChildren(h('p', {class: 'error', role: 'alert'},
          'Ngày này đã có trong lịch của phạm vi đã chọn.'));
        result.hidden = false;
        return;
      }
      showErrorIn(result, e, {date: 'hd-date', kind: 'hd-kind', name: 'hd-name', unitCode: 'hd-unit'});
    }
  });
  return h('section', {'aria-labelledby': 'holiday-add-title'},
    h('h2', {id: 'holiday-add-title'}, 'Thêm ngày nghỉ hoặc ngày làm bù'), form);
}
