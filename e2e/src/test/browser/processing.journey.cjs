// Processing (issue 17, "What to build" 2) with Xã Ngọc Sơn's demo officers, each at their own desk (session): the
// desk transfers; the leader looks at the unit's overview and assigns; the specialist appraises and asks for a
// supplement; the desk receives it; the specialist submits for approval; the leader sees it waiting and approves;
// the specialist attaches the signed electronic result (RESULT_PDF, signed by the run's trusted CA: issue 12, the
// clerk cannot issue the result before); the clerk issues the result; the desk returns it. Each action sends the
// ETag it saw; the timeline names people.
'use strict';

const fs = require('fs');
const path = require('path');
const {journey, expect, env} = require('./lib/harness.cjs');
const {openDossier, act, send, expectStatus, search} = require('./lib/desk.cjs');

journey('processing', async harness => {
  const code = env('CODE');
  const people = {};
  for (const [who, user] of [['desk', 'mc.ngocson'], ['leader', 'ld.ngocson'], ['specialist', 'cv.ngocson'],
    ['clerk', 'vt.ngocson']]) {
    people[who] = await harness.session(who);
    await people[who].open();
    await people[who].login(user);
  }
  const {desk, leader, specialist, clerk} = people;

  await openDossier(desk, code);
  await expectStatus(desk, 'Đã tiếp nhận');
  await act(desk, 'transfer');
  await send(desk, 'transfer');
  await expectStatus(desk, 'Đang xử lý');
  const line = await desk.page.locator('#timeline li', {hasText: 'Chuyển hồ sơ đến'}).textContent();
  expect(line.includes('Công chức Bộ phận Một cửa') && !line.includes('mc.ngocson'),
    `the timeline names the officer and their title: '${line}'`);
  await desk.step('desk transfers');

  await leader.go('#/cong-viec', 'Hồ sơ cần xử lý');
  await leader.page.locator('#leader-overview').waitFor();
  await leader.page.waitForFunction(() => !['…', undefined].includes(
    document.getElementById('overview-overdue-count')?.textContent));
  await leader.step('leader overview');
  await openDossier(leader, code);
  expect(await leader.page.locator('#act-step-appraise').count() === 0, 'the leader is offered the appraisal');
  await act(leader, 'ASSIGN', {target: 'cv.ngocson', note: 'Đồng chí Minh thụ lý.'});
  await send(leader, 'ASSIGN');
  await leader.step('leader assigns the specialist');

  await search(specialist, code);
  await specialist.page.locator('#inbox tbody tr a', {hasText: code}).click();
  await specialist.page.locator('#dossier-actions').waitFor();
  expect(await specialist.page.locator('#act-step-assign').count() === 0, 'the specialist is offered the assignment');
  await specialist.step('specialist finds the dossier by code');
  await act(specialist, 'APPRAISE', {note: 'Hồ sơ hợp lệ, còn thiếu bản sao giấy tờ.'});
  await send(specialist, 'APPRAISE');
  await act(specialist, 'request-supplement', {reason: 'Bổ sung bản sao Giấy xác nhận tình trạng hôn nhân.'});
  await send(specialist, 'request-supplement');
  await expectStatus(specialist, 'Yêu cầu bổ sung giấy tờ');
  await specialist.page.locator('#form-supplement-request').waitFor();
  await specialist.step('specialist asks for a supplement');

  await openDossier(desk, code);
  await act(desk, 'receive-supplement', {note: 'Người nộp đã bổ sung tại quầy.'});
  await send(desk, 'receive-supplement');
  await expectStatus(desk, 'Đang xử lý');
  await desk.step('desk receives the supplement');

  await openDossier(specialist, code);
  await act(specialist, 'SUBMIT_FOR_APPROVAL', {note: 'Dự thảo Giấy chứng nhận kết hôn.'});
  await send(specialist, 'SUBMIT_FOR_APPROVAL');
  await specialist.step('specialist submits for approval');

  await leader.go('#/cong-viec', 'Hồ sơ cần xử lý');
  await leader.page.waitForFunction(() => !['…', undefined].includes(
    document.getElementById('overview-approval-count')?.textContent));
  const waiting = Number(await leader.page.locator('#overview-approval-count').textContent());
  expect(waiting >= 1, `waiting for approval: ${waiting}`);
  await leader.page.click('#overview-approval');
  await leader.page.locator('#inbox-approval-clear').waitFor();
  await leader.page.locator('#inbox tbody tr a', {hasText: code}).waitFor();
  await leader.step('leader sees it waiting for approval');
  await openDossier(leader, code);
  await act(leader, 'APPROVE', {note: 'Đồng ý.'});
  await send(leader, 'APPROVE');
  await leader.step('leader approves');

  await openDossier(specialist, code);
  await specialist.page.locator('#digitization-body:not([aria-busy])').waitFor();
  await specialist.page.locator('#result-none').waitFor();
  const result = env('RESULT_PDF');
  await specialist.page.locator('#result-file').setInputFiles(
    {name: path.basename(result), mimeType: 'application/pdf', buffer: fs.readFileSync(result)});
  await specialist.page.locator('#result-attach').click();
  await specialist.page.locator('#result-facts').waitFor();
  const facts = (await specialist.page.locator('#result-facts').first().textContent()) || '';
  expect(facts.includes('Chữ ký số hợp lệ'), `the signature is valid: '${facts.trim()}'`);
  await specialist.step('specialist attaches the signed result');

  await openDossier(clerk, code);
  expect(await clerk.page.locator('#dossier-actions summary').count() === 1, 'the clerk is offered more than the result');
  const before = (await clerk.page.locator('#act-issue-result-before').textContent()) || '';
  expect(before.includes('Số hóa thành phần hồ sơ'), `the clerk is told to attach the signed result first: '${before}'`);
  await act(clerk, 'issue-result', {resultNote: 'Số 15/GCNKH'});
  await send(clerk, 'issue-result');
  await expectStatus(clerk, 'Đã xử lý xong');
  await clerk.step('clerk issues the result');

  await openDossier(desk, code);
  await act(desk, 'return-result', {channel: 'COUNTER'});
  await send(desk, 'return-result');
  await expectStatus(desk, 'Đã trả kết quả');
  await desk.page.locator('#dossier-no-action').waitFor();
  for (const form of ['receipt', 'control-slip', 'supplement-request']) await desk.page.locator(`#form-${form}`).waitFor();
  expect(await desk.page.locator('#form-refusal').count() === 0, 'a refusal form is offered');
  const names = await desk.page.locator('#timeline .actor-name').allTextContents();
  expect(names.every(n => !/^[a-z]+\.[a-z]+$/.test(n)), `usernames in the timeline: ${names.join(', ')}`);
  console.log(`step: timeline actors ${[...new Set(names)].join(', ')}`);
  await desk.step('desk returns the result');
});
