// Unit administration (unit_admin): the units of the administrator's subtree, a new unit, a merger (the 2025
// reform), and on one unit's page its name, its weekly reception sessions and closing it.
import {call, get, post} from '../js/api.js';
import {field, formValues, h, showLoading, showView, table} from '../js/dom.js';
import {date} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {clearSlot, errorBlock, showDoneIn, showErrorIn} from '../js/ui.js';
import {addDays, confirmIn, LEVELS, managedUnits, slot, todayIso, unitOptions, WEEKDAYS} from './admin-shared.js';

const ADMIN = ['unit_admin'];
const CODE = /^[A-Za-z0-9._-]{1,32}$/;

export function register() {
  addMenu('#/don-vi', 'Đơn vị', {roles: ADMIN, home: true, order: 60});
  addRoute(/^\/don-vi$/, () => renderList(), {roles: ADMIN});
  addRoute(/^\/don-vi\/([^/]+)$/, match => renderUnit(decodeURIComponent(match[1])), {roles: ADMIN});
}

function isOpen(unit) {
  return !unit.validTo || unit.validTo >= todayIso();
}

function stateOf(unit) {
  if (unit.successorCode) return `Đã sáp nhập vào ${unit.successorCode} (từ ${date(addDays(unit.validTo, 1))})`;
  if (unit.validTo && unit.validTo < todayIso()) return `Đã giải thể (ngày cuối ${date(unit.validTo)})`;
  if (unit.validTo) return `Hoạt động đến hết ${date(unit.validTo)}`;
  return 'Đang hoạt động';
}

function unitHref(code) {
  return `#/don-vi/${encodeURIComponent(code)}`;
}

async function renderList(notice = null) {
  showLoading('Quản lý đơn vị');
  let units;
  try {
    units = await managedUnits();
  } catch (e) {
    showView('Quản lý đơn vị', errorBlock(e));
    return;
  }
  const names = new Map(units.map(u => [u.code, u.name]));
  const rows = units.map(u => h('tr', {'data-code': u.code},
    h('td', {}, h('a', {href: unitHref(u.code), class: 'code'}, u.code)),
    h('td', {}, u.name),
    h('td', {}, LEVELS[u.level] || '—'),
    h('td', {}, u.parentCode ? names.get(u.parentCode) || u.parentCode : '—'),
    h('td', {class: 'nowrap'}, date(u.validFrom)),
    h('td', {}, stateOf(u))));
  const open = units.filter(isOpen);
  showView('Quản lý đơn vị',
    notice,
    h('p', {class: 'muted'}, `Các đơn vị thuộc phạm vi bạn quản trị: ${units.length} đơn vị.`),
    table('units', ['Mã', 'Tên đơn vị', 'Cấp', 'Đơn vị cấp trên', 'Bắt đầu hoạt động', 'Tình trạng'], rows,
      {caption: 'Đơn vị thuộc phạm vi quản trị'}),
    createForm(open),
    mergeForm(open));
}

function unitFields(prefix, open) {
  return [
    field(`${prefix}-code`, 'Mã đơn vị', h('input', {name: 'code', maxlength: '32', autocomplete: 'off'}),
      {required: true, hint: 'Chữ, số, dấu chấm, gạch ngang; tối đa 32 ký tự. Ví dụ: 11083'}),
    field(`${prefix}-agency`, 'Mã định danh cơ quan', h('input', {name: 'agencyCode', maxlength: '64', autocomplete: 'off'}),
      {required: true, hint: 'Ví dụ: 000.02.24.H30'}),
    field(`${prefix}-name`, 'Tên đơn vị', h('input', {name: 'name', maxlength: '200', autocomplete: 'off'}),
      {required: true}),
    field(`${prefix}-level`, 'Cấp hành chính', h('select', {name: 'level'},
      Object.entries(LEVELS).map(([k, v]) => h('option', {value: k, selected: k === 'COMMUNE'}, v))), {required: true}),
    field(`${prefix}-parent`, 'Đơn vị cấp trên', h('select', {name: 'parentCode'}, unitOptions(open)), {required: true}),
  ];
}

function createForm(open) {
  const result = slot('unit-create-result');
  const form = h('form', {id: 'unit-create', novalidate: true},
    ...unitFields('uc', open),
    field('uc-from', 'Ngày bắt đầu hoạt động', h('input', {name: 'validFrom', type: 'date', value: todayIso()}),
      {required: true}),
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Tạo đơn vị')),
    result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = formValues(form);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const {body} = await post('/api/v1/admin/units', v);
      location.hash = unitHref(body.code);
    } catch (e) {
      showErrorIn(result, e, {code: 'uc-code', agencyCode: 'uc-agency', name: 'uc-name', level: 'uc-level',
        parentCode: 'uc-parent', validFrom: 'uc-from'});
    } finally {
      button.disabled = false;
    }
  });
  return h('section', {'aria-labelledby': 'unit-create-title'},
    h('h2', {id: 'unit-create-title'}, 'Thêm đơn vị mới'), form);
}

function mergeForm(open) {
  const result = slot('unit-merge-result');
  const sources = h('fieldset', {id: 'merge-sources'},
    h('legend', {}, 'Các đơn vị được sáp nhập (chọn ít nhất hai)'),
    open.map(u => h('label', {class: 'check'},
      h('input', {type: 'checkbox', name: 'sourceCodes', value: u.code}), `${u.name} (${u.code})`)));
  const form = h('form', {id: 'unit-merge', novalidate: true},
    sources,
    h('h3', {}, 'Đơn vị mới sau sáp nhập'),
    ...unitFields('um', open),
    field('um-on', 'Ngày có hiệu lực', h('input', {name: 'effectiveOn', type: 'date', value: addDays(todayIso(), 1)}),
      {required: true, hint: 'Các đơn vị cũ hoạt động đến hết ngày hôm trước.'}),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'danger'}, 'Sáp nhập đơn vị')),
    result);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const v = formValues(form);
    const chosen = open.filter(u => v.sourceCodes.includes(u.code)).map(u => u.name);
    if (chosen.length < 2) {
      result.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Hãy chọn ít nhất hai đơn vị để sáp nhập.'));
      result.hidden = false;
      return;
    }
    confirmIn(result,
      `Sáp nhập ${chosen.join(', ')} thành "${v.name || '(chưa có tên)'}" từ ngày ${date(v.effectiveOn)}? `
      + 'Các đơn vị cũ sẽ ngừng tiếp nhận hồ sơ mới; việc này không thể hoàn tác.',
      'Đồng ý sáp nhập', async () => {
        try {
          const {body} = await post('/api/v1/admin/units:merge', {
            sourceCodes: v.sourceCodes,
            successor: {code: v.code, agencyCode: v.agencyCode, name: v.name, level: v.level, parentCode: v.parentCode},
            effectiveOn: v.effectiveOn,
          });
          await renderList(h('p', {class: 'done', role: 'status'},
            `Đã sáp nhập ${(body.closed || []).length} đơn vị thành ${body.successor.name}.`));
        } catch (e) {
          showErrorIn(result, e, {'successor.code': 'um-code', 'successor.agencyCode': 'um-agency',
            'successor.name': 'um-name', effectiveOn: 'um-on'});
        }
      }, {id: 'merge-confirm'});
  });
  return h('details', {class: 'card', id: 'merge'},
    h('summary', {}, 'Sáp nhập đơn vị'), form);
}

async function renderUnit(code, notice = null) {
  if (!CODE.test(code)) {
    showView('Không tìm thấy đơn vị', h('p', {}, 'Mã đơn vị không đúng định dạng.'), back());
    return;
  }
  showLoading(`Đơn vị ${code}`);
  let unit;
  let units;
  let sessions;
  try {
    units = await managedUnits();
    unit = units.find(u => u.code === code);
    if (unit) sessions = await get(`/api/v1/admin/units/${encodeURIComponent(code)}/sessions`);
  } catch (e) {
    showView(`Đơn vị ${code}`, errorBlock(e), back());
    return;
  }
  if (!unit) {
    showView('Không tìm thấy đơn vị', h('p', {}, `Đơn vị ${code} không thuộc phạm vi bạn quản trị.`), back());
    return;
  }
  const names = new Map(units.map(u => [u.code, u.name]));
  const open = isOpen(unit);
  showView(unit.name,
    back(),
    notice,
    h('dl', {class: 'facts', id: 'unit-facts'},
      h('dt', {}, 'Mã đơn vị'), h('dd', {}, unit.code),
      h('dt', {}, 'Mã định danh cơ quan'), h('dd', {}, unit.agencyCode),
      h('dt', {}, 'Cấp'), h('dd', {}, LEVELS[unit.level] || '—'),
      h('dt', {}, 'Đơn vị cấp trên'), h('dd', {}, unit.parentCode ? names.get(unit.parentCode) || unit.parentCode : '—'),
      h('dt', {}, 'Bắt đầu hoạt động'), h('dd', {}, date(unit.validFrom)),
      h('dt', {}, 'Tình trạng'), h('dd', {id: 'unit-state'}, stateOf(unit))),
    open ? renameForm(unit) : null,
    sessionsEditor(unit, sessions, names),
    open ? closeSection(unit) : null);
}

function back() {
  return h('p', {}, h('a', {href: '#/don-vi'}, '← Danh sách đơn vị'));
}

function renameForm(unit) {
  const result = slot('rename-result');
  const form = h('form', {id: 'unit-rename', novalidate: true},
    field('rename-name', 'Tên mới', h('input', {name: 'name', maxlength: '200', value: unit.name}), {required: true}),
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Đổi tên')),
    result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const {body} = await post(`/api/v1/admin/units/${encodeURIComponent(unit.code)}:rename`, formValues(form));
      await renderUnit(unit.code, h('p', {class: 'done', role: 'status', id: 'unit-notice'},
        `Đã đổi tên đơn vị thành "${body.name}".`));
    } catch (e) {
      showErrorIn(result, e, {name: 'rename-name'});
    }
  });
  return h('section', {'aria-labelledby': 'rename-title'}, h('h2', {id: 'rename-title'}, 'Đổi tên đơn vị'), form);
}

function sessionRow(list, index, session, withWeekday) {
  const prefix = `${withWeekday ? 'ws' : 'ms'}-${index}`;
  const remove = h('button', {type: 'button', class: 'secondary'}, 'Bỏ buổi này');
  const row = h('fieldset', {class: 'session-row', 'data-session': ''},
    h('legend', {}, `Buổi ${index + 1}`),
    withWeekday ? field(`${prefix}-day`, 'Thứ', h('select', {name: 'weekday'},
      Object.entries(WEEKDAYS).map(([k, v]) => h('option', {value: k, selected: session.weekday === k}, v)))) : null,
    field(`${prefix}-start`, 'Từ giờ', h('input', {name: 'start', type: 'time', value: session.start || '07:30'})),
    field(`${prefix}-end`, 'Đến giờ', h('input', {name: 'end', type: 'time', value: session.end || '11:30'})),
    h('div', {class: 'actions'}, remove));
  remove.addEventListener('click', () => {
    row.remove();
    list.dispatchEvent(new Event('renumber'));
  });
  return row;
}

function sessionList(id, sessions, withWeekday, legend) {
  const list = h('div', {id, class: 'session-list'});
  let next = 0;
  const add = session => list.append(sessionRow(list, next++, session, withWeekday));
  sessions.forEach(add);
  list.addEventListener('renumber', () => {
    [...list.children].forEach((row, i) => {
      row.querySelector('legend').textContent = `Buổi ${i + 1}`;
    });
  });
  const more = h('button', {type: 'button', class: 'secondary', id: `${id}-add`}, 'Thêm buổi');
  more.addEventListener('click', () => {
    add({weekday: 'SATURDAY', start: '07:30', end: '11:30'});
    list.dispatchEvent(new Event('renumber'));
    list.lastElementChild.querySelector('select, input').focus();
  });
  const read = () => [...list.children].map(row => {
    const value = {};
    for (const el of row.querySelectorAll('select, input')) value[el.name] = el.value;
    return value;
  });
  return {node: h('div', {}, h('h3', {}, legend), list, h('div', {class: 'actions'}, more)), read};
}

function sessionsEditor(unit, sessions, names) {
  const own = sessions.definedAt === unit.code;
  const source = own ? 'Đơn vị đang dùng lịch làm việc riêng.'
    : sessions.definedAt ? `Đơn vị đang dùng lịch làm việc của ${names.get(sessions.definedAt) || sessions.definedAt}.`
      : 'Đơn vị đang dùng lịch làm việc chuẩn theo quy định chung.';
  const weekly = sessionList('week-sessions', sessions.sessions, true, 'Các buổi tiếp nhận trong tuần');
  const makeUp = sessionList('makeup-sessions', sessions.makeUpDaySessions, false, 'Các buổi của ngày làm việc bù');
  const result = slot('sessions-result');
  const save = h('button', {type: 'submit', id: 'sessions-save'}, 'Lưu lịch tiếp nhận');
  const inherit = own ? h('button', {type: 'button', class: 'secondary', id: 'sessions-inherit'},
    'Dùng lại lịch của đơn vị cấp trên') : null;
  const form = h('form', {id: 'unit-sessions', novalidate: true},
    h('p', {class: 'muted', id: 'sessions-source'}, source),
    h('p', {class: 'hint'}, 'Thời hạn tính sau khi lưu dùng lịch mới; ngày hẹn trả đã cấp không thay đổi.'),
    weekly.node, makeUp.node,
    h('div', {class: 'actions'}, save, inherit),
    result);
  const send = async body => {
    save.disabled = true;
    try {
      await call(`/api/v1/admin/units/${encodeURIComponent(unit.code)}/sessions`, {method: 'PUT', body});
      await renderUnit(unit.code, h('p', {class: 'done', role: 'status', id: 'unit-notice'},
        body.sessions.length ? 'Đã lưu lịch tiếp nhận của đơn vị.' : 'Đơn vị đã dùng lại lịch của đơn vị cấp trên.'));
    } catch (e) {
      showErrorIn(result, e);
      save.disabled = false;
    }
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    clearSlot(result);
    send({sessions: weekly.read(), makeUpDaySessions: makeUp.read()});
  });
  if (inherit) inherit.addEventListener('click', () => send({sessions: [], makeUpDaySessions: []}));
  return h('section', {'aria-labelledby': 'sessions-title'},
    h('h2', {id: 'sessions-title'}, 'Lịch tiếp nhận hồ sơ'), form);
}

function closeSection(unit) {
  const result = slot('close-result');
  const form = h('form', {id: 'unit-close', novalidate: true},
    field('close-to', 'Ngày hoạt động cuối cùng', h('input', {name: 'validTo', type: 'date', value: todayIso()}),
      {required: true, hint: 'Từ ngày hôm sau, đơn vị không tiếp nhận hồ sơ mới; hồ sơ đã nhận giữ nguyên mã.'}),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'danger', id: 'close-button'}, 'Đóng đơn vị')),
    result);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const {validTo} = formValues(form);
    confirmIn(result,
      `Bạn có chắc muốn đóng ${unit.name} sau ngày ${date(validTo)}? Từ ngày hôm sau đơn vị không tiếp nhận hồ sơ mới.`,
      'Đồng ý đóng đơn vị', async () => {
        try {
          const {body} = await post(`/api/v1/admin/units/${encodeURIComponent(unit.code)}:close`, {validTo});
          await renderUnit(unit.code, h('p', {class: 'done', role: 'status', id: 'unit-notice'},
            `Đã đóng ${body.name}: ngày hoạt động cuối cùng là ${date(body.validTo)}.`));
        } catch (e) {
          showErrorIn(result, e, {validTo: 'close-to'});
        }
      }, {id: 'close-confirm'});
  });
  return h('section', {'aria-labelledby': 'close-title'}, h('h2', {id: 'close-title'}, 'Đóng đơn vị'), form);
}
