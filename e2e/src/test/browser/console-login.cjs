// The web console in a real browser (Debian's chromium, headless, driven by playwright-core): log in through
// Keycloak's own page, see the inbox, log out. Run by ConsoleBrowserIT; prints one line per step and exits non-zero
// on the first failure.
//
//   CONSOLE_URL=http://127.0.0.1:PORT/ USERNAME=mc.ngocson PASSWORD=... USER_DATA_DIR=/tmp/x \
//   CHROMIUM=/usr/bin/chromium NODE_PATH=var/tools/node_modules node console-login.cjs
'use strict';

const {chromium} = require('playwright-core');

const env = name => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};

const STEP_TIMEOUT_MS = 60_000;

async function main() {
  const consoleUrl = env('CONSOLE_URL');
  const context = await chromium.launchPersistentContext(env('USER_DATA_DIR'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const problems = [];
  try {
    const page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    // a CSP violation or a script error on the console's page is a failure, even if the flow gets through
    page.on('pageerror', e => problems.push(`page error: ${e.message}`));
    page.on('console', m => {
      if (m.type() === 'error' && page.url().startsWith(consoleUrl)) {
        problems.push(`console error: ${m.text()}`);
      }
    });

    await page.goto(consoleUrl);
    await page.locator('#login:not([disabled])').waitFor();
    console.log('step: console loaded, login enabled');

    await page.click('#login');
    await page.waitForURL(url => !url.toString().startsWith(consoleUrl));
    await page.locator('#username').fill(env('USERNAME'));
    await page.locator('#password').fill(env('PASSWORD'));
    console.log(`step: on Keycloak's login page ${new URL(page.url()).origin}`);
    await Promise.all([page.waitForURL(url => url.toString().startsWith(consoleUrl)), page.click('#kc-login')]);

    const name = await page.locator('#who-name').textContent();
    const roles = await page.locator('#who-roles').textContent();
    const unit = await page.locator('#who-unit').textContent();
    console.log(`step: logged in as ${name} (${roles}, ${unit})`);
    if (!roles.includes(env('EXPECT_ROLE_LABEL')) || !unit.includes(env('EXPECT_UNIT'))) {
      throw new Error(`unexpected identity: roles '${roles}', unit '${unit}'`);
    }
    if (page.url().includes('code=') || page.url().includes('state=')) {
      throw new Error(`the code stayed in the address bar: ${page.url()}`);
    }
    await page.locator('#inbox, #inbox-empty').first().waitFor();
    console.log(`step: inbox shown with ${await page.locator('#inbox tbody tr').count()} dossier(s)`);

    const stored = await page.evaluate(() => ({session: Object.keys(sessionStorage), local: Object.keys(localStorage)}));
    if (!stored.session.includes('motcua.console.session') || stored.local.length > 0) {
      throw new Error(`tokens not where they belong: ${JSON.stringify(stored)}`);
    }

    await page.click('#logout');
    await page.waitForURL(url => url.toString().startsWith(consoleUrl));
    await page.locator('#login:not([disabled])').waitFor();
    const after = await page.evaluate(() => Object.keys(sessionStorage));
    if (after.includes('motcua.console.session')) {
      throw new Error('tokens still stored after logout');
    }
    console.log('step: logged out, back on the console');

    // Keycloak's session is gone too: logging in again shows its form instead of coming straight back
    await page.click('#login');
    await page.locator('#username').waitFor();
    console.log('step: login asks for credentials again');

    if (problems.length > 0) {
      throw new Error(problems.join('\n'));
    }
    console.log('console login in a browser: ok');
  } finally {
    await context.close();
  }
}

main().catch(e => {
  console.error(`FAILED: ${e.stack || e}`);
  process.exit(1);
});
