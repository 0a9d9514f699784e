// What the administration screens (units, calendar, accounts, catalogue, reports) share: their words, an inline
// "are you sure?" question for destructive actions, the units an administrator manages and Vietnam's today.
import {get} from '../js/api.js';
import {h} from '../js/dom.js';

export const LEVELS = {PROVINCE: 'Cấp tỉnh', DISTRICT: 'Cấp huyện', COMMUNE: 'Cấp xã'};

export const WEEKDAYS = {
  MONDAY: 'Thứ Hai',
  TUESDAY: 'Thứ Ba',
  WEDNESDAY: 'Thứ Tư',
  THURSDAY: 'Thứ Năm',
  FRIDAY: 'Thứ Sáu',
  SATURDAY: 'Thứ Bảy',
  SUNDAY: 'Chủ nhật',
};

export const DAY_KINDS = {DAY_OFF: 'Ngày nghỉ', MAKEUP_WORKDAY: 'Ngày làm việc bù'};


/** Today in Vietnam as YYYY-MM-DD (what the API's date fields take). */
export function todayIso() {
  return new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Ho_Chi_Minh'}).format(new Date());
}

/** A YYYY-MM-DD date shifted by days. */
export function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The units the signed-in administrator manages (their unit and below, closed ones included). */
export async function managedUnits() {
  // the gateway leaves an empty list out of its JSON
  return (await get('/api/v1/admin/units')).units || [];
}

/**
 * The units of a subtree from the public unit list: the unit and every unit whose chain of parents reaches it.
 * @param units [{code, name, parentCode}]
 */
export function subtreeOf(units, rootCode) {
  const byCode = new Map(units.map(u => [u.code, u]));
  const inside = u => {
    for (let at = u, hops = 0; at && hops < 20; at = byCode.get(at.parentCode), hops += 1) {
      if (at.code === rootCode) return true;
    }
    return false;
  };
  return units.filter(inside);
}

/** <option>s for units: "Xã Ngọc Sơn (11077)". */
export function unitOptions(units, {blank} = {}) {
  return [
    blank ? h('option', {value: ''}, blank) : null,
    ...units.map(u => h('option', {value: u.code}, `${u.name} (${u.code})`)),
  ];
}

/**
 * Asks before a destructive action, next to the button that started it: the question (focused, so a screen reader
 * reads it), a confirm button and "Hủy". onConfirm runs once; the box goes away on "Hủy".
 */
export function confirmIn(slot, question, confirmLabel, onConfirm, {id = 'confirm-box'} = {}) {
  const yes = h('button', {type: 'button', class: 'danger', id: `${id}-yes`}, confirmLabel);
  const no = h('button', {type: 'button', class: 'secondary', id: `${id}-no`}, 'Hủy');
  const text = h('p', {class: 'confirm-question', id: `${id}-question`, tabindex: '-1'}, question);
  const box = h('div', {class: 'confirm', id, role: 'alertdialog', 'aria-labelledby': `${id}-question`},
    text, h('div', {class: 'actions'}, yes, no));
  no.addEventListener('click', () => {
    box.remove();
    slot.hidden = slot.childElementCount === 0;
  });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    no.disabled = true;
    box.remove();
    await onConfirm();
  });
  slot.replaceChildren(box);
  slot.hidden = false;
  text.focus();
}

/** A slot for an action's outcome (error or success), kept next to the form or button. */
export function slot(id) {
  return h('div', {class: 'slot', id, hidden: true});
}
