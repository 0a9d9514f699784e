// The console's browser journeys share this harness: Debian's chromium (headless) driven by playwright-core, one
// screenshot per step under SCREENSHOT_DIR/<journey>/, axe-core on every page checked at 1366 px and at 390 px, and
// any script error or CSP violation on the console's page counted as a failure. Run by the *JourneyIT classes
// (BrowserJourney.java); a journey prints "step: ..." lines and ends with "journey <name>: ok".
'use strict';

const fs = require('fs');
const path = require('path');
const {chromium} = require('playwright-core');

const STEP_TIMEOUT_MS = 30_000;
const DESKTOP = {width: 1366, height: 900};
const PHONE = {width: 390, height: 844};

const env = name => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};

/** The demo users' password (the realm's, for the tests only). */
const PASSWORD = () => env('PASSWORD');

class Session {
  constructor(harness, context, page, label) {
    this.harness = harness;
    this.context = context;
    this.page = page;
    this.label = label;
    this.consoleUrl = harness.consoleUrl;
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('pageerror', e => harness.problems.push(`[${label}] page error: ${e.message}`));
    page.on('console', m => {
      if (m.type() === 'error' && page.url().startsWith(harness.consoleUrl)) {
        const text = m.text();
        // a 4xx the page asked for and handled (the error shows on screen) is logged by chromium as a console error
        if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
        harness.problems.push(`[${label}] console error: ${text}`);
      }
    });
  }

  /** Opens the console at a hash (e.g. '#/cong-viec') and waits for the view's heading. */
  async open(hash = '') {
    await this.page.goto(this.consoleUrl + hash);
    await this.page.locator('#login:not([disabled])').or(this.page.locator('#logout:visible')).first().waitFor();
    await this.page.locator('#view-title').waitFor();
  }

  /** Logs in through Keycloak's own page as a demo user and waits until the console shows who is signed in. */
  async login(username, password = PASSWORD()) {
    if (!this.page.url().startsWith(this.consoleUrl)) await this.open();
    await this.page.click('#login');
    await this.page.waitForURL(url => !url.toString().startsWith(this.consoleUrl));
    await this.page.locator('#username').fill(username);
    await this.page.locator('#password').fill(password);
    await Promise.all([this.page.waitForURL(url => url.toString().startsWith(this.consoleUrl)),
      this.page.click('#kc-login')]);
    await this.page.locator('#who-name').waitFor();
    await this.page.locator('#view-title').waitFor();
  }

  async logout() {
    await this.page.click('#logout');
    await this.page.waitForURL(url => url.toString().startsWith(this.consoleUrl));
    await this.page.locator('#login:not([disabled])').waitFor();
  }

  /** Goes to a hash inside the console (no reload) and waits for the new view's heading text. */
  async go(hash, titleText) {
    await this.page.evaluate(h => {
      location.hash = h;
    }, hash);
    if (titleText) await this.page.locator('#view-title', {hasText: titleText}).waitFor();
  }

  /** A screenshot named after the step, then the accessibility and width checks on the page as it is. */
  async step(name, {check = true} = {}) {
    await this.harness.step(this, name, check);
  }

  /** The text of #view-title. */
  async title() {
    return (await this.page.locator('#view-title').textContent()).trim();
  }
}

class Harness {
  constructor(name) {
    this.name = name;
    this.consoleUrl = env('CONSOLE_URL');
    this.problems = [];
    this.stepNo = 0;
    this.dir = path.join(env('SCREENSHOT_DIR'), name);
    fs.rmSync(this.dir, {recursive: true, force: true});
    fs.mkdirSync(this.dir, {recursive: true});
    this.axeSource = fs.readFileSync(path.join(env('NODE_PATH'), 'axe-core', 'axe.min.js'), 'utf8');
    this.sessions = [];
  }

  async launch() {
    this.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
  }

  /** A browser session of its own (cookies, sessionStorage): two sessions are two people at two desks. */
  async session(label = 'main') {
    const context = await this.browser.newContext({viewport: DESKTOP, locale: 'vi-VN', acceptDownloads: true,
      timezoneId: 'Asia/Ho_Chi_Minh'});
    const page = await context.newPage();
    const s = new Session(this, context, page, label);
    this.sessions.push(s);
    return s;
  }

  async step(session, name, check) {
    this.stepNo += 1;
    const file = `${String(this.stepNo).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    const page = session.page;
    await page.screenshot({path: path.join(this.dir, `${file}.png`), fullPage: true});
    if (check && page.url().startsWith(this.consoleUrl)) {
      await this.checkAccessibility(page, name, 'desktop');
      const size = page.viewportSize();
      await page.setViewportSize(PHONE);
      try {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > PHONE.width) {
          this.problems.push(`${name}: the page is ${width} px wide at ${PHONE.width} px`);
        }
        await page.screenshot({path: path.join(this.dir, `${file}-phone.png`), fullPage: true});
        await this.checkAccessibility(page, name, 'phone');
      } finally {
        await page.setViewportSize(size);
      }
    }
    console.log(`step: ${name}`);
  }

  async checkAccessibility(page, name, where) {
    // evaluated through the DevTools protocol, so the page's CSP (script-src 'self') is not loosened for it
    const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
    if (!hasAxe) await page.evaluate(this.axeSource);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, {resultTypes: ['violations']});
      return result.violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')})`);
    });
    for (const v of violations) this.problems.push(`${name} [${where}] axe ${v}`);
  }

  async close() {
    if (this.browser) await this.browser.close();
  }
}

/**
 * Runs a journey: body(harness) gets the harness (harness.session() opens a browser session). Any failure or
 * collected problem (script error, axe violation, page wider than a phone) makes the process exit non-zero.
 */
function journey(name, body) {
  (async () => {
    const harness = new Harness(name);
    try {
      await harness.launch();
      await body(harness);
      if (harness.problems.length > 0) {
        throw new Error(`problems seen:\n${harness.problems.join('\n')}`);
      }
      console.log(`journey ${name}: ok`);
    } finally {
      await harness.close();
    }
  })().catch(e => {
    console.error(`FAILED: ${e.stack || e}`);
    process.exit(1);
  });
}

/** Fails the journey with a message when the condition does not hold. */
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

module.exports = {journey, expect, env};
