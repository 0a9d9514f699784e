// The MotCua web console: plain ES modules served by the gateway, no framework and no build step. This file boots
// the page (config, login, menu) and hands each address (#/...) to the view that registered it.
import {loadUnitNames, unitName} from './js/api.js';
import {currentUser, login, logout, startAuth} from './js/auth.js';
import {$, h} from './js/dom.js';
import {ROLE_LABELS} from './js/labels.js';
import {dispatch} from './js/router.js';
import {errorBlock} from './js/ui.js';
import * as catalogue from './views/catalogue.js';
import * as citizen from './views/citizen.js';
import * as dossier from './views/dossier.js';
import * as dossierActions from './views/dossier-actions.js';
import * as digitization from './views/digitization.js';
import * as feedback from './views/feedback.js';
import * as lookup from './views/lookup.js';
import * as payments from './views/payments.js';
import * as reception from './views/reception.js';
import * as submit from './views/submit.js';
import * as worklist from './views/worklist.js';
import * as administration from './views/administration.js';
import * as reportDashboard from './views/report-dashboard.js';
import * as taskBoard from './views/task-board.js';
import * as tasks from './views/tasks.js';

for (const view of [lookup, worklist, reception, dossierActions, citizen, dossier, catalogue, submit, feedback,
  administration, payments, digitization, reportDashboard, tasks, taskBoard]) {
  view.register();
}

function renderWho(user) {
  $('login').hidden = Boolean(user);
  $('logout').hidden = !user;
  const who = $('who');
  if (!user) {
    who.replaceChildren(h('span', {class: 'muted'}, 'Chưa đăng nhập'));
    return;
  }
  const unit = user.unit ? h('span', {class: 'who-unit', id: 'who-unit'}, `Đơn vị: ${unitName(user.unit)}`) : null;
  // built with h(): a missing part is skipped, never printed as "null" or "undefined"
  who.replaceChildren(h('span', {class: 'who-name', id: 'who-name'}, user.name,
    user.username && user.username !== user.name ? h('span', {class: 'muted'}, ` (${user.username})`) : null),
  h('span', {class: 'who-roles', id: 'who-roles'},
    user.roles.length ? user.roles.map(r => ROLE_LABELS[r]).join(', ') : 'Không có vai trò'),
  ...(unit ? [unit] : []));
  if (user.unit && unitName(user.unit) === user.unit) {
    // the unit's name arrives with the unit list; say it once it is there
    loadUnitNames().then(() => {
      const slot = $('who-unit');
      if (slot) slot.textContent = `Đơn vị: ${unitName(user.unit)}`;
    });
  }
}

/** A problem with the page itself (config, login): shown at the top, the only message that lives there. */
function showPageMessage(error) {
  const box = $('message');
  box.replaceChildren(errorBlock(error));
  box.hidden = false;
}

async function route() {
  try {
    await dispatch(currentUser());
  } catch (e) {
    $('view').replaceChildren(errorBlock(e));
  }
}

async function start() {
  $('login').addEventListener('click', () => login().catch(showPageMessage));
  $('logout').addEventListener('click', () => logout().catch(showPageMessage));
  window.addEventListener('hashchange', () => {
    $('message').hidden = true;
    route();
  });
  // the units' names come with the first screen, so the header never shows a bare unit code
  const names = loadUnitNames();
  let config;
  try {
    const response = await fetch('/console/config.json', {headers: {Accept: 'application/json'}});
    if (!response.ok) throw new Error(`config ${response.status}`);
    config = await response.json();
  } catch (e) {
    showPageMessage(e);
    return;
  }
  // a silent token renewal changes the user object but not who is signed in: only a login or logout redraws the
  // screen, so a form being filled in survives a renewal
  let started = false;
  let shownFor = null;
  try {
    await startAuth(config, user => {
      renderWho(user);
      const who = user ? user.username : null;
      if (started && who !== shownFor) {
        shownFor = who;
        route();
      }
    });
  } catch (e) {
    showPageMessage(e);
  }
  await names;
  started = true;
  shownFor = currentUser() ? currentUser().username : null;
  renderWho(currentUser());
  $('login').disabled = false;
  await route();
}

start();
