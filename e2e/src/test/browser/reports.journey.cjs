// A provincial report viewer (issue 17, reports): the daily receptions report for a date range, all units and then
// one commune, and its table downloaded as CSV.
'use strict';

const {journey, expect, env} = require('./lib/harness.cjs');

journey('reports', async harness => {
  const from = env('FROM');
  const to = env('TO');
  const s = await harness.session('viewer');
  const page = s.page;
  await s.open();
  await s.login('bc.haiduong');

  await page.locator('#view-title', {hasText: 'Báo cáo số hồ sơ tiếp nhận'}).waitFor();
  await page.locator('#report-summary').waitFor();
  await s.step('the report for this month');

  await page.fill('#rp-from', from);
  await page.fill('#rp-to', to);
  await page.click('#report-show');
  await page.locator('#report-days tr', {hasText: 'Xã Ngọc Sơn'}).first().waitFor();
  const summary = await page.locator('#report-summary').textContent();
  console.log(`step: ${summary}`);
  await s.step('the report for a date range');

  await page.selectOption('#rp-unit', '11077');
  await page.click('#report-show');
  await page.locator('#report-summary', {hasText: 'Xã Ngọc Sơn'}).waitFor();
  const units = await page.locator('#report-units tbody tr').allTextContents();
  expect(units.length === 1 && units[0].includes('Xã Ngọc Sơn'), `one commune: ${units}`);
  await s.step('the report for one commune');

  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#report-csv')]);
  const text = await file.path().then(p => require('fs').readFileSync(p, 'utf8'));
  expect(text.includes('Số hồ sơ tiếp nhận') && text.includes('11077'), `the CSV: ${text.slice(0, 200)}`);
  await s.step('the report downloaded as CSV');

  // the register is for desks, not for report viewers: no menu entry
  expect(await page.locator('#menu a', {hasText: 'Sổ theo dõi'}).count() === 0, 'no register for a report viewer');
});
