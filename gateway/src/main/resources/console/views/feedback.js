// Feedback on administrative regulations (phản ánh, kiến nghị — PAKN): a citizen sends one and follows their own;
// anyone reads the published answers.
import {get, loadUnitNames, post, query, unitName} from '../js/api.js';
import {announce, decode, fact, field, formValues, h, showLoading, showView, table} from '../js/dom.js';
import {dateTime} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {clearSlot, dossierLink, errorBlock, pagedList, showErrorIn} from '../js/ui.js';

const PAGE_SIZE = 20;
const ID = /^[A-Za-z0-9-]{1,36}$/;
const MINE = '#/phan-anh-kien-nghi';
const PUBLISHED = '#/tra-loi-phan-anh';

const CLASSES = {
  NOT_ACCEPTED: 'Không thuộc phạm vi tiếp nhận',
  STAFF_BEHAVIOUR: 'Hành vi, thái độ của cán bộ, công chức',
  REGULATION_IN_COMPETENCE: 'Quy định hành chính thuộc thẩm quyền',
  REGULATION_OUT_OF_COMPETENCE: 'Quy định hành chính ngoài thẩm quyền',
};

/** What each state means for the sender. */
const STATES = {
  RECEIVED: 'Đã tiếp nhận, đang chờ phân loại',
  REJECTED: 'Không được tiếp nhận xử lý',
  PROCESSING: 'Đang xử lý',
  FORWARDED: 'Đã chuyển đến cơ quan có thẩm quyền',
  ANSWERED: 'Đã có trả lời, chờ công khai',
  PUBLISHED: 'Đã công khai kết quả trả lời',
};

const FIELD_IDS = {
  unitCode: 'feedback-unit',
  unit_code: 'feedback-unit',
  title: 'feedback-title',
  content: 'feedback-content',
  senderName: 'feedback-name',
  sender_name: 'feedback-name',
  senderAddress: 'feedback-address',
  sender_address: 'feedback-address',
  senderContact: 'feedback-contact',
  sender_contact: 'feedback-contact',
  dossierCode: 'feedback-dossier',
  dossier_code: 'feedback-dossier',
};

export function register() {
  addMenu(MINE, 'Phản ánh, kiến nghị', {roles: ['citizen'], order: 30});
  addMenu(PUBLISHED, 'Trả lời phản ánh, kiến nghị', {anonymous: true, signedIn: false, order: 40});
  addRoute(/^\/phan-anh-kien-nghi$/, (m, user) => renderMine(user), {roles: ['citizen']});
  addRoute(/^\/phan-anh-kien-nghi\/gui(?:\?(.*))?$/, (m, user) => renderNew(user, new URLSearchParams(m[1] || '')),
    {roles: ['citizen']});
  addRoute(/^\/phan-anh-kien-nghi\/([^/?]+)$/, m => renderOne(decode(m[1])), {roles: ['citizen']});
  addRoute(/^\/tra-loi-phan-anh$/, () => renderPublished(), {anonymous: true});
}

function stateText(f) {
  return STATES[f.state] || f.stateLabel || '—';
}

function renderMine() {
  const list = pagedList({
    label: 'phản ánh, kiến nghị',
    load: async pageToken => {
      const page = await get(`/api/v1/citizen/feedback${query({pageSize: PAGE_SIZE, pageToken})}`);
      return {rows: page.items, nextPageToken: page.nextPageToken};
    },
    render: items => table('my-feedback', ['Tiêu đề', 'Gửi đến', 'Ngày gửi', 'Tình trạng'],
      items.map(f => h('tr', {},
        h('td', {}, h('a', {href: `${MINE}/${encodeURIComponent(f.id)}`}, f.title)),
        h('td', {}, unitName(f.unitCode)),
        h('td', {class: 'nowrap'}, dateTime(f.receivedAt)),
        h('td', {}, stateText(f)))),
      {caption: 'Phản ánh, kiến nghị đã gửi'}),
    empty: h('p', {class: 'muted', id: 'my-feedback-empty'}, 'Bạn chưa gửi phản ánh, kiến nghị nào.'),
  });
  showView('Phản ánh, kiến nghị của tôi',
    h('p', {}, 'Phản ánh, kiến nghị về quy định hành chính và việc giải quyết thủ tục hành chính: cơ quan tiếp nhận '
      + 'phân loại trong 5 ngày làm việc, rồi xử lý hoặc chuyển cơ quan có thẩm quyền.'),
    h('p', {class: 'actions'},
      h('a', {href: `${MINE}/gui`, class: 'button', id: 'feedback-new'}, 'Gửi phản ánh, kiến nghị'),
      h('a', {href: PUBLISHED}, 'Xem các trả lời đã công khai')),
    list);
}

async function renderNew(user, params) {
  const title = 'Gửi phản ánh, kiến nghị';
  showLoading(title);
  const names = await loadUnitNames();
  const dossierCode = /^[A-Za-z0-9.-]{1,64}$/.test(params.get('hoSo') || '') ? params.get('hoSo') : '';
  const unitCode = params.get('donVi') || user.unit || '';
  const slot = h('div', {class: 'form-error', id: 'feedback-error', hidden: true});
  const button = h('button', {type: 'submit', id: 'feedback-send'}, 'Gửi phản ánh, kiến nghị');
  const form = h('form', {id: 'feedback-form', novalidate: true},
    field('feedback-unit', 'Cơ quan nhận phản ánh', h('select', {name: 'unitCode'},
      h('option', {value: ''}, '— Chọn cơ quan —'),
      [...names.entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'))
        .map(([code, name]) => h('option', {value: code, selected: code === unitCode}, name))), {required: true}),
    field('feedback-title', 'Tiêu đề', h('input', {name: 'title', maxlength: '300'}), {required: true}),
    field('feedback-content', 'Nội dung phản ánh, kiến nghị', h('textarea', {name: 'content', rows: '6',
      maxlength: '10000'}), {required: true,
      hint: 'Nêu rõ quy định, thủ tục hoặc việc giải quyết bạn phản ánh và đề xuất của bạn.'}),
    field('feedback-dossier', 'Mã hồ sơ liên quan (nếu có)', h('input', {name: 'dossierCode', maxlength: '64',
      value: dossierCode, autocomplete: 'off'})),
    h('fieldset', {},
      h('legend', {}, 'Thông tin người gửi'),
      field('feedback-name', 'Họ và tên', h('input', {name: 'senderName', maxlength: '200', autocomplete: 'name',
        value: user.name || ''}), {required: true}),
      field('feedback-address', 'Địa chỉ', h('input', {name: 'senderAddress', maxlength: '500',
        autocomplete: 'street-address'})),
      field('feedback-contact', 'Điện thoại hoặc thư điện tử', h('input', {name: 'senderContact', maxlength: '200'}),
        {hint: 'Để cơ quan liên hệ khi cần; không được công khai.'})),
    h('div', {class: 'actions'}, button, h('a', {href: MINE}, 'Hủy')),
    slot);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = formValues(form);
    const body = {unitCode: v.unitCode, title: v.title, content: v.content, senderName: v.senderName};
    for (const name of ['senderAddress', 'senderContact', 'dossierCode']) {
      if (v[name]) body[name] = v[name];
    }
    button.disabled = true;
    clearSlot(slot);
    try {
      const {body: created} = await post('/api/v1/feedback', body);
      // the address becomes the new feedback's own (no hashchange: the confirmation stays on screen)
      history.replaceState(history.state, '', `${MINE}/${encodeURIComponent(created.id)}`);
      renderOne(created.id, h('p', {class: 'done', role: 'status', id: 'feedback-done'},
        'Đã gửi phản ánh, kiến nghị. Cơ quan sẽ phân loại trong 5 ngày làm việc.'));
      announce('Đã gửi phản ánh, kiến nghị.');
    } catch (e) {
      showErrorIn(slot, e, FIELD_IDS);
      button.disabled = false;
    }
  });
  showView(title, h('p', {}, h('a', {href: MINE}, '← Phản ánh, kiến nghị của tôi')), form);
}

async function renderOne(id, notice = null) {
  const back = h('p', {}, h('a', {href: MINE}, '← Phản ánh, kiến nghị của tôi'));
  if (!ID.test(id)) {
    showView('Không tìm thấy phản ánh, kiến nghị', h('p', {}, 'Địa chỉ không đúng.'), back);
    return;
  }
  showLoading('Phản ánh, kiến nghị');
  let f;
  try {
    [f] = await Promise.all([get(`/api/v1/feedback/${encodeURIComponent(id)}`), loadUnitNames()]);
  } catch (e) {
    showView('Phản ánh, kiến nghị', e.status === 404
      ? h('p', {}, 'Không tìm thấy phản ánh, kiến nghị này trong các phản ánh bạn đã gửi.') : errorBlock(e), back);
    return;
  }
  showView(`Phản ánh: ${f.title}`,
    back,
    notice,
    h('dl', {class: 'facts', id: 'feedback-facts'},
      fact('Gửi đến', unitName(f.unitCode)),
      fact('Ngày gửi', dateTime(f.receivedAt)),
      fact('Tình trạng', h('strong', {id: 'feedback-state'}, stateText(f))),
      fact('Phân loại', CLASSES[f.classification]),
      fact('Đã chuyển đến', f.forwardedTo),
      fact('Hồ sơ liên quan', f.dossierCode ? dossierLink(f.dossierCode) : null),
      fact('Người gửi', f.senderName),
      fact('Liên hệ', f.senderContact)),
    h('h2', {}, 'Nội dung'),
    h('p', {class: 'prewrap', id: 'feedback-content'}, f.content),
    h('h2', {}, 'Trả lời'),
    f.answer
      ? [h('p', {class: 'prewrap', id: 'feedback-answer'}, f.answer),
        h('p', {class: 'muted'}, f.publishedAt ? `Công khai ngày ${dateTime(f.publishedAt)}.`
          : `Trả lời ngày ${dateTime(f.answeredAt)}, đang chờ công khai.`)]
      : h('p', {class: 'muted', id: 'feedback-answer'}, 'Chưa có trả lời.'));
}

async function renderPublished() {
  await loadUnitNames();
  const list = pagedList({
    label: 'trả lời',
    load: async pageToken => {
      const page = await get(`/api/v1/public/feedback${query({pageSize: PAGE_SIZE, pageToken})}`, {anonymous: true});
      return {rows: page.items, nextPageToken: page.nextPageToken};
    },
    render: items => h('ul', {class: 'answers', id: 'published-feedback'}, items.map(f => h('li', {class: 'card'},
      h('h2', {}, f.title),
      h('p', {class: 'muted'}, `${unitName(f.unitCode)} · công khai ngày ${dateTime(f.publishedAt)}`),
      h('p', {class: 'prewrap'}, f.content),
      h('h3', {}, 'Trả lời'),
      h('p', {class: 'prewrap'}, f.answer || '—')))),
    empty: h('p', {class: 'muted', id: 'published-feedback-empty'}, 'Chưa có trả lời nào được công khai.'),
  });
  showView('Trả lời phản ánh, kiến nghị', h('p', {class: 'muted'},
    'Kết quả trả lời phản ánh, kiến nghị đã được cơ quan có thẩm quyền công khai.'), list);
}
