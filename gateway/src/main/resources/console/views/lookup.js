// Public status lookup: a dossier's code and the lookup key printed on Form 01 give its status, without login.
import {call} from '../js/api.js';
import {announce, fact, field, h, showView} from '../js/dom.js';
import {dateTime} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {errorBlock} from '../js/ui.js';

const CODE = /^[A-Za-z0-9.-]{1,64}$/;

export function register() {
  addMenu('#/tra-cuu', 'Tra cứu hồ sơ', {anonymous: true, home: true, order: 90});
  addRoute(/^\/tra-cuu$/, () => render(), {anonymous: true});
}

function render() {
  const result = h('div', {id: 'lookup-result'});
  const codeInput = h('input', {name: 'code', maxlength: '64', autocomplete: 'off',
    placeholder: 'Ví dụ: 000.02.24.H30-260105-0001'});
  const keyInput = h('input', {name: 'lookupKey', maxlength: '16', autocomplete: 'off', autocapitalize: 'characters',
    placeholder: 'Ví dụ: 7K3M9QXA'});
  const form = h('form', {id: 'lookup-form', autocomplete: 'off', novalidate: true},
    field('lookup-code', 'Mã hồ sơ (in trên giấy tiếp nhận)', codeInput, {required: true}),
    field('lookup-key', 'Mã tra cứu (8 ký tự, in trên giấy tiếp nhận)', keyInput, {required: true}),
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Tra cứu')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    lookup(codeInput.value.trim(), keyInput.value.trim(), result);
  });
  showView('Tra cứu tình trạng hồ sơ',
    h('p', {class: 'muted'}, 'Nhập mã hồ sơ và mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.'),
    form, result);
}

async function lookup(code, key, result) {
  if (!CODE.test(code)) {
    result.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Mã hồ sơ chỉ gồm chữ, số, dấu chấm và gạch ngang.'));
    return;
  }
  if (!key) {
    result.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Hãy nhập mã tra cứu in trên giấy tiếp nhận hồ sơ.'));
    return;
  }
  result.replaceChildren(h('p', {class: 'muted', role: 'status'}, 'Đang tra cứu…'));
  try {
    const {body: s} = await call(`/api/v1/public/dossiers/${encodeURIComponent(code)}/status`
      + `?lookupKey=${encodeURIComponent(key)}`, {anonymous: true});
    result.replaceChildren(h('h2', {}, 'Kết quả tra cứu'), h('dl', {class: 'facts', id: 'lookup-facts'},
      fact('Mã hồ sơ', s.code),
      fact('Thủ tục', s.procedureName),
      fact('Nơi tiếp nhận', s.receivingUnitName),
      fact('Trạng thái', s.statusLabel || s.status),
      fact('Ngày tiếp nhận', dateTime(s.receivedAt)),
      fact('Hẹn trả kết quả', dateTime(s.dueAt)),
      fact('Ngày hoàn thành', s.finishedAt ? dateTime(s.finishedAt) : null)));
    announce(`Hồ sơ ${s.code}: ${s.statusLabel || s.status}. Hẹn trả kết quả ${dateTime(s.dueAt)}.`);
  } catch (e) {
    if (e.status === 404) {
      // a wrong key answers like an unknown code, on purpose: say what to check, not which one was wrong
      const text = 'Không tìm thấy hồ sơ có mã hồ sơ và mã tra cứu này. Hãy kiểm tra lại cả hai mã trên giấy tiếp nhận.';
      result.replaceChildren(h('p', {class: 'error', role: 'alert'}, text));
      return;
    }
    result.replaceChildren(errorBlock(e));
  }
}
