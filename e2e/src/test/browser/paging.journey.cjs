// Defect 2: a work list of more than 50 dossiers shows its total and "Trang sau" opens the rest. The Java side
// received 55 dossiers of one applicant at Xã Kỳ Sơn; the search narrows the desk's list to exactly them.
'use strict';

const {journey, expect, env} = require('./lib/harness.cjs');
const {search} = require('./lib/desk.cjs');

journey('paging', async harness => {
  const s = await harness.session('desk');
  await s.open();
  await s.login('mc.kyson');
  await search(s, env('APPLICANT'));
  const summary = await s.page.locator('#list-summary').textContent();
  const rows = await s.page.locator('#inbox tbody tr').count();
  expect(summary.includes('Tổng số: 55') && summary.includes('Trang 1'), `summary '${summary}'`);
  expect(rows === 50, `first page has ${rows} rows`);
  await s.step('first page with the total');

  await s.page.locator('button', {hasText: 'Trang sau'}).click();
  await s.page.locator('#list-summary', {hasText: 'Trang 2'}).waitFor();
  const rest = await s.page.locator('#inbox tbody tr').count();
  expect(rest === 5, `second page has ${rest} rows`);
  expect(await s.page.locator('button', {hasText: 'Trang sau'}).isDisabled(), 'a third page is offered');
  await s.step('second page');

  await s.page.locator('button', {hasText: 'Trang trước'}).click();
  await s.page.locator('#list-summary', {hasText: 'Trang 1'}).waitFor();
  expect(await s.page.locator('#inbox tbody tr').count() === 50, 'back on page 1 with 50 rows');
});
