// Online submission (T1) by a citizen, from a procedure's page: where to file it, who applies (from the login), the
// documents prepared, then the new dossier with its code and lookup key.
import {post, unitName} from '../js/api.js';
import {announce, field, formValues, h, setFieldError, showLoading, showView} from '../js/dom.js';
import {addRoute} from '../js/router.js';
import {clearSlot, dossierHref, errorBlock, showErrorIn} from '../js/ui.js';
import {componentNote, loadProcedure, offeredOnline, procedureHref} from './catalogue.js';

const CODE = /^[A-Za-z0-9.-]{1,64}$/;
const NOTE_MAX = 1000;

const FIELD_IDS = {
  unitCode: 'submit-unit',
  'applicant.fullName': 'submit-name',
  'applicant.citizenId': 'submit-citizen-id',
  'applicant.phone': 'submit-phone',
  'applicant.email': 'submit-email',
  'applicant.address': 'submit-address',
  note: 'submit-note',
};

export function register() {
  addRoute(/^\/nop-ho-so\/([^/?]+)$/, (match, user) => {
    let code = '';
    try {
      code = decodeURIComponent(match[1]);
    } catch (e) {
      // an undecodable address is an unknown procedure
    }
    return render(code, user);
  }, {roles: ['citizen']});
}

async function render(code, user) {
  const title = 'Nộp hồ sơ trực tuyến';
  if (!CODE.test(code)) {
    showView(title, h('p', {}, 'Không tìm thấy thủ tục này.'), back(null));
    return;
  }
  showLoading(title);
  let version;
  try {
    version = await loadProcedure(code);
  } catch (e) {
    showView(title, e.status === 404 ? h('p', {}, `Không tìm thấy thủ tục ${code}.`) : errorBlock(e), back(null));
    return;
  }
  const p = version.procedure || {};
  if (!offeredOnline(p)) {
    showView(title, h('p', {}, `Thủ tục "${p.name}" chưa nhận hồ sơ trực tuyến. Hãy nộp trực tiếp tại Bộ phận Một cửa.`),
      back(p.code));
    return;
  }
  const units = (version.receivingUnits || []).map(u => u.unitCode)
    .filter((c, i, all) => all.indexOf(c) === i)
    .sort((a, b) => unitName(a).localeCompare(unitName(b), 'vi'));
  if (units.length === 0) {
    showView(title, h('p', {}, 'Thủ tục này chưa có đơn vị tiếp nhận được công bố.'), back(p.code));
    return;
  }
  const preferred = user.unit && units.includes(user.unit) ? user.unit : '';
  const unitControl = units.length === 1
    ? h('select', {name: 'unitCode'}, h('option', {value: units[0]}, unitName(units[0])))
    : h('select', {name: 'unitCode'}, h('option', {value: ''}, '— Chọn nơi nộp hồ sơ —'),
      units.map(c => h('option', {value: c, selected: c === preferred}, unitName(c))));
  const slot = h('div', {class: 'form-error', id: 'submit-error', hidden: true});
  unitControl.addEventListener('change', () => {
    setFieldError('submit-unit', null);
    clearSlot(slot);
  });
  const components = p.components || [];
  const form = h('form', {id: 'submit-form', novalidate: true},
    h('h2', {}, 'Nơi nộp hồ sơ'),
    field('submit-unit', 'Đơn vị tiếp nhận', unitControl, {required: true,
      hint: units.length > 1 ? 'Thủ tục này được tiếp nhận tại nhiều nơi: chọn nơi bạn muốn nộp và nhận kết quả.'
        : null}),
    h('h2', {}, 'Người nộp hồ sơ'),
    field('submit-name', 'Họ và tên', h('input', {name: 'fullName', maxlength: '200', autocomplete: 'name',
      value: user.name || ''}), {required: true}),
    field('submit-citizen-id', 'Số định danh cá nhân', h('input', {name: 'citizenId', readonly: true,
      value: user.citizenId || ''}), {hint: 'Lấy từ tài khoản đăng nhập, không sửa được.'}),
    field('submit-phone', 'Số điện thoại', h('input', {name: 'phone', type: 'tel', maxlength: '20',
      autocomplete: 'tel'}), {hint: 'Để cơ quan liên hệ khi cần bổ sung hồ sơ.'}),
    field('submit-email', 'Thư điện tử', h('input', {name: 'email', type: 'email', maxlength: '254',
      autocomplete: 'email'})),
    field('submit-address', 'Địa chỉ', h('input', {name: 'address', maxlength: '500',
      autocomplete: 'street-address'})),
    h('h2', {}, 'Thành phần hồ sơ'),
    components.length === 0 ? h('p', {class: 'muted'}, 'Thủ tục không công bố thành phần hồ sơ.')
      : h('fieldset', {id: 'submit-components'},
        h('legend', {}, 'Đánh dấu các giấy tờ bạn đã chuẩn bị'),
        h('p', {class: 'hint'}, 'Cán bộ Bộ phận Một cửa sẽ kiểm tra khi tiếp nhận; giấy tờ phải xuất trình bản chính '
          + 'thì mang theo khi đến nhận kết quả.'),
        components.map((c, i) => h('div', {class: 'check'},
          h('input', {type: 'checkbox', name: 'components', value: c.name, id: `submit-component-${i}`}),
          h('label', {for: `submit-component-${i}`}, c.name, h('span', {class: 'muted'}, ` (${componentNote(c)})`))))),
    field('submit-note', 'Ghi chú cho cơ quan tiếp nhận', h('textarea', {name: 'note', rows: '3',
      maxlength: '600'})),
    h('div', {class: 'actions'},
      h('button', {type: 'submit', id: 'submit-send'}, 'Nộp hồ sơ'),
      h('a', {href: procedureHref(p.code)}, 'Hủy, quay lại thủ tục')),
    slot);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = formValues(form);
    const button = form.querySelector('button[type="submit"]');
    if (!v.unitCode) {
      setFieldError('submit-unit', 'Hãy chọn nơi nộp hồ sơ.');
      slot.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Hãy chọn nơi nộp hồ sơ.'));
      slot.hidden = false;
      form.querySelector('#submit-unit').focus();
      return;
    }
    const prepared = (v.components || []).length > 0 ? `Giấy tờ đã chuẩn bị: ${v.components.join('; ')}.` : '';
    const note = [v.note, prepared].filter(Boolean).join('\n').slice(0, NOTE_MAX);
    button.disabled = true;
    clearSlot(slot);
    try {
      const {body} = await post('/api/v1/citizen/dossiers', {
        procedureCode: p.code,
        unitCode: v.unitCode,
        applicant: {fullName: v.fullName, phone: v.phone || undefined, email: v.email || undefined,
          address: v.address || undefined},
        note: note || undefined,
      });
      done(body, p);
    } catch (e) {
      showErrorIn(slot, e, FIELD_IDS);
      button.disabled = false;
    }
  });
  showView(title,
    back(p.code),
    h('p', {class: 'lead'}, `Thủ tục: ${p.name} (${p.code})`),
    form);
}

function done(dossier, procedure) {
  showView('Đã nộp hồ sơ',
    h('div', {class: 'done', role: 'status'},
      h('p', {}, `Hồ sơ của bạn đã được gửi đến ${unitName(dossier.receivingUnitCode)}. `
        + 'Bộ phận Một cửa sẽ kiểm tra và tiếp nhận; khi đó hồ sơ có ngày hẹn trả kết quả.')),
    h('dl', {class: 'facts', id: 'submitted-facts'},
      h('dt', {}, 'Mã hồ sơ'), h('dd', {}, h('strong', {id: 'submitted-code'}, dossier.code)),
      h('dt', {}, 'Mã tra cứu'), h('dd', {}, h('strong', {id: 'submitted-lookup-key'}, dossier.lookupKey || '—')),
      h('dt', {}, 'Thủ tục'), h('dd', {}, procedure.name),
      h('dt', {}, 'Trạng thái'), h('dd', {}, dossier.statusLabel || '—')),
    h('p', {class: 'muted'}, 'Hãy ghi lại mã hồ sơ và mã tra cứu: với hai mã này có thể tra cứu tình trạng hồ sơ '
      + 'mà không cần đăng nhập.'),
    h('p', {class: 'actions'},
      h('a', {href: dossierHref(dossier.code), id: 'submitted-open'}, 'Xem hồ sơ vừa nộp'),
      h('a', {href: '#/ho-so-cua-toi'}, 'Hồ sơ của tôi')));
  announce(`Đã nộp hồ sơ ${dossier.code}.`);
}

function back(code) {
  return h('p', {}, h('a', {href: code ? procedureHref(code) : '#/thu-tuc-hanh-chinh'}, '← Quay lại thủ tục'));
}
