// One dossier: its facts, the panels other modules add (actions for officers and citizens), timeline and forms.
import {call, download, get, loadUnitNames, unitName} from '../js/api.js';
import {fact, h, saveBlob, showLoading, showView} from '../js/dom.js';
import {dateTime} from '../js/format.js';
import {CHANNELS, FORMS, ROLE_LABELS} from '../js/labels.js';
import {addRoute} from '../js/router.js';
import {clearSlot, errorBlock, showErrorIn} from '../js/ui.js';

const CODE = /^[A-Za-z0-9.-]{1,64}$/;
const panels = [];

/**
 * Adds a panel to the dossier page. make(ctx) returns a Node or null; ctx = {dossier, etag, timeline, user,
 * actions, reload(message)}: act with ctx.etag as If-Match, then call ctx.reload() to show the fresh state.
 * ctx.actions is GET /api/v1/dossiers/{code}/actions ({allowedActions, allowedSteps, issuedForms}: what the user's
 * roles may do now, from dossier-service's state machine), or null when it could not be loaded.
 */
export function addDossierPanel(make, {order = 50} = {}) {
  panels.push({make, order});
  panels.sort((a, b) => a.order - b.order);
}

export function register() {
  addRoute(/^\/ho-so\/([^/]+)$/, (match, user) => {
    let code;
    try {
      code = decodeURIComponent(match[1]);
    } catch (e) {
      code = '';
    }
    return user ? render(code, user) : anonymous(code);
  }, {anonymous: true});
}

/** Someone not signed in who follows a dossier's link: sign in, or look it up with the key from the receipt. */
function anonymous(code) {
  showView('Cần đăng nhập để xem hồ sơ',
    h('p', {id: 'dossier-sign-in'}, `Hồ sơ ${CODE.test(code) ? code : ''} chỉ xem được sau khi đăng nhập. `
      + 'Không cần đăng nhập, bạn vẫn tra cứu được tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu in trên giấy '
      + 'tiếp nhận.'),
    h('p', {class: 'actions'}, h('a', {href: '#/tra-cuu', id: 'back-link'}, 'Tra cứu tình trạng hồ sơ'),
      h('a', {href: '#/'}, '← Về trang chủ')));
}

async function render(code, user, notice = null) {
  if (!CODE.test(code)) {
    showView('Không tìm thấy hồ sơ', h('p', {}, 'Mã hồ sơ không đúng định dạng.'), backLink());
    return;
  }
  showLoading(`Hồ sơ ${code}`);
  const path = `/api/v1/dossiers/${encodeURIComponent(code)}`;
  let dossier;
  let etag;
  let timeline;
  let actions = null;
  let actionsError = null;
  try {
    const [answer, entries, allowed] = await Promise.all([call(path), get(`${path}/timeline`),
      get(`${path}/actions`).catch(e => {
        actionsError = e;
        return null;
      }), loadUnitNames()]);
    dossier = answer.body;
    etag = answer.etag;
    timeline = entries.entries;
    actions = allowed;
  } catch (e) {
    if (e.status === 404) {
      showView('Không tìm thấy hồ sơ', h('p', {id: 'dossier-not-found'}, notFoundText(code, user)), backLink(user));
    } else {
      showView(`Hồ sơ ${code}`, errorBlock(e), backLink());
    }
    return;
  }
  // reload(message, code): an action may answer a new current code (an online dossier gets its legal code when
  // accepted); the page then shows it under that code, and the address follows without a new history entry
  const ctx = {dossier, etag, timeline, user, actions, actionsError,
    reload: (message, newCode) => {
      const next = newCode && CODE.test(newCode) ? newCode : dossier.code;
      if (next !== dossier.code) history.replaceState(null, '', `#/ho-so/${encodeURIComponent(next)}`);
      return render(next, user, message);
    }};
  const applicant = dossier.applicant || {};
  showView(`Hồ sơ ${dossier.code}`,
    backLink(),
    notice,
    h('dl', {class: 'facts', id: 'dossier-facts'},
      fact('Thủ tục', `${dossier.procedureName || ''} (${dossier.procedureCode})`),
      fact('Trạng thái', h('strong', {id: 'dossier-status'}, dossier.statusLabel || dossier.status)),
      fact('Hình thức nộp', CHANNELS[dossier.channel] || dossier.channel),
      fact('Người nộp', applicant.fullName),
      fact('Số định danh', applicant.citizenId),
      fact('Điện thoại', applicant.phone),
      fact('Địa chỉ', applicant.address),
      fact('Đơn vị tiếp nhận', unitName(dossier.receivingUnitCode)),
      fact('Đơn vị giải quyết', unitName(dossier.competentUnitCode)),
      fact('Ngày tiếp nhận', dateTime(dossier.receivedAt)),
      fact('Hẹn trả kết quả', dateTime(dossier.dueAt)),
      fact('Ngày hoàn thành', dossier.finishedAt ? dateTime(dossier.finishedAt) : null),
      fact('Ghi chú', dossier.note),
      dossier.lookupKey && fact('Mã tra cứu (in trên giấy tiếp nhận)', dossier.lookupKey)),
    panels.map(p => p.make(ctx)).filter(Boolean),
    h('h2', {}, 'Quá trình xử lý'),
    h('ol', {class: 'timeline', id: 'timeline'}, timeline.map(e => h('li', {},
      h('span', {class: 'when'}, dateTime(e.at)), ' ',
      h('strong', {}, e.label || e.event),
      actor(e),
      e.reason && h('div', {class: 'muted'}, `Lý do: ${e.reason}`)))),
    formsSection(dossier, actions));
}

/** The person's title: their roles as the console names them (a citizen is "Công dân"). */
export function actorTitle(entry) {
  const roles = (entry.actorRoles || []).filter(r => ROLE_LABELS[r]);
  return roles.map(r => ROLE_LABELS[r]).join(', ');
}

function actor(entry) {
  const who = entry.actorName || entry.actorUsername;
  if (!who) return null;
  const title = actorTitle(entry);
  const unit = entry.actorUnitCode ? ` (${unitName(entry.actorUnitCode)})` : '';
  return h('span', {class: 'actor'}, ' — ', h('span', {class: 'actor-name'}, who), title ? `, ${title}` : '', unit);
}

/**
 * The forms this dossier has issued, as the API says (actions.issuedForms: the rule that also renders them, so the
 * console keeps no copy of it). An error shows next to the form's own link.
 */
function formsSection(dossier, actions) {
  if (!actions || !Array.isArray(actions.issuedForms)) {
    return [h('h2', {}, 'Biểu mẫu (PDF)'),
      h('p', {class: 'error', role: 'alert', id: 'forms-unknown'}, 'Không tải được danh sách biểu mẫu. Hãy tải lại trang.')];
  }
  const issued = new Set(actions.issuedForms);
  const items = FORMS.filter(([kind]) => issued.has(kind)).map(([kind, label]) => {
    const slot = h('div', {class: 'form-error', id: `form-${kind}-error`, hidden: true});
    const button = h('button', {type: 'button', class: 'link', 'data-form': kind, id: `form-${kind}`}, label);
    button.addEventListener('click', async () => {
      button.disabled = true;
      clearSlot(slot);
      try {
        const file = await download(`/api/v1/dossiers/${encodeURIComponent(dossier.code)}/forms/${kind}`,
          `${dossier.code}-${kind}.pdf`);
        saveBlob(file.blob, file.fileName);
      } catch (e) {
        showErrorIn(slot, e);
      } finally {
        button.disabled = false;
      }
    });
    return h('li', {}, button, slot);
  });
  return [h('h2', {}, 'Biểu mẫu (PDF)'),
    items.length === 0 ? h('p', {class: 'muted', id: 'forms-none'}, 'Hồ sơ chưa có biểu mẫu nào.')
      : h('ul', {class: 'forms', id: 'forms'}, items)];
}

/** What a 404 means depends on who asks: a citizen sees only their own dossiers, an officer those of their units. */
function notFoundText(code, user) {
  if (user && user.roles.includes('citizen')) {
    return `Không tìm thấy hồ sơ ${code} trong các hồ sơ của bạn. Hồ sơ của người khác có thể tra cứu bằng mã hồ sơ `
      + 'và mã tra cứu in trên giấy tiếp nhận.';
  }
  return `Không tìm thấy hồ sơ ${code}, hoặc hồ sơ không thuộc đơn vị bạn được xem.`;
}

function backLink(user) {
  const citizen = user && user.roles.includes('citizen');
  return h('p', {class: 'actions'}, h('a', {href: '#/', id: 'back-link'}, '← Quay lại danh sách'),
    citizen ? h('a', {href: '#/tra-cuu'}, 'Tra cứu hồ sơ bằng mã tra cứu') : null);
}
