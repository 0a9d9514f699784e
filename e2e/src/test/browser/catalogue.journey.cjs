// A district's TTHC controller at work (issue 17, catalogue): the publication review, a CSV import refused because of
// one bad row (shown per row, in Vietnamese), the corrected file imported, the new draft flagged by the review and
// published from it, the procedure's page with its versions, and the catalogue exported. Procedure codes carry the
// run's timestamp (shared platform).
'use strict';

const {journey, expect} = require('./lib/harness.cjs');

const HEADER = 'code,name,field,level,time_limit_amount,time_limit_unit,online_level,postal_allowed,'
  + 'boundary_free_allowed,requires_paper_result,effective_on,fees,components,receiving_units,'
  + 'financial_obligation_pauses_clock,online_fee_discount_percent';
// issue 11: a fee item's legal basis (a JSON fee cell) and the version's online fee discount. Test values, not a
// real legal instrument.
const LEGAL_BASIS = 'Căn cứ thử nghiệm số 01';
const FEES = `"[{""name"": ""Lệ phí"", ""amount"": 8000, ""legalBasis"": ""${LEGAL_BASIS}""}]"`;

function today() {
  return new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Ho_Chi_Minh'}).format(new Date());
}

function row(code, name, level, amount) {
  return [code, name, 'Hộ tịch', level, amount, 'WORKING_DAYS', 'PARTIAL', 'true', 'false', 'false', today(),
    FEES, 'Tờ khai thử nghiệm|true|1|false', '11077:11077', 'false', '20'].join(',');
}

function csv(...rows) {
  return {name: 'danh-muc-thu.csv', mimeType: 'text/csv', buffer: Buffer.from(`${[HEADER, ...rows].join('\n')}\n`)};
}

journey('catalogue', async harness => {
  const n = String(Date.now() % 1000000).padStart(6, '0');
  const code = `2.${n}`;
  const badCode = `2.${String((Number(n) + 1) % 1000000).padStart(6, '0')}`;
  const name = `Thủ tục thử nghiệm ${n}`;
  const s = await harness.session('controller');
  const page = s.page;
  // an unexpected error is shown as a generic sentence and logged as a warning: print it for the test's log
  page.on('console', m => {
    if (m.type() === 'warning') console.log(`console warning: ${m.text()}`);
  });
  await s.open();
  await s.login('ks.tuky');

  await page.locator('#view-title', {hasText: 'Quản lý danh mục thủ tục'}).waitFor();
  await page.locator('#review-result > :is(.table-wrap, .done, .error)').first().waitFor();
  expect(await page.locator('#review, #review-empty').count() === 1,
    `the review: ${await page.locator('#review-result').textContent()}`);
  await s.step('the publication review');

  // one good row, one bad: nothing is imported and the bad row's cells are named
  await page.setInputFiles('#import-file', csv(row(code, name, 'COMMUNE', '5'), row(badCode, 'Thủ tục lỗi', 'VILLAGE', 'abc')));
  await page.click('#import-button');
  const errors = page.locator('#import-errors');
  await errors.waitFor();
  const text = await errors.textContent();
  console.log(`step: import refused: ${text.replace(/\s+/g, ' ').trim()}`);
  expect(text.includes('Dòng 3') && text.includes('Cấp thực hiện'), `the bad row's level is named: ${text}`);
  expect(!text.includes('Dòng 2'), `the good row has no error: ${text}`);
  expect(!/is not|required/.test(text), `no English in the row errors: ${text}`);
  await s.step('import refused with the bad row named');

  // the corrected file
  await page.setInputFiles('#import-file', csv(row(code, name, 'COMMUNE', '5')));
  await page.click('#import-button');
  await page.locator('#import-result', {hasText: 'Đã nhập 1 thủ tục dự thảo'}).waitFor();
  await s.step('the corrected file imported');

  // the review now flags the draft: in effect today and not published
  await page.click('#review-form button[type=submit]');
  const flagged = page.locator('#review tr', {hasText: code});
  await flagged.first().waitFor();
  expect((await flagged.first().textContent()).includes('chưa công bố'), 'the draft is flagged as not published');
  await s.step('the review flags the new draft');

  // published from the review (a draft is not readable over the public procedure route)
  await flagged.first().locator('button', {hasText: 'Công bố'}).click();
  await page.locator('#pub-1-decision').waitFor();
  await s.step('publishing the draft from the review');
  await page.fill('#pub-1-decision', `${n}/QĐ-UBND`);
  await page.click('#publish-1-button');
  await page.locator('#review-done', {hasText: `Đã công bố phiên bản 1 của thủ tục ${code}`}).waitFor();
  await s.step('the version published');

  // its page: version 1, published, with the decision
  await page.locator('#review-result a', {hasText: code}).first().click();
  await page.locator('#versions tr[data-version="1"]', {hasText: 'Đã công bố'}).waitFor();
  await page.locator('#versions tr[data-version="1"]', {hasText: `${n}/QĐ-UBND`}).waitFor();
  await page.locator('#version-fees', {hasText: LEGAL_BASIS}).waitFor();
  await page.locator('#version-online-discount', {hasText: 'Giảm 20% khi nộp và thanh toán trực tuyến'}).waitFor();
  await s.step('the published procedure and its versions');

  // the public procedure page: each fee with its legal basis, and the online discount
  await s.go(`#/thu-tuc-hanh-chinh/${encodeURIComponent(code)}`, name);
  await page.locator('#procedure-fees li', {hasText: LEGAL_BASIS}).waitFor();
  await page.locator('#procedure-online-discount', {hasText: 'Giảm 20% khi nộp và thanh toán trực tuyến'}).waitFor();
  await s.step('the public page shows the legal basis and the online discount');

  // the published catalogue as CSV
  await s.go('#/quan-ly-thu-tuc', 'Quản lý danh mục thủ tục');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const exported = await file.path().then(p => require('fs').readFileSync(p, 'utf8'));
  expect(exported.includes(code), 'the export lists the newly published procedure');
  await page.locator('#export-result', {hasText: 'Đã tải về'}).waitFor();
  await s.step('the catalogue exported');
});
