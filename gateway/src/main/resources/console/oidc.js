// Login with Keycloak from the browser: OpenID Connect authorization code flow with PKCE (RFC 7636, S256) for the
// public client from /console/config.json. Tokens live in this tab only (sessionStorage survives the redirect to
// Keycloak and reloads but not the tab; localStorage would share them with every tab and keep them after closing).

const PENDING_KEY = 'motcua.console.pending-login';
const SESSION_KEY = 'motcua.console.session';
// refresh this long before the access token expires, so a request never leaves with a token about to lapse
const REFRESH_MARGIN_MS = 60_000;
const MIN_REFRESH_DELAY_MS = 5_000;

/** An error whose message is meant for the person in front of the console (Vietnamese). */
export class LoginError extends Error {}

export function base64url(bytes) {
  let binary = '';
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** n random bytes as base64url: 32 bytes give the 43-character code_verifier RFC 7636 recommends. */
export function randomToken(n = 32) {
  const bytes = new Uint8Array(n);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

/** code_challenge = BASE64URL(SHA-256(ASCII(code_verifier))). */
export async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The claims of a JWT, without checking its signature (the caller decides what it may trust them for). */
export function claimsOf(jwt) {
  const part = String(jwt).split('.')[1];
  if (!part) {
    throw new LoginError('Mã thông báo (token) không đúng định dạng.');
  }
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export class Oidc {
  /**
   * @param config {keycloakUrl, realm, clientId} from /console/config.json
   * @param redirectUri where Keycloak sends the browser back (and after logout): this page
   * @param onChange called with the new session (or null) after login, refresh and logout
   * @param onError called with a LoginError when a background refresh fails (the session has ended then)
   */
  constructor(config, redirectUri, {onChange = () => {}, onError = () => {}} = {}) {
    this.issuer = `${config.keycloakUrl}/realms/${encodeURIComponent(config.realm)}`;
    const endpoints = `${this.issuer}/protocol/openid-connect`;
    this.authorizeUrl = `${endpoints}/auth`;
    this.tokenUrl = `${endpoints}/token`;
    this.logoutUrl = `${endpoints}/logout`;
    this.clientId = config.clientId;
    this.redirectUri = redirectUri;
    this.onChange = onChange;
    this.onError = onError;
    this.timer = null;
    this.current = readJson(SESSION_KEY);
    if (this.current && this.current.refreshExpiresAt && this.current.refreshExpiresAt <= Date.now()) {
      this.clear();
    }
  }

  /** The signed-in session {accessToken, refreshToken, idToken, expiresAt, ...} or null. */
  session() {
    return this.current;
  }

  /** Sends the browser to Keycloak's login page; it comes back to redirectUri with ?code&state. */
  async login() {
    if (!window.isSecureContext || !crypto.subtle) {
      throw new LoginError('Trình duyệt chỉ cho phép đăng nhập an toàn qua https hoặc địa chỉ localhost.');
    }
    const pending = {verifier: randomToken(32), state: randomToken(16), nonce: randomToken(16),
      returnTo: location.hash || ''};
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    const url = new URL(this.authorizeUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.clientId,
      redirect_uri: this.redirectUri,
      scope: 'openid',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await challengeOf(pending.verifier),
      code_challenge_method: 'S256',
    }).toString();
    location.assign(url.toString());
  }

  /**
   * Finishes a login when this page was opened by Keycloak's redirect: checks state, exchanges the code with the
   * verifier, checks the ID token's issuer, audience, expiry and nonce. Returns the hash to go back to, or null when
   * the URL carries no login answer. Removes code and state from the address bar either way.
   */
  async completeLogin(currentUrl) {
    const url = new URL(currentUrl);
    const params = url.searchParams;
    if (!params.has('code') && !params.has('error')) {
      return null;
    }
    const pending = readJson(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    history.replaceState(null, '', url.pathname + (pending && pending.returnTo ? pending.returnTo : ''));
    // RFC 9207: the answer names the server that issued the code; another one's code must not reach our token endpoint
    if (params.has('iss') && params.get('iss') !== this.issuer) {
      throw new LoginError('Phản hồi đăng nhập đến từ một máy chủ đăng nhập khác. Vui lòng đăng nhập lại.');
    }
    if (params.has('error')) {
      throw new LoginError(`Keycloak từ chối đăng nhập: ${params.get('error_description') || params.get('error')}.`);
    }
    // a code we did not ask for (or asked for in another tab) must not be redeemed: it may be an attacker's
    if (!pending || !params.get('state') || params.get('state') !== pending.state) {
      throw new LoginError('Phản hồi đăng nhập không khớp với yêu cầu (state). Vui lòng đăng nhập lại.');
    }
    const tokens = await this.tokenRequest({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: this.redirectUri,
      client_id: this.clientId,
      code_verifier: pending.verifier,
    });
    this.checkIdToken(tokens.id_token, pending.nonce);
    this.store(tokens);
    return pending.returnTo || '';
  }

  /**
   * The ID token came straight from the token endpoint over our own request, so (OIDC Core 3.1.3.7) its claims
   * are checked without verifying the signature; the gateway verifies the access token's signature on every call.
   */
  checkIdToken(idToken, nonce) {
    if (!idToken) {
      throw new LoginError('Keycloak không trả về ID token.');
    }
    const claims = claimsOf(idToken);
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (claims.iss !== this.issuer || !audiences.includes(this.clientId)) {
      throw new LoginError('ID token không do máy chủ đăng nhập đã cấu hình cấp cho bảng điều khiển này.');
    }
    if (claims.nonce !== nonce) {
      throw new LoginError('ID token không khớp với yêu cầu đăng nhập (nonce). Vui lòng đăng nhập lại.');
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) {
      throw new LoginError('ID token đã hết hạn. Kiểm tra đồng hồ của máy tính rồi đăng nhập lại.');
    }
  }

  /** Replaces the tokens with fresh ones from the refresh token; on failure the session ends. */
  async refresh() {
    const session = this.current;
    if (!session || !session.refreshToken) {
      return null;
    }
    try {
      const tokens = await this.tokenRequest({
        grant_type: 'refresh_token',
        refresh_token: session.refreshToken,
        client_id: this.clientId,
      });
      this.store({id_token: session.idToken, ...tokens});
      return this.current;
    } catch (e) {
      this.clear();
      throw new LoginError('Phiên đăng nhập đã hết hạn hoặc đã bị đăng xuất. Vui lòng đăng nhập lại.');
    }
  }

  /** Forgets the tokens here, then ends the Keycloak session, which sends the browser back to redirectUri. */
  logout() {
    const idToken = this.current && this.current.idToken;
    this.clear();
    const url = new URL(this.logoutUrl);
    const query = {client_id: this.clientId, post_logout_redirect_uri: this.redirectUri};
    if (idToken) {
      query.id_token_hint = idToken;
    }
    url.search = new URLSearchParams(query).toString();
    location.assign(url.toString());
  }

  clear() {
    clearTimeout(this.timer);
    this.current = null;
    sessionStorage.removeItem(SESSION_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    this.onChange(null);
  }

  /** Starts the refresh timer for a session restored from sessionStorage. */
  resume() {
    if (this.current) {
      this.schedule();
    }
  }

  async tokenRequest(form) {
    let response;
    try {
      response = await fetch(this.tokenUrl, {
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
        body: new URLSearchParams(form),
        credentials: 'omit',
      });
    } catch (e) {
      throw new LoginError('Không kết nối được máy chủ đăng nhập (Keycloak).');
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok || !body.access_token) {
      throw new LoginError(`Máy chủ đăng nhập từ chối cấp mã thông báo: ${body.error_description || body.error
        || response.status}.`);
    }
    return body;
  }

  store(tokens) {
    const now = Date.now();
    this.current = {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token || null,
      idToken: tokens.id_token || null,
      expiresAt: now + (Number(tokens.expires_in) || 60) * 1000,
      refreshExpiresAt: tokens.refresh_expires_in ? now + Number(tokens.refresh_expires_in) * 1000 : null,
    };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(this.current));
    this.schedule();
    this.onChange(this.current);
  }

  schedule() {
    clearTimeout(this.timer);
    if (!this.current.refreshToken) {
      return;
    }
    const delay = Math.max(MIN_REFRESH_DELAY_MS, this.current.expiresAt - Date.now() - REFRESH_MARGIN_MS);
    this.timer = setTimeout(() => this.refresh().catch(e => this.onError(e)), delay);
  }
}

function readJson(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key) || 'null');
  } catch (e) {
    sessionStorage.removeItem(key);
    return null;
  }
}
