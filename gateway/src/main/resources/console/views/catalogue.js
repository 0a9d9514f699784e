// The public procedure catalogue (also without login): search, one procedure's page (documents, fees, time limit,
// where to submit) and a unit's public listing (niêm yết). A citizen goes on from a procedure's page to submit online.
import {get, loadUnitNames, query, unitName} from '../js/api.js';
import {decode, fact, field, h, showLoading, showView, table} from '../js/dom.js';
import {date, money} from '../js/format.js';
import {addMenu, addRoute} from '../js/router.js';
import {FEE_LABELS, onlineDiscountText} from '../js/labels.js';
import {errorBlock, pagedList} from '../js/ui.js';

const PAGE_SIZE = 20;
const CODE = /^[A-Za-z0-9.-]{1,64}$/;

export const CATALOGUE = '#/thu-tuc-hanh-chinh';

export const LEVELS = {PROVINCE: 'Cấp tỉnh', DISTRICT: 'Cấp huyện', COMMUNE: 'Cấp xã'};
export const ONLINE_LEVELS = {
  NONE: 'Không cung cấp trực tuyến',
  PARTIAL: 'Dịch vụ công trực tuyến một phần',
  FULL: 'Dịch vụ công trực tuyến toàn trình',
};
const TIME_UNITS = {
  WORKING_DAYS: 'ngày làm việc',
  WORKING_HOURS: 'giờ làm việc',
  CALENDAR_DAYS: 'ngày',
  MONTHS: 'tháng',
};

export function procedureHref(code) {
  return `${CATALOGUE}/${encodeURIComponent(code)}`;
}

export function timeLimitText(limit) {
  if (!limit) return '—';
  return `${limit.amount} ${TIME_UNITS[limit.unit] || ''}`.trim();
}

export function offeredOnline(procedure) {
  return Boolean(procedure) && (procedure.onlineLevel === 'FULL' || procedure.onlineLevel === 'PARTIAL');
}

export function register() {
  addMenu(CATALOGUE, 'Thủ tục hành chính', {anonymous: true, order: 20});
  addRoute(/^\/thu-tuc-hanh-chinh$/, () => renderSearch(new URLSearchParams()), {anonymous: true});
  addRoute(/^\/thu-tuc-hanh-chinh\?(.*)$/, match => renderSearch(new URLSearchParams(match[1])), {anonymous: true});
  addRoute(/^\/thu-tuc-hanh-chinh\/([^/?]+)$/, (match, user) => renderProcedure(decode(match[1]), user),
    {anonymous: true});
  addRoute(/^\/niem-yet\/([^/?]+)$/, match => renderListing(decode(match[1])), {anonymous: true});
}

async function renderSearch(params) {
  const names = await loadUnitNames();
  const q = (params.get('q') || '').slice(0, 200);
  const unitCode = params.get('unitCode') || '';
  const qInput = h('input', {name: 'q', type: 'search', maxlength: '200', value: q,
    placeholder: 'Ví dụ: khai sinh'});
  const unitSelect = h('select', {name: 'unitCode'},
    h('option', {value: ''}, 'Tất cả đơn vị'),
    [...names.entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'))
      .map(([code, name]) => h('option', {value: code, selected: code === unitCode}, name)));
  const form = h('form', {id: 'procedure-search', class: 'search-form', role: 'search'},
    field('procedure-q', 'Tên thủ tục hoặc mã thủ tục', qInput,
      {hint: 'Có thể gõ không dấu, ví dụ "dang ky khai sinh".'}),
    field('procedure-unit', 'Nơi tiếp nhận', unitSelect),
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Tìm kiếm')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `${CATALOGUE}${query({q: qInput.value.trim(), unitCode: unitSelect.value})}`;
  });
  const list = pagedList({
    label: 'thủ tục',
    load: async pageToken => {
      const page = await get(`/api/v1/public/procedures${query({q, unitCode, pageSize: PAGE_SIZE, pageToken})}`,
        {anonymous: true});
      return {rows: page.procedures, nextPageToken: page.nextPageToken};
    },
    render: procedures => table('procedures', ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Thời hạn', 'Trực tuyến'],
      procedures.map(p => h('tr', {},
        h('td', {class: 'nowrap'}, p.code),
        h('td', {}, h('a', {href: procedureHref(p.code), class: 'procedure-link'}, p.name)),
        h('td', {}, p.field),
        h('td', {}, timeLimitText(p.timeLimit)),
        h('td', {}, ONLINE_LEVELS[p.onlineLevel] || '—'))),
      {caption: q ? `Thủ tục tìm được cho "${q}"` : 'Thủ tục hành chính đang công bố'}),
    empty: h('p', {class: 'muted', id: 'procedures-empty'},
      'Không tìm thấy thủ tục nào. Hãy thử từ khóa ngắn hơn hoặc chọn "Tất cả đơn vị".'),
  });
  showView('Thủ tục hành chính',
    h('p', {class: 'muted'}, 'Tra cứu thủ tục hành chính đang được công bố: thành phần hồ sơ, phí, lệ phí, thời hạn '
      + 'giải quyết và nơi nộp hồ sơ.'),
    form, list);
}

async function renderProcedure(code, user) {
  if (!CODE.test(code)) {
    notFound(code);
    return;
  }
  showLoading(`Thủ tục ${code}`);
  let version;
  try {
    version = await loadProcedure(code);
  } catch (e) {
    if (e.status === 404) {
      notFound(code);
    } else {
      showView(`Thủ tục ${code}`, errorBlock(e), backToCatalogue());
    }
    return;
  }
  const p = version.procedure || {};
  const units = version.receivingUnits || [];
  const online = offeredOnline(p);
  const citizen = user && user.roles.includes('citizen');
  let submit;
  if (!online) {
    submit = h('p', {class: 'muted', id: 'submit-offer'},
      'Thủ tục này chưa nhận hồ sơ trực tuyến: hãy nộp trực tiếp tại Bộ phận Một cửa'
      + (p.postalAllowed ? ' hoặc qua dịch vụ bưu chính công ích.' : '.'));
  } else if (citizen) {
    submit = h('p', {id: 'submit-offer'},
      h('a', {href: `#/nop-ho-so/${encodeURIComponent(p.code)}`, class: 'button', id: 'submit-online'},
        'Nộp hồ sơ trực tuyến'));
  } else if (!user) {
    submit = h('p', {class: 'muted', id: 'submit-offer'},
      'Thủ tục này nhận hồ sơ trực tuyến. Hãy đăng nhập bằng tài khoản công dân để nộp hồ sơ.');
  }
  showView(p.name || `Thủ tục ${code}`,
    backToCatalogue(),
    h('dl', {class: 'facts', id: 'procedure-facts'},
      fact('Mã thủ tục', p.code),
      fact('Lĩnh vực', p.field),
      fact('Cấp thực hiện', LEVELS[p.level]),
      fact('Thời hạn giải quyết', timeLimitText(p.timeLimit)),
      fact('Mức độ trực tuyến', ONLINE_LEVELS[p.onlineLevel]),
      fact('Qua bưu chính công ích', p.postalAllowed ? 'Có' : 'Không'),
      fact('Không phụ thuộc địa giới hành chính', p.boundaryFreeAllowed ? 'Có' : 'Không'),
      fact('Kết quả bản giấy', version.requiresPaperResult ? 'Có' : 'Không'),
      fact('Quyết định công bố', version.publicationDecision
        ? `${version.publicationDecision}${version.publishedOn ? `, ngày ${date(version.publishedOn)}` : ''}` : null),
      fact('Có hiệu lực từ', version.effectiveOn ? date(version.effectiveOn) : null)),
    submit,
    h('h2', {}, 'Thành phần hồ sơ'),
    (p.components || []).length === 0
      ? h('p', {class: 'muted'}, 'Không có thành phần hồ sơ được công bố.')
      : h('ol', {class: 'components', id: 'procedure-components'}, p.components.map(c => h('li', {},
        c.name, h('span', {class: 'muted'}, ` — ${componentNote(c)}`)))),
    h('h2', {}, 'Phí, lệ phí'),
    (p.fees || []).length === 0
      ? h('p', {class: 'muted'}, 'Không thu phí, lệ phí.')
      : h('ul', {id: 'procedure-fees'}, p.fees.map(f => h('li', {}, `${f.name}: ${money(f.amount)}`,
        f.legalBasis ? h('span', {class: 'muted legal-basis'}, ` — ${FEE_LABELS.legalBasis}: ${f.legalBasis}`) : null))),
    (p.fees || []).some(f => f.amount > 0) && onlineDiscountText(p.onlineFeeDiscountPercent)
      ? h('p', {id: 'procedure-online-discount'}, onlineDiscountText(p.onlineFeeDiscountPercent) + '.') : null,
    h('h2', {}, 'Nơi tiếp nhận hồ sơ'),
    units.length === 0
      ? h('p', {class: 'muted'}, 'Chưa có đơn vị tiếp nhận được công bố.')
      : h('ul', {class: 'receiving-units', id: 'procedure-units'}, units.map(u => h('li', {},
        h('a', {href: `#/niem-yet/${encodeURIComponent(u.unitCode)}`}, unitName(u.unitCode)),
        u.competentUnitCode && u.competentUnitCode !== u.unitCode
          ? h('span', {class: 'muted'}, ` — cơ quan giải quyết: ${unitName(u.competentUnitCode)}`) : null))));
}

/** The current published version of a procedure (GET /api/v1/public/procedures/{code}), with the units' names. */
export async function loadProcedure(code) {
  const [version] = await Promise.all([get(`/api/v1/public/procedures/${encodeURIComponent(code)}`,
    {anonymous: true}), loadUnitNames()]);
  return version;
}

export function componentNote(c) {
  const parts = [`${c.quantity || 1} bộ`];
  if (c.presentOnly) parts.push('xuất trình bản chính để đối chiếu');
  else if (c.originalRequired) parts.push('bản chính');
  else parts.push('bản sao');
  return parts.join(', ');
}

async function renderListing(unitCode) {
  if (!CODE.test(unitCode)) {
    notFound(unitCode);
    return;
  }
  showLoading('Danh mục thủ tục niêm yết');
  let listing;
  try {
    [listing] = await Promise.all([get(`/api/v1/public/units/${encodeURIComponent(unitCode)}/listing`,
      {anonymous: true}), loadUnitNames()]);
  } catch (e) {
    showView('Danh mục thủ tục niêm yết', e.status === 404
      ? h('p', {}, 'Không tìm thấy đơn vị này.') : errorBlock(e), backToCatalogue());
    return;
  }
  const name = listing.unit ? listing.unit.name : unitName(unitCode);
  const section = (id, heading, procedures) => [h('h2', {}, heading),
    procedures.length === 0 ? h('p', {class: 'muted'}, 'Không có thủ tục nào.')
      : h('ul', {id}, procedures.map(p => h('li', {},
        h('a', {href: procedureHref(p.code)}, p.name), h('span', {class: 'muted'}, ` (${p.code})`))))];
  showView(`Thủ tục niêm yết tại ${name}`,
    backToCatalogue(),
    section('listing-desk', 'Tiếp nhận tại Bộ phận Một cửa', listing.atDesk || []),
    section('listing-post', 'Tiếp nhận qua dịch vụ bưu chính công ích', listing.byPost || []),
    section('listing-boundary-free', 'Tiếp nhận không phụ thuộc địa giới hành chính', listing.boundaryFree || []));
}

function notFound(code) {
  showView('Không tìm thấy thủ tục',
    h('p', {}, `Không tìm thấy thủ tục ${code} trong danh mục đang công bố.`), backToCatalogue());
}

function backToCatalogue() {
  return h('p', {}, h('a', {href: CATALOGUE}, '← Danh mục thủ tục hành chính'));
}
