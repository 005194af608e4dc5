// The built site served and a browser started for one test file, and a page opened on it.

import { after, before } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, newPage } from './browser.mjs';
import { distDir, startServer } from './server.mjs';

/**
 * Serves dist/ ($DIST_DIR; a clear error if it is not built) and starts Chromium before the
 * file's tests, and stops both after them. Returns `{ server, browser }`, filled in once the
 * tests run. Call it at the top level of a test file.
 */
export function useSite() {
  const site = { server: null, browser: null };
  before(async () => {
    site.server = await startServer(await distDir());
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * Opens `path` (relative to the site's root) in a page of its own context, runs
 * `body(page, context, errors)`, then asserts that there were no console errors, page errors
 * or failed requests, and closes the context. `options` as for `newPage` (width, height, locale).
 */
export async function onPage(site, path, body, options) {
  const { context, page, errors } = await newPage(site.browser, options);
  try {
    await page.goto(`${site.server.url}${path}`);
    await body(page, context, errors);
    assert.deepEqual(errors, [], `console or page errors:\n${errors.join('\n')}`);
  } finally {
    await context.close();
  }
}
