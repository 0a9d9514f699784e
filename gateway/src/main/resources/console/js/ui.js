// Pieces several screens share: error blocks next to the action, badges, links to a dossier, a pager.
import {ApiError} from './api.js';
import {LoginError} from './auth.js';
import {announce, h, setFieldError} from './dom.js';
import {DEADLINES} from './labels.js';

/**
 * An error as a block to put next to what failed: our Vietnamese sentence, the fields in question and the request id
 * for support. The server's English title/detail never reaches the screen.
 */
export function errorBlock(error) {
  const known = error instanceof ApiError || error instanceof LoginError;
  const fields = error instanceof ApiError ? error.fields : [];
  const omitted = error instanceof ApiError ? error.problem.errorsOmitted : 0;
  const requestId = error instanceof ApiError ? error.problem.requestId : null;
  if (!known) {
    console.warn('unexpected error in the console', error);
  }
  return h('div', {class: 'error', role: 'alert'},
    h('p', {class: 'error-message'}, known ? error.message : 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.'),
    fields.length > 0 && h('ul', {class: 'error-fields'}, fields.map(f => h('li', {}, `${f.label}: ${f.message}`))),
    omitted > 0 && h('p', {class: 'muted'}, `và ${omitted} lỗi khác.`),
    requestId && h('p', {class: 'error-request'}, `Mã yêu cầu (khi cần hỗ trợ): ${requestId}`));
}

/**
 * Shows an error in a slot (an element near the form) and marks the form's fields the service named; fieldIds maps
 * a service field path to the id of the control that holds it.
 */
export function showErrorIn(slot, error, fieldIds = {}) {
  for (const id of Object.values(fieldIds)) setFieldError(id, null);
  if (error instanceof ApiError) {
    for (const f of error.fields) {
      const id = fieldIds[f.field];
      if (id) setFieldError(id, `${f.label}: ${f.message}`);
    }
  }
  slot.replaceChildren(errorBlock(error));
  slot.hidden = false;
}

/** A success line in a slot, announced to screen readers. */
export function showDoneIn(slot, text) {
  slot.replaceChildren(h('p', {class: 'done', role: 'status'}, text));
  slot.hidden = false;
  announce(text);
}

export function clearSlot(slot) {
  slot.replaceChildren();
  slot.hidden = true;
}

export function deadlineBadge(state) {
  const [label, css] = DEADLINES[state] || ['Không xác định', 'unknown'];
  return h('span', {class: `badge ${css}`}, label);
}

export function dossierHref(code) {
  return `#/ho-so/${encodeURIComponent(code)}`;
}

export function dossierLink(code) {
  return h('a', {href: dossierHref(code), class: 'code'}, code);
}

/**
 * A paged list: loads pages with a token, shows "Trang trước/Trang sau" and the total when the API gives one.
 * load(pageToken) returns {rows: [Node], nextPageToken, totalSize}; render(rows) returns the list's node.
 */
export function pagedList({load, render, empty, label}) {
  const box = h('div', {class: 'paged'});
  const tokens = [''];
  let index = 0;
  const show = async () => {
    box.setAttribute('aria-busy', 'true');
    try {
      const page = await load(tokens[index]);
      const total = typeof page.totalSize === 'number' ? page.totalSize : null;
      tokens[index + 1] = page.nextPageToken || null;
      const prev = h('button', {type: 'button', class: 'secondary', disabled: index === 0}, '← Trang trước');
      const next = h('button', {type: 'button', class: 'secondary', disabled: !page.nextPageToken}, 'Trang sau →');
      prev.addEventListener('click', () => {
        index -= 1;
        show();
      });
      next.addEventListener('click', () => {
        index += 1;
        show();
      });
      const summary = total === null
        ? `Trang ${index + 1}: ${page.rows.length} ${label}`
        : `Tổng số: ${total} ${label} · Trang ${index + 1}`;
      const pager = index > 0 || page.nextPageToken ? h('div', {class: 'pager'}, prev, next) : '';
      box.replaceChildren(
        h('p', {class: 'list-summary', id: 'list-summary'}, summary),
        page.rows.length === 0 ? empty : render(page.rows),
        pager);
      announce(summary);
    } catch (e) {
      box.replaceChildren(errorBlock(e));
    } finally {
      box.removeAttribute('aria-busy');
    }
  };
  box.reload = () => {
    tokens.length = 1;
    index = 0;
    return show();
  };
  show();
  return box;
}
