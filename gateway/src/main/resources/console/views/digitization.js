// Digitization (digitization-service, issue 12). On the dossier's page a "Số hóa thành phần hồ sơ" panel: each
// component of the procedure version with its state; the one-stop officer uploads the scan, compares it with the
// original (the service stamps the QR code), confirms, or marks the component exempt; the citizen of an online
// dossier uploads a file or takes a still-valid document from their warehouse; the specialist attaches the signed
// electronic result, whose signature is checked. Also "Kho dữ liệu của tôi" for citizens and the desk's register of
// electronic certified copies ("Chứng thực bản sao điện tử").
import {call, download, get, post, query} from '../js/api.js';
import {announce, fact, field, formValues, h, saveBlob, showLoading, showView, table} from '../js/dom.js';
import {date, dateTime, localInputToInstant} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {clearSlot, dossierLink, errorBlock, showErrorIn} from '../js/ui.js';
import {slot} from './admin-shared.js';
import {addDossierPanel} from './dossier.js';

/** Who digitizes components at the desk or while processing (the service's rule; shown only to them). */
const DIGITIZERS = ['reception_officer', 'specialist'];
/** Who attaches the signed electronic result. */
const RESULT_ISSUERS = ['specialist', 'unit_leader', 'clerk'];
const CERTIFIERS = ['reception_officer'];
/** Dossier states in which the applicant may still add files to an online dossier. */
const APPLICANT_EDITABLE = ['SUBMITTED', 'PRE_SUPPLEMENT', 'SUPPLEMENT_REQUESTED'];
const FINISHED = ['REJECTED', 'REFUSED', 'STOPPED', 'WITHDRAWN', 'RETURNED'];

const STATES = {
  PENDING: ['Chưa số hóa', 'near-due'],
  UPLOADED: ['Đã tải lên, chờ đối chiếu', 'unknown'],
  CHECKED: ['Đã đối chiếu, đóng dấu QR', 'unknown'],
  CONFIRMED: ['Đã số hóa', 'in-time'],
  EXEMPT: ['Không phải số hóa', 'unknown'],
};
const SOURCES = {
  UPLOAD: 'Tải lên',
  SCAN: 'Quét từ bản giấy',
  WAREHOUSE: 'Kho dữ liệu của công dân',
  POPULATION_DATA: 'CSDL quốc gia về dân cư',
  SECTOR_DATABASE: 'CSDL chuyên ngành',
  PRIOR_RESULT: 'Kết quả giải quyết trước đây',
};
const EXEMPTIONS = {
  PRESENT_ONLY: 'Chỉ xuất trình để đối chiếu',
  NATIONAL_DATABASE: 'Đã khai thác từ CSDL quốc gia',
  STATE_SECRET: 'Tài liệu mật',
};
const VERDICTS = {
  VALID: ['Chữ ký số hợp lệ', 'in-time'],
  UNSIGNED: ['Chưa ký số', 'near-due'],
  TAMPERED: ['Đã bị thay đổi sau khi ký', 'overdue'],
  UNTRUSTED: ['Người ký không được tin cậy', 'overdue'],
  MALFORMED: ['Chữ ký không đọc được', 'overdue'],
};
const KINDS = {
  RESULT: 'Kết quả giải quyết',
  COMPONENT: 'Thành phần hồ sơ đã số hóa',
  CERTIFIED_COPY: 'Bản sao điện tử có chứng thực',
};

export function register() {
  addDossierPanel(digitizationPanel, {order: 17});
  addMenu('#/kho-du-lieu', 'Kho dữ liệu của tôi', {roles: ['citizen'], order: 30});
  addRoute(/^\/kho-du-lieu$/, () => renderWarehouse(), {roles: ['citizen']});
  addMenu('#/chung-thuc', 'Chứng thực bản sao điện tử', {roles: CERTIFIERS, order: 74});
  addRoute(/^\/chung-thuc$/, (match, user) => renderCertifiedCopies(user), {roles: CERTIFIERS});
}

function badge([label, css]) {
  return h('span', {class: `badge ${css}`}, label);
}

/** Streams a file to the gateway (the body is the file itself) and answers the stored document. */
export async function uploadFile(file, scope) {
  const path = `/api/v1/documents${query({...scope, fileName: file.name})}`;
  const {body} = await call(path, {method: 'POST', body: file, contentType: 'application/octet-stream'});
  return body;
}

async function saveDocument(documentId, version, fallbackName) {
  const file = await download(`/api/v1/documents/${encodeURIComponent(documentId)}/content${query({version})}`,
    fallbackName);
  saveBlob(file.blob, file.fileName);
}

function downloadButton(id, label, documentId, version, fallbackName, result) {
  const button = h('button', {type: 'button', class: 'link', id}, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    clearSlot(result);
    try {
      await saveDocument(documentId, version, fallbackName);
    } catch (e) {
      showErrorIn(result, e);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

// --- the dossier page's panel -------------------------------------------------------------------------------------

function digitizationPanel(ctx) {
  const {user, dossier} = ctx;
  if (!user) return null;
  const citizen = user.roles.includes('citizen');
  if (!citizen && !user.hasAnyRole([...DIGITIZERS, ...RESULT_ISSUERS, 'unit_leader'])) return null;
  const body = h('div', {id: 'digitization-body', 'aria-busy': 'true'},
    h('p', {class: 'muted', role: 'status'}, 'Đang tải…'));
  const section = h('section', {class: 'card', id: 'digitization', 'aria-labelledby': 'digitization-title'},
    h('h2', {id: 'digitization-title'}, citizen ? 'Giấy tờ của hồ sơ' : 'Số hóa thành phần hồ sơ'), body);
  const path = `/api/v1/dossiers/${encodeURIComponent(dossier.code)}/digitization`;
  // the applicant's still-valid papers are offered only while they may add files to their online dossier
  const warehouse = citizen && applicantMayAct(dossier) ? warehouseItems(true).catch(() => []) : Promise.resolve([]);
  Promise.all([get(path), warehouse])
    .then(([d, warehouse]) => body.replaceChildren(...digitizationView(d, ctx, citizen, warehouse)))
    .catch(e => body.replaceChildren(h('p', {class: 'muted'}, 'Không tải được tình trạng số hóa.'), errorBlock(e)))
    .finally(() => body.removeAttribute('aria-busy'));
  return section;
}

function digitizationView(d, ctx, citizen, warehouse) {
  const {user, dossier} = ctx;
  const open = !FINISHED.includes(dossier.status);
  const officerActs = !citizen && open && user.hasAnyRole(DIGITIZERS);
  const applicantActs = citizen && applicantMayAct(dossier);
  const components = d.components || [];
  const done = components.filter(c => c.state === 'CONFIRMED' || c.state === 'EXEMPT').length;
  return [
    h('p', {id: 'digitization-summary'}, d.complete
      ? 'Tất cả thành phần hồ sơ đã được số hóa hoặc không phải số hóa.'
      : `Đã xong ${done}/${components.length} thành phần.`),
    components.length === 0
      ? h('p', {class: 'muted'}, 'Thủ tục không có thành phần hồ sơ nào.')
      : h('ol', {class: 'components', id: 'components'}, components.map(c => componentItem(c, ctx, {
        officerActs, applicantActs, warehouse}))),
    resultBlock(d.result, ctx, !citizen && open && user.hasAnyRole(RESULT_ISSUERS)),
  ];
}

function applicantMayAct(dossier) {
  return dossier.channel === 'ONLINE' && APPLICANT_EDITABLE.includes(dossier.status);
}

function componentItem(c, ctx, {officerActs, applicantActs, warehouse}) {
  const id = `component-${c.number}`;
  const result = slot(`${id}-result`);
  const version = c.documentVersion;
  const flags = [c.reused && 'tái sử dụng dữ liệu số', c.fromWarehouse && 'lấy từ kho dữ liệu'].filter(Boolean);
  const actions = [];
  if (officerActs) actions.push(...officerComponentActions(c, ctx, id, result));
  // a present-only paper is shown at the desk, never uploaded (the service exempts it, and only so)
  if (applicantActs && c.presentOnly && c.state === 'PENDING') {
    actions.push(h('p', {class: 'muted', id: `${id}-present-only`},
      'Giấy tờ này chỉ cần xuất trình bản chính để đối chiếu, không phải tải lên.'));
  } else if (applicantActs && (c.state === 'PENDING' || c.state === 'UPLOADED')) {
    actions.push(uploadForm(c, ctx, id, result, 'UPLOAD'));
    // warehouseForm is null when the applicant has no still-valid paper
    if (c.state === 'PENDING') actions.push(warehouseForm(c, ctx, id, result, warehouse));
  }
  const offered = actions.filter(Boolean);
  const facts = [
    c.source ? fact('Nguồn', SOURCES[c.source] || c.source) : null,
    c.exemptionReason ? fact('Lý do không số hóa', EXEMPTIONS[c.exemptionReason] || c.exemptionReason) : null,
    flags.length ? fact('Ghi nhận', flags.join(', ')) : null,
    version ? fact('Tệp', `${version.pageCount} trang, ${Math.ceil(version.size / 1024)} KB (phiên bản ${version.version})`)
      : null,
    c.checkedBy ? fact('Đối chiếu', `${c.checkedBy}, ${dateTime(c.checkedAt)}`) : null,
    c.confirmedBy ? fact('Xác nhận', `${c.confirmedBy}, ${dateTime(c.confirmedAt)}`) : null,
    c.note ? fact('Ghi chú', c.note) : null].filter(Boolean);
  return h('li', {class: 'component', id, 'data-state': c.state},
    h('h3', {}, c.name, ' ', badge(STATES[c.state] || [c.state || 'Không xác định', 'unknown'])),
    facts.length ? h('dl', {class: 'facts'}, facts) : null,
    c.documentId ? h('p', {class: 'actions'}, downloadButton(`${id}-download`, 'Tải tệp', c.documentId,
      version && version.version, `thanh-phan-${c.number}.pdf`, result)) : null,
    offered.length ? h('div', {class: 'action-list'}, offered) : null,
    result);
}

/** Runs one component verb and shows the fresh page. */
async function act(ctx, c, verb, body, {button, result, done, fields = {}}) {
  button.disabled = true;
  clearSlot(result);
  try {
    await post(`/api/v1/dossiers/${encodeURIComponent(ctx.dossier.code)}/components/${c.number}:${verb}`, body);
    await ctx.reload(h('p', {class: 'done', role: 'status', id: 'digitization-done'}, done));
    announce(done);
  } catch (e) {
    showErrorIn(result, e, fields);
    button.disabled = false;
  }
}

function officerComponentActions(c, ctx, id, result) {
  const actions = [];
  if (c.state === 'PENDING' && !c.presentOnly) actions.push(uploadForm(c, ctx, id, result, 'SCAN'));
  if (c.state === 'UPLOADED') actions.push(checkForm(c, ctx, id, result));
  if (c.state === 'CHECKED') {
    const button = h('button', {type: 'button', id: `${id}-confirm`}, 'Xác nhận số hóa');
    button.addEventListener('click', () => act(ctx, c, 'confirm', {}, {button, result,
      done: `Đã xác nhận số hóa thành phần "${c.name}".`}));
    actions.push(h('p', {class: 'actions'}, button));
  }
  if (c.state === 'PENDING' || c.state === 'UPLOADED') actions.push(exemptForm(c, ctx, id, result));
  return actions;
}

function uploadForm(c, ctx, id, result, source) {
  const input = h('input', {type: 'file', name: 'file', accept: 'application/pdf,image/jpeg,image/png'});
  const button = h('button', {type: 'submit', id: `${id}-upload`}, source === 'SCAN' ? 'Tải bản quét lên' : 'Tải tệp lên');
  const form = h('form', {class: 'inline-form', id: `${id}-upload-form`},
    field(`${id}-file`, source === 'SCAN' ? 'Bản quét (PDF, JPEG, PNG)' : 'Tệp (PDF, JPEG, PNG)', input, {required: true}),
    button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const file = input.files && input.files[0];
    if (!file) return;
    button.disabled = true;
    clearSlot(result);
    try {
      const document = await uploadFile(file, {dossier: ctx.dossier.code});
      await act(ctx, c, 'attach', {documentId: document.id, source}, {button, result,
        done: `Đã tải lên tệp cho thành phần "${c.name}".`});
    } catch (e) {
      showErrorIn(result, e);
      button.disabled = false;
    }
  });
  return form;
}

function checkForm(c, ctx, id, result) {
  const note = h('textarea', {name: 'note', maxlength: '1000', rows: '2'});
  const matches = h('button', {type: 'button', id: `${id}-matches`}, 'Khớp với bản gốc: đóng dấu QR');
  const differs = h('button', {type: 'button', class: 'secondary', id: `${id}-differs`}, 'Không khớp: cần quét lại');
  matches.addEventListener('click', () => act(ctx, c, 'check', {matchesOriginal: true, note: note.value.trim()},
    {button: matches, result, done: `Đã đối chiếu và đóng dấu QR thành phần "${c.name}".`}));
  differs.addEventListener('click', () => act(ctx, c, 'check', {matchesOriginal: false, note: note.value.trim()},
    {button: differs, result, done: `Thành phần "${c.name}" cần quét lại.`, fields: {note: `${id}-note`}}));
  return h('div', {class: 'inline-form'},
    field(`${id}-note`, 'Ghi chú đối chiếu (bắt buộc khi không khớp)', note),
    h('p', {class: 'actions'}, matches, differs));
}

function exemptForm(c, ctx, id, result) {
  const reasons = c.presentOnly ? ['PRESENT_ONLY'] : ['NATIONAL_DATABASE', 'STATE_SECRET'];
  const reason = h('select', {name: 'reason'}, reasons.map(r => h('option', {value: r}, EXEMPTIONS[r])));
  const button = h('button', {type: 'submit', class: 'secondary', id: `${id}-exempt`}, 'Đánh dấu không số hóa');
  const form = h('form', {class: 'inline-form', id: `${id}-exempt-form`},
    field(`${id}-reason`, 'Lý do không số hóa', reason), button);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const body = {reason: reason.value};
    if (reason.value === 'NATIONAL_DATABASE') body.source = 'POPULATION_DATA';
    act(ctx, c, 'exempt', body, {button, result, done: `Đã đánh dấu thành phần "${c.name}" không phải số hóa.`});
  });
  return form;
}

function warehouseForm(c, ctx, id, result, warehouse) {
  if (!warehouse.length) return null;
  const choice = h('select', {name: 'warehouseItemId'}, warehouse.map(item =>
    h('option', {value: item.id}, `${item.title} (${KINDS[item.kind] || item.kind}${item.validUntil
      ? `, còn hiệu lực đến ${date(item.validUntil)}` : ''})`)));
  const button = h('button', {type: 'submit', id: `${id}-reuse`}, 'Dùng giấy tờ trong kho');
  const form = h('form', {class: 'inline-form', id: `${id}-reuse-form`},
    field(`${id}-warehouse`, 'Hoặc lấy từ Kho dữ liệu của tôi', choice), button);
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(ctx, c, 'fill-from-warehouse', {warehouseItemId: choice.value}, {button, result,
      done: `Đã dùng giấy tờ trong kho cho thành phần "${c.name}".`});
  });
  return form;
}

function signatureFacts(report) {
  if (!report) return null;
  const signer = (report.signatures || [])[0];
  return [
    fact('Chữ ký số', badge(VERDICTS[report.verdict] || [report.verdict, 'unknown'])),
    report.summary ? fact('Kết quả kiểm tra', report.summary) : null,
    signer ? fact('Người ký', signer.signerName || signer.signerSubject) : null,
    signer && signer.signedAt ? fact('Thời điểm ký', dateTime(signer.signedAt)) : null,
  ];
}

function resultBlock(r, ctx, mayAttach) {
  const result = slot('result-doc-result');
  const children = [h('h3', {}, 'Kết quả giải quyết điện tử')];
  if (r) {
    children.push(h('dl', {class: 'facts', id: 'result-facts'},
      signatureFacts(r.signature),
      fact('Đính kèm', `${r.attachedBy || ''}, ${dateTime(r.attachedAt)}`),
      fact('Hiệu lực đến', r.validUntil ? date(r.validUntil) : 'Không thời hạn'),
      fact('Kho dữ liệu', r.warehouseItemId ? 'Đã đưa vào kho dữ liệu của người nộp' : 'Đưa vào kho khi trả kết quả')),
    h('p', {class: 'actions'}, downloadButton('result-download', 'Tải kết quả (PDF)', r.documentId,
      r.documentVersion && r.documentVersion.version, 'ket-qua.pdf', result)));
  } else {
    children.push(h('p', {class: 'muted', id: 'result-none'}, 'Chưa có kết quả điện tử.'));
  }
  // until the result is issued (and goes into the warehouse) a wrong file can still be replaced
  if (mayAttach && !(r && r.warehouseItemId)) children.push(attachResultForm(ctx, result, Boolean(r)));
  children.push(result);
  return h('div', {class: 'result-doc', id: 'result-doc'}, children);
}

/**
 * A refused result or certified copy (409: its signature is not VALID) shows what the check found, in the verifier's
 * Vietnamese words, under the generic error; other errors show as they are.
 */
async function showSignatureRefusal(slotEl, error, documentId, fieldIds = {}) {
  showErrorIn(slotEl, error, fieldIds);
  if (error.status !== 409 || !documentId) return;
  try {
    const report = await get(`/api/v1/documents/${encodeURIComponent(documentId)}/signature`);
    const [label] = VERDICTS[report.verdict] || [report.verdict];
    slotEl.append(h('p', {class: 'signature-refusal', id: `${slotEl.id}-signature`},
      `Kiểm tra chữ ký số: ${label}. ${report.summary || ''}`));
  } catch (ignored) {
    // the generic error already says the file was refused
  }
}

function attachResultForm(ctx, result, replacing) {
  const input = h('input', {type: 'file', name: 'file', accept: 'application/pdf'});
  const validUntil = h('input', {type: 'date', name: 'validUntil'});
  const button = h('button', {type: 'submit', id: 'result-attach', class: replacing ? 'secondary' : null},
    replacing ? 'Thay kết quả đã ký số' : 'Đính kèm kết quả đã ký số');
  const form = h('form', {class: 'inline-form', id: 'result-form'},
    field('result-file', replacing ? 'Thay bằng tệp kết quả khác (PDF đã ký số)' : 'Tệp kết quả (PDF đã ký số)', input,
      {required: true}),
    field('result-valid-until', 'Hiệu lực đến (để trống nếu không thời hạn)', validUntil),
    button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const file = input.files && input.files[0];
    if (!file) return;
    button.disabled = true;
    clearSlot(result);
    let document = null;
    try {
      document = await uploadFile(file, {dossier: ctx.dossier.code});
      const body = {documentId: document.id};
      if (validUntil.value) body.validUntil = localInputToInstant(`${validUntil.value}T23:59`);
      await post(`/api/v1/dossiers/${encodeURIComponent(ctx.dossier.code)}/result`, body);
      const done = 'Đã đính kèm kết quả điện tử; chữ ký số hợp lệ.';
      await ctx.reload(h('p', {class: 'done', role: 'status', id: 'digitization-done'}, done));
      announce(done);
    } catch (e) {
      await showSignatureRefusal(result, e, document && document.id);
      button.disabled = false;
    }
  });
  return form;
}

// --- the citizen's warehouse ----------------------------------------------------------------------------------------

async function warehouseItems(validOnly) {
  const items = [];
  let pageToken = '';
  // a person's warehouse is small; a few pages at most
  for (let i = 0; i < 10; i++) {
    const page = await get(`/api/v1/me/warehouse${query({validOnly, pageSize: 100, pageToken})}`);
    items.push(...(page.items || []));
    pageToken = page.nextPageToken || '';
    if (!pageToken) break;
  }
  return items;
}

async function renderWarehouse() {
  showLoading('Kho dữ liệu của tôi');
  let items;
  try {
    items = await warehouseItems(false);
  } catch (e) {
    showView('Kho dữ liệu của tôi', errorBlock(e));
    return;
  }
  const result = slot('warehouse-result');
  showView('Kho dữ liệu của tôi',
    h('p', {}, 'Kết quả giải quyết, giấy tờ đã số hóa và bản sao điện tử có chứng thực của bạn. Khi nộp hồ sơ trực '
      + 'tuyến, bạn có thể dùng lại giấy tờ còn hiệu lực thay vì tải lên lại.'),
    items.length === 0
      ? h('p', {class: 'muted', id: 'warehouse-empty'}, 'Kho dữ liệu chưa có giấy tờ nào.')
      : table('warehouse', ['Giấy tờ', 'Loại', 'Hồ sơ', 'Hiệu lực', 'Tệp'], items.map(item => h('tr',
        {'data-item': item.id, 'data-kind': item.kind},
        h('td', {}, item.title, item.certificateNumber ? h('div', {class: 'muted'}, `Số chứng thực ${item.certificateNumber}`)
          : null),
        h('td', {}, KINDS[item.kind] || item.kind),
        h('td', {}, item.dossierCode ? dossierLink(item.dossierCode) : '—'),
        h('td', {}, item.valid ? 'Còn hiệu lực' : 'Hết hiệu lực',
          item.validUntil ? h('div', {class: 'muted'}, `đến ${date(item.validUntil)}`) : null),
        h('td', {}, downloadButton(`warehouse-${item.id}-download`, 'Tải về', item.documentId,
          item.documentVersion && item.documentVersion.version, 'giay-to.pdf', result)))),
      {caption: `Tổng số: ${items.length}`}),
    result);
}

// --- the desk's electronic certified copies --------------------------------------------------------------------------

async function renderCertifiedCopies(user, notice = null) {
  const unit = user.unit;
  showLoading('Chứng thực bản sao điện tử');
  let copies;
  try {
    copies = (await get(`/api/v1/units/${encodeURIComponent(unit)}/certified-copies${query({pageSize: 50})}`)).copies || [];
  } catch (e) {
    showView('Chứng thực bản sao điện tử', errorBlock(e));
    return;
  }
  showView('Chứng thực bản sao điện tử',
    notice,
    h('p', {}, 'Chứng thực bản sao điện tử từ bản chính người dân xuất trình tại bộ phận một cửa: tải lên bản sao '
      + 'đã ký số của đơn vị; bản sao được cấp số chứng thực và đưa vào kho dữ liệu của người yêu cầu.'),
    certifyForm(user),
    h('h2', {}, 'Sổ chứng thực'),
    copies.length === 0
      ? h('p', {class: 'muted', id: 'copies-empty'}, 'Chưa có bản sao nào được chứng thực.')
      : table('copies', ['Số chứng thực', 'Giấy tờ', 'Người yêu cầu', 'Ngày chứng thực', 'Người thực hiện'],
        copies.map(c => h('tr', {'data-copy': c.certificateNumber},
          h('td', {class: 'nowrap'}, c.certificateNumber),
          h('td', {}, c.title),
          h('td', {}, c.ownerId || '—'),
          h('td', {class: 'nowrap'}, dateTime(c.certifiedAt)),
          h('td', {}, c.certifiedBy || '—'))),
        {caption: 'Mới nhất trước'}));
}

function certifyForm(user) {
  const result = slot('certify-result');
  const file = h('input', {type: 'file', name: 'file', accept: 'application/pdf'});
  const button = h('button', {type: 'submit', id: 'certify-submit'}, 'Chứng thực');
  const form = h('form', {id: 'certify-form', class: 'card'},
    field('certify-title', 'Tên giấy tờ (ví dụ: Giấy khai sinh)', h('input', {name: 'title', maxlength: '255'}),
      {required: true}),
    field('certify-owner', 'Số định danh cá nhân hoặc mã số thuế của người yêu cầu',
      h('input', {name: 'ownerId', inputmode: 'numeric', maxlength: '14', autocomplete: 'off'}), {required: true}),
    field('certify-file', 'Bản sao điện tử đã ký số (PDF)', file, {required: true}),
    field('certify-valid-until', 'Hiệu lực đến (để trống nếu không thời hạn)', h('input', {type: 'date', name: 'validUntil'})),
    button, result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = file.files && file.files[0];
    if (!chosen) return;
    const values = formValues(form);
    button.disabled = true;
    clearSlot(result);
    let document = null;
    try {
      document = await uploadFile(chosen, {unit: user.unit});
      const body = {documentId: document.id, ownerId: values.ownerId, title: values.title};
      if (values.validUntil) body.validUntil = localInputToInstant(`${values.validUntil}T23:59`);
      const {body: copy} = await post(`/api/v1/units/${encodeURIComponent(user.unit)}/certified-copies`, body);
      const done = `Đã chứng thực, số ${copy.certificateNumber}.`;
      await renderCertifiedCopies(user, h('p', {class: 'done', role: 'status', id: 'certify-done'}, done));
      announce(done);
    } catch (e) {
      await showSignatureRefusal(result, e, document && document.id,
        {ownerId: 'certify-owner', title: 'certify-title', documentId: 'certify-file'});
      button.disabled = false;
    }
  });
  return form;
}
