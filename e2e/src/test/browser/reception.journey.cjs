// The reception desk (issue 17, "What to build" 1): mc.ngocson receives a paper dossier at the counter — procedure
// search, applicant, the component checklist — gets Form 01 at once and finds the dossier in the work list; then
// accepts one online submission and refuses another (made by congdan.an before the journey).
'use strict';

const {journey, expect, env} = require('./lib/harness.cjs');
const {openDossier, act, send, expectStatus, search} = require('./lib/desk.cjs');

journey('reception', async harness => {
  const s = await harness.session('desk');
  await s.open();
  await s.login('mc.ngocson');
  await s.page.locator('#menu a[href="#/tiep-nhan"]').click();
  await s.page.locator('#reception-form').waitFor();
  await s.step('reception form');

  // procedure search ignores diacritics: "ket hon" finds "Đăng ký kết hôn", the only match, selected at once
  await s.page.locator('#rc-procedure-search').fill('ket hon');
  await s.page.locator('#rc-checklist .rc-part').first().waitFor();
  const chosen = await s.page.locator('#rc-procedure').inputValue();
  expect(chosen === '1.000894', `the search picked '${chosen}'`);
  await s.page.locator('#rc-name').fill(env('APPLICANT'));
  await s.page.locator('#rc-citizen-id').fill('030090004321');
  await s.page.locator('#rc-phone').fill('0912000111');
  await s.page.locator('#rc-address').fill('Thôn Tây, xã Ngọc Sơn');
  await s.page.click('#rc-submit');
  await s.page.locator('#reception-form .error', {hasText: 'chưa đủ thành phần'}).waitFor();
  await s.step('checklist not complete');

  for (const box of await s.page.locator('#rc-checklist .rc-part').all()) await box.check();
  const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#rc-submit')]);
  await s.page.locator('#rc-received').waitFor();
  const file = download.suggestedFilename();
  expect(/\.pdf$/.test(file), `Form 01 downloaded as '${file}'`);
  const heading = await s.page.locator('#rc-received-title').textContent();
  const code = heading.replace('Đã tiếp nhận hồ sơ', '').trim();
  expect(code.length > 5, `no code in '${heading}'`);
  const key = (await s.page.locator('#rc-lookup-key').textContent()).trim();
  expect(/^[A-Z0-9]{8}$/.test(key), `lookup key '${key}'`);
  console.log(`step: received ${code} (lookup key ${key}), Form 01 as ${file}`);
  await s.step('received and form 01 downloaded');

  await search(s, code);
  const rows = await s.page.locator('#inbox tbody tr').count();
  const summary = await s.page.locator('#list-summary').textContent();
  expect(rows === 1 && summary.includes('Tổng số: 1'), `search by code: ${rows} row(s), '${summary}'`);
  await s.page.locator('#inbox tbody tr', {hasText: env('APPLICANT')}).waitFor();
  await s.step('the new dossier in the work list');

  // the online submissions: the status tab lists them, the dossier page offers accept / supplement / refuse
  await search(s, env('ONLINE_ACCEPT'));
  await s.page.locator('#inbox-status-tabs button[data-value="SUBMITTED"]').click();
  await s.page.locator('#inbox-status-tabs button[data-value="SUBMITTED"][aria-pressed="true"]').waitFor();
  await s.page.locator('#inbox tbody tr a', {hasText: env('ONLINE_ACCEPT')}).click();
  await s.page.locator('#dossier-actions').waitFor();
  await expectStatus(s, 'Mới đăng ký');
  for (const id of ['#act-accept', '#act-request-pre-supplement', '#act-reject']) await s.page.locator(id).waitFor();
  expect(await s.page.locator('#act-transfer').count() === 0, 'transfer offered before acceptance');
  expect(await s.page.locator('#forms-none').count() === 1, 'a form is offered before anything was issued');
  await act(s, 'accept');
  await s.step('online submission with the desk\'s actions');
  await send(s, 'accept');
  await expectStatus(s, 'Đã tiếp nhận');
  await s.page.locator('#form-receipt').waitFor();
  await s.page.locator('#act-transfer').waitFor();
  await s.step('online submission accepted');

  await openDossier(s, env('ONLINE_REFUSE'));
  await act(s, 'reject');
  await s.page.click('#act-reject-submit');
  await s.page.locator('#act-reject-reason-error', {hasText: 'Hãy nhập'}).waitFor();
  await act(s, 'reject', {reason: 'Thủ tục không thuộc thẩm quyền của Xã Ngọc Sơn.'});
  await send(s, 'reject');
  await expectStatus(s, 'Không được tiếp nhận');
  await s.page.locator('#form-refusal').waitFor();
  expect(await s.page.locator('#form-receipt').count() === 0, 'a receipt is offered for a refused dossier');
  await s.page.locator('#dossier-no-action').waitFor();
  await s.page.locator('#timeline li', {hasText: 'Thủ tục không thuộc thẩm quyền'}).waitFor();
  await s.step('online submission refused');

  // a paper dossier missing a part is sent back at the counter with Form 02 before acceptance (issue 16)
  await s.page.locator('#menu a[href="#/tiep-nhan"]').click();
  await s.page.locator('#reception-form').waitFor();
  await s.page.locator('#rc-procedure-search').fill('ket hon');
  await s.page.locator('#rc-checklist .rc-part').first().waitFor();
  await s.page.locator('#rc-name').fill(env('APPLICANT'));
  await s.page.locator('#rc-citizen-id').fill('030090004321');
  await s.page.locator('#rc-phone').fill('0912000111');
  await s.page.locator('#rc-address').fill('Thôn Tây, xã Ngọc Sơn');
  await s.page.check('#rc-outcome-request_supplement');
  await s.page.click('#rc-submit');
  await s.page.locator('#rc-reason[aria-invalid="true"]').waitFor();
  await s.page.locator('#rc-reason').fill('Thiếu Giấy xác nhận tình trạng hôn nhân của bên nữ.');
  const [form02] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#rc-submit')]);
  const sentBack = await s.page.locator('#rc-received-title').textContent();
  expect(sentBack.startsWith('Đã yêu cầu bổ sung hồ sơ'), `after a counter supplement request: '${sentBack}'`);
  expect(/supplement|\.pdf$/.test(form02.suggestedFilename()), `Form 02 downloaded as '${form02.suggestedFilename()}'`);
  await s.step('paper dossier sent back with form 02 before acceptance');
});
