// Digitization in the console (issue 12), in three parts that ConsoleDigitizationJourneyIT runs in turn with the
// workflow moved on through the API in between (PART says which):
//   desk    mc.ngocson opens a counter birth registration (three components, the third present-only), uploads a scan
//           of component 1 through the file input, checks it against the original ("Khớp với bản gốc: đóng dấu QR"),
//           confirms it ("Đã số hóa") and marks the present-only identity papers exempt ("Không phải số hóa");
//   result  cv.ngocson attaches the electronic result signed by the run's trusted CA (RESULT_PDF) and sees
//           "Chữ ký số hợp lệ";
//   citizen mc.ngocson certifies an electronic copy for congdan.an (COPY_PDF, owner OWNER_ID) on #/chung-thuc and sees
//           its number in the register; congdan.an finds the issued result, the digitized component and the certified
//           copy in "Kho dữ liệu của tôi", downloads the result and sees it on the dossier, and on a new online
//           dossier (ONLINE_CODE) fills component 1 with "Dùng giấy tờ trong kho" ("lấy từ kho dữ liệu"); the
//           present-only component there is not offered for upload.
'use strict';

const fs = require('fs');
const path = require('path');
const {journey, expect, env} = require('./lib/harness.cjs');
const {openDossier} = require('./lib/desk.cjs');

const text = async (page, selector) => ((await page.locator(selector).first().textContent()) || '').trim();

/**
 * A one-page PDF with a line of text, built here so the upload goes through the file input like a scanner's file:
 * a catalog, a page, Helvetica, one content stream and a cross-reference table with the real byte offsets.
 */
function scannedPdf(line) {
  const content = `BT /F1 18 Tf 72 760 Td (${line.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map(at => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A file for a file input from a path the IT wrote (a signed PDF). */
function fileFrom(file) {
  return {name: path.basename(file), mimeType: 'application/pdf', buffer: fs.readFileSync(file)};
}

/** The dossier page with the digitization panel loaded. */
async function openPanel(s, code) {
  await openDossier(s, code);
  await s.page.locator('#digitization-body:not([aria-busy])').waitFor();
}

/** Waits for a component to reach a state after an action (the page redraws with the notice on top). */
async function expectComponent(s, n, state, label) {
  await s.page.locator('#digitization-done').waitFor();
  await s.page.locator('#digitization-body:not([aria-busy])').waitFor();
  const item = s.page.locator(`#component-${n}[data-state="${state}"]`);
  await item.waitFor();
  const shown = await item.locator('h3').textContent();
  expect(shown.includes(label), `component ${n} reads '${shown}', expected '${label}'`);
  return item;
}

async function desk(harness) {
  const code = env('DOSSIER_CODE');
  const o = await harness.session('reception');
  const p = o.page;
  await o.open();
  await o.login('mc.ngocson');
  await openPanel(o, code);
  expect((await text(p, '#digitization-title')) === 'Số hóa thành phần hồ sơ', 'the officer panel\'s title');
  expect(await p.locator('#components > li').count() === 3, 'the procedure\'s three components');
  await p.locator('#component-1[data-state="PENDING"]').waitFor();
  expect(await p.locator('#component-3-upload-form').count() === 0, 'a present-only component is not scanned');
  expect((await p.locator('#component-3-reason option').allTextContents()).join('|') === 'Chỉ xuất trình để đối chiếu',
    'a present-only component may only be exempt as present-only');
  await o.step('officer sees the components to digitize');

  await p.locator('#component-1-file').setInputFiles({name: 'to-khai-khai-sinh.pdf', mimeType: 'application/pdf',
    buffer: scannedPdf('To khai dang ky khai sinh - ban quet')});
  await o.step('officer chooses the scan of component 1');
  await p.locator('#component-1-upload').click();
  let item = await expectComponent(o, 1, 'UPLOADED', 'Đã tải lên, chờ đối chiếu');
  expect((await item.textContent()).includes('Quét từ bản giấy'), 'the source is the desk\'s scan');
  await item.locator('#component-1-download').waitFor();
  await o.step('officer uploaded the scan of component 1');

  await p.locator('#component-1-matches').click();
  item = await expectComponent(o, 1, 'CHECKED', 'Đã đối chiếu, đóng dấu QR');
  expect((await item.textContent()).includes('phiên bản 2'), 'the QR-stamped copy is a new version');
  await o.step('officer checked component 1 against the original');

  await p.locator('#component-1-confirm').click();
  item = await expectComponent(o, 1, 'CONFIRMED', 'Đã số hóa');
  expect((await item.textContent()).includes('mc.ngocson'), 'who confirmed it');
  await o.step('component 1 is digitized');

  await p.locator('#component-3-exempt').click();
  item = await expectComponent(o, 3, 'EXEMPT', 'Không phải số hóa');
  expect((await item.textContent()).includes('Chỉ xuất trình để đối chiếu'), 'the reason for no scan');
  await p.locator('#component-2[data-state="PENDING"]').waitFor();
  expect((await text(p, '#digitization-summary')).includes('2/3'), 'two of three components done');
  await o.step('the present-only component is exempt');
}

async function result(harness) {
  const code = env('DOSSIER_CODE');
  const s = await harness.session('specialist');
  const p = s.page;
  await s.open();
  await s.login('cv.ngocson');
  await openPanel(s, code);
  await p.locator('#component-1[data-state="CONFIRMED"]').waitFor();
  await p.locator('#result-none').waitFor();
  await p.locator('#result-file').setInputFiles(fileFrom(env('RESULT_PDF')));
  await s.step('specialist chooses the signed result');
  await p.locator('#result-attach').click();
  await p.locator('#digitization-done').waitFor();
  await p.locator('#result-facts').waitFor();
  const facts = await text(p, '#result-facts');
  expect(facts.includes('Chữ ký số hợp lệ'), `the signature is valid: '${facts}'`);
  expect(facts.includes(env('RESULT_SIGNER')), `the signer is named: '${facts}'`);
  await p.locator('#result-download').waitFor();
  await s.step('specialist attached the signed result');
}

async function citizen(harness) {
  const code = env('DOSSIER_CODE');
  const online = env('ONLINE_CODE');
  const owner = env('OWNER_ID');

  // ---- the desk certifies an electronic copy for the citizen ---------------------------------------------------------
  const o = await harness.session('reception');
  const q = o.page;
  await o.open();
  await o.login('mc.ngocson');
  await q.locator('#menu a', {hasText: 'Chứng thực bản sao điện tử'}).click();
  await q.locator('#certify-form').waitFor();
  await q.locator('#certify-title').fill('Bằng tốt nghiệp trung học phổ thông');
  await q.locator('#certify-owner').fill(owner);
  await q.locator('#certify-file').setInputFiles(fileFrom(env('COPY_PDF')));
  await o.step('officer fills in the certified copy');
  await q.locator('#certify-submit').click();
  await q.locator('#certify-done').waitFor();
  const done = await text(q, '#certify-done');
  const number = (/số (\S+)\.$/.exec(done) || [])[1];
  expect(number && /^11077\/\d{4}\/\d+$/.test(number), `a number of the unit's register: '${done}'`);
  const row = q.locator(`#copies tr[data-copy="${number}"]`);
  await row.waitFor();
  const entry = await row.textContent();
  expect(entry.includes(owner) && entry.includes('Bằng tốt nghiệp'), `the register's row: '${entry}'`);
  await o.step('the certified copy is in the register');

  // ---- the citizen's warehouse ---------------------------------------------------------------------------------------
  const c = await harness.session('citizen');
  const p = c.page;
  await c.open();
  await c.login('congdan.an');
  await p.locator('#menu a', {hasText: 'Kho dữ liệu của tôi'}).click();
  await p.locator('#view-title', {hasText: 'Kho dữ liệu của tôi'}).waitFor();
  const resultRow = p.locator('#warehouse tr[data-kind="RESULT"]', {hasText: code});
  await resultRow.waitFor();
  expect((await resultRow.textContent()).includes('Còn hiệu lực'), 'the result is valid');
  await p.locator('#warehouse tr[data-kind="COMPONENT"]', {hasText: code}).waitFor();
  await p.locator('#warehouse tr[data-kind="CERTIFIED_COPY"]', {hasText: number}).waitFor();
  const resultItem = await resultRow.getAttribute('data-item');
  await c.step('citizen sees the result, the digitized paper and the certified copy in the warehouse');
  const [download] = await Promise.all([p.waitForEvent('download'),
    resultRow.locator('button', {hasText: 'Tải về'}).click()]);
  expect(/\.pdf$/.test(download.suggestedFilename()), `the result's file name: ${download.suggestedFilename()}`);
  await c.step('citizen downloads the result');

  // the counter dossier, from the warehouse's link: its result as the applicant sees it
  await resultRow.locator('a.code').click();
  await p.locator('#view-title', {hasText: code}).waitFor();
  await p.locator('#digitization-body:not([aria-busy])').waitFor();
  const facts = await text(p, '#result-facts');
  expect(facts.includes('Chữ ký số hợp lệ') && facts.includes('Đã đưa vào kho dữ liệu của người nộp'),
    `the applicant sees the signed result in their warehouse: '${facts}'`);
  expect(await p.locator('#result-form').count() === 0, 'the applicant attaches no result');
  await c.step('citizen sees the signed result on the dossier');

  // ---- reuse on a new online dossier -------------------------------------------------------------------------------
  await c.go(`#/ho-so/${encodeURIComponent(online)}`, online);
  await p.locator('#digitization-body:not([aria-busy])').waitFor();
  expect((await text(p, '#digitization-title')) === 'Giấy tờ của hồ sơ', 'the citizen panel\'s title');
  await p.locator('#component-1-reuse-form').waitFor();
  await p.locator('#component-3-present-only').waitFor();
  expect(await p.locator('#component-3-upload-form, #component-3-reuse-form').count() === 0,
    'the present-only identity papers are shown at the desk, not uploaded');
  await p.locator('#component-1-warehouse').selectOption(resultItem);
  await c.step('citizen picks a paper from the warehouse for component 1');
  await p.locator('#component-1-reuse').click();
  const item = await expectComponent(c, 1, 'CONFIRMED', 'Đã số hóa');
  const shown = await item.textContent();
  expect(shown.includes('lấy từ kho dữ liệu') && shown.includes('Kho dữ liệu của công dân'),
    `component 1 came from the warehouse: '${shown}'`);
  await c.step('component 1 is filled from the warehouse');
}

const PARTS = {desk, result, citizen};
const part = env('PART');
expect(PARTS[part], `PART is one of ${Object.keys(PARTS).join(', ')}`);
journey(`digitization-${part}`, PARTS[part]);
