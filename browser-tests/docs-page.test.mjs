// The /docs page in a real browser: Debian's Chromium, driven by playwright-core, against the real
// packaged app (java -jar app/target/strata-app.jar) on a free loopback port with a fresh data
// directory. The page must load nothing from outside this server, list the API's operations, and
// sign an account up through "Try it out". A screenshot goes to browser-tests/target/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.STRATA_APP_JAR ?? join(here, '..', 'app', 'target', 'strata-app.jar');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = join(here, 'target');

let app;
let appLog = '';
let dataDir;
let base;
let browser;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url, timeoutMillis) {
  const deadline = Date.now() + timeoutMillis;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) {
      throw new Error(`the app exited with ${app.exitCode}:\n${appLog}`);
    }
    try {
      const response = await fetch(url);
      if (response.status === 200) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer ${url} within ${timeoutMillis} ms:\n${appLog}`);
}

before(async () => {
  assert.ok(existsSync(jar), `${jar} is missing: build it with ./mvnw -B -pl app -am package`);
  assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install chromium`);
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'strata-docs-'));
  base = `http://127.0.0.1:${port}`;
  app = spawn(java, ['-jar', jar, '--host', '127.0.0.1', '--port', String(port), '--admin-port', '0', '--grpc-port', '0',
    '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  app.stdout.on('data', (chunk) => { appLog += chunk; });
  app.stderr.on('data', (chunk) => { appLog += chunk; });
  await waitUntilServing(`${base}/v1`, 90_000);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app.once('exit', resolve));
    app.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (app.exitCode === null) {
      app.kill('SIGKILL');
    }
  }
  if (dataDir) {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the docs page lists every operation and signs an account up through "Try it out"', async () => {
  const document = await (await fetch(`${base}/v1/openapi.json`)).json();
  const documented = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of Object.keys(item)) {
      documented.push(`${method.toUpperCase()} ${path}`);
    }
  }

  const page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
  // Offline: anything the page asks of another host is refused and remembered.
  const elsewhere = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    elsewhere.push(url);
    return route.abort();
  });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  await page.goto(`${base}/docs`);
  await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
  await page.locator('.information-container .title').filter({ hasText: 'Strata API' }).waitFor();

  const listed = await page.locator('.opblock').evaluateAll((blocks) => blocks.map((block) => {
    const method = block.querySelector('.opblock-summary-method')?.textContent?.trim();
    const path = block.querySelector('.opblock-summary-path')?.getAttribute('data-path')
      ?? block.querySelector('.opblock-summary-path')?.textContent?.trim();
    return `${method} ${path}`.replace(/\u200b/g, '');
  }));
  assert.deepEqual([...listed].sort(), [...documented].sort(), 'the page lists exactly the documented operations');

  const signUp = page.locator('#operations-Accounts-signUp');
  await signUp.locator('.opblock-summary').click();
  await signUp.getByRole('button', { name: 'Try it out' }).click();
  const email = `browser-${Date.now()}@example.com`;
  await signUp.locator('textarea.body-param__text').fill(JSON.stringify({
    email, password: 'correct horse battery staple', display_name: 'Ada from the browser',
  }));
  await signUp.getByRole('button', { name: 'Execute' }).click();

  const status = signUp.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor({ timeout: 30_000 });
  assert.equal((await status.textContent()).trim(), '201');
  const body = await signUp.locator('.live-responses-table .response-col_description pre').first().textContent();
  assert.match(body, new RegExp(email.replace(/[.]/g, '\\.')));
  assert.match(body, /"id": "acct_/);

  // The account exists: signing in with it over plain HTTP works.
  const session = await fetch(`${base}/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery staple' }),
  });
  assert.equal(session.status, 201);

  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, 'docs-page.png'), fullPage: false });
  await signUp.screenshot({ path: join(screenshots, 'docs-sign-up.png') });

  assert.deepEqual(elsewhere, [], 'the page loads nothing from other hosts');
  assert.deepEqual(pageErrors, [], 'the page runs without script errors');
});
