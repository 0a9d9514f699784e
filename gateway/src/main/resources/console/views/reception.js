// The reception desk (Bộ phận Một cửa): receive a paper dossier at the counter or by post — procedure, applicant,
// the procedure version's component checklist — then print Form 01 at once; and the online submissions waiting for
// acceptance (accepting or refusing one happens on the dossier page, dossier-actions.js).
import {call, download, get, query} from '../js/api.js';
import {announce, field, formValues, h, saveBlob, showView, table} from '../js/dom.js';
import {dateTime, localInputToInstant, money} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {clearSlot, dossierHref, dossierLink, showErrorIn} from '../js/ui.js';

/** The desk's decision on a paper dossier (POST /api/v1/dossiers outcome). */
const OUTCOMES = [
  ['RECEIVE', 'Đủ thành phần: tiếp nhận (in Mẫu 01)'],
  ['REQUEST_SUPPLEMENT', 'Chưa đủ: hướng dẫn bổ sung, hoàn thiện (in Mẫu 02)'],
  ['REFUSE', 'Không thuộc thẩm quyền hoặc không đủ điều kiện: từ chối tiếp nhận (in Mẫu 03)'],
];

/** The form printed at once for each resulting status. */
const PRINTED = {
  RECEIVED: {kind: 'receipt', short: 'Mẫu 01', label: 'Giấy tiếp nhận (Mẫu 01)'},
  PRE_SUPPLEMENT: {kind: 'supplement-request', short: 'Mẫu 02', label: 'Phiếu yêu cầu bổ sung (Mẫu 02)'},
  REJECTED: {kind: 'refusal', short: 'Mẫu 03', label: 'Phiếu từ chối (Mẫu 03)'},
};

const ROLES = ['reception_officer'];
const TIME_UNITS = {
  WORKING_DAYS: 'ngày làm việc',
  WORKING_HOURS: 'giờ làm việc',
  CALENDAR_DAYS: 'ngày',
  MONTHS: 'tháng',
};
// the service's field paths → the ids of the controls that hold them
const FIELD_IDS = {
  procedureCode: 'rc-procedure',
  'applicant.fullName': 'rc-name',
  'applicant.citizenId': 'rc-citizen-id',
  'applicant.phone': 'rc-phone',
  'applicant.email': 'rc-email',
  'applicant.address': 'rc-address',
  handoverSignedAt: 'rc-handover',
  reason: 'rc-reason',
  note: 'rc-note',
};

export function register() {
  addMenu('#/tiep-nhan', 'Tiếp nhận hồ sơ mới', {roles: ROLES, order: 20});
  addRoute(/^\/tiep-nhan$/, () => render(), {roles: ROLES});
}

/** Lower case without Vietnamese diacritics, so "ket hon" finds "Đăng ký kết hôn". */
export function fold(text) {
  return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

async function loadProcedures() {
  const all = [];
  let pageToken = '';
  do {
    const page = await get(`/api/v1/procedures${query({pageSize: 200, pageToken})}`);
    all.push(...page.procedures);
    pageToken = page.nextPageToken || '';
  } while (pageToken && all.length < 2000);
  return all;
}

function timeLimit(p) {
  if (!p.timeLimit) return '—';
  return `${p.timeLimit.amount} ${TIME_UNITS[p.timeLimit.unit] || ''}`.trim();
}

async function render() {
  showView('Tiếp nhận hồ sơ mới', h('p', {class: 'muted', role: 'status'}, 'Đang tải danh sách thủ tục…'));
  let procedures;
  try {
    procedures = await loadProcedures();
  } catch (e) {
    const slot = h('div', {});
    showView('Tiếp nhận hồ sơ mới', slot);
    showErrorIn(slot, e);
    return;
  }
  const result = h('div', {id: 'reception-result'});
  const form = receptionForm(procedures, result);
  showView('Tiếp nhận hồ sơ mới',
    h('p', {class: 'muted'}, 'Tiếp nhận hồ sơ giấy nộp trực tiếp tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính. '
      + 'Sau khi tiếp nhận, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) được tải xuống để in ngay.'),
    result, form, onlineSubmissions());
}

function receptionForm(procedures, result) {
  const search = h('input', {type: 'search', autocomplete: 'off', placeholder: 'Ví dụ: kết hôn, 1.000894'});
  const select = h('select', {name: 'procedureCode'});
  const details = h('div', {id: 'rc-procedure-details'});
  const checklist = h('div', {id: 'rc-checklist'});
  const fillOptions = () => {
    const words = fold(search.value).split(/\s+/).filter(Boolean);
    const shown = procedures.filter(p => words.every(w => fold(`${p.code} ${p.name} ${p.field}`).includes(w)));
    const keep = select.value;
    select.replaceChildren(
      h('option', {value: ''}, shown.length ? `— Chọn thủ tục (${shown.length} thủ tục) —` : '— Không có thủ tục phù hợp —'),
      ...shown.map(p => h('option', {value: p.code}, `${p.name} (${p.code})`)));
    if (shown.some(p => p.code === keep)) select.value = keep;
    else if (shown.length === 1) select.value = shown[0].code;
    showProcedure();
  };
  const showProcedure = () => {
    const p = procedures.find(x => x.code === select.value);
    if (!p) {
      details.replaceChildren();
      checklist.replaceChildren();
      return;
    }
    details.replaceChildren(h('dl', {class: 'facts'},
      h('dt', {}, 'Lĩnh vực'), h('dd', {}, p.field || '—'),
      h('dt', {}, 'Thời hạn giải quyết'), h('dd', {}, timeLimit(p)),
      h('dt', {}, 'Phí, lệ phí'), h('dd', {}, p.fees.length
        ? p.fees.map(f => `${f.name}: ${money(f.amount)}`).join('; ') : 'Không'),
      h('dt', {}, 'Nhận qua bưu chính'), h('dd', {}, p.postalAllowed ? 'Có' : 'Không')));
    const parts = p.components || [];
    checklist.replaceChildren(h('fieldset', {},
      h('legend', {}, `Thành phần hồ sơ (phiên bản ${p.version})`),
      parts.length === 0
        ? h('p', {class: 'muted'}, 'Thủ tục không quy định thành phần hồ sơ.')
        : h('ul', {class: 'checklist'}, parts.map((part, i) => {
          const id = `rc-part-${i}`;
          const kind = part.presentOnly ? 'xuất trình' : (part.originalRequired ? 'bản chính' : 'bản sao');
          return h('li', {},
            h('input', {type: 'checkbox', id, name: 'parts', value: String(i), class: 'rc-part'}),
            h('label', {for: id}, `${part.name} (${part.quantity || 1} ${kind})`));
        })),
      parts.length > 0 && h('p', {class: 'hint'}, 'Đánh dấu từng thành phần đã nhận đủ. Chỉ tiếp nhận khi hồ sơ đủ thành phần.')));
  };
  search.addEventListener('input', fillOptions);
  select.addEventListener('change', showProcedure);

  const counter = h('input', {type: 'radio', name: 'channel', value: 'COUNTER', id: 'rc-channel-counter', checked: true});
  const postal = h('input', {type: 'radio', name: 'channel', value: 'POSTAL', id: 'rc-channel-postal'});
  const postalFields = h('div', {id: 'rc-postal', hidden: true},
    field('rc-handover', 'Thời điểm ký biên bản bàn giao với nhân viên bưu chính',
      h('input', {type: 'datetime-local', name: 'handoverSignedAt'}), {required: true}),
    field('rc-tracking', 'Số hiệu bưu gửi', h('input', {name: 'tracking', maxlength: '40', autocomplete: 'off'}),
      {required: true, hint: 'In trên phiếu gửi của bưu điện; được ghi vào phần ghi chú của hồ sơ.'}));
  const onChannel = () => {
    postalFields.hidden = !postal.checked;
  };
  counter.addEventListener('change', onChannel);
  postal.addEventListener('change', onChannel);

  const slot = h('div', {class: 'form-slot', hidden: true});
  const submit = h('button', {type: 'submit', id: 'rc-submit'}, 'Tiếp nhận và in Giấy tiếp nhận (Mẫu 01)');
  const form = h('form', {id: 'reception-form', novalidate: true, autocomplete: 'off'},
    h('h2', {}, 'Thủ tục hành chính'),
    field('rc-procedure-search', 'Tìm thủ tục (tên, mã hoặc lĩnh vực)', search),
    field('rc-procedure', 'Thủ tục', select, {required: true}),
    details, checklist,
    h('h2', {}, 'Người nộp hồ sơ'),
    field('rc-name', 'Họ và tên', h('input', {name: 'fullName', maxlength: '200', autocomplete: 'off'}), {required: true}),
    field('rc-citizen-id', 'Số định danh cá nhân (CCCD)',
      h('input', {name: 'citizenId', inputmode: 'numeric', maxlength: '12', autocomplete: 'off'}), {hint: 'Gồm 12 chữ số.'}),
    field('rc-phone', 'Số điện thoại', h('input', {name: 'phone', type: 'tel', maxlength: '20', autocomplete: 'off'})),
    field('rc-email', 'Thư điện tử', h('input', {name: 'email', type: 'email', maxlength: '254', autocomplete: 'off'})),
    field('rc-address', 'Địa chỉ', h('input', {name: 'address', maxlength: '500', autocomplete: 'off'})),
    h('h2', {}, 'Hình thức tiếp nhận'),
    h('fieldset', {class: 'choices'}, h('legend', {}, 'Hồ sơ được nộp'),
      h('div', {class: 'choice'}, counter, h('label', {for: 'rc-channel-counter'}, 'Trực tiếp tại Bộ phận Một cửa')),
      h('div', {class: 'choice'}, postal, h('label', {for: 'rc-channel-postal'}, 'Qua dịch vụ bưu chính công ích'))),
    postalFields,
    h('h2', {}, 'Quyết định tại Bộ phận Một cửa'),
    // Decree 61/2018 Art 17(1)(a),(b): an incomplete paper dossier is sent back with Form 02 or refused with Form 03
    // before it is accepted; the clock starts only when it is complete (issue 16)
    h('fieldset', {class: 'choices'}, h('legend', {}, 'Kết quả kiểm tra hồ sơ'),
      OUTCOMES.map(([value, label], i) => h('div', {class: 'choice'},
        h('input', {type: 'radio', name: 'outcome', value, id: `rc-outcome-${value.toLowerCase()}`, checked: i === 0}),
        h('label', {for: `rc-outcome-${value.toLowerCase()}`}, label)))),
    field('rc-reason', 'Nội dung cần bổ sung, hoặc lý do từ chối',
      h('textarea', {name: 'reason', rows: '2', maxlength: '1000'}),
      {hint: 'Bắt buộc khi yêu cầu bổ sung hoặc từ chối; ghi đầy đủ một lần.'}),
    field('rc-note', 'Ghi chú', h('textarea', {name: 'note', rows: '2', maxlength: '900'})),
    h('div', {class: 'actions'}, submit),
    slot);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = formValues(form);
    const procedure = procedures.find(p => p.code === v.procedureCode);
    const missing = [];
    if (!procedure) missing.push(['rc-procedure', 'Hãy chọn thủ tục hành chính.']);
    if (!v.fullName) missing.push(['rc-name', 'Hãy nhập họ và tên người nộp.']);
    if (v.channel === 'POSTAL' && !v.handoverSignedAt) {
      missing.push(['rc-handover', 'Hãy nhập thời điểm ký biên bản bàn giao.']);
    }
    if (v.channel === 'POSTAL' && !v.tracking) missing.push(['rc-tracking', 'Hãy nhập số hiệu bưu gửi.']);
    const receiving = v.outcome === 'RECEIVE';
    if (!receiving && !v.reason) missing.push(['rc-reason', 'Hãy ghi nội dung cần bổ sung hoặc lý do từ chối.']);
    const parts = procedure ? procedure.components || [] : [];
    // only a dossier being received must be complete: asking for a supplement is what an incomplete one gets
    const unchecked = receiving ? parts.filter((part, i) => !(v.parts || []).includes(String(i))) : [];
    showMissing(slot, missing, unchecked);
    if (missing.length || unchecked.length) return;
    const note = [v.channel === 'POSTAL' ? `Số hiệu bưu gửi: ${v.tracking}` : '', v.note].filter(Boolean).join('. ');
    const body = {
      procedureCode: procedure.code,
      channel: v.channel,
      applicant: {fullName: v.fullName, citizenId: v.citizenId || null, phone: v.phone || null,
        email: v.email || null, address: v.address || null},
      note: note || null,
    };
    if (!receiving) {
      body.outcome = v.outcome;
      body.reason = v.reason;
    }
    if (v.channel === 'POSTAL') body.handoverSignedAt = localInputToInstant(v.handoverSignedAt);
    submit.disabled = true;
    try {
      const {body: dossier} = await call('/api/v1/dossiers', {method: 'POST', body});
      clearSlot(slot);
      await showReceived(result, dossier, form);
    } catch (e) {
      showErrorIn(slot, e, FIELD_IDS);
    } finally {
      submit.disabled = false;
    }
  });
  fillOptions();
  return form;
}

function showMissing(slot, missing, unchecked) {
  for (const id of Object.values(FIELD_IDS).concat(['rc-tracking'])) {
    const control = document.getElementById(id);
    const error = document.getElementById(`${id}-error`);
    if (control && error) {
      control.removeAttribute('aria-invalid');
      error.hidden = true;
      error.textContent = '';
    }
  }
  for (const [id, message] of missing) {
    const control = document.getElementById(id);
    const error = document.getElementById(`${id}-error`);
    if (control && error) {
      control.setAttribute('aria-invalid', 'true');
      error.textContent = message;
      error.hidden = false;
    }
  }
  if (!missing.length && !unchecked.length) {
    clearSlot(slot);
    return;
  }
  slot.replaceChildren(h('div', {class: 'error', role: 'alert'},
    h('p', {class: 'error-message'}, missing.length ? 'Hồ sơ chưa nhập đủ thông tin bắt buộc.'
      : 'Hồ sơ chưa đủ thành phần: chưa thể tiếp nhận.'),
    h('ul', {class: 'error-fields'},
      missing.map(([, message]) => h('li', {}, message)),
      unchecked.map(part => h('li', {}, `Chưa nhận: ${part.name}`))),
    unchecked.length > 0 && h('p', {}, 'Hướng dẫn người nộp bổ sung các thành phần còn thiếu.')));
  slot.hidden = false;
}

async function printReceipt(code, slot, kind = 'receipt') {
  try {
    const file = await download(`/api/v1/dossiers/${encodeURIComponent(code)}/forms/${kind}`, `${code}-${kind}.pdf`);
    saveBlob(file.blob, file.fileName);
    return true;
  } catch (e) {
    showErrorIn(slot, e);
    return false;
  }
}

async function showReceived(result, d, receptionForm) {
  const form = PRINTED[d.status] || PRINTED.RECEIVED;
  const heading = d.status === 'PRE_SUPPLEMENT' ? `Đã yêu cầu bổ sung hồ sơ ${d.code}`
    : d.status === 'REJECTED' ? `Đã từ chối tiếp nhận hồ sơ ${d.code}` : `Đã tiếp nhận hồ sơ ${d.code}`;
  const slot = h('div', {class: 'form-slot', hidden: true});
  const again = h('button', {type: 'button', class: 'secondary', id: 'rc-print-again'}, `In lại ${form.short}`);
  again.addEventListener('click', () => printReceipt(d.code, slot, form.kind));
  const another = h('button', {type: 'button', class: 'secondary', id: 'rc-another'}, 'Tiếp nhận hồ sơ khác');
  another.addEventListener('click', () => render());
  result.replaceChildren(h('section', {class: 'done received', id: 'rc-received', 'aria-labelledby': 'rc-received-title'},
    h('h2', {id: 'rc-received-title'}, heading),
    h('dl', {class: 'facts'},
      h('dt', {}, 'Mã hồ sơ'), h('dd', {}, dossierLink(d.code)),
      h('dt', {}, 'Mã tra cứu'), h('dd', {id: 'rc-lookup-key'}, d.lookupKey || '—'),
      h('dt', {}, 'Thủ tục'), h('dd', {}, d.procedureName),
      h('dt', {}, 'Người nộp'), h('dd', {}, d.applicant ? d.applicant.fullName : '—'),
      h('dt', {}, 'Ngày tiếp nhận'), h('dd', {}, dateTime(d.receivedAt)),
      h('dt', {}, 'Hẹn trả kết quả'), h('dd', {id: 'rc-due'}, dateTime(d.dueAt))),
    h('div', {class: 'actions'}, again, h('a', {href: dossierHref(d.code), class: 'button-link'}, 'Mở hồ sơ'), another),
    slot));
  receptionForm.hidden = true;
  result.querySelector('h2').setAttribute('tabindex', '-1');
  result.querySelector('h2').focus();
  const printed = await printReceipt(d.code, slot, form.kind);
  announce(`${heading}.${printed ? ` ${form.label} đã được tải xuống.` : ''}`);
}

/** Online submissions waiting for the desk's decision (accept, ask for a supplement or refuse). */
function onlineSubmissions() {
  const box = h('section', {id: 'rc-online', 'aria-labelledby': 'rc-online-title'},
    h('h2', {id: 'rc-online-title'}, 'Hồ sơ nộp trực tuyến chờ tiếp nhận'),
    h('p', {class: 'muted', role: 'status'}, 'Đang tải…'));
  get(`/api/v1/inbox${query({status: 'SUBMITTED', sort: 'receivedAt', pageSize: 20})}`).then(page => {
    const rows = page.items.map(item => h('tr', {},
      h('td', {}, dossierLink(item.dossier.code)),
      h('td', {}, item.dossier.procedureName || item.dossier.procedureCode),
      h('td', {}, item.dossier.applicant ? item.dossier.applicant.fullName : '')));
    box.replaceChildren(...[box.firstChild,
      h('p', {class: 'muted'}, `Tổng số: ${page.totalSize ?? page.items.length} hồ sơ. `
        + 'Mở hồ sơ để tiếp nhận, yêu cầu bổ sung hoặc từ chối.'),
      rows.length ? table('rc-online-list', ['Mã hồ sơ', 'Thủ tục', 'Người nộp'], rows,
        {caption: 'Hồ sơ nộp trực tuyến chờ tiếp nhận'}) : h('p', {class: 'muted'}, 'Không có hồ sơ nào.'),
      page.nextPageToken ? h('p', {}, h('a', {href: '#/cong-viec'}, 'Xem tất cả trong danh sách hồ sơ cần xử lý')) : null,
    ].filter(Boolean));
  }).catch(e => {
    const slot = h('div', {});
    box.replaceChildren(box.firstChild, slot);
    showErrorIn(slot, e);
  });
  return box;
}
