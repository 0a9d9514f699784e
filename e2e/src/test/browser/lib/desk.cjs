// Steps the officers' journeys share: opening a dossier afresh, acting on it through its action forms, the work
// list's search. Element ids are the console's (views/dossier-actions.js, views/worklist.js).
'use strict';

const {expect} = require('./harness.cjs');

/** Opens the dossier page freshly drawn (through the work list, so the same address redraws too). */
async function openDossier(s, code) {
  await s.go('#/cong-viec', 'Hồ sơ cần xử lý');
  await s.go(`#/ho-so/${encodeURIComponent(code)}`, code);
  await s.page.locator('#dossier-facts').waitFor();
  await s.page.locator('#dossier-actions').waitFor();
}

/** The action's form id (views/dossier-actions.js idOf). */
function actionId(action) {
  return /^[A-Z_]+$/.test(action) ? `act-step-${action.toLowerCase().replace(/_/g, '-')}` : `act-${action}`;
}

/** Opens an action's form (its <details>), fills fields {name: value} and sends it. */
async function act(s, action, fields = {}) {
  const id = actionId(action);
  const box = s.page.locator(`#${id}`);
  await box.waitFor({timeout: 15000}).catch(async () => {
    const offered = await s.page.locator('#dossier-actions summary').allTextContents();
    throw new Error(`action ${action} not offered; offered: ${offered.join(' | ')}`);
  });
  if (!(await box.evaluate(el => el.open))) await box.locator('summary').click();
  for (const [name, value] of Object.entries(fields)) {
    const control = s.page.locator(`#${id}-${name}`);
    const tag = await control.evaluate(el => el.tagName);
    if (tag === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
}

/** Sends the open action form and waits for the page's notice ('#action-done' or '#action-stale'). */
async function send(s, action, expectId = 'action-done') {
  await s.page.click(`#${actionId(action)}-submit`);
  await s.page.locator(`#${expectId}`).waitFor();
}

async function status(s) {
  return (await s.page.locator('#dossier-status').textContent()).trim();
}

async function expectStatus(s, label) {
  await s.page.locator('#dossier-status', {hasText: label}).waitFor();
  const shown = await status(s);
  expect(shown === label, `status '${shown}', expected '${label}'`);
}

/** Searches the work list and waits for the list to show. */
async function search(s, text) {
  await s.go('#/cong-viec', 'Hồ sơ cần xử lý');
  await s.page.locator('#inbox-search-text').fill(text);
  await s.page.locator('#inbox-search button[type="submit"]').click();
  await s.page.locator('#inbox-search-clear').waitFor();
  await s.page.locator('#inbox, #inbox-empty').first().waitFor();
  await s.page.locator('#list-summary').waitFor();
}

module.exports = {openDossier, act, send, status, expectStatus, search, actionId};
