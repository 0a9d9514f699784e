// The leader dashboard (issue 13): the district's leader opens "Báo cáo, thống kê" for the second quarter of 2026
// (the scenario ConsoleLeaderDashboardJourneyIT imports first), reads form II.06a by unit and by field, the Decision
// 766 groups with a chart each and the online payment figure against the province's target, and opens the numerator
// and then the denominator of indicator 2.1 into the exact dossiers counted.
'use strict';

const {journey, expect, env} = require('./lib/harness.cjs');

const list = name => env(name).split(',');
const cells = async locator => (await locator.allTextContents()).map(t => t.trim());

journey('leader-dashboard', async harness => {
  const period = env('PERIOD');
  const s = await harness.session('leader');
  const page = s.page;
  await s.open();
  await s.login(env('LEADER'));
  expect(await page.locator('#menu a', {hasText: 'Báo cáo, thống kê'}).count() === 1, 'the menu has the reports');

  // ---- form II.06a by unit ------------------------------------------------------------------------------------
  await s.go(`#/bao-cao?${period}&unitCode=298&grouping=UNIT`, 'Mẫu II.06a');
  await page.locator('#ii06a-table').waitFor();
  const total = await cells(page.locator('#ii06a-table tr.total td.number'));
  expect(total.slice(1).join(',') === env('TOTAL_298'), `the district's total row: ${total}`);
  const commune = page.locator('#ii06a-table tbody tr', {has: page.locator('th', {hasText: 'Xã Ngọc Sơn'})});
  const ngocSon = await cells(commune.first().locator('td.number'));
  expect(ngocSon.slice(1).join(',') === env('ROW_11077'), `Xã Ngọc Sơn's row: ${ngocSon}`);
  const headers = await cells(page.locator('#ii06a-table thead th'));
  for (const group of ['Số hồ sơ nhận giải quyết', 'Số hồ sơ đã giải quyết', 'Số hồ sơ đang giải quyết']) {
    expect(headers.includes(group), `the header "${group}": ${headers}`);
  }
  console.log(`step: ${await page.locator('#ii06a-summary').textContent()}`);
  await s.step('the leader reads form II.06a of the district for Q2 2026');

  // ---- by field ---------------------------------------------------------------------------------------------------
  await s.go(`#/bao-cao?${period}&unitCode=298&grouping=FIELD`, 'Mẫu II.06a');
  await page.locator('#ii06a-table tbody tr', {hasText: 'Chứng thực'}).waitFor();
  const fields = await cells(page.locator('#ii06a-table tbody tr:not(.total) th'));
  expect(fields.join('|') === env('FIELDS_298'), `the fields in order: ${fields}`);
  await s.step('the same quarter by field');

  // ---- Decision 766 -------------------------------------------------------------------------------------------
  await s.go(`#/bao-cao/766?${period}&unitCode=298`, 'Quyết định 766');
  await page.locator('#indicators-summary').waitFor();
  const payment = (await page.locator('#online-payment-text').textContent()).trim();
  expect(payment.includes(env('PAYMENT_TEXT')), `online payment against the target: ${payment}`);
  expect(await page.locator('#online-payment canvas').count() === 1, 'the online payment chart');
  const groups = await page.locator('section.indicator-group').count();
  const charts = await page.locator('section.indicator-group canvas').count();
  expect(groups >= 5 && charts >= 4, `a chart per group with ratios: ${groups} groups, ${charts} charts`);
  // Chart.js, served by the gateway (no CDN), has drawn every one of them
  await page.waitForFunction(() => window.Chart
    && [...document.querySelectorAll('#indicators-result canvas')].every(c => window.Chart.getChart(c)));
  await s.step('the 766 groups with their charts and online payment against the target');

  // ---- drill-down ---------------------------------------------------------------------------------------------
  await page.getByRole('link', {name: /^Tử số chỉ số 2\.1:/}).click();
  await page.locator('#view-title', {hasText: 'tử số chỉ số 2.1'}).waitFor();
  await page.locator('#drill-table tbody tr').first().waitFor();
  const codes = async () => (await cells(page.locator('#drill-table tbody tr td:first-child')))
    .map(t => t.split(' ')[0]).sort();
  const numerator = await codes();
  expect(numerator.join(',') === list('NUMERATOR_21').sort().join(','), `the numerator's dossiers: ${numerator}`);
  await s.step('the numerator of 2.1 opens into its dossiers');

  await page.click('#drill-other');
  await page.locator('#view-title', {hasText: 'mẫu số chỉ số 2.1'}).waitFor();
  await page.locator('#drill-table tbody tr').first().waitFor();
  await page.waitForFunction(n => document.querySelectorAll('#drill-table tbody tr').length === n,
    list('DENOMINATOR_21').length);
  const denominator = await codes();
  expect(denominator.join(',') === list('DENOMINATOR_21').sort().join(','),
    `the denominator's dossiers: ${denominator}`);
  await s.step('the denominator of 2.1 opens into its dossiers');
});
