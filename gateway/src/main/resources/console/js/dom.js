// DOM helpers for the console. Every value from the API goes in as text (h() makes text nodes), never as HTML.
// Native replaceChildren/append turn null into the text "null": build children with h() or filter them first.

export const $ = id => document.getElementById(id);

/** A DOM element; strings among the children become text nodes, null/false/undefined children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'value' && 'value' in el) {
      el.value = value ?? '';
    } else if (value !== null && value !== undefined && value !== false) {
      el.setAttribute(name, value === true ? '' : value);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false && child !== '') {
      el.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Says something to screen readers without moving focus (one polite live region for the whole page). */
export function announce(text) {
  const region = $('announcer');
  region.textContent = '';
  // a fresh text node after a tick is read even when the same sentence comes twice
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}

/**
 * Puts a view in the main area: sets the page title, replaces the content and moves focus to the view's heading,
 * so keyboard and screen-reader users land on what just opened (WCAG 2.4.3).
 */
export function showView(title, ...children) {
  document.title = `${title} — Một cửa điện tử`;
  const view = $('view');
  view.replaceChildren(h('h1', {id: 'view-title', tabindex: '-1'}, title), ...children.flat(Infinity).filter(Boolean));
  $('view-title').focus({preventScroll: false});
}

/** A "loading" placeholder that keeps the title and heading. */
export function showLoading(title) {
  showView(title, h('p', {class: 'muted', role: 'status'}, 'Đang tải…'));
}

/** A labelled form field: label, control, hint and an error slot wired with aria-describedby. */
export function field(id, label, control, {hint, required} = {}) {
  control.id = id;
  if (required) {
    control.required = true;
  }
  const hintEl = hint ? h('span', {class: 'hint', id: `${id}-hint`}, hint) : null;
  const errorEl = h('span', {class: 'field-error', id: `${id}-error`, hidden: true});
  control.setAttribute('aria-describedby', [hintEl && hintEl.id, errorEl.id].filter(Boolean).join(' '));
  return h('div', {class: 'field'},
    h('label', {for: id}, label, required ? h('span', {class: 'required', 'aria-hidden': 'true'}, ' *') : null),
    control, hintEl, errorEl);
}

/** Marks the control with id as invalid with a Vietnamese sentence, or clears it when message is null. */
export function setFieldError(id, message) {
  const control = $(id);
  const slot = $(`${id}-error`);
  if (!control || !slot) {
    return false;
  }
  if (message) {
    control.setAttribute('aria-invalid', 'true');
    slot.textContent = message;
    slot.hidden = false;
  } else {
    control.removeAttribute('aria-invalid');
    slot.textContent = '';
    slot.hidden = true;
  }
  return true;
}

/** The values of a form's named controls as a plain object (trimmed strings; checkboxes as booleans). */
export function formValues(form) {
  const values = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') {
      if (el.value && el.value !== 'on') {
        (values[el.name] ||= []);
        if (el.checked) values[el.name].push(el.value);
      } else {
        values[el.name] = el.checked;
      }
    } else if (el.type === 'radio') {
      if (el.checked) values[el.name] = el.value;
    } else {
      values[el.name] = typeof el.value === 'string' ? el.value.trim() : el.value;
    }
  }
  return values;
}

/** A table that stays inside a phone's width: it scrolls on its own instead of widening the page. */
export function table(id, headers, rows, {caption} = {}) {
  // on a phone each row shows as a card whose cells name their column (style.css, table.cards)
  for (const row of rows) {
    [...row.children].forEach((cell, i) => {
      if (headers[i] && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', headers[i]);
    });
  }
  return h('div', {class: 'table-wrap', role: 'region', 'aria-labelledby': `${id}-caption`, tabindex: '0'},
    h('table', {id, class: 'cards'},
      h('caption', {id: `${id}-caption`, class: caption ? null : 'visually-hidden'}, caption || 'Danh sách'),
      h('thead', {}, h('tr', {}, headers.map(t => h('th', {scope: 'col'}, t)))),
      h('tbody', {}, rows)));
}

/** Starts a download of a Blob under a file name. */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = h('a', {href: url, download: fileName, hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A term and its value in a <dl class="facts">; an absent value reads "—". */
export function fact(label, value) {
  return [h('dt', {}, label), h('dd', {}, value === null || value === undefined || value === '' ? '—' : value)];
}

/** decodeURIComponent that answers '' for a malformed escape in an address someone typed or pasted. */
export function decode(part) {
  try {
    return decodeURIComponent(part);
  } catch (e) {
    return '';
  }
}
