// A citizen's journey: an anonymous visitor browses the catalogue; congdan.an finds a procedure by search, submits
// online, sees the dossier in "Hồ sơ của tôi" and follows it; answers a supplement request an officer raised during
// processing, withdraws a dossier, meets a 412 (an officer acted first) and sees the fresh state, rates a finished
// dossier, sends feedback (PAKN) and sees it in the list; the visitor then looks the new dossier up by its code and
// lookup key. The dossiers in other states are made through the API by ConsoleCitizenJourneyIT before this runs.
'use strict';

const {journey, expect, env} = require('./lib/harness.cjs');

const text = async (page, selector) => ((await page.locator(selector).first().textContent()) || '').trim();

/** An officer's action straight on the API (the officer's token comes from the IT), as "someone else" acting first. */
async function officerActs(code, action, body) {
  const response = await fetch(`${env('CONSOLE_URL')}api/v1/dossiers/${encodeURIComponent(code)}:${action}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${env('OFFICER_TOKEN')}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'Idempotency-Key': `journey-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    },
    body: JSON.stringify(body),
  });
  expect(response.ok, `officer ${action} on ${code}: ${response.status} ${await response.text()}`);
}

journey('citizen', async harness => {
  // ---- an anonymous visitor browses the catalogue --------------------------------------------------------------
  const visitor = await harness.session('visitor');
  const v = visitor.page;
  await visitor.open();
  expect(await visitor.title() === 'Tra cứu tình trạng hồ sơ', `anonymous home: '${await visitor.title()}'`);
  await v.locator('#menu a', {hasText: 'Thủ tục hành chính'}).click();
  await v.locator('#view-title', {hasText: 'Thủ tục hành chính'}).waitFor();
  await v.locator('#procedures, #procedures-empty').first().waitFor();
  await visitor.step('anonymous visitor sees the procedure catalogue');

  await v.locator('#procedure-q').fill('khai sinh');
  await v.locator('#procedure-search button[type="submit"]').click();
  await v.locator('#procedures a', {hasText: 'Đăng ký khai sinh'}).first().waitFor();
  await visitor.step('anonymous visitor searches the catalogue');

  await v.locator('#procedures a', {hasText: /^Đăng ký khai sinh$/}).first().click();
  await v.locator('#view-title', {hasText: 'Đăng ký khai sinh'}).waitFor();
  await v.locator('#procedure-components li').first().waitFor();
  expect((await text(v, '#submit-offer')).includes('đăng nhập'), 'the visitor is told to log in to submit online');
  expect(await v.locator('#procedure-units li').count() > 0, 'the procedure page lists where to submit');
  await visitor.step('anonymous visitor reads a procedure page');

  await v.locator('#procedure-units a').first().click();
  await v.locator('#view-title', {hasText: 'Thủ tục niêm yết tại'}).waitFor();
  await visitor.step('anonymous visitor reads a unit public listing');

  // defect 5: a visitor following a dossier link is never told about "phạm vi", and has a way on
  await visitor.go('#/ho-so/000.00.00.H30-990101-9999', 'Cần đăng nhập để xem hồ sơ');
  const visitorSees = await text(v, '#view');
  expect(!visitorSees.includes('phạm vi'), `the visitor is told about 'phạm vi': ${visitorSees}`);
  expect(await v.locator('#back-link').count() === 1, 'the view for a visitor has a way on');
  await visitor.step('anonymous visitor opening a dossier link is asked to log in or look it up');

  // ---- the citizen logs in ---------------------------------------------------------------------------------------
  const s = await harness.session('citizen');
  const p = s.page;
  await s.open();
  await s.login('congdan.an');
  await p.locator('#view-title', {hasText: 'Hồ sơ của tôi'}).waitFor();
  const who = await text(p, '#who');
  expect(!/undefined|null/.test(who), `the citizen header prints '${who}'`);
  expect(who.includes('Công dân'), `the header names the role: '${who}'`);
  console.log(`step: header reads "${who}"`);
  await s.step('citizen logged in sees my dossiers');

  // ---- finds a procedure and submits online ---------------------------------------------------------------------
  await p.locator('#menu a', {hasText: 'Thủ tục hành chính'}).click();
  await p.locator('#procedure-q').waitFor();
  await p.locator('#procedure-q').fill('dang ky khai sinh');
  await p.locator('#procedure-search button[type="submit"]').click();
  await p.locator('#procedures a', {hasText: /^Đăng ký khai sinh$/}).first().click();
  await p.locator('#submit-online').waitFor();
  await s.step('citizen found the procedure by searching without diacritics');

  await p.locator('#submit-online').click();
  await p.locator('#view-title', {hasText: 'Nộp hồ sơ trực tuyến'}).waitFor();
  expect((await p.locator('#submit-name').inputValue()).includes('An'), 'the applicant name comes from the login');
  expect(await p.locator('#submit-citizen-id').inputValue() === env('CITIZEN_ID'),
    'the citizen id comes from the login');
  // no unit chosen yet: the form says so next to the field
  await p.locator('#submit-send').click();
  await p.locator('#submit-unit-error:not([hidden])').waitFor();
  await p.selectOption('#submit-unit', env('UNIT'));
  await p.locator('#submit-phone').fill('0912345678');
  await p.locator('#submit-address').fill('Thôn Đông, xã Ngọc Sơn');
  const boxes = p.locator('#submit-components input[type="checkbox"]');
  for (let i = 0; i < await boxes.count(); i += 1) await boxes.nth(i).check();
  await s.step('citizen fills in the online submission');

  await p.locator('#submit-send').click();
  await p.locator('#view-title', {hasText: 'Đã nộp hồ sơ'}).waitFor();
  const code = await text(p, '#submitted-code');
  const lookupKey = await text(p, '#submitted-lookup-key');
  expect(/^[A-Za-z0-9.-]+$/.test(code), `a dossier code: '${code}'`);
  expect(/^[A-Z0-9]{6,16}$/.test(lookupKey), `a lookup key: '${lookupKey}'`);
  console.log(`step: submitted ${code}`);
  await s.step('citizen sees the new dossier code and lookup key');

  // ---- sees it in "Hồ sơ của tôi" and follows it ----------------------------------------------------------------
  await p.locator('#menu a', {hasText: 'Hồ sơ của tôi'}).click();
  const row = p.locator(`#citizen-dossiers tr[data-code="${code}"]`);
  await row.waitFor();
  expect((await row.textContent()).includes('Đã gửi, chờ tiếp nhận'), 'the list says the state in plain words');
  await s.step('the new dossier is in my dossiers');

  await row.locator('a').click();
  await p.locator('#citizen-panel').waitFor();
  expect((await text(p, '#citizen-status')).includes('Đã gửi, chờ tiếp nhận'), 'the dossier page explains the state');
  expect((await text(p, '#citizen-appointment')).includes('khi hồ sơ được tiếp nhận'), 'no appointment before reception');
  expect(await p.locator('#withdraw-form').count() === 1, 'a submitted dossier may be withdrawn');
  expect(await p.locator('#rate-form').count() === 0, 'a submitted dossier is not rated');
  await s.step('citizen follows the dossier');

  // ---- answers a supplement request raised during processing ----------------------------------------------------
  const supplement = env('SUPPLEMENT_CODE');
  await s.go(`#/ho-so/${supplement}`, supplement);
  await p.locator('#supplement-request').waitFor();
  expect((await text(p, '#supplement-request')).includes(env('SUPPLEMENT_REASON')), 'the officer\'s request is shown');
  expect((await text(p, '#citizen-todo')).length > 0, 'the page says what is expected of the citizen');
  await s.step('citizen reads the supplement request');
  await p.locator('#supplement-note').fill('Đã bổ sung bản sao căn cước công dân.');
  await p.locator('#supplement-send').click();
  await p.locator('#citizen-done').waitFor();
  await p.locator('#dossier-status', {hasText: 'Đang xử lý'}).waitFor();
  await s.step('citizen answered the supplement request');

  // ---- asks to stop it: the applicant's request under the 2025 rules (Circular 03/2025 Art 7, issue 16) ----------
  await p.locator('#stop-form').waitFor();
  await p.locator('#stop-send').click();
  await p.locator('#stop-reason[aria-invalid="true"]').waitFor();
  await p.locator('#stop-reason').fill('Tôi không còn nhu cầu giải quyết thủ tục này.');
  await p.locator('#stop-send').click();
  // the page reloads with the fresh state (the notice of the previous action was already on the page)
  await p.locator('#dossier-status', {hasText: /dừng/i}).waitFor();
  const stopped = await text(p, '#dossier-status');
  expect(/[Dd]ừng/.test(stopped), `after the applicant's stop request the status reads '${stopped}'`);
  expect(await p.locator('#form-stop-notice, [data-form="stop-notice"]').count() === 1, 'the stop notice is offered');
  await s.step('citizen asked to stop the dossier and sees the stop notice');

  // ---- withdraws another dossier --------------------------------------------------------------------------------
  const withdraw = env('WITHDRAW_CODE');
  await s.go(`#/ho-so/${withdraw}`, withdraw);
  await p.locator('#withdraw-form').waitFor();
  await p.locator('#withdraw-reason').fill('Đã nộp nhầm thủ tục.');
  await p.locator('#withdraw-send').click();
  await p.locator('#withdraw-form .error').waitFor();
  await p.locator('#withdraw-confirm').check();
  await p.locator('#withdraw-send').click();
  await p.locator('#citizen-done').waitFor();
  await p.locator('#dossier-status', {hasText: 'Đã rút hồ sơ'}).waitFor();
  expect(await p.locator('#withdraw-form').count() === 0, 'a withdrawn dossier offers no withdrawal');
  await s.step('citizen withdrew a dossier');

  // ---- 412: an officer acts first; the citizen sees a clear message and the fresh state --------------------------
  const race = env('RACE_CODE');
  await s.go(`#/ho-so/${race}`, race);
  await p.locator('#withdraw-form').waitFor();
  await officerActs(race, 'request-pre-supplement', {reason: 'Thiếu giấy chứng sinh bản chính'});
  await p.locator('#withdraw-confirm').check();
  await p.locator('#withdraw-send').click();
  await p.locator('#citizen-stale').waitFor();
  expect((await text(p, '#citizen-stale')).includes('cập nhật trước bạn'), 'the 412 message is in Vietnamese');
  await p.locator('#dossier-status', {hasText: 'Yêu cầu bổ sung hồ sơ trước khi tiếp nhận'}).waitFor();
  expect((await text(p, '#supplement-request')).includes('Thiếu giấy chứng sinh'), 'the fresh state shows the request');
  await s.step('citizen acting on a stale dossier sees the fresh state');
  await p.locator('#supplement-send').click();
  await p.locator('#citizen-done').waitFor();
  await p.locator('#dossier-status', {hasText: 'Mới đăng ký'}).waitFor();
  await s.step('citizen resubmitted after the pre-reception supplement request');

  // ---- rates a finished dossier ---------------------------------------------------------------------------------
  const returned = env('RETURNED_CODE');
  await s.go(`#/ho-so/${returned}`, returned);
  await p.locator('#rate-form').waitFor();
  await p.selectOption('#rate-timeScore', '5');
  await p.selectOption('#rate-attitudeScore', '4');
  await p.locator('#rate-yes').check();
  await p.locator('#rate-comment').fill('Cán bộ hướng dẫn tận tình.');
  await s.step('citizen rates a finished dossier');
  await p.locator('#rate-send').click();
  await p.locator('#rate-done').waitFor();
  await s.step('citizen rated the dossier');

  // ---- defect 5 for a citizen: an unknown dossier, no "phạm vi", a way back ---------------------------------------
  await s.go('#/ho-so/000.00.00.H30-990101-9999', 'Không tìm thấy hồ sơ');
  const notFound = await text(p, '#view');
  expect(!notFound.includes('phạm vi'), `the citizen is told about 'phạm vi': ${notFound}`);
  expect(await p.locator('#back-link').count() === 1, 'the not-found view has a way back');
  await s.step('citizen opening an unknown dossier gets a way back');

  // ---- feedback (PAKN) ------------------------------------------------------------------------------------------
  const title = `Thời hạn cấp bản sao ${Date.now()}`;
  await p.locator('#menu a', {hasText: 'Phản ánh, kiến nghị'}).click();
  await p.locator('#feedback-new').click();
  await p.locator('#feedback-form').waitFor();
  await p.selectOption('#feedback-unit', env('UNIT'));
  await p.locator('#feedback-title').fill(title);
  await p.locator('#feedback-content').fill('Đề nghị rút ngắn thời hạn cấp bản sao giấy khai sinh.');
  await p.locator('#feedback-dossier').fill(code);
  await s.step('citizen writes a feedback');
  await p.locator('#feedback-send').click();
  await p.locator('#feedback-done').waitFor();
  expect((await text(p, '#feedback-state')).length > 0, 'the feedback shows its state');
  await s.step('citizen sent the feedback');
  await p.locator('#menu a', {hasText: 'Phản ánh, kiến nghị'}).click();
  await p.locator('#my-feedback a', {hasText: title}).waitFor();
  await s.step('the feedback is in my feedback list');

  // ---- the visitor looks the new dossier up (defect 9: the result is announced) ---------------------------------
  await visitor.go('#/tra-cuu', 'Tra cứu tình trạng hồ sơ');
  await v.locator('#lookup-code').fill(code);
  await v.locator('#lookup-key').fill(lookupKey);
  await v.locator('#lookup-form button[type="submit"]').click();
  await v.locator('#lookup-facts').waitFor();
  await v.waitForFunction(c => document.getElementById('announcer').textContent.includes(c), code);
  console.log(`step: announced "${await text(v, '#announcer')}"`);
  await visitor.step('anonymous visitor looks the dossier up and hears the result');

  await v.locator('#menu a', {hasText: 'Trả lời phản ánh'}).click();
  await v.locator('#published-feedback, #published-feedback-empty').first().waitFor();
  await visitor.step('anonymous visitor reads published feedback answers');
});
