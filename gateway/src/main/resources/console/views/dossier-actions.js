// The officers' actions on a dossier (accept, transfer, processing steps, supplement, refusal, apology, financial
// obligation, result, return, stop): exactly those the API says the user's roles may take in the dossier's state
// (GET /api/v1/dossiers/{code}/actions, from dossier-service's state machine). Each is a small form sending the ETag
// the user saw as If-Match; when someone else acted first (412) the page reloads the fresh state with a message.
import {loadUnitNames, post} from '../js/api.js';
import {field, formValues, h} from '../js/dom.js';
import {localInputToInstant} from '../js/format.js';
import {INBOX_ROLES, REASONS} from '../js/labels.js';
import {clearSlot, showErrorIn} from '../js/ui.js';
import {addDossierPanel} from './dossier.js';

const reason = (label, {required = true, hint} = {}) => ({name: 'reason', label, kind: 'textarea', required, hint});
const note = (label = 'Ghi chú') => ({name: 'note', label, kind: 'textarea'});

/**
 * Each action: the REST verb, its heading, what it does (info), what must be done first (before), its button and
 * fields. Fields: {name, label, kind (text|textarea|datetime|unit|select), required, hint, options}. Order: how they
 * appear on the page.
 */
export const ACTIONS = [
  // a postal dossier sent back for a supplement starts its clock at the new hand-over (Decision 45/2016 Art 7(4))
  {action: 'accept', title: 'Tiếp nhận hồ sơ', button: 'Tiếp nhận hồ sơ',
    fields: [{name: 'handoverSignedAt', label: 'Thời điểm ký biên bản bàn giao hồ sơ đã bổ sung với bưu chính',
      kind: 'datetime', onlyFor: d => d.channel === 'POSTAL'}],
    info: 'Hồ sơ đủ thành phần, đúng quy định: tiếp nhận và bắt đầu tính thời hạn giải quyết.', done: 'Đã tiếp nhận hồ sơ.'},
  {action: 'request-pre-supplement', title: 'Yêu cầu bổ sung trước khi tiếp nhận (Mẫu 02)',
    button: 'Gửi yêu cầu bổ sung', fields: [reason('Nội dung cần bổ sung, hoàn thiện (ghi đầy đủ một lần)')],
    done: 'Đã gửi yêu cầu bổ sung hồ sơ (Mẫu 02).'},
  {action: 'reject', title: 'Từ chối tiếp nhận (Mẫu 03)', button: 'Từ chối tiếp nhận', danger: true,
    fields: [reason('Lý do từ chối')], done: 'Đã từ chối tiếp nhận hồ sơ (Mẫu 03).'},
  {action: 'transfer', title: 'Chuyển hồ sơ đến bộ phận giải quyết', button: 'Chuyển xử lý',
    info: 'Chuyển hồ sơ và Phiếu kiểm soát quá trình giải quyết (Mẫu 05) cho đơn vị có thẩm quyền.',
    done: 'Đã chuyển hồ sơ đến bộ phận giải quyết.'},
  {step: 'ASSIGN', title: 'Phân công chuyên viên xử lý', button: 'Phân công',
    fields: [{name: 'target', label: 'Tên đăng nhập của chuyên viên', kind: 'text', required: true,
      hint: 'Ví dụ: cv.ngocson'}, note()], done: 'Đã phân công chuyên viên xử lý.'},
  {step: 'APPRAISE', title: 'Ghi nhận kết quả thẩm định, xem xét', button: 'Ghi nhận thẩm định',
    fields: [note('Ý kiến thẩm định')], done: 'Đã ghi nhận kết quả thẩm định.'},
  {step: 'REQUEST_CONSULTATION', title: 'Xin ý kiến cơ quan, đơn vị liên quan', button: 'Gửi xin ý kiến',
    fields: [{name: 'target', label: 'Đơn vị được xin ý kiến', kind: 'unit', required: true},
      {name: 'stepDueAt', label: 'Hạn trả lời', kind: 'datetime'}, note('Nội dung xin ý kiến')],
    done: 'Đã gửi xin ý kiến.'},
  {step: 'ANSWER_CONSULTATION', title: 'Ghi nhận ý kiến của đơn vị phối hợp', button: 'Ghi nhận ý kiến',
    fields: [{name: 'target', label: 'Đơn vị đã trả lời', kind: 'unit', required: true}, note('Nội dung trả lời')],
    done: 'Đã ghi nhận ý kiến phối hợp.'},
  {step: 'FORWARD_INTER_AGENCY', title: 'Chuyển liên thông đến cơ quan tiếp theo', button: 'Chuyển liên thông',
    fields: [{name: 'target', label: 'Cơ quan nhận', kind: 'unit', required: true}, note()],
    done: 'Đã chuyển liên thông hồ sơ.'},
  {step: 'SUBMIT_FOR_APPROVAL', title: 'Trình lãnh đạo phê duyệt', button: 'Trình phê duyệt',
    fields: [note('Nội dung trình (dự thảo kết quả)')], done: 'Đã trình lãnh đạo phê duyệt.'},
  {step: 'APPROVE', title: 'Phê duyệt kết quả', button: 'Phê duyệt', fields: [note('Ý kiến phê duyệt')],
    done: 'Đã phê duyệt kết quả giải quyết.'},
  {action: 'request-supplement', title: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)', button: 'Gửi yêu cầu bổ sung',
    fields: [reason('Nội dung cần bổ sung, hoàn thiện (ghi đầy đủ một lần)')],
    info: 'Chỉ trong 03 ngày làm việc kể từ ngày tiếp nhận; thời hạn giải quyết tính lại từ khi nhận đủ hồ sơ.',
    done: 'Đã gửi yêu cầu bổ sung hồ sơ (Mẫu 02).'},
  {action: 'receive-supplement', title: 'Nhận hồ sơ bổ sung', button: 'Xác nhận đã nhận đủ hồ sơ bổ sung',
    fields: [note()], done: 'Đã nhận hồ sơ bổ sung; thời hạn giải quyết được tính lại.'},
  {action: 'require-financial-obligation', title: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    button: 'Gửi yêu cầu', fields: [reason('Nội dung (thuế, phí, lệ phí phải nộp)', {required: false})],
    done: 'Đã yêu cầu người nộp thực hiện nghĩa vụ tài chính.'},
  {action: 'confirm-financial-obligation', title: 'Xác nhận đã thực hiện nghĩa vụ tài chính',
    button: 'Xác nhận đã nộp', done: 'Đã xác nhận người nộp đã thực hiện nghĩa vụ tài chính.'},
  {action: 'extend', title: 'Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)', button: 'Gửi phiếu xin lỗi, hẹn lại',
    fields: [reason('Lý do chậm giải quyết'), {name: 'newDueAt', label: 'Ngày hẹn trả mới', kind: 'datetime', required: true}],
    info: 'Chỉ một lần và chậm nhất một ngày làm việc trước hạn trả kết quả.',
    done: 'Đã gửi phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04).'},
  {action: 'refuse', title: 'Từ chối giải quyết (Mẫu 03)', button: 'Từ chối giải quyết', danger: true,
    fields: [reason('Lý do từ chối')], done: 'Đã từ chối giải quyết hồ sơ (Mẫu 03).'},
  {action: 'issue-result', title: 'Ban hành kết quả', button: 'Ban hành kết quả',
    fields: [{name: 'resultNote', label: 'Số, ký hiệu văn bản kết quả', kind: 'text'}],
    info: 'Kết quả đã được ký sẽ chuyển về Bộ phận Một cửa để trả cho người nộp.',
    // dossier-service refuses the result until digitization-service holds the validly signed PDF (issue 12)
    before: 'Trước khi ban hành: tệp PDF kết quả đã ký số phải được đính kèm tại mục "Kết quả giải quyết điện tử" '
      + 'của phần "Số hóa thành phần hồ sơ" (chữ ký số hợp lệ).',
    done: 'Đã ban hành kết quả.'},
  {action: 'return-result', title: 'Trả kết quả cho người nộp', button: 'Xác nhận đã trả kết quả',
    fields: [{name: 'channel', label: 'Hình thức trả', kind: 'select', required: true, options: [
      ['COUNTER', 'Trực tiếp tại Bộ phận Một cửa'], ['POSTAL', 'Qua dịch vụ bưu chính'], ['ONLINE', 'Trực tuyến']]}],
    done: 'Đã trả kết quả cho người nộp.'},
  {action: 'withdraw', title: 'Rút hồ sơ theo đề nghị của người nộp', button: 'Rút hồ sơ', danger: true,
    fields: [reason('Lý do (theo văn bản đề nghị)', {required: false})], done: 'Đã rút hồ sơ.'},
  // Circular 03/2025 Art 7: the desk records a stop only at the applicant's request, made in person or by post
  {action: 'stop', title: 'Dừng giải quyết theo đề nghị của người nộp', button: 'Dừng giải quyết', danger: true,
    fields: [{name: 'ground', label: 'Căn cứ dừng', kind: 'select', required: true, options: [
      ['APPLICANT_REQUEST_DIRECT_OR_POSTAL', 'Người nộp đề nghị dừng (trực tiếp hoặc qua bưu chính)']]},
    reason('Nội dung đề nghị dừng của người nộp')], done: 'Đã dừng giải quyết hồ sơ (Thông báo dừng).'},
];

const STALE = REASONS.STALE_REVISION;

export function register() {
  addDossierPanel(ctx => panel(ctx), {order: 20});
}

/** The actions the API allows this user now, in page order. */
export function offered(actions) {
  if (!actions) return [];
  const verbs = new Set(actions.allowedActions || []);
  const steps = new Set(actions.allowedSteps || []);
  return ACTIONS.filter(a => (a.step ? steps.has(a.step) : verbs.has(a.action)));
}

function panel(ctx) {
  const {user} = ctx;
  if (!user || !user.hasAnyRole(INBOX_ROLES)) return null;
  if (!ctx.actions) {
    return ctx.actionsError ? h('section', {id: 'dossier-actions'}, h('h2', {}, 'Xử lý hồ sơ'),
      h('p', {class: 'error', role: 'alert'}, 'Không tải được các thao tác xử lý. Hãy tải lại trang.')) : null;
  }
  const list = offered(ctx.actions);
  return h('section', {id: 'dossier-actions', 'aria-labelledby': 'dossier-actions-title'},
    h('h2', {id: 'dossier-actions-title'}, 'Xử lý hồ sơ'),
    list.length === 0
      ? h('p', {class: 'muted', id: 'dossier-no-action'}, 'Hồ sơ ở trạng thái này không có thao tác nào dành cho bạn.')
      : h('div', {class: 'action-list'}, list.map(a => actionForm(a, ctx))));
}

function idOf(a) {
  return `act-${a.step ? `step-${a.step.toLowerCase().replace(/_/g, '-')}` : a.action}`;
}

function control(f) {
  if (f.kind === 'textarea') return h('textarea', {name: f.name, rows: '2', maxlength: '2000'});
  if (f.kind === 'datetime') return h('input', {type: 'datetime-local', name: f.name});
  if (f.kind === 'select') {
    return h('select', {name: f.name}, f.options.map(([value, text]) => h('option', {value}, text)));
  }
  if (f.kind === 'unit') {
    const select = h('select', {name: f.name}, h('option', {value: ''}, '— Chọn đơn vị —'));
    loadUnitNames().then(names => {
      const sorted = [...names.entries()].sort((x, y) => x[1].localeCompare(y[1], 'vi'));
      select.append(...sorted.map(([code, name]) => h('option', {value: code}, name)));
    });
    return select;
  }
  return h('input', {name: f.name, maxlength: '128', autocomplete: 'off'});
}

function actionForm(a, ctx) {
  const id = idOf(a);
  const fields = (a.fields || []).filter(f => !f.onlyFor || f.onlyFor(ctx.dossier));
  const fieldIds = {};
  const slot = h('div', {class: 'form-slot', id: `${id}-slot`, hidden: true});
  const submit = h('button', {type: 'submit', class: a.danger ? 'danger' : null, id: `${id}-submit`}, a.button);
  const form = h('form', {id: `${id}-form`, novalidate: true, autocomplete: 'off'},
    a.info ? h('p', {class: 'muted'}, a.info) : null,
    a.before ? h('p', {class: 'muted', id: `${id}-before`}, a.before) : null,
    fields.map(f => {
      const fid = `${id}-${f.name}`;
      fieldIds[f.name] = fid;
      return field(fid, f.label, control(f), {required: f.required, hint: f.hint});
    }),
    h('div', {class: 'actions'}, submit),
    slot);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = formValues(form);
    const missing = fields.filter(f => f.required && !v[f.name]);
    for (const f of fields) {
      const fid = fieldIds[f.name];
      const error = document.getElementById(`${fid}-error`);
      const input = document.getElementById(fid);
      const isMissing = missing.includes(f);
      if (isMissing) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      error.textContent = isMissing ? `Hãy nhập ${f.label.toLowerCase()}.` : '';
      error.hidden = !isMissing;
    }
    if (missing.length) {
      slot.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Hãy nhập đủ các ô bắt buộc.'));
      slot.hidden = false;
      return;
    }
    const body = {};
    for (const f of fields) {
      const value = v[f.name];
      if (!value) continue;
      body[f.name] = f.kind === 'datetime' ? localInputToInstant(value) : value;
    }
    if (a.step) body.step = a.step;
    const verb = a.step ? 'steps' : a.action;
    submit.disabled = true;
    clearSlot(slot);
    try {
      const {body: after} = await post(`/api/v1/dossiers/${encodeURIComponent(ctx.dossier.code)}:${verb}`, body,
        {ifMatch: ctx.etag});
      await ctx.reload(h('p', {class: 'done', role: 'status', id: 'action-done'}, a.done), after && after.code);
    } catch (e) {
      if (e.isStale) {
        await ctx.reload(h('div', {class: 'error', role: 'alert', id: 'action-stale'},
          h('p', {class: 'error-message'}, STALE),
          h('p', {}, `Thao tác "${a.title}" chưa được thực hiện.`)));
        return;
      }
      submit.disabled = false;
      const map = {};
      for (const [name, fid] of Object.entries(fieldIds)) map[name] = fid;
      showErrorIn(slot, e, map);
    }
  });
  return h('details', {class: `action${a.danger ? ' action-danger' : ''}`, id},
    h('summary', {}, a.title), form);
}
