// Login with Keycloak: OpenID Connect authorization code + PKCE through oidc-client-ts (a maintained, certified
// client; vendor/oidc-client-ts.min.js, refreshed by scripts/vendor-console-libs), not hand-written protocol code.
// Tokens live in this tab's sessionStorage: they survive the redirect to Keycloak and reloads, not the tab.
import {ROLE_LABELS} from './labels.js';

const {UserManager, WebStorageStateStore} = window.oidc;

let manager = null;
let user = null;
let listener = () => {};

/** An error whose message is meant for the person in front of the console (Vietnamese). */
export class LoginError extends Error {}

/** The page Keycloak sends the browser back to: this console's root on whatever origin and port serves it. */
function homeUri() {
  return `${location.origin}/`;
}

/**
 * Sets up login from /console/config.json and finishes a login when Keycloak has just redirected back.
 * @param onChange called with the signed-in user (or null) after login, renewal and logout
 */
export async function startAuth(config, onChange) {
  listener = onChange;
  manager = new UserManager({
    authority: `${config.keycloakUrl}/realms/${encodeURIComponent(config.realm)}`,
    client_id: config.clientId,
    redirect_uri: homeUri(),
    post_logout_redirect_uri: homeUri(),
    response_type: 'code',
    scope: 'openid',
    // Keycloak's login page in Vietnamese whatever the browser's language (the realm's default locale too)
    extraQueryParams: {ui_locales: 'vi'},
    userStore: new WebStorageStateStore({store: window.sessionStorage}),
    stateStore: new WebStorageStateStore({store: window.sessionStorage}),
    automaticSilentRenew: true,
    includeIdTokenInSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
  });
  manager.events.addUserLoaded(u => setUser(u));
  manager.events.addUserUnloaded(() => setUser(null));
  manager.events.addSilentRenewError(() => {
    // the refresh token is gone (session ended in Keycloak, or idle too long): sign out locally
    manager.removeUser();
  });

  const params = new URLSearchParams(location.search);
  if (params.has('state') && (params.has('code') || params.has('error'))) {
    let back = location.hash;
    try {
      const signedIn = await manager.signinRedirectCallback();
      if (signedIn.state && typeof signedIn.state.hash === 'string' && signedIn.state.hash.startsWith('#/')) {
        back = signedIn.state.hash;
      }
    } catch (e) {
      throw new LoginError('Đăng nhập không thành công. Vui lòng thử lại.');
    } finally {
      // the code and state never stay in the address bar (nor in history)
      history.replaceState(history.state, '', `${location.pathname}${back}`);
    }
  }
  const stored = await manager.getUser();
  setUser(stored && !stored.expired ? stored : null);
  if (stored && stored.expired) {
    await refreshSession().catch(() => manager.removeUser());
  }
}

function setUser(oidcUser) {
  user = oidcUser ? userOf(oidcUser) : null;
  listener(user);
}

/** The signed-in user: name, roles, unit or citizen id and the access token; null when nobody is. */
export function currentUser() {
  return user;
}

export function login() {
  // come back to the same screen after login
  return manager.signinRedirect({state: {hash: location.hash}});
}

export async function logout() {
  const idToken = user && user.idToken;
  await manager.removeUser();
  await manager.signoutRedirect({id_token_hint: idToken || undefined});
}

/** Renews the access token now (after a 401); signs out locally when that fails. */
export async function refreshSession() {
  try {
    await manager.signinSilent();
  } catch (e) {
    await manager.removeUser();
    throw new LoginError('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
  }
}

function userOf(oidcUser) {
  const claims = claimsOf(oidcUser.access_token);
  const roles = ((claims.realm_access && claims.realm_access.roles) || []).filter(r => r in ROLE_LABELS);
  // Vietnamese order, family name first (Keycloak's name claim puts the given name first)
  const name = [claims.family_name, claims.given_name].filter(Boolean).join(' ') || claims.name
    || claims.preferred_username;
  return {
    name,
    username: claims.preferred_username,
    roles,
    unit: claims.unit_code || null,
    citizenId: claims.citizen_id || null,
    accessToken: oidcUser.access_token,
    idToken: oidcUser.id_token,
    hasRole: role => roles.includes(role),
    hasAnyRole: list => list.some(r => roles.includes(r)),
  };
}

/** The claims of a JWT without checking its signature: only for what to show; the gateway checks the token. */
function claimsOf(jwt) {
  const part = String(jwt).split('.')[1] || '';
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, c => c.charCodeAt(0))));
}
