// Directive tasks and data-collection campaigns (issue 14) in the console: the district's leader records a directive
// and assigns a campaign to two communes with a 16:00 deadline and the template's columns; Xã Ngọc Sơn's leader finds
// it under "Nhiệm vụ", is told which cell is wrong, fills the rows, saves the draft and submits it; the district's
// leader sees the board (one on time, one pending and silent), opens the report, accepts it, consolidates it and
// downloads the commune's report as XLSX. Run by ConsoleTasksJourneyIT.
'use strict';

const fs = require('fs');
const {journey, expect, env} = require('./lib/harness.cjs');

const countOf = async (page, key) => Number((await page.locator(`#board-${key} .overview-count`).textContent()).trim());

journey('tasks', async harness => {
  const run = env('RUN');
  const deadline = env('DEADLINE');
  const upwardDeadline = env('UPWARD_DEADLINE');
  const [first, second] = env('ASSIGNEES').split(',');
  const number = `${run}/KH-UBND`;
  const title = `Danh sách thủ tục tiếp nhận không phụ thuộc địa giới hành chính (${run})`;

  // ---- the district records the directive ---------------------------------------------------------------------
  const district = await harness.session('district');
  const dp = district.page;
  await district.open();
  await district.login(env('LEADER'));
  expect(await dp.locator('#menu a', {hasText: 'Theo dõi nhiệm vụ'}).count() === 1, 'the menu has the issuer board');
  expect(await dp.locator('#menu a', {hasText: /^Nhiệm vụ$/}).count() === 1, 'the menu has the assigned tasks');
  await district.go('#/theo-doi-nhiem-vu', 'Theo dõi nhiệm vụ');
  await dp.locator('#directive-open').click();
  await dp.fill('#directive-number', number);
  await dp.fill('#directive-title', `Kế hoạch rà soát thủ tục hành chính phi địa giới (${run})`);
  await dp.fill('#directive-signer', 'Phó Chủ tịch Nguyễn Văn A');
  await district.step('the district leader fills in the directive');
  await dp.click('#directive-submit');
  await dp.locator('#view-title', {hasText: number}).waitFor();
  await dp.locator('#directive-tasks-empty').waitFor();
  await district.step('the directive recorded, no task yet');

  // ---- and assigns the campaign -----------------------------------------------------------------------------------
  await dp.selectOption('#task-kind', 'CAMPAIGN');
  await dp.fill('#task-title', title);
  await dp.fill('#task-description', 'Các xã rà soát và báo cáo danh sách thủ tục hành chính tiếp nhận không phụ thuộc '
    + 'địa giới hành chính theo biểu mẫu.');
  await dp.check(`#assignee-${first}`);
  await dp.check(`#assignee-${second}`);
  await dp.fill('#task-deadline', deadline);
  await dp.fill('#task-upward', upwardDeadline);
  await dp.click('#template-add');
  const third = dp.locator('li.template-column').nth(2);
  await third.locator('[data-part="label"]').fill('Số hồ sơ năm nay');
  await third.locator('[data-part="type"]').selectOption('INTEGER');
  await district.step('the campaign with its assignees, deadlines and template columns');
  await dp.click('#task-submit');
  await dp.locator('#board-counts').waitFor();
  await dp.locator('#view-title', {hasText: run}).waitFor();
  const taskId = decodeURIComponent(dp.url().split('#/theo-doi-nhiem-vu/')[1]);
  console.log(`task: ${taskId}`);
  expect(await countOf(dp, 'pending') === 2 && await countOf(dp, 'silent') === 2,
    `two communes pending and silent: ${await dp.locator('#board-counts').textContent()}`);
  const deadlineCell = await dp.locator('#board-units tbody tr').first().locator('td').nth(1).textContent();
  expect(deadlineCell.includes('16:00'), `the deadline in Vietnam's time: ${deadlineCell}`);
  await district.step('the campaign board before any report');

  // ---- the commune finds it and reports -----------------------------------------------------------------------------
  const commune = await harness.session('commune');
  const cp = commune.page;
  await commune.open();
  await commune.login(env('COMMUNE_LEADER'));
  await commune.go('#/nhiem-vu', 'Nhiệm vụ được giao');
  const row = cp.locator('#tasks-table tbody tr', {hasText: title});
  await row.waitFor();
  const rowText = await row.textContent();
  expect(rowText.includes('16:00') && rowText.includes('Chưa đến hạn'), `the task's row: ${rowText}`);
  await cp.locator('#inbox-link').waitFor();
  await commune.step('the commune leader sees the campaign among its tasks');
  await row.locator('a.task-title').click();
  await cp.locator('#view-title', {hasText: run}).waitFor();
  await cp.locator('#report-rows').waitFor();
  await cp.fill('#report-rows-r0-ma_thu_tuc', '1.001193');
  await cp.fill('#report-rows-r0-ten_thu_tuc', 'Đăng ký khai sinh');
  await cp.fill('#report-rows-r0-so_ho_so_nam_nay', 'mười hai');
  await cp.click('#report-save');
  await cp.locator('#campaign-result .error').waitFor();
  const error = await cp.locator('#campaign-result .error').textContent();
  expect(error.includes('Dòng 1') && error.includes('Số hồ sơ năm nay'), `the wrong cell named: ${error}`);
  expect(await cp.locator('#report-rows-r0-so_ho_so_nam_nay').getAttribute('aria-invalid') === 'true',
    'the wrong cell marked');
  await commune.step('a wrong cell is named by its row and column');

  await cp.fill('#report-rows-r0-so_ho_so_nam_nay', '12');
  await cp.click('#report-rows-add');
  await cp.fill('#report-rows-r1-ma_thu_tuc', '1.004227');
  await cp.fill('#report-rows-r1-ten_thu_tuc', 'Chứng thực bản sao từ bản chính');
  await cp.fill('#report-rows-r1-so_ho_so_nam_nay', '40');
  await cp.click('#report-save');
  await cp.locator('#campaign-result .done', {hasText: 'Đã lưu bản nháp'}).waitFor();
  await cp.locator('#report-rows-r1-ma_thu_tuc').waitFor();
  expect(await cp.inputValue('#report-rows-r1-ten_thu_tuc') === 'Chứng thực bản sao từ bản chính',
    'the saved draft reads back');
  await commune.step('the draft saved with two rows');

  await cp.click('#report-submit');
  await cp.click('#report-submit-confirm-yes');
  await cp.locator('#campaign-result .done', {hasText: 'Đã nộp báo cáo phiên bản 1'}).waitFor();
  await cp.locator('#report-view').waitFor();
  const state = await cp.locator('#campaign-state').textContent();
  expect(state.includes('Đã nộp'), `submitted: ${state}`);
  await commune.step('the commune leader submits the report');

  // ---- the district sees the board, accepts and consolidates --------------------------------------------------------
  await dp.click('#board-refresh');
  await dp.locator('#board-reports-table').waitFor();
  expect(await countOf(dp, 'onTime') === 1 && await countOf(dp, 'pending') === 1 && await countOf(dp, 'silent') === 1,
    `one on time, one pending and silent: ${await dp.locator('#board-counts').textContent()}`);
  await dp.click(`#report-open-${first}-v1`);
  await dp.locator('#report-detail-rows tbody tr').nth(1).waitFor();
  await district.step('the board with the commune on time and its report opened');

  await dp.click('#report-accept');
  await dp.locator('#board-reports-result .done', {hasText: 'Đã tiếp nhận'}).waitFor();
  const accepted = await dp.locator(`#board-reports-table tr[data-unit="${first}"]`).textContent();
  expect(accepted.includes('Đã tiếp nhận'), `accepted: ${accepted}`);
  await district.step('the district accepts the report');

  await dp.click('#consolidate');
  await dp.locator('#upward-result .done', {hasText: 'Đã tổng hợp 2 dòng'}).waitFor();
  await dp.click('#upward-open');
  await dp.locator('#report-detail-rows tbody tr').nth(1).waitFor();
  const source = await dp.locator('#report-detail-rows tbody tr').first().textContent();
  expect(source.includes('Ngọc Sơn'), `a consolidated row names its commune: ${source}`);
  await district.step('the district consolidates the accepted report');

  const [file] = await Promise.all([dp.waitForEvent('download'), dp.click(`#report-xlsx-${first}-v1`)]);
  const bytes = fs.readFileSync(await file.path());
  expect(file.suggestedFilename().endsWith('.xlsx') && bytes.subarray(0, 2).toString() === 'PK',
    `an XLSX file: ${file.suggestedFilename()}`);
  await district.step('the commune report downloaded as XLSX');
});
