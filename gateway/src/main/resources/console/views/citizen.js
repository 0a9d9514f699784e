// A citizen's own dossiers, page by page, and on a dossier's page what its state means for them and what they can do:
// answer a supplement request, withdraw, rate the handling. Each action that changes the dossier sends the ETag the
// citizen saw as If-Match (a rating changes nothing of the dossier and takes none).
import {get, post, query, unitName} from '../js/api.js';
import {announce, field, formValues, h, showView, table} from '../js/dom.js';
import {dateTime} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {clearSlot, dossierLink, errorBlock, pagedList, showErrorIn} from '../js/ui.js';
import {addDossierPanel} from './dossier.js';

const PAGE_SIZE = 50;

/** What each state means for the applicant, and what (if anything) is expected of them. */
export const CITIZEN_STATUS = {
  SUBMITTED: {
    short: 'Đã gửi, chờ tiếp nhận',
    means: 'Hồ sơ đã được gửi trực tuyến. Bộ phận Một cửa đang kiểm tra để tiếp nhận.',
    todo: 'Bạn chưa cần làm gì. Khi hồ sơ được tiếp nhận, bạn sẽ thấy ngày hẹn trả kết quả tại đây.',
  },
  PRE_SUPPLEMENT: {
    short: 'Cần bổ sung trước khi tiếp nhận',
    means: 'Bộ phận Một cửa đề nghị bổ sung, hoàn thiện hồ sơ trước khi tiếp nhận.',
    todo: 'Hãy chuẩn bị đủ giấy tờ theo yêu cầu bên dưới rồi bấm "Gửi lại hồ sơ đã bổ sung", hoặc mang đến '
      + 'Bộ phận Một cửa.',
    action: true,
  },
  RECEIVED: {
    short: 'Đã tiếp nhận',
    means: 'Hồ sơ đã được tiếp nhận; thời hạn giải quyết được tính từ lúc này.',
    todo: 'Bạn chưa cần làm gì. Hãy theo dõi hồ sơ đến ngày hẹn trả kết quả.',
  },
  IN_PROCESS: {
    short: 'Đang giải quyết',
    means: 'Cơ quan có thẩm quyền đang thẩm định, giải quyết hồ sơ.',
    todo: 'Bạn chưa cần làm gì. Nếu cần bổ sung, cơ quan sẽ thông báo tại đây.',
  },
  SUPPLEMENT_REQUESTED: {
    short: 'Cần bổ sung giấy tờ',
    means: 'Cơ quan giải quyết yêu cầu bổ sung, hoàn thiện hồ sơ. Thời hạn giải quyết tạm dừng cho đến khi bạn bổ sung.',
    todo: 'Hãy bổ sung theo yêu cầu bên dưới rồi bấm "Đã bổ sung hồ sơ", hoặc mang giấy tờ đến Bộ phận Một cửa.',
    action: true,
  },
  AWAITING_PAYMENT: {
    short: 'Chờ nộp phí, lệ phí',
    means: 'Hồ sơ đang chờ bạn thực hiện nghĩa vụ tài chính (phí, lệ phí, thuế).',
    todo: 'Hãy nộp khoản phí, lệ phí ở mục "Thanh toán" bên dưới (trực tuyến), hoặc tại Bộ phận Một cửa.',
    action: true,
  },
  RESULT_READY: {
    short: 'Đã có kết quả, chờ nhận',
    means: 'Hồ sơ đã giải quyết xong và kết quả đã chuyển về nơi tiếp nhận.',
    todo: 'Hãy đến nhận kết quả tại nơi bạn nộp hồ sơ (mang theo giấy tờ tùy thân).',
    action: true,
  },
  RETURNED: {
    short: 'Đã nhận kết quả',
    means: 'Bạn đã nhận kết quả giải quyết.',
    todo: 'Mời bạn đánh giá việc giải quyết hồ sơ bên dưới.',
  },
  REFUSED: {
    short: 'Bị từ chối giải quyết',
    means: 'Cơ quan có thẩm quyền từ chối giải quyết hồ sơ; lý do ghi trong quá trình xử lý bên dưới.',
    todo: 'Bạn có thể đánh giá việc giải quyết, hoặc gửi phản ánh, kiến nghị nếu không đồng ý.',
  },
  REJECTED: {
    short: 'Không được tiếp nhận',
    means: 'Hồ sơ không được tiếp nhận; lý do ghi trong quá trình xử lý bên dưới.',
    todo: 'Bạn có thể nộp hồ sơ mới khi đã đủ điều kiện.',
  },
  WITHDRAWN: {short: 'Đã rút', means: 'Bạn đã rút hồ sơ này; hồ sơ không được giải quyết tiếp.', todo: null},
  STOPPED: {short: 'Dừng giải quyết', means: 'Cơ quan đã dừng giải quyết hồ sơ theo thông báo.', todo: null},
};

// a rating is no state transition, so the actions API does not list it: the rating route's own rule (finished
// dossiers) is the one state list kept here
const RATEABLE = ['RETURNED', 'REFUSED', 'REJECTED'];

export function citizenStatus(status) {
  return CITIZEN_STATUS[status] || null;
}

export function register() {
  addMenu('#/ho-so-cua-toi', 'Hồ sơ của tôi', {roles: ['citizen'], home: true, order: 10});
  addRoute(/^\/ho-so-cua-toi$/, () => render(), {roles: ['citizen']});
  addDossierPanel(citizenPanel, {order: 10});
}

function render() {
  const list = pagedList({
    label: 'hồ sơ',
    load: async pageToken => {
      const page = await get(`/api/v1/citizen/dossiers${query({pageSize: PAGE_SIZE, pageToken})}`);
      return {rows: page.dossiers, nextPageToken: page.nextPageToken, totalSize: page.totalSize};
    },
    render: dossiers => table('citizen-dossiers', ['Mã hồ sơ', 'Thủ tục', 'Trạng thái', 'Ngày tiếp nhận', 'Hẹn trả'],
      dossiers.map(d => {
        const words = citizenStatus(d.status);
        return h('tr', {'data-code': d.code},
          h('td', {}, dossierLink(d.code)),
          h('td', {}, d.procedureName || d.procedureCode),
          h('td', {}, words ? words.short : d.statusLabel || '—',
            words && words.action ? [' ', h('span', {class: 'badge todo'}, 'Cần bạn xử lý')] : null),
          h('td', {class: 'nowrap'}, d.receivedAt ? dateTime(d.receivedAt) : 'Chưa tiếp nhận'),
          h('td', {class: 'nowrap'}, dateTime(d.dueAt)));
      }),
      {caption: 'Hồ sơ của tôi'}),
    empty: h('p', {class: 'muted', id: 'citizen-empty'}, 'Bạn chưa có hồ sơ nào.'),
  });
  showView('Hồ sơ của tôi',
    h('p', {}, h('a', {href: '#/thu-tuc-hanh-chinh'}, 'Tìm thủ tục và nộp hồ sơ mới')),
    list);
}

/** The citizen's panel on their own dossier's page. */
function citizenPanel(ctx) {
  const {dossier, user} = ctx;
  if (!user || !user.roles.includes('citizen')) return null;
  const words = citizenStatus(dossier.status);
  const appointment = dossier.dueAt
    ? `Ngày hẹn trả kết quả: ${dateTime(dossier.dueAt)}, tại ${unitName(dossier.receivingUnitCode)}.`
    : dossier.receivedAt ? 'Hồ sơ chưa có ngày hẹn trả kết quả.'
      : 'Ngày hẹn trả kết quả có khi hồ sơ được tiếp nhận.';
  const section = h('section', {class: 'card citizen-panel', id: 'citizen-panel', 'aria-labelledby': 'citizen-h'},
    h('h2', {id: 'citizen-h'}, 'Tình trạng hồ sơ của bạn'),
    h('p', {id: 'citizen-status'}, h('strong', {}, words ? words.short : dossier.statusLabel || '—'),
      words ? `. ${words.means}` : null),
    dossier.finishedAt ? null : h('p', {id: 'citizen-appointment'}, appointment),
    words && words.todo ? h('p', {id: 'citizen-todo'}, h('strong', {}, 'Việc của bạn: '), words.todo) : null);
  // what the citizen may do comes from the API (GET /dossiers/{code}/actions: dossier-service's state machine for
  // this caller), not from a copy of the rules here
  const allowed = new Set((ctx.actions && ctx.actions.allowedActions) || []);
  if (allowed.has('receive-supplement') || allowed.has('resubmit')) {
    section.append(supplementForm(ctx));
  }
  if (RATEABLE.includes(dossier.status)) {
    section.append(rateForm(ctx));
  }
  if (allowed.has('withdraw')) {
    section.append(withdrawForm(ctx));
  }
  // Circular 03/2025 Art 7: the applicant may ask to stop a dossier received under the 2025 rules
  if (allowed.has('stop')) {
    section.append(stopForm(ctx));
  }
  section.append(h('p', {}, h('a', {href: `#/phan-anh-kien-nghi/gui?hoSo=${encodeURIComponent(dossier.code)}`
    + `&donVi=${encodeURIComponent(dossier.receivingUnitCode || '')}`}, 'Gửi phản ánh, kiến nghị về hồ sơ này')));
  return section;
}

/** The latest request for documents with its reason (the officer's words), from the timeline. */
function supplementRequest(timeline) {
  const asks = timeline.filter(e => /REQUEST_(PRE_)?SUPPLEMENT/.test(e.event || ''));
  return asks.length ? asks[asks.length - 1] : null;
}

/** Runs an action on the dossier with the ETag the citizen saw; a 412 shows the fresh state with a message. */
async function act(ctx, action, body, slot, button, doneText, fieldIds = {}) {
  button.disabled = true;
  clearSlot(slot);
  try {
    await post(`/api/v1/dossiers/${encodeURIComponent(ctx.dossier.code)}:${action}`, body, {ifMatch: ctx.etag});
    announce(doneText);
    await ctx.reload(h('p', {class: 'done', role: 'status', id: 'citizen-done'}, doneText));
  } catch (e) {
    if (e.isStale) {
      await ctx.reload(h('div', {id: 'citizen-stale'}, errorBlock(e)));
      return;
    }
    showErrorIn(slot, e, fieldIds);
    button.disabled = false;
  }
}

function supplementForm(ctx) {
  const pre = ctx.dossier.status === 'PRE_SUPPLEMENT';
  const ask = supplementRequest(ctx.timeline);
  const slot = h('div', {class: 'form-error', hidden: true});
  const button = h('button', {type: 'submit', id: 'supplement-send'},
    pre ? 'Gửi lại hồ sơ đã bổ sung' : 'Đã bổ sung hồ sơ');
  const form = h('form', {id: 'supplement-form', novalidate: true},
    h('h3', {}, pre ? 'Bổ sung hồ sơ trước khi tiếp nhận' : 'Trả lời yêu cầu bổ sung'),
    ask ? h('div', {class: 'request', id: 'supplement-request'},
      h('p', {}, `Yêu cầu ngày ${dateTime(ask.at)}${ask.actorName ? ` của ${ask.actorName}` : ''}:`),
      h('blockquote', {}, ask.reason || 'Xem Mẫu 02 (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ) bên dưới.')) : null,
    field('supplement-note', 'Nội dung bổ sung', h('textarea', {name: 'note', rows: '3', maxlength: '1000'}),
      {hint: 'Ví dụ: đã bổ sung bản sao căn cước công dân.'}),
    h('div', {class: 'actions'}, button), slot);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const {note} = formValues(form);
    act(ctx, pre ? 'resubmit' : 'receive-supplement', note ? {note} : {}, slot, button,
      pre ? 'Đã gửi lại hồ sơ đã bổ sung.' : 'Đã gửi hồ sơ bổ sung. Thời hạn giải quyết được tính lại.',
      {note: 'supplement-note'});
  });
  return form;
}

function withdrawForm(ctx) {
  const slot = h('div', {class: 'form-error', hidden: true});
  const button = h('button', {type: 'submit', class: 'secondary', id: 'withdraw-send'}, 'Rút hồ sơ');
  const confirm = h('input', {type: 'checkbox', name: 'confirm', id: 'withdraw-confirm'});
  const form = h('form', {id: 'withdraw-form', novalidate: true},
    h('h3', {}, 'Rút hồ sơ'),
    h('p', {class: 'muted'}, 'Khi rút, hồ sơ không được giải quyết tiếp; muốn làm lại thủ tục phải nộp hồ sơ mới.'),
    field('withdraw-reason', 'Lý do rút hồ sơ', h('textarea', {name: 'reason', rows: '2', maxlength: '1000'})),
    h('div', {class: 'check'}, confirm,
      h('label', {for: 'withdraw-confirm'}, 'Tôi muốn rút hồ sơ này và hiểu rằng hồ sơ sẽ không được giải quyết tiếp.')),
    h('div', {class: 'actions'}, button), slot);
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!confirm.checked) {
      slot.replaceChildren(h('p', {class: 'error', role: 'alert'}, 'Hãy đánh dấu ô xác nhận trước khi rút hồ sơ.'));
      slot.hidden = false;
      return;
    }
    const {reason} = formValues(form);
    act(ctx, 'withdraw', reason ? {reason} : {}, slot, button, 'Đã rút hồ sơ.', {reason: 'withdraw-reason'});
  });
  return form;
}

function stopForm(ctx) {
  const slot = h('div', {class: 'form-error', hidden: true});
  const button = h('button', {type: 'submit', class: 'secondary', id: 'stop-send'}, 'Đề nghị dừng giải quyết');
  const form = h('form', {id: 'stop-form', novalidate: true},
    h('h3', {}, 'Đề nghị dừng giải quyết hồ sơ'),
    h('p', {class: 'muted'}, 'Cơ quan sẽ dừng giải quyết và gửi Thông báo dừng giải quyết hồ sơ ghi rõ bạn là người đề nghị.'),
    field('stop-reason', 'Lý do đề nghị dừng', h('textarea', {name: 'reason', rows: '2', maxlength: '1000'}),
      {required: true}),
    h('div', {class: 'actions'}, button), slot);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const {reason} = formValues(form);
    act(ctx, 'stop', {reason}, slot, button, 'Đã gửi đề nghị dừng giải quyết hồ sơ.', {reason: 'stop-reason'});
  });
  return form;
}

const SCORES = [
  ['timeScore', 'Thời gian giải quyết so với ngày hẹn'],
  ['contactsScore', 'Số lần phải liên hệ với cơ quan'],
  ['agenciesScore', 'Số cơ quan phải liên hệ'],
  ['attitudeScore', 'Thái độ, cách ứng xử của công chức'],
];
const SCORE_WORDS = ['5 — Rất tốt', '4 — Tốt', '3 — Bình thường', '2 — Chưa tốt', '1 — Kém'];

function rateForm(ctx) {
  const slot = h('div', {class: 'form-error', hidden: true});
  const button = h('button', {type: 'submit', id: 'rate-send'}, 'Gửi đánh giá');
  const form = h('form', {id: 'rate-form', novalidate: true},
    h('h3', {}, 'Đánh giá việc giải quyết hồ sơ'),
    h('p', {class: 'muted'}, 'Mỗi hồ sơ được đánh giá một lần; có thể bỏ qua tiêu chí không muốn trả lời.'),
    SCORES.map(([name, label]) => field(`rate-${name}`, label, h('select', {name},
      h('option', {value: ''}, 'Không trả lời'),
      SCORE_WORDS.map(w => h('option', {value: w[0]}, w))))),
    h('fieldset', {id: 'rate-satisfied'},
      h('legend', {}, 'Nhìn chung, bạn có hài lòng không?'),
      h('div', {class: 'check'}, h('input', {type: 'radio', name: 'satisfied', value: 'yes', id: 'rate-yes'}),
        h('label', {for: 'rate-yes'}, 'Hài lòng')),
      h('div', {class: 'check'}, h('input', {type: 'radio', name: 'satisfied', value: 'no', id: 'rate-no'}),
        h('label', {for: 'rate-no'}, 'Không hài lòng'))),
    field('rate-comment', 'Góp ý thêm', h('textarea', {name: 'comment', rows: '2', maxlength: '1000'})),
    h('div', {class: 'actions'}, button), slot);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = formValues(form);
    const body = {satisfied: v.satisfied === 'yes'};
    for (const [name] of SCORES) {
      if (v[name]) body[name] = Number(v[name]);
    }
    if (v.comment) body.comment = v.comment;
    button.disabled = true;
    clearSlot(slot);
    try {
      // a rating changes nothing of the dossier (no new revision): the route takes no If-Match, by design
      await post(`/api/v1/dossiers/${encodeURIComponent(ctx.dossier.code)}:rate`, body);
      const text = 'Cảm ơn bạn đã đánh giá việc giải quyết hồ sơ.';
      form.replaceChildren(h('h3', {}, 'Đánh giá việc giải quyết hồ sơ'),
        h('p', {class: 'done', role: 'status', id: 'rate-done'}, text));
      announce(text);
    } catch (e) {
      if (e.reason === 'RULE_VIOLATED') {
        slot.replaceChildren(h('p', {class: 'error', role: 'alert'},
          'Hồ sơ này đã được đánh giá rồi, hoặc chưa đến lúc đánh giá.'));
        slot.hidden = false;
      } else {
        showErrorIn(slot, e, Object.fromEntries([...SCORES.map(([n]) => [n, `rate-${n}`]),
          ['comment', 'rate-comment']]));
      }
      button.disabled = false;
    }
  });
  return form;
}
