// Fees of a dossier (payment-service, issue 11): on the dossier's page a "Thanh toán" panel with its payment requests
// (amount, status in words, the receipt and refunds); the citizen pays online from it, the reception officer records
// a payment at the desk ("Ghi nhận nộp phí"), cancels or refunds (each with the payment's ETag as If-Match). Also the
// public receipt check the receipt's QR opens (#/bien-lai/{number}?check=...), the neutral page the provider's return
// lands on when it could not be verified, and the reception officer's reconciliation with the provider's file.
import {call, download, get, loadUnitNames, post, unitName} from '../js/api.js';
import {announce, decode, fact, field, formValues, h, saveBlob, setFieldError, showLoading, showView, table} from '../js/dom.js';
import {date, dateTime, money} from '../js/format.js';
import {COUNTER_CHANNELS, INBOX_ROLES, MISMATCH_KINDS, PAYMENT_CHANNELS, PAYMENT_STATUSES, REASONS, REFUND_STATES}
  from '../js/labels.js';
import {addMenu, addRoute} from '../js/router.js';
import {clearSlot, dossierLink, errorBlock, showDoneIn, showErrorIn} from '../js/ui.js';
import {slot, todayIso} from './admin-shared.js';
import {addDossierPanel} from './dossier.js';

/** Who records, cancels and refunds (the gateway's RECEPTION_OFFICER routes). */
const DESK = 'reception_officer';
/** Who reconciles their own unit's online payments (RoleDocs.ACTS_RECONCILERS). */
const RECONCILERS = ['reception_officer', 'unit_leader'];
/** What a payment that is not settled yet may still become (the officer's forms are offered for these). */
const OPEN = ['AWAITING', 'FAILED', 'EXPIRED', 'ERROR'];
/** The citizen pays online while nothing is paid and no attempt is under way. */
const PAYABLE = ['AWAITING', 'FAILED'];
const RECEIPT_CHECK = /^[A-Za-z0-9._-]{1,40}[-/]\d{4}[-/]\d{1,12}$/;

export function register() {
  addDossierPanel(paymentsPanel, {order: 15});
  // the QR encodes the number ("11077%2F2026%2F000123"); a typed address may carry its '/' or the '-' form
  addRoute(/^\/bien-lai\/([^?]+)(?:\?(.*))?$/, match => renderReceiptCheck(match[1], match[2] || ''),
    {anonymous: true});
  addRoute(/^\/bien-lai$/, () => renderReceiptCheck('', ''), {anonymous: true});
  addRoute(/^\/thanh-toan\/ket-qua$/, (match, user) => renderUnverifiedReturn(user), {anonymous: true});
  addMenu('#/doi-soat', 'Đối soát thanh toán', {roles: RECONCILERS, order: 76});
  addRoute(/^\/doi-soat$/, (match, user) => renderReconciliation(user), {roles: RECONCILERS});
}

/** The payment's ETag: the revision it was shown at, so an action never applies to a payment changed since. */
function etagOf(payment) {
  return `"r${payment.revision}"`;
}

function statusBadge(status) {
  const [label, css] = PAYMENT_STATUSES[status] || ['Không xác định', 'unknown'];
  return h('span', {class: `badge ${css}`}, label);
}

// --- the dossier page's panel -------------------------------------------------------------------------------------

function paymentsPanel(ctx) {
  const {user, dossier} = ctx;
  if (!user) return null;
  const citizen = user.roles.includes('citizen');
  if (!citizen && !user.hasAnyRole(INBOX_ROLES)) return null;
  const body = h('div', {id: 'payments-body', 'aria-busy': 'true'}, h('p', {class: 'muted', role: 'status'}, 'Đang tải…'));
  const section = h('section', {class: 'card', id: 'payments', 'aria-labelledby': 'payments-title'},
    h('h2', {id: 'payments-title'}, citizen ? 'Thanh toán' : 'Phí, lệ phí và biên lai'), body);
  get(`/api/v1/dossiers/${encodeURIComponent(dossier.code)}/payments`)
    .then(page => {
      const payments = page.payments || [];
      // native replaceChildren takes nodes, not an array (nor null): spread them
      body.replaceChildren(...(payments.length === 0
        ? [h('p', {class: 'muted', id: 'payments-none'}, 'Hồ sơ không có khoản phí, lệ phí nào phải nộp qua hệ thống.')]
        : payments.map(p => paymentCard(p, ctx, citizen))));
    })
    .catch(e => body.replaceChildren(h('p', {class: 'muted'}, 'Không tải được thông tin phí, lệ phí.'), errorBlock(e)))
    .finally(() => body.removeAttribute('aria-busy'));
  return section;
}

function paymentCard(p, ctx, citizen) {
  const id = `payment-${p.id}`;
  const lines = (p.lines || []).map(l => h('li', {},
    `${l.name}: ${money(l.amount, 'đ')}`, l.legalBasis ? h('span', {class: 'muted'}, ` (${l.legalBasis})`) : null));
  const card = h('div', {class: 'payment', id, 'data-payment': p.id, 'data-status': p.status || ''},
    h('h3', {}, 'Số tiền phải nộp: ', h('strong', {class: 'payment-amount'}, money(p.amount, 'đ')), ' ', statusBadge(p.status)),
    lines.length ? h('ul', {class: 'payment-lines'}, lines) : null,
    p.onlineDiscountPercent > 0 ? h('p', {class: 'muted'}, `Giảm ${p.onlineDiscountPercent}% khi nộp trực tuyến.`) : null,
    h('dl', {class: 'facts'},
      fact('Trạng thái', PAYMENT_STATUSES[p.status] ? PAYMENT_STATUSES[p.status][0] : p.status),
      p.channel ? fact('Hình thức nộp', PAYMENT_CHANNELS[p.channel] || p.channel) : null,
      p.paidAt ? fact('Ngày nộp', dateTime(p.paidAt)) : null,
      !p.paidAt && p.expiresAt ? fact('Hạn nộp', dateTime(p.expiresAt)) : null,
      p.transactionRef ? fact('Mã giao dịch', p.transactionRef) : null,
      p.refunded > 0 ? fact('Đã hoàn trả', money(p.refunded, 'đ')) : null),
    p.status === 'IN_PROGRESS' && citizen
      ? h('p', {class: 'muted', id: `${id}-pending`}, 'Cổng thanh toán chưa báo kết quả. Hãy tải lại trang sau ít phút.')
      : null,
    citizen && PAYABLE.includes(p.status) ? payOnline(p, id) : null,
    p.receipt ? receiptBlock(p, id) : null,
    (p.refunds || []).length ? refundsTable(p, id) : null,
    !citizen && ctx.user.roles.includes(DESK) ? officerForms(p, ctx, id) : null);
  return card;
}

/** "Thanh toán trực tuyến": asks for the provider's page and sends the browser there. */
function payOnline(p, id) {
  const result = slot(`${id}-pay-result`);
  const button = h('button', {type: 'button', id: `${id}-pay`, class: 'pay-online'}, 'Thanh toán trực tuyến');
  button.addEventListener('click', async () => {
    button.disabled = true;
    clearSlot(result);
    try {
      const {body} = await post(`/api/v1/payments/${encodeURIComponent(p.id)}:start-online`, {});
      const url = body && body.redirectUrl;
      if (!url || !/^https?:\/\//.test(url)) throw new Error('no provider URL');
      result.replaceChildren(h('p', {class: 'muted', role: 'status'}, 'Đang chuyển đến cổng thanh toán…'));
      result.hidden = false;
      window.location.assign(url);
    } catch (e) {
      showErrorIn(result, e);
      button.disabled = false;
    }
  });
  return h('div', {class: 'actions'}, button,
    h('p', {class: 'hint'}, 'Bạn sẽ được chuyển đến cổng thanh toán để xác nhận, rồi quay lại trang hồ sơ này.'),
    result);
}

function receiptBlock(p, id) {
  const r = p.receipt;
  const result = slot(`${id}-receipt-result`);
  const button = h('button', {type: 'button', class: 'link', id: `${id}-receipt`}, 'Tải biên lai điện tử (PDF)');
  button.addEventListener('click', async () => {
    button.disabled = true;
    clearSlot(result);
    try {
      const file = await download(`/api/v1/payments/${encodeURIComponent(p.id)}/receipt.pdf`,
        `bien-lai-${r.pathNumber || p.id}.pdf`);
      saveBlob(file.blob, file.fileName);
      announce(`Đã tải biên lai số ${r.number}.`);
    } catch (e) {
      showErrorIn(result, e);
    } finally {
      button.disabled = false;
    }
  });
  return h('div', {class: 'receipt', id: `${id}-receipt-box`},
    h('p', {}, 'Biên lai số ', h('strong', {class: 'receipt-number'}, r.number), ` ngày ${dateTime(r.issuedAt)}, `
      + `số tiền ${money(r.amount, 'đ')}.`),
    h('p', {class: 'actions'}, button,
      r.checkCode ? h('a', {href: `#/bien-lai/${encodeURIComponent(r.number)}?check=${encodeURIComponent(r.checkCode)}`},
        'Kiểm tra biên lai') : null),
    result);
}

function refundsTable(p, id) {
  return table(`${id}-refunds`, ['Ngày đề nghị', 'Số tiền hoàn trả', 'Lý do', 'Trạng thái'],
    p.refunds.map(r => h('tr', {'data-refund': r.id},
      h('td', {class: 'nowrap'}, dateTime(r.requestedAt)),
      h('td', {class: 'number'}, money(r.amount, 'đ')),
      h('td', {}, r.reason || '—'),
      h('td', {}, REFUND_STATES[r.state] || r.state || '—'))),
    {caption: 'Lịch sử hoàn trả'});
}

// --- the reception officer's forms --------------------------------------------------------------------------------

function officerForms(p, ctx, id) {
  const forms = [];
  if (OPEN.includes(p.status)) {
    forms.push(counterForm(p, ctx, id), cancelForm(p, ctx, id));
  }
  if (p.status === 'PAID' && p.refunded < p.amount) {
    forms.push(refundForm(p, ctx, id));
  }
  return forms.length ? h('div', {class: 'action-list'}, forms) : null;
}

/** Runs one officer action with the payment's ETag; a stale one shows the fresh page with a message. */
async function act(p, ctx, verb, body, {result, button, fieldIds, done}) {
  button.disabled = true;
  clearSlot(result);
  try {
    await post(`/api/v1/payments/${encodeURIComponent(p.id)}:${verb}`, body, {ifMatch: etagOf(p)});
    await ctx.reload(h('p', {class: 'done', role: 'status', id: 'payment-done'}, done));
    announce(done);
  } catch (e) {
    if (e.isStale) {
      await ctx.reload(h('div', {class: 'error', role: 'alert', id: 'payment-stale'},
        h('p', {class: 'error-message'}, REASONS.STALE_REVISION),
        h('p', {}, 'Khoản phí vừa thay đổi (có thể người nộp vừa thanh toán). Thao tác chưa được thực hiện.')));
      return;
    }
    showErrorIn(result, e, fieldIds);
    button.disabled = false;
  }
}

/** A whole number of đồng typed with or without dots ("50.000" or "50000"); null when it is not one. */
function parseDong(text) {
  const plain = String(text || '').replace(/[.\s]/g, '').replace(/đ$/i, '');
  return /^\d{1,15}$/.test(plain) ? Number(plain) : null;
}

function amountInput(name, value) {
  return h('input', {name, inputmode: 'numeric', autocomplete: 'off', maxlength: '20', value: String(value)});
}

/** Checks the amount field before sending: it must be given, in whole đồng. */
function readAmount(form, fid, result) {
  const amount = parseDong(formValues(form).amount);
  setFieldError(fid, amount === null ? 'Hãy nhập số tiền bằng chữ số, ví dụ 50000 hoặc 50.000.' : null);
  if (amount === null) {
    result.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Số tiền chưa hợp lệ.'));
    result.hidden = false;
  }
  return amount;
}

function counterForm(p, ctx, id) {
  const fid = `${id}-counter`;
  const result = slot(`${fid}-result`);
  const button = h('button', {type: 'submit', id: `${fid}-submit`}, 'Ghi nhận đã nộp');
  const form = h('form', {id: `${fid}-form`, novalidate: true, autocomplete: 'off'},
    field(`${fid}-channel`, 'Hình thức nộp', h('select', {name: 'channel'},
      COUNTER_CHANNELS.map(c => h('option', {value: c}, PAYMENT_CHANNELS[c])))),
    field(`${fid}-amount`, 'Số tiền đã thu (đồng)', amountInput('amount', p.amount),
      {required: true, hint: `Số tiền phải nộp: ${money(p.amount, 'đ')}.`}),
    field(`${fid}-note`, 'Ghi chú', h('textarea', {name: 'note', rows: '2', maxlength: '1000'}),
      {hint: 'Ví dụ: số biên lai giấy, mã giao dịch thẻ.'}),
    h('div', {class: 'actions'}, button), result);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const amount = readAmount(form, `${fid}-amount`, result);
    if (amount === null) return;
    const v = formValues(form);
    const body = {channel: v.channel, amount};
    if (v.note) body.note = v.note;
    act(p, ctx, 'record-counter', body, {result, button, done: `Đã ghi nhận nộp ${money(amount, 'đ')}.`,
      fieldIds: {channel: `${fid}-channel`, amount: `${fid}-amount`, note: `${fid}-note`}});
  });
  return h('details', {class: 'action', id: fid}, h('summary', {}, 'Ghi nhận nộp phí'), form);
}

function cancelForm(p, ctx, id) {
  const fid = `${id}-cancel`;
  const result = slot(`${fid}-result`);
  const button = h('button', {type: 'submit', class: 'danger', id: `${fid}-submit`}, 'Hủy yêu cầu nộp phí');
  const form = h('form', {id: `${fid}-form`, novalidate: true, autocomplete: 'off'},
    h('p', {class: 'muted'}, 'Khi được miễn phí, lệ phí hoặc hồ sơ đã kết thúc: người nộp sẽ không phải nộp khoản này.'),
    field(`${fid}-reason`, 'Lý do hủy', h('textarea', {name: 'reason', rows: '2', maxlength: '1000'}), {required: true}),
    h('div', {class: 'actions'}, button), result);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const {reason} = formValues(form);
    act(p, ctx, 'cancel', {reason}, {result, button, done: 'Đã hủy yêu cầu nộp phí.',
      fieldIds: {reason: `${fid}-reason`}});
  });
  return h('details', {class: 'action action-danger', id: fid}, h('summary', {}, 'Hủy yêu cầu nộp phí'), form);
}

function refundForm(p, ctx, id) {
  const fid = `${id}-refund`;
  const result = slot(`${fid}-result`);
  const left = p.amount - (p.refunded || 0);
  const button = h('button', {type: 'submit', id: `${fid}-submit`}, 'Hoàn trả');
  const form = h('form', {id: `${fid}-form`, novalidate: true, autocomplete: 'off'},
    field(`${fid}-amount`, 'Số tiền hoàn trả (đồng)', amountInput('amount', left),
      {required: true, hint: `Tối đa ${money(left, 'đ')} (đã nộp ${money(p.amount, 'đ')}, đã hoàn trả ${money(p.refunded || 0, 'đ')}).`}),
    field(`${fid}-reason`, 'Lý do hoàn trả', h('textarea', {name: 'reason', rows: '2', maxlength: '1000'}),
      {required: true}),
    h('div', {class: 'actions'}, button), result);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const amount = readAmount(form, `${fid}-amount`, result);
    if (amount === null) return;
    const {reason} = formValues(form);
    act(p, ctx, 'refund', {amount, reason}, {result, button, done: `Đã hoàn trả ${money(amount, 'đ')}.`,
      fieldIds: {amount: `${fid}-amount`, reason: `${fid}-reason`}});
  });
  return h('details', {class: 'action', id: fid}, h('summary', {}, 'Hoàn trả phí, lệ phí'), form);
}

// --- public receipt check -----------------------------------------------------------------------------------------

/** What the receipt's QR opens: #/bien-lai/<number, URL-encoded>?check=<code>. */
async function renderReceiptCheck(rawNumber, rawQuery) {
  const title = 'Kiểm tra biên lai điện tử';
  const number = decode(rawNumber);
  const check = new URLSearchParams(rawQuery).get('check') || '';
  const numberInput = h('input', {name: 'number', maxlength: '64', autocomplete: 'off', value: number,
    placeholder: 'Ví dụ: 11077/2026/000123'});
  const checkInput = h('input', {name: 'check', maxlength: '64', autocomplete: 'off', value: check});
  const result = h('div', {id: 'receipt-check-result'});
  const form = h('form', {id: 'receipt-check-form', novalidate: true, autocomplete: 'off'},
    field('rc-number', 'Số biên lai', numberInput, {required: true}),
    field('rc-check', 'Mã kiểm tra (in cạnh mã QR)', checkInput, {required: true}),
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Kiểm tra')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const v = formValues(form);
    location.hash = `#/bien-lai/${encodeURIComponent(v.number)}?check=${encodeURIComponent(v.check)}`;
  });
  showView(title, h('p', {class: 'muted'}, 'Xác minh biên lai thu phí, lệ phí do cơ quan cấp (không cần đăng nhập).'),
    form, result);
  if (!number || !check) return;
  if (!RECEIPT_CHECK.test(number)) {
    result.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Số biên lai không đúng định dạng.'));
    return;
  }
  result.replaceChildren(h('p', {class: 'muted', role: 'status'}, 'Đang kiểm tra…'));
  try {
    const [{body: r}] = await Promise.all([call(`/api/v1/public/receipts/${encodeURIComponent(number.replace(/\//g, '-'))}`
      + `?check=${encodeURIComponent(check)}`, {anonymous: true}), loadUnitNames()]);
    result.replaceChildren(h('h2', {}, 'Biên lai hợp lệ'), h('dl', {class: 'facts', id: 'receipt-check-facts'},
      fact('Số biên lai', r.number),
      fact('Đơn vị thu', unitName(r.unitCode)),
      fact('Hồ sơ', r.dossierCode),
      fact('Số tiền', money(r.amount, 'đ')),
      fact('Đã hoàn trả', r.refunded > 0 ? money(r.refunded, 'đ') : 'Không'),
      fact('Ngày lập', dateTime(r.issuedAt))));
    announce(`Biên lai số ${r.number} hợp lệ, số tiền ${money(r.amount, 'đ')}.`);
  } catch (e) {
    if (e.status === 404) {
      result.replaceChildren(h('p', {class: 'error', role: 'alert', id: 'receipt-check-unknown'},
        'Không tìm thấy biên lai có số và mã kiểm tra này. Hãy kiểm tra lại cả hai thông tin trên biên lai.'));
      return;
    }
    result.replaceChildren(errorBlock(e));
  }
}

/** Where the provider's return lands when it could not be verified: say only what is known. */
function renderUnverifiedReturn(user) {
  showView('Kết quả thanh toán',
    h('p', {id: 'payment-return-unverified'}, 'Hệ thống chưa xác nhận được kết quả thanh toán từ cổng thanh toán. '
      + 'Nếu bạn đã thanh toán, khoản phí sẽ được cập nhật khi cổng thanh toán báo kết quả; bạn không cần thanh toán '
      + 'lại.'),
    h('p', {class: 'actions'}, user && user.roles.includes('citizen')
      ? h('a', {href: '#/ho-so-cua-toi'}, 'Xem tình trạng trong "Hồ sơ của tôi"')
      : h('a', {href: '#/'}, '← Về trang chủ')));
}

// --- reconciliation -----------------------------------------------------------------------------------------------

async function renderReconciliation(user) {
  const title = 'Đối soát thanh toán trực tuyến';
  showLoading(title);
  if (!user.unit) {
    showView(title, h('p', {class: 'error', role: 'alert'}, REASONS.SCOPE_MISSING));
    return;
  }
  // payment-service reconciles a unit for its own officers only (it keeps no unit tree): the user's unit, no picker
  await loadUnitNames();
  const out = h('div', {id: 'reconciliation-result'});
  const today = todayIso();
  const form = h('form', {id: 'reconciliation-form', novalidate: true, class: 'filters'},
    field('rc-date', 'Ngày giao dịch', h('input', {name: 'date', type: 'date', value: today, max: today}),
      {required: true}),
    h('p', {class: 'muted'}, `Đơn vị: ${unitName(user.unit)}`),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'reconciliation-show'}, 'Xem đối soát')));
  const uploadResult = slot('settlement-result');
  const fileInput = h('input', {type: 'file', name: 'file', accept: '.csv,text/csv'});
  const upload = h('form', {id: 'settlement-form', novalidate: true},
    field('rc-file', 'Tệp đối soát của cổng thanh toán (CSV)', fileInput,
      {required: true, hint: 'Tệp CSV tải từ cổng thanh toán cho ngày đã chọn, tối đa 512 KB. Nhập lại sẽ thay tệp cũ.'}),
    h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'settlement-upload'}, 'Tải tệp lên và đối soát')),
    uploadResult);
  const path = () => {
    const v = formValues(form);
    return `/api/v1/units/${encodeURIComponent(user.unit)}/reconciliation/${encodeURIComponent(v.date)}`;
  };
  const fieldIds = {date: 'rc-date', $: 'rc-file', csv: 'rc-file'};
  form.addEventListener('submit', event => {
    event.preventDefault();
    load(path(), out, fieldIds);
  });
  upload.addEventListener('submit', async event => {
    event.preventDefault();
    const file = fileInput.files && fileInput.files[0];
    if (!file) {
      uploadResult.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Hãy chọn tệp CSV.'));
      return;
    }
    const button = upload.querySelector('button');
    button.disabled = true;
    clearSlot(uploadResult);
    try {
      const {body} = await call(`${path()}/settlement`, {method: 'PUT', body: file, contentType: 'text/csv'});
      showDoneIn(uploadResult, `Đã nhập ${body.lines} dòng của tệp ${file.name}.`);
      draw(body.reconciliation, out);
    } catch (e) {
      showErrorIn(uploadResult, e, fieldIds);
    } finally {
      button.disabled = false;
    }
  });
  showView(title,
    h('p', {class: 'muted'}, 'So khớp các khoản đã thu trực tuyến với tệp đối soát hằng ngày của cổng thanh toán '
      + '(theo giờ Việt Nam), theo từng đơn vị.'),
    form, h('h2', {}, 'Nhập tệp đối soát'), upload, out);
  await load(path(), out, fieldIds);
}

async function load(path, out, fieldIds) {
  out.replaceChildren(h('p', {class: 'muted', role: 'status'}, 'Đang tải…'));
  try {
    draw(await get(path), out);
  } catch (e) {
    const box = slot('reconciliation-error');
    out.replaceChildren(box);
    showErrorIn(box, e, fieldIds);
  }
}

function draw(r, out) {
  const mismatches = r.mismatches || [];
  const summary = r.imported
    ? `Ngày ${date(r.date)}, ${unitName(r.unitCode)}: ${r.matched} giao dịch khớp, ${mismatches.length} chênh lệch.`
    : `Ngày ${date(r.date)}, ${unitName(r.unitCode)}: chưa nhập tệp đối soát của cổng thanh toán.`;
  out.replaceChildren(...[h('h2', {}, 'Kết quả đối soát'),
    h('p', {class: 'list-summary', id: 'reconciliation-summary', role: 'status'}, summary),
    mismatches.length === 0
      ? (r.imported ? h('p', {class: 'done', id: 'reconciliation-ok'}, 'Không có chênh lệch.') : null)
      : table('reconciliation-mismatches', ['Loại chênh lệch', 'Mã giao dịch', 'Hồ sơ', 'Số tiền trên hệ thống',
        'Số tiền theo tệp'], mismatches.map(m => h('tr', {'data-kind': m.kind || ''},
        h('td', {}, MISMATCH_KINDS[m.kind] || m.kind || '—'),
        h('td', {class: 'code'}, m.orderRef || '—'),
        h('td', {}, m.dossierCode ? dossierLink(m.dossierCode) : '—'),
        h('td', {class: 'number'}, money(m.here, 'đ')),
        h('td', {class: 'number'}, money(m.settlement, 'đ')))), {caption: 'Các giao dịch chênh lệch'})].filter(Boolean));
  announce(summary);
}
