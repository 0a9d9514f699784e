// The defects issue 17 reported, each checked in the browser where a person would meet it:
//  1 the citizen's header never prints "undefined" or "null";
//  3 no page is wider than a 390 px phone (the harness checks every step);
//  5 no English error text, an anonymous visitor is not told about "phạm vi của bạn", a not-found page has a way back;
//  6 Keycloak's login page is in Vietnamese (login.journey.cjs);
//  7 units show by name, not code;
//  8 dates read 07/12/2026 09:35;
//  9 focus moves to the opened dossier's heading and the title changes, no table inside a live region, a lookup result
//    is announced, the deadline badges meet 4.5:1 contrast (axe's color-contrast, every step).
'use strict';

const {journey, expect, env} = require('./lib/harness.cjs');

const VIETNAMESE_DATE_TIME = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/;

journey('defects', async harness => {
  const code = env('DOSSIER_CODE');
  const key = env('LOOKUP_KEY');
  const s = await harness.session();

  // anonymous: the lookup announces its result, with Vietnamese dates
  await s.open('#/tra-cuu');
  await s.page.fill('#lookup-code', code);
  await s.page.fill('#lookup-key', key);
  await s.page.click('#lookup-form button[type=submit]');
  await s.page.locator('#lookup-facts').waitFor();
  await s.page.waitForFunction(c => document.getElementById('announcer').textContent.includes(c), code);
  const announced = await s.page.locator('#announcer').textContent();
  expect(/Hẹn trả kết quả \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/.test(announced), `lookup announced: '${announced}'`);
  const received = (await s.page.locator('#lookup-facts dd').nth(4).textContent()).trim();
  expect(VIETNAMESE_DATE_TIME.test(received), `reception date reads dd/mm/yyyy hh:mm, got '${received}'`);
  await s.step('lookup result announced (defects 8, 9)');

  // anonymous: a dossier page is not for visitors, and says so in Vietnamese with a way back
  await s.go(`#/ho-so/${encodeURIComponent(code)}`, 'Cần đăng nhập');
  let text = await s.page.locator('#view').textContent();
  expect(!text.includes('phạm vi của bạn'), `an anonymous visitor is told about their scope: '${text}'`);
  expect(await s.page.locator('#view a[href="#/"]').count() === 1, 'the page has a way back');
  await s.step('dossier page asks an anonymous visitor to log in (defect 5)');

  // an officer: the unit by name, the dossier opened from the list takes focus and the title
  await s.open('#/cong-viec');
  await s.login('mc.ngocson');
  const unit = await s.page.locator('#who-unit').textContent();
  expect(unit.includes('Xã Ngọc Sơn') && !unit.includes('11077'), `the header names the unit: '${unit}'`);
  await s.page.locator('#inbox, #inbox-empty').first().waitFor();
  const liveTables = await s.page.evaluate(() => document.querySelectorAll('[aria-live] table').length);
  expect(liveTables === 0, `${liveTables} table(s) inside a live region`);
  await s.step('work list: no table in a live region (defect 9)');

  await s.go(`#/ho-so/${encodeURIComponent(code)}`, code);
  const focused = await s.page.evaluate(() => document.activeElement && document.activeElement.id);
  expect(focused === 'view-title', `focus after opening a dossier is on '${focused}', not its heading`);
  const title = await s.page.title();
  expect(title.includes(code), `the page title names the dossier: '${title}'`);
  const facts = await s.page.locator('#dossier-facts').textContent();
  expect(facts.includes('Xã Ngọc Sơn'), `units by name on the dossier: '${facts}'`);
  const dates = await s.page.$$eval('#timeline .when', els => els.map(e => e.textContent.trim()));
  expect(dates.length > 0 && dates.every(d => VIETNAMESE_DATE_TIME.test(d)), `timeline dates: ${dates}`);
  await s.step('dossier opened: focus, title, unit names, dates (defects 7, 8, 9)');

  // a dossier that does not exist: Vietnamese, no English detail, a way back
  await s.go('#/ho-so/000.00.00.H00-000101-9999', 'Không tìm thấy hồ sơ');
  text = await s.page.locator('#view').textContent();
  expect(!/Not Found|not found|Chi tiết:/.test(text), `English or raw detail on the not-found page: '${text}'`);
  expect(await s.page.locator('#view a[href="#/"]').count() === 1, 'the not-found page has a way back');
  await s.step('unknown dossier: Vietnamese, way back (defect 5)');
  await s.logout();

  // a citizen: the header has a name and no "undefined"/"null"
  await s.login('congdan.an');
  const who = await s.page.locator('#who').textContent();
  expect(!/undefined|null/.test(who), `the citizen header reads '${who}'`);
  await s.step('citizen header (defect 1)');
});
