// The gateway's REST API as the console uses it: the signed-in user's token, problem+json turned into Vietnamese
// messages, ETag/If-Match on dossier actions and an Idempotency-Key on every write (so a retry after a lost answer
// never acts twice).
import {currentUser, refreshSession} from './auth.js';
import {fieldLabel, fieldMessage, REASONS, statusMessage} from './labels.js';

/** An answer other than 2xx, with the problem+json body when there is one; message is Vietnamese. */
export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(REASONS[problem.reason] || statusMessage(status));
    this.status = status;
    this.problem = problem;
    this.reason = problem.reason || null;
  }

  /** [{field, label, message}] in Vietnamese, from the problem's field errors. */
  get fields() {
    const errors = Array.isArray(this.problem.errors) ? this.problem.errors : [];
    return errors.map(e => ({field: e.field, label: fieldLabel(e.field), message: fieldMessage(e.message)}));
  }

  /** Someone else changed the dossier first (412 on If-Match). */
  get isStale() {
    return this.status === 412 || this.reason === 'STALE_REVISION';
  }
}

function newRequestKey() {
  return crypto.randomUUID();
}

/**
 * One call to the gateway. Returns {body, etag, response}; body is parsed JSON (null for 204 or when raw).
 * @param options.method HTTP method (GET)
 * @param options.body a value sent as JSON, or FormData or a Blob/File as is
 * @param options.contentType the Content-Type of a Blob body (default: the Blob's type)
 * @param options.ifMatch the ETag the user decided on (dossier actions)
 * @param options.idempotencyKey reuse the same key when retrying the same intent; one is made for every write
 * @param options.raw return the Response untouched (PDF, CSV)
 * @param options.anonymous send no token (public routes)
 */
export async function call(path, options = {}) {
  const {method = 'GET', body, ifMatch, raw = false, anonymous = false, accept} = options;
  const write = method !== 'GET' && method !== 'HEAD';
  const idempotencyKey = options.idempotencyKey || (write ? newRequestKey() : null);
  const send = async () => {
    const headers = {Accept: accept || (raw ? '*/*' : 'application/json')};
    const user = anonymous ? null : currentUser();
    if (user) headers.Authorization = `Bearer ${user.accessToken}`;
    if (ifMatch) headers['If-Match'] = ifMatch;
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    let payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (body instanceof Blob) {
      // a file sent as the body itself (catalogue import): its type is the request's Content-Type
      headers['Content-Type'] = options.contentType || body.type || 'application/octet-stream';
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    return fetch(path, {method, headers, body: payload, credentials: 'omit'});
  };
  let response = await send();
  if (response.status === 401 && !anonymous && currentUser()) {
    // the access token lapsed between two refreshes: renew once and repeat (same Idempotency-Key)
    await refreshSession();
    response = await send();
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem);
  }
  if (raw) return {body: null, etag: response.headers.get('ETag'), response};
  const text = response.status === 204 ? '' : await response.text();
  return {body: text ? JSON.parse(text) : null, etag: response.headers.get('ETag'), response};
}

/** GET returning the parsed body. */
export async function get(path, options = {}) {
  return (await call(path, options)).body;
}

/** POST (or another method) with a JSON body, returning {body, etag}. */
export function post(path, body, options = {}) {
  return call(path, {method: 'POST', body, ...options});
}

/** A query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Downloads a file the API returns (PDF, CSV, XLSX) under the server's file name or a fallback. */
export async function download(path, fallbackName) {
  const {response} = await call(path, {raw: true});
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="([A-Za-z0-9._-]+)"/.exec(disposition);
  return {blob, fileName: match ? match[1] : fallbackName};
}

const unitNames = new Map();
let unitsLoaded = null;

/** The units' names by code (GET /api/v1/units, fetched once per page load); the code itself when unknown. */
export async function loadUnitNames() {
  unitsLoaded ||= get('/api/v1/units')
    .then(page => page.units.forEach(u => unitNames.set(u.code, u.name)))
    .catch(() => {
      unitsLoaded = null;
    });
  await unitsLoaded;
  return unitNames;
}

export function unitName(code) {
  if (!code) return '—';
  return unitNames.get(code) || code;
}
