// Fees in the console (issue 11): congdan.an opens a dossier awaiting its fee, sees "Thanh toán" with the amount in
// đồng and pays online; the browser goes to the payment simulator (auto_decide=approve, set by the IT), comes back
// through the gateway's return route to the dossier page, which shows the fee paid and the receipt, downloaded as
// PDF; the dossier then leaves "awaiting financial obligation" by itself. A visitor checks the receipt with what its
// QR carries. mc.ngocson records a cash payment on another dossier ("Ghi nhận nộp phí", amount prefilled) and opens
// the reconciliation screen. ConsolePaymentJourneyIT makes both dossiers through the API first.
'use strict';

const {journey, expect, env} = require('./lib/harness.cjs');

const WAIT_MS = 60_000;
const text = async (page, selector) => ((await page.locator(selector).first().textContent()) || '').trim();

/** Reloads the dossier page until the condition on it holds (the provider's notification and the feed are async). */
async function until(session, condition, what) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    await session.page.locator('#payments-body:not([aria-busy])').waitFor();
    if (await condition()) return;
    expect(Date.now() < deadline, `still waiting for ${what}`);
    await session.page.waitForTimeout(1000);
    await session.page.reload();
    await session.page.locator('#view-title', {hasText: 'Hồ sơ'}).waitFor();
  }
}

journey('payments', async harness => {
  const payCode = env('PAY_CODE');
  const payId = env('PAY_ID');
  const cashCode = env('CASH_CODE');
  const cashId = env('CASH_ID');

  // ---- the applicant pays online --------------------------------------------------------------------------------
  const s = await harness.session('citizen');
  const p = s.page;
  await s.open();
  await s.login('congdan.an');
  await s.go(`#/ho-so/${encodeURIComponent(payCode)}`, payCode);
  const card = `#payment-${payId}`;
  await p.locator(`${card}-pay`).waitFor();
  const shown = await text(p, card);
  expect(/\d{1,3}(\.\d{3})* đ/.test(shown), `the amount in đồng with dots: '${shown}'`);
  expect(shown.includes('Chưa nộp'), `the status in words: '${shown}'`);
  expect((await text(p, '#payments-title')) === 'Thanh toán', 'the citizen panel is "Thanh toán"');
  await s.step('citizen sees the fee owed on the dossier');

  // the provider's page and the gateway's return are redirects: what loads next is the console again
  await Promise.all([p.waitForEvent('load', {timeout: WAIT_MS}), p.locator(`${card}-pay`).click()]);
  expect(p.url().startsWith(`${harness.consoleUrl}#/ho-so/`), `back on the dossier page: ${p.url()}`);
  await p.locator('#view-title', {hasText: payCode}).waitFor();
  await s.step('citizen paid at the provider and is back on the dossier');

  await until(s, async () => (await p.locator(`${card}[data-status="PAID"]`).count()) === 1, 'the fee paid');
  await p.locator(`${card}-receipt`).waitFor();
  const paid = await text(p, card);
  expect(paid.includes('Đã nộp') && paid.includes('Biên lai số'), `the paid fee and its receipt: '${paid}'`);
  const [receipt] = await Promise.all([p.waitForEvent('download'), p.locator(`${card}-receipt`).click()]);
  expect(/\.pdf$/.test(receipt.suggestedFilename()), `the receipt's file name: ${receipt.suggestedFilename()}`);
  await s.step('citizen sees the fee paid and downloads the receipt');

  await until(s, async () => !(await text(p, '#citizen-status')).includes('Chờ nộp phí'),
    'the dossier to leave awaiting payment');
  await s.step('the dossier left awaiting financial obligation by itself');

  // ---- anyone checks the receipt with what its QR carries ----------------------------------------------------------
  const check = await p.locator(`${card}-receipt-box a`).getAttribute('href');
  expect(/^#\/bien-lai\/.+\?check=.+/.test(check || ''), `the receipt check link: ${check}`);
  const visitor = await harness.session('visitor');
  await visitor.open();
  await visitor.go(check, 'Kiểm tra biên lai điện tử');
  await visitor.page.locator('#receipt-check-facts').waitFor();
  expect((await text(visitor.page, '#receipt-check-facts')).includes(payCode), 'the check names the dossier');
  await visitor.step('a visitor checks the receipt from its QR data');

  // ---- the desk records a cash payment --------------------------------------------------------------------------
  const o = await harness.session('officer');
  const q = o.page;
  await o.open();
  await o.login('mc.ngocson');
  await o.go(`#/ho-so/${encodeURIComponent(cashCode)}`, cashCode);
  const cash = `#payment-${cashId}`;
  await q.locator(`${cash}-counter summary`).click();
  const amount = await q.locator(`${cash}-counter-amount`).inputValue();
  expect(/^\d+$/.test(amount) && Number(amount) > 0, `the amount owed is prefilled: '${amount}'`);
  await q.locator(`${cash}-counter-note`).fill('Thu tiền mặt tại quầy');
  await o.step('officer fills in the counter payment');
  await q.locator(`${cash}-counter-submit`).click();
  await q.locator('#payment-done').waitFor();
  await q.locator(`${cash}[data-status="PAID"]`).waitFor();
  await q.locator(`${cash}-receipt`).waitFor();
  await o.step('officer recorded the cash payment and sees the receipt');

  await q.locator('#menu a', {hasText: 'Đối soát thanh toán'}).click();
  await q.locator('#reconciliation-summary').waitFor();
  await o.step('officer opens the reconciliation of the day');
});
