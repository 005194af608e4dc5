// The system Chromium (Debian package) driven by playwright-core; no browser download.

import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Playwright gives every launch a fresh temporary profile (it refuses an explicit
// --user-data-dir with launch(), which newContext() needs), so no state leaks between runs.
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

/**
 * A page in its own context. `errors` collects console errors, uncaught page
 * errors and failed or 4xx/5xx requests, as readable strings.
 */
export async function newPage(browser, { width = 1280, height = 900, locale = 'nl-NL' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      errors.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) =>
    errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // `page.goto` waits until the advisors on the page take answers and have their exploration
  // parts; `page.gotoOnly` does not.
  const goto = page.goto.bind(page);
  page.gotoOnly = goto;
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    await waitForAnswers(page);
    await waitForExploration(page);
    return response;
  };
  return { context, page, errors };
}

/**
 * Waits until every advisor on the page takes answers. The pages and the widget's views are
 * HTML from the build, on screen before the app's wasm has arrived: an advisor page or a
 * widget is ready once its root has `data-adv-ready` (set after hydration; a widget is also
 * `aria-busy` until then), or once it shows why it cannot load. A page that redirects (an old
 * address) is followed.
 */
export async function waitForAnswers(page, timeout = 20_000) {
  const ready = () => {
    const app = document.getElementById('adv-app');
    if (app && !app.querySelector('[data-adv-ready]')) return false;
    for (const el of document.querySelectorAll('advies-module')) {
      const root = el.shadowRoot;
      if (!root || root.querySelector('.adv-host[aria-busy]')) return false;
      // Taken over (ready), or a message instead of the advisor.
      if (!root.querySelector('[data-adv-ready], [data-testid="widget-load-failed"], .adv-main--error')) return false;
    }
    return true;
  };
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await page.waitForFunction(ready, null, { timeout: Math.max(1, deadline - Date.now()) });
      return;
    } catch (e) {
      // A redirect replaced the document while we waited: wait on the new one.
      if (!/context was destroyed|navigation/i.test(String(e)) || Date.now() > deadline) throw e;
      await page.waitForLoadState('domcontentloaded').catch(() => {});
    }
  }
}

/**
 * Waits until the exploration parts (comparison, timeline, chart, sharing: loaded after the
 * first advice, built a frame apart) are on every full advisor of the page, or say that they
 * could not load. Compact widgets have none.
 */
export async function waitForExploration(page, timeout = 20_000) {
  await page.waitForFunction(
    () => {
      const roots = [document, ...[...document.querySelectorAll('advies-module')].map((el) => el.shadowRoot)];
      return roots.every((root) => {
        // A full advisor in its explore view has the scenario bar; compact and summary have not.
        if (!root?.querySelector('#scenarios')) return true;
        return Boolean(root.querySelector('#share, [data-testid="chunk-failed"]'));
      });
    },
    null,
    { timeout },
  );
}

/**
 * `read(arg)` evaluated in the page once it has given the same value for a few frames in a
 * row. For what a page redraws only while it is on screen (the chart, the share box): their
 * visibility observer reports in a rendering step after a scroll.
 */
export async function steadyValue(page, read, arg) {
  const frame = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok())));
  let last = await page.evaluate(read, arg);
  for (let steady = 0, i = 0; steady < 4 && i < 120; i++) {
    await frame();
    const now = await page.evaluate(read, arg);
    steady = now === last ? steady + 1 : 0;
    last = now;
  }
  return last;
}
