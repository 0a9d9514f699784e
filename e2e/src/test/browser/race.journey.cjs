// The 412 race (issue 17, "Done when"): two sessions of the desk open one received dossier; the first transfers it;
// the second's transfer carries the ETag it saw, is refused, and its screen says so in Vietnamese with the fresh
// state (status "Đang xử lý", transfer no longer offered).
'use strict';

const {journey, expect, env} = require('./lib/harness.cjs');
const {openDossier, act, send, expectStatus} = require('./lib/desk.cjs');

journey('race', async harness => {
  const code = env('CODE');
  const first = await harness.session('desk-1');
  const second = await harness.session('desk-2');
  for (const s of [first, second]) {
    await s.open();
    await s.login('mc.ngocson');
    await openDossier(s, code);
    await expectStatus(s, 'Đã tiếp nhận');
    await act(s, 'transfer');
  }
  await second.step('both sessions see the received dossier');

  await send(first, 'transfer');
  await expectStatus(first, 'Đang xử lý');
  await first.step('first session transferred');

  await send(second, 'transfer', 'action-stale');
  const message = await second.page.locator('#action-stale').textContent();
  expect(message.includes('người khác cập nhật trước bạn'), `message '${message}'`);
  await expectStatus(second, 'Đang xử lý');
  expect(await second.page.locator('#act-transfer').count() === 0, 'transfer still offered on the fresh state');
  const transfers = await second.page.locator('#timeline li', {hasText: 'Chuyển hồ sơ đến'}).count();
  expect(transfers === 1, `the timeline shows ${transfers} transfer(s)`);
  await second.step('second session told someone acted first');
});
