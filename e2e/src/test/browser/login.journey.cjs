// Login and logout through Keycloak's own page, as a specialist: the anonymous home (lookup), Keycloak's page in
// Vietnamese, the work list after login, tokens only in this tab's sessionStorage, logout ending Keycloak's session.
'use strict';

const {journey, expect, env} = require('./lib/harness.cjs');

journey('login', async harness => {
  const s = await harness.session();
  await s.open();
  expect(await s.title() === 'Tra cứu tình trạng hồ sơ', `anonymous home is the lookup, got '${await s.title()}'`);
  await s.step('anonymous home is the lookup');

  await s.page.click('#login');
  await s.page.waitForURL(url => !url.toString().startsWith(s.consoleUrl));
  await s.page.locator('#username').waitFor();
  const lang = await s.page.locator('html').getAttribute('lang');
  await s.step('keycloak login page', {check: false});
  expect(lang === 'vi', `Keycloak's login page is in Vietnamese (html lang '${lang}')`);
  await s.page.locator('#username').fill(env('USERNAME'));
  await s.page.locator('#password').fill(env('PASSWORD'));
  await Promise.all([s.page.waitForURL(url => url.toString().startsWith(s.consoleUrl)), s.page.click('#kc-login')]);
  await s.page.locator('#who-name').waitFor();

  await s.page.locator('#who-unit', {hasText: env('EXPECT_UNIT')}).waitFor();
  const roles = await s.page.locator('#who-roles').textContent();
  const unit = await s.page.locator('#who-unit').textContent();
  console.log(`step: logged in as ${await s.page.locator('#who-name').textContent()} (${roles}, ${unit})`);
  expect(roles.includes(env('EXPECT_ROLE_LABEL')), `unexpected roles '${roles}'`);
  expect(unit.includes(env('EXPECT_UNIT')), `unexpected unit '${unit}'`);
  expect(!s.page.url().includes('code=') && !s.page.url().includes('state='),
    `the code stayed in the address bar: ${s.page.url()}`);
  await s.page.locator('#inbox, #inbox-empty').first().waitFor();
  await s.step('work list after login');
  console.log(`step: inbox shown with ${await s.page.locator('#inbox tbody tr').count()} dossier(s)`);

  const stored = await s.page.evaluate(() => ({session: Object.keys(sessionStorage), local: Object.keys(localStorage)}));
  expect(stored.session.some(k => k.startsWith('oidc.user:')) && stored.local.length === 0,
    `tokens not where they belong: ${JSON.stringify(stored)}`);

  await s.logout();
  const after = await s.page.evaluate(() => Object.keys(sessionStorage));
  expect(!after.some(k => k.startsWith('oidc.user:')), 'tokens still stored after logout');
  console.log('step: logged out');

  // Keycloak's session is gone too: logging in again shows its form instead of coming straight back
  await s.page.click('#login');
  await s.page.locator('#username').waitFor();
  console.log('step: login asks for credentials again');
});
