// The MotCua web console: login with Keycloak (oidc.js), then a first screen per role. Plain DOM, no framework:
// every value from the API is put in with textContent, never parsed as HTML.
import {claimsOf, LoginError, Oidc} from './oidc.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const TIME = new Intl.DateTimeFormat('vi-VN', {timeZone: ZONE, dateStyle: 'short', timeStyle: 'short'});
const CODE = /^[A-Za-z0-9.-]{1,64}$/;

const ROLE_LABELS = {
  citizen: 'Công dân',
  reception_officer: 'Công chức Bộ phận Một cửa',
  specialist: 'Chuyên viên xử lý',
  unit_leader: 'Lãnh đạo đơn vị',
  clerk: 'Văn thư',
  tthc_controller: 'Cán bộ kiểm soát TTHC',
  unit_admin: 'Quản trị tài khoản đơn vị',
  report_viewer: 'Xem báo cáo thống kê',
};
const OFFICER_ROLES = Object.keys(ROLE_LABELS).filter(r => r !== 'citizen');
// the roles with a work queue (dossier-service's inbox); other officers get an explanation instead of an empty list
const INBOX_ROLES = ['reception_officer', 'specialist', 'unit_leader', 'clerk'];

const DEADLINES = {
  IN_TIME: ['Trong hạn', 'in-time'],
  NEAR_DUE: ['Sắp đến hạn', 'near-due'],
  OVERDUE: ['Quá hạn', 'overdue'],
};

// Forms 01-05 (and the 2025 stop notice) as the gateway names them
const FORMS = [
  ['receipt', 'Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả'],
  ['supplement-request', 'Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ'],
  ['refusal', 'Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ'],
  ['apology', 'Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả'],
  ['control-slip', 'Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ'],
  ['stop-notice', 'Thông báo dừng giải quyết hồ sơ'],
];

// problem+json reasons (platform ErrorReason and the gateway's own) in words for the person at the counter
const REASONS = {
  TOKEN_MISSING: 'Bạn cần đăng nhập để thực hiện thao tác này.',
  TOKEN_INVALID: 'Phiên đăng nhập không còn hợp lệ. Vui lòng đăng nhập lại.',
  ROLE_NOT_ALLOWED: 'Vai trò của bạn không được phép thực hiện thao tác này.',
  SCOPE_MISSING: 'Tài khoản chưa được gán đơn vị hoặc số định danh cá nhân.',
  INVALID_FIELD: 'Dữ liệu nhập vào không hợp lệ.',
  MALFORMED_REQUEST: 'Yêu cầu không đúng định dạng.',
  NOT_FOUND: 'Không tìm thấy hồ sơ, hoặc hồ sơ không thuộc phạm vi của bạn.',
  ILLEGAL_TRANSITION: 'Thao tác không phù hợp với trạng thái hiện tại của hồ sơ.',
  RULE_VIOLATED: 'Thao tác không đáp ứng quy định nghiệp vụ.',
  CONCURRENT_UPDATE: 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại.',
  RATE_LIMITED: 'Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
  IDENTITY_PROVIDER_UNAVAILABLE: 'Máy chủ đăng nhập tạm thời không phản hồi. Vui lòng thử lại sau.',
  DOWNSTREAM_UNAVAILABLE: 'Hệ thống nghiệp vụ tạm thời không phản hồi. Vui lòng thử lại sau.',
  DOWNSTREAM_TIMEOUT: 'Hệ thống nghiệp vụ phản hồi quá lâu. Vui lòng thử lại sau.',
};

const $ = id => document.getElementById(id);

/** A DOM element; strings among the children become text nodes, null/false children are skipped. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith('on')) {
      el.addEventListener(name.slice(2), value);
    } else if (value !== null && value !== undefined && value !== false) {
      el.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      el.append(child instanceof Node ? child : String(child));
    }
  }
  return el;
}

function time(iso) {
  return iso ? TIME.format(new Date(iso)) : '—';
}

/** An answer other than 2xx, with the problem+json body when there is one. */
class ApiError extends Error {
  constructor(status, problem) {
    super(REASONS[problem.reason] || statusMessage(status));
    this.status = status;
    this.problem = problem;
  }
}

function statusMessage(status) {
  if (status === 401) return REASONS.TOKEN_INVALID;
  if (status === 403) return REASONS.ROLE_NOT_ALLOWED;
  if (status === 404) return 'Không tìm thấy nội dung yêu cầu.';
  if (status === 409) return 'Hồ sơ chưa ở trạng thái phù hợp cho yêu cầu này.';
  if (status === 429) return REASONS.RATE_LIMITED;
  if (status >= 500) return 'Hệ thống gặp sự cố. Vui lòng thử lại sau.';
  return `Yêu cầu không thành công (mã ${status}).`;
}

/** The error as a block: our Vietnamese sentence, then the server's title/detail, field errors and request id. */
function errorBlock(error) {
  const problem = error.problem || {};
  const details = [problem.title, problem.detail].filter(Boolean).join(': ');
  return h('div', {class: 'error', role: 'alert'},
    h('p', {class: 'error-message'}, error instanceof ApiError || error instanceof LoginError
      ? error.message : 'Đã xảy ra lỗi không mong muốn.'),
    details && h('p', {class: 'error-detail'}, `Chi tiết: ${details}`),
    Array.isArray(problem.errors) && problem.errors.length > 0 && h('ul', {class: 'error-fields'},
      problem.errors.map(e => h('li', {}, `${e.field}: ${e.message}`))),
    problem.requestId && h('p', {class: 'error-request'}, `Mã yêu cầu (khi cần hỗ trợ): ${problem.requestId}`));
}

function showMessage(error) {
  const box = $('message');
  box.replaceChildren(errorBlock(error));
  box.hidden = false;
}

function clearMessage() {
  $('message').hidden = true;
  $('message').replaceChildren();
}

let oidc = null;

/** GET on the gateway with the signed-in user's token; one refresh and retry when the token has just lapsed. */
async function api(path, {raw = false, retried = false} = {}) {
  const session = oidc && oidc.session();
  const headers = {Accept: raw ? 'application/pdf, application/problem+json' : 'application/json'};
  if (session) {
    headers.Authorization = `Bearer ${session.accessToken}`;
  }
  const response = await fetch(path, {headers, credentials: 'omit'});
  if (response.status === 401 && session && !retried) {
    await oidc.refresh();
    return api(path, {raw, retried: true});
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem);
  }
  return raw ? response : response.json();
}

// --- who is signed in ------------------------------------------------------------------------------------------

function userOf(session) {
  const claims = claimsOf(session.accessToken);
  const roles = ((claims.realm_access && claims.realm_access.roles) || []).filter(r => r in ROLE_LABELS);
  // Vietnamese order, family name first (Keycloak's name claim puts the given name first)
  const name = [claims.family_name, claims.given_name].filter(Boolean).join(' ') || claims.name
    || claims.preferred_username;
  return {name, username: claims.preferred_username, roles, unit: claims.unit_code, citizenId: claims.citizen_id};
}

function renderWho(user) {
  const who = $('who');
  $('login').hidden = Boolean(user);
  $('logout').hidden = !user;
  if (!user) {
    who.replaceChildren(h('span', {class: 'muted'}, 'Chưa đăng nhập'));
    return;
  }
  who.replaceChildren(
    h('span', {class: 'who-name', id: 'who-name'}, user.name),
    user.username && user.username !== user.name && h('span', {class: 'muted'}, ` (${user.username})`),
    h('span', {class: 'who-roles', id: 'who-roles'},
      user.roles.length ? user.roles.map(r => ROLE_LABELS[r]).join(', ') : 'Không có vai trò'),
    user.unit && h('span', {class: 'who-unit', id: 'who-unit'}, `Đơn vị: ${user.unit}`));
}

// --- screens ---------------------------------------------------------------------------------------------------

function dossierLink(code) {
  return h('a', {href: `#/ho-so/${encodeURIComponent(code)}`, class: 'code'}, code);
}

function deadlineBadge(state) {
  const [label, css] = DEADLINES[state] || ['Không xác định', 'unknown'];
  return h('span', {class: `badge ${css}`}, label);
}

async function renderInbox(target, user) {
  if (!user.roles.some(r => INBOX_ROLES.includes(r))) {
    target.replaceChildren(h('h2', {}, 'Công việc'), h('p', {class: 'muted'},
      'Vai trò của bạn không có hàng hồ sơ cần xử lý. Bạn vẫn có thể tra cứu hồ sơ theo mã.'));
    return;
  }
  target.replaceChildren(h('h2', {}, 'Hồ sơ cần xử lý'), h('p', {class: 'muted'}, 'Đang tải…'));
  const page = await api('/api/v1/inbox?pageSize=50');
  const rows = page.items.map(item => h('tr', {},
    h('td', {}, dossierLink(item.dossier.code)),
    h('td', {}, item.dossier.procedureName || item.dossier.procedureCode),
    h('td', {}, item.dossier.applicant ? item.dossier.applicant.fullName : ''),
    h('td', {}, item.dossier.statusLabel || item.dossier.status),
    h('td', {}, time(item.dossier.dueAt)),
    h('td', {}, deadlineBadge(item.deadlineState))));
  target.replaceChildren(h('h2', {}, 'Hồ sơ cần xử lý'),
    rows.length === 0 ? h('p', {class: 'muted', id: 'inbox-empty'}, 'Không có hồ sơ nào đang chờ bạn xử lý.')
      : h('table', {id: 'inbox'},
        h('thead', {}, h('tr', {}, ['Mã hồ sơ', 'Thủ tục', 'Người nộp', 'Trạng thái', 'Hạn xử lý', 'Tình trạng hạn']
          .map(t => h('th', {scope: 'col'}, t)))),
        h('tbody', {}, rows)),
    h('p', {class: 'muted'}, `Giờ hiển thị theo múi giờ Việt Nam (${ZONE}).`));
}

async function renderCitizenDossiers(target) {
  target.replaceChildren(h('h2', {}, 'Hồ sơ của tôi'), h('p', {class: 'muted'}, 'Đang tải…'));
  const page = await api('/api/v1/citizen/dossiers?pageSize=50');
  const rows = page.dossiers.map(d => h('tr', {},
    h('td', {}, dossierLink(d.code)),
    h('td', {}, d.procedureName || d.procedureCode),
    h('td', {}, d.statusLabel || d.status),
    h('td', {}, time(d.receivedAt)),
    h('td', {}, time(d.dueAt))));
  target.replaceChildren(h('h2', {}, 'Hồ sơ của tôi'),
    rows.length === 0 ? h('p', {class: 'muted', id: 'citizen-empty'}, 'Bạn chưa có hồ sơ nào.')
      : h('table', {id: 'citizen-dossiers'},
        h('thead', {}, h('tr', {}, ['Mã hồ sơ', 'Thủ tục', 'Trạng thái', 'Ngày tiếp nhận', 'Hẹn trả kết quả']
          .map(t => h('th', {scope: 'col'}, t)))),
        h('tbody', {}, rows)));
}

async function downloadForm(code, kind, button) {
  button.disabled = true;
  try {
    const response = await api(`/api/v1/dossiers/${encodeURIComponent(code)}/forms/${kind}`, {raw: true});
    const blob = await response.blob();
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename="([A-Za-z0-9._-]+\.pdf)"/.exec(disposition);
    const url = URL.createObjectURL(blob);
    const link = h('a', {href: url, download: match ? match[1] : `${code}-${kind}.pdf`});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (e) {
    showMessage(e);
  } finally {
    button.disabled = false;
  }
}

function field(label, value) {
  return [h('dt', {}, label), h('dd', {}, value === null || value === undefined || value === '' ? '—' : value)];
}

async function renderDossier(target, code) {
  target.replaceChildren(h('h2', {}, `Hồ sơ ${code}`), h('p', {class: 'muted'}, 'Đang tải…'));
  const path = `/api/v1/dossiers/${encodeURIComponent(code)}`;
  const [dossier, timeline] = await Promise.all([api(path), api(`${path}/timeline`)]);
  const applicant = dossier.applicant || {};
  target.replaceChildren(
    h('p', {}, h('a', {href: '#/'}, '← Quay lại danh sách')),
    h('h2', {}, `Hồ sơ ${dossier.code}`),
    h('dl', {class: 'facts', id: 'dossier-facts'},
      field('Thủ tục', `${dossier.procedureName || ''} (${dossier.procedureCode})`),
      field('Trạng thái', dossier.statusLabel || dossier.status),
      field('Người nộp', applicant.fullName),
      field('Số định danh', applicant.citizenId),
      field('Điện thoại', applicant.phone),
      field('Địa chỉ', applicant.address),
      field('Đơn vị tiếp nhận', dossier.receivingUnitCode),
      field('Đơn vị giải quyết', dossier.competentUnitCode),
      field('Ngày tiếp nhận', time(dossier.receivedAt)),
      field('Hẹn trả kết quả', time(dossier.dueAt)),
      field('Ngày hoàn thành', dossier.finishedAt ? time(dossier.finishedAt) : null),
      field('Ghi chú', dossier.note),
      field('Mã tra cứu (in trên giấy tiếp nhận)', dossier.lookupKey)),
    h('h3', {}, 'Quá trình xử lý'),
    h('ol', {class: 'timeline', id: 'timeline'}, timeline.entries.map(e => h('li', {},
      h('span', {class: 'when'}, time(e.at)), ' ',
      h('strong', {}, e.label || e.event),
      e.actorUsername && ` — ${e.actorUsername}${e.actorUnitCode ? ` (${e.actorUnitCode})` : ''}`,
      e.reason && h('div', {class: 'muted'}, `Lý do: ${e.reason}`)))),
    h('h3', {}, 'Biểu mẫu (PDF)'),
    h('p', {class: 'muted'}, 'Chỉ tải được các mẫu đã phát sinh với hồ sơ này.'),
    h('ul', {class: 'forms'}, FORMS.map(([kind, label]) => {
      const button = h('button', {type: 'button', class: 'link', 'data-form': kind}, label);
      button.addEventListener('click', () => downloadForm(dossier.code, kind, button));
      return h('li', {}, button);
    })));
}

async function lookup(event) {
  event.preventDefault();
  clearMessage();
  const code = $('lookup-code').value.trim();
  const key = $('lookup-key').value.trim();
  const result = $('lookup-result');
  if (!CODE.test(code)) {
    result.replaceChildren(h('p', {class: 'error'}, 'Mã hồ sơ chỉ gồm chữ, số, dấu chấm và gạch ngang.'));
    return;
  }
  if (!key) {
    result.replaceChildren(h('p', {class: 'error'}, 'Hãy nhập mã tra cứu in trên giấy tiếp nhận hồ sơ.'));
    return;
  }
  result.replaceChildren(h('p', {class: 'muted'}, 'Đang tra cứu…'));
  try {
    // public route: the status of a dossier without personal data; no token needed
    // the key printed on the receipt is needed besides the code, which is sequential (ADR 0005)
    const response = await fetch(`/api/v1/public/dossiers/${encodeURIComponent(code)}/status`
      + `?lookupKey=${encodeURIComponent(key)}`,
      {headers: {Accept: 'application/json'}, credentials: 'omit'});
    if (response.status === 404) {
      // a wrong key answers like an unknown code, on purpose: say what to check, not which one was wrong
      result.replaceChildren(h('p', {class: 'error', role: 'alert'},
        'Không tìm thấy hồ sơ có mã hồ sơ và mã tra cứu này. Hãy kiểm tra lại cả hai mã trên giấy tiếp nhận.'));
      return;
    }
    if (!response.ok) {
      throw new ApiError(response.status, await response.json().catch(() => ({})));
    }
    const s = await response.json();
    result.replaceChildren(h('dl', {class: 'facts', id: 'lookup-facts'},
      field('Mã hồ sơ', s.code),
      field('Thủ tục', s.procedureName),
      field('Nơi tiếp nhận', s.receivingUnitName),
      field('Trạng thái', s.statusLabel || s.status),
      field('Ngày tiếp nhận', time(s.receivedAt)),
      field('Hẹn trả kết quả', time(s.dueAt)),
      field('Ngày hoàn thành', s.finishedAt ? time(s.finishedAt) : null)));
  } catch (e) {
    result.replaceChildren(errorBlock(e));
  }
}

/** The main area for the current hash: a dossier (#/ho-so/CODE) or the role's first screen. */
async function route() {
  const work = $('work');
  const session = oidc && oidc.session();
  if (!session) {
    work.replaceChildren(h('h2', {}, 'Đăng nhập'), h('p', {},
      'Cán bộ, công chức đăng nhập để xem hồ sơ cần xử lý; công dân đăng nhập để theo dõi hồ sơ của mình.'));
    return;
  }
  const user = userOf(session);
  const match = /^#\/ho-so\/(.+)$/.exec(location.hash);
  try {
    if (match && CODE.test(decodeURIComponent(match[1]))) {
      await renderDossier(work, decodeURIComponent(match[1]));
    } else if (user.roles.includes('citizen')) {
      await renderCitizenDossiers(work);
    } else if (user.roles.some(r => OFFICER_ROLES.includes(r))) {
      await renderInbox(work, user);
    } else {
      work.replaceChildren(h('h2', {}, 'Công việc'),
        h('p', {class: 'muted'}, 'Tài khoản chưa được cấp vai trò nào trong hệ thống Một cửa.'));
    }
  } catch (e) {
    work.replaceChildren(errorBlock(e));
  }
}

function onSession(session) {
  renderWho(session ? userOf(session) : null);
}

async function start() {
  $('lookup-form').addEventListener('submit', lookup);
  $('login').addEventListener('click', () => oidc.login().catch(showMessage));
  $('logout').addEventListener('click', () => oidc.logout());
  window.addEventListener('hashchange', () => {
    clearMessage();
    route();
  });
  let config;
  try {
    const response = await fetch('/console/config.json', {headers: {Accept: 'application/json'}});
    if (!response.ok) {
      throw new ApiError(response.status, await response.json().catch(() => ({})));
    }
    config = await response.json();
  } catch (e) {
    showMessage(e);
    return;
  }
  const redirectUri = `${location.origin}/`;
  oidc = new Oidc(config, redirectUri, {
    onChange: onSession,
    onError: e => {
      showMessage(e);
      route();
    },
  });
  try {
    await oidc.completeLogin(location.href);
  } catch (e) {
    showMessage(e);
  }
  onSession(oidc.session());
  oidc.resume();
  $('login').disabled = false;
  await route();
}

start();
