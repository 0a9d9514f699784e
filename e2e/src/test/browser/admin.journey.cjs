// A district's unit administrator at work (issue 17, administration): the units of the district, a new commune with
// its own reception sessions and a new name, a day off in its calendar, a new officer account given a second role and
// then disabled, and the new commune closed, each destructive step after a clear question. Everything created carries
// the run's timestamp: the platform is shared by every e2e test of the run.
'use strict';

const {journey, expect} = require('./lib/harness.cjs');

journey('admin', async harness => {
  const stamp = Date.now().toString(36);
  const unitCode = `E2E${stamp}`.toUpperCase().slice(0, 32);
  const unitName = `Xã Thử Nghiệm ${stamp}`;
  const renamed = `Xã Thử Nghiệm Mới ${stamp}`;
  const username = `e2e.cb${stamp}`;
  const s = await harness.session('admin');
  const page = s.page;
  await s.open();
  await s.login('admin.tuky');

  // the administrator's home: the units of the district
  await page.locator('#view-title', {hasText: 'Quản lý đơn vị'}).waitFor();
  await page.locator('#units tr[data-code="298"]').waitFor();
  await page.locator('#units tr[data-code="11077"]').waitFor();
  expect(await page.locator('#menu a', {hasText: 'Tài khoản cán bộ'}).count() === 1, 'the accounts menu entry');
  await s.step('units of the district');

  // a new commune below the district
  await page.fill('#uc-code', unitCode);
  await page.fill('#uc-agency', `000.99.${Date.now() % 100000}.H30`);
  await page.fill('#uc-name', unitName);
  await page.selectOption('#uc-level', 'COMMUNE');
  await page.selectOption('#uc-parent', '298');
  await page.click('#unit-create button[type=submit]');
  await page.locator('#view-title', {hasText: unitName}).waitFor();
  await page.locator('#unit-state', {hasText: 'Đang hoạt động'}).waitFor();
  await s.step('a new commune created');

  // renamed
  await page.fill('#rename-name', renamed);
  await page.click('#unit-rename button[type=submit]');
  await page.locator('#unit-notice', {hasText: 'Đã đổi tên'}).waitFor();
  await page.locator('#view-title', {hasText: renamed}).waitFor();
  await s.step('the commune renamed');

  // its own reception sessions: the inherited week plus a Saturday morning
  const before = await page.locator('#week-sessions [data-session]').count();
  await page.click('#week-sessions-add');
  await page.selectOption(`#ws-${before}-day`, 'SATURDAY');
  await page.fill(`#ws-${before}-start`, '07:30');
  await page.fill(`#ws-${before}-end`, '11:00');
  await page.click('#sessions-save');
  await page.locator('#unit-notice', {hasText: 'Đã lưu lịch tiếp nhận'}).waitFor();
  await page.locator('#sessions-source', {hasText: 'lịch làm việc riêng'}).waitFor();
  const after = await page.locator('#week-sessions [data-session]').count();
  expect(after === before + 1, `sessions after saving: ${after}, before: ${before}`);
  await s.step('reception sessions saved with a saturday morning');

  // a day off for the new commune in next year's calendar
  await s.go('#/lich-lam-viec', 'Lịch làm việc');
  const year = new Date().getFullYear() + 1;
  const holiday = `Nghỉ thử nghiệm ${stamp}`;
  await page.fill('#hd-date', `${year}-03-10`);
  await page.selectOption('#hd-kind', 'DAY_OFF');
  await page.fill('#hd-name', holiday);
  await page.selectOption('#hd-unit', unitCode);
  await page.click('#holiday-add button[type=submit]');
  await page.locator('#holiday-notice', {hasText: 'Đã thêm'}).waitFor();
  await page.locator('#holidays tr', {hasText: holiday}).waitFor();
  await s.step('a day off added to the calendar');

  // a new officer account at Xã Ngọc Sơn
  await s.go('#/tai-khoan', 'Tài khoản cán bộ');
  await page.locator('#users').waitFor();
  await page.fill('#nu-last', 'Trần Thị');
  await page.fill('#nu-first', 'Thử');
  await page.fill('#nu-username', username);
  await page.fill('#nu-email', `${username}@motcua.local`);
  await page.selectOption('#nu-unit', '11077');
  await page.selectOption('#nu-role', 'specialist');
  await page.fill('#nu-password', `MotCua@${stamp}`);
  await page.click('#user-create button[type=submit]');
  await page.locator('#users-notice', {hasText: `Đã tạo tài khoản ${username}`}).waitFor();
  const row = page.locator(`#users tr[data-username="${username}"]`);
  await row.waitFor();
  await s.step('an officer account created');

  // a second role
  await row.locator('button', {hasText: 'Quản lý'}).click();
  await page.locator('#manage-title', {hasText: username}).waitFor();
  await page.check('#role-clerk');
  await page.click('#user-roles button[type=submit]');
  await page.locator('#users-notice', {hasText: 'Văn thư'}).waitFor();
  const roles = await page.locator(`#users tr[data-username="${username}"]`).textContent();
  expect(roles.includes('Chuyên viên xử lý') && roles.includes('Văn thư'), `roles in the list: ${roles}`);
  await s.step('a role assigned to the account');

  // disabled, after the question
  await page.locator(`#users tr[data-username="${username}"] button`, {hasText: 'Quản lý'}).click();
  await page.click('#user-disable');
  const question = await page.locator('#disable-confirm-question').textContent();
  expect(question.includes(username) && question.includes('khóa'), `the question: ${question}`);
  await s.step('disabling asks first');
  await page.click('#disable-confirm-yes');
  await page.locator('#users-notice', {hasText: 'Đã khóa'}).waitFor();
  await page.locator(`#users tr[data-username="${username}"]`, {hasText: 'Đã khóa'}).waitFor();
  await s.step('the account disabled');

  // the test commune closed again, after the question
  await s.go(`#/don-vi/${unitCode}`, renamed);
  await page.click('#close-button');
  await page.locator('#close-confirm-question', {hasText: 'Bạn có chắc muốn đóng'}).waitFor();
  await page.click('#close-confirm-yes');
  await page.locator('#unit-notice', {hasText: 'Đã đóng'}).waitFor();
  await s.step('the test commune closed');

  // the district desk's tracking register for the last week, as a PDF
  await s.go('#/so-theo-doi', 'Sổ theo dõi hồ sơ');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('#register-print')]);
  expect(pdf.suggestedFilename().endsWith('.pdf'), `register file ${pdf.suggestedFilename()}`);
  await page.locator('#register-result', {hasText: 'Đã tải về'}).waitFor();
  await s.step('the tracking register downloaded');
});
