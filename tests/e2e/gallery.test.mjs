// End-to-end tests of the site's start page: the gallery of every advisor under advisors/
// (static HTML: no wasm), the way to an advisor and back, old links that still open their
// advisor (?advisor=<id>, shared links #v2;<id>;… and #v1;…), an unknown advisor in the
// address, the English version, keyboard only, axe-core and screenshots.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { checkAccessibility } from './lib/axe.mjs';
import { waitForAnswers, waitForExploration } from './lib/browser.mjs';
import { onPage, useSite } from './lib/site.mjs';

const OUTPUT_DIR = fileURLToPath(new URL('./output/', import.meta.url));
const ADVISORS_DIR = fileURLToPath(new URL('../../advisors/', import.meta.url));
const ITEM = '[data-testid="gallery-item"]';
const BEST = '[data-testid="best-option"]';

/** Every advisor folder (as build.rs finds them): id -> Dutch title, read from the TOML. */
function advisorsOnDisk() {
  const out = new Map();
  for (const name of readdirSync(ADVISORS_DIR)) {
    const file = `${ADVISORS_DIR}${name}/definition.toml`;
    if (name.startsWith('_') || name.startsWith('.') || !existsSync(file)) continue;
    const title = /^title\s*=\s*\{\s*nl\s*=\s*"([^"]+)"/m.exec(readFileSync(file, 'utf8'));
    out.set(name, title?.[1]);
  }
  return out;
}

const site = useSite();

describe('gallery', () => {

  test('lists every advisor with a line about it; one click opens it, and the way back', async () => {
    const onDisk = advisorsOnDisk();
    assert.ok(onDisk.has('ret'));
    await onPage(site, '', async (page) => {
      await page.locator(ITEM).first().waitFor({ timeout: 20_000 });
      assert.equal(await page.title(), 'Kies een keuzehulp');
      const items = await page.locator(ITEM).evaluateAll((els) =>
        els.map((el) => ({
          title: el.querySelector('a').textContent.trim(),
          href: el.querySelector('a').getAttribute('href'),
          line: el.querySelector('p').textContent.trim(),
        })),
      );
      assert.equal(items.length, onDisk.size, JSON.stringify(items));
      for (const [id, title] of onDisk) {
        const item = items.find((i) => i.href === `${id}/`);
        assert.ok(item, `${id} is in the gallery`);
        assert.equal(item.title, title);
        assert.ok(item.line.length > 20, `${id} has a line about it: ${item.line}`);
      }
      const code = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /\.(wasm|js)$/.test(n)),
      );
      assert.deepEqual(code, [], 'the gallery loads no wasm and no script file');
      await page.locator('#open-ret').click();
      await page.locator(BEST).waitFor();
      // Left before its exploration part has arrived, the page's fetch of it would be cut off
      // (a failed request, which these tests count as an error).
      await waitForAnswers(page);
      await waitForExploration(page);
      assert.match(page.url(), /\/ret\/$/);
      assert.equal(await page.locator('h1').textContent(), 'Welk RET-reisproduct past bij mij?');
      assert.equal(await page.locator('[data-testid="prototype-banner"]').count(), 0, 'a built-in advisor is no prototype');
      await page.locator('#to-gallery').click();
      await page.locator(ITEM).first().waitFor();
      assert.equal(await page.title(), 'Kies een keuzehulp');
      // Makers find the playground from here.
      await page.locator('#to-playground').click();
      await page.locator('#definition-editor').waitFor({ timeout: 20_000 });
    });
  });

  test('a link made before the gallery existed still opens its advisor at /', async () => {
    const link = '#v2;ret;2024.1;nl;0;;;Nu~trips=14,distance=7,travel=4,age=19-64,lives=1,travels=1~cost=3,flexibility=1,convenience=1';
    await onPage(site, link, async (page) => {
      await page.waitForURL(/\/ret\/#v2;ret;/, { timeout: 20_000 });
      await page.waitForFunction(() => document.querySelector('#input-trips_per_week')?.value === '14');
      assert.equal(await page.locator(BEST).textContent(), 'RET maandabonnement');
    });
  });

  test('old addresses open the page they opened before; anything else stays on the gallery', async () => {
    const cases = [
      ['?advisor=ret', /\/ret\/$/, 'Welk RET-reisproduct past bij mij?'],
      ['?advisor=ret&lang=en', /\/ret\/en\/$/, 'Which RET travel product suits me?'],
      ['?lang=en&advisor=ns', /\/ns\/en\/$/, null],
      ['?advisor=ns#v2;ns;1;nl;0;;abcd;Nu~x=1', /\/ns\/#v2;ns;1;nl/, null],
      ['#v1;ret;2024.1;nl;0;s7en;Nu~trips=8', /\/ret\/#v1;ret;/, null],
      // A link percent-encoded once more on the way still opens its advisor.
      ['#v2%3Bns%3B1%3Bnl', /\/ns\/#v2%3Bns/, null],
      ['?lang=en', /\/en\/$/, 'Choose a choice guide'],
    ];
    for (const [address, url, title] of cases) {
      await onPage(site, address, async (page) => {
        await page.waitForURL(url, { timeout: 20_000 });
        if (title) {
          await page.locator('h1').waitFor();
          assert.equal(await page.locator('h1').textContent(), title, address);
        }
      });
    }
    // An in-page anchor or junk is the gallery, without a notice.
    for (const hash of ['#share', '#v;ret', '#vx;ret', '#v2;', '#v2', '#', '?advisor=']) {
      await onPage(site, hash, async (page) => {
        await page.locator(ITEM).first().waitFor({ timeout: 20_000 });
        await page.waitForLoadState('load');
        assert.equal(new URL(page.url()).pathname, '/', hash);
        assert.equal(await page.locator('[data-testid="unknown-advisor"]').isVisible(), false, hash);
      });
    }
  });

  test('an advisor that does not exist: a clear message and the gallery, not a blank page', async () => {
    await onPage(site, '?advisor=%3Cimg%20src=x%20onerror=alert(1)%3E', async (page) => {
      const notice = page.locator('[data-testid="unknown-advisor"]');
      await notice.waitFor({ timeout: 20_000 });
      assert.match(await notice.textContent(), /Er is geen keuzehulp ‘%3Cimg%20src=x%20onerr/);
      assert.equal(await page.locator('img').count(), 0, 'the address is shown as text');
      assert.ok((await page.locator(ITEM).count()) >= 1);
    });
  });

  test('English, keyboard only, axe-core clean; screenshots at 1280 and 360 px', async () => {
    for (const width of [1280, 360]) {
      await onPage(site, 
        '',
        async (page) => {
          await page.locator(ITEM).first().waitFor({ timeout: 20_000 });
          const { summary } = await checkAccessibility(page);
          assert.equal(summary, '', `axe-core at ${width} px:\n${summary}`);
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scroll <= width, `no horizontal scroll at ${width} px (${scroll})`);
          await mkdir(OUTPUT_DIR, { recursive: true });
          await page.screenshot({ path: `${OUTPUT_DIR}gallery-${width}.png`, fullPage: true });
          // Keyboard only: to the language switch, English, then to RET and open it.
          await page.keyboard.press('Tab');
          assert.equal(await page.evaluate(() => document.activeElement.id), 'lang-switch');
          await page.keyboard.press('Enter');
          await page.waitForURL(/\/en\/$/);
          await page.waitForFunction(() => document.documentElement.lang === 'en');
          assert.equal(await page.title(), 'Choose a choice guide');
          let reached = false;
          for (let k = 0; k < 20 && !reached; k++) {
            await page.keyboard.press('Tab');
            reached = await page.evaluate(() => document.activeElement.id === 'open-ret');
          }
          assert.ok(reached, 'the RET link is reachable with Tab');
          await page.keyboard.press('Enter');
          await page.locator(BEST).waitFor();
          assert.match(page.url(), /\/ret\/en\/$/);
          assert.equal(await page.locator('h1').textContent(), 'Which RET travel product suits me?');
          const { summary: onAdvisor } = await checkAccessibility(page);
          assert.equal(onAdvisor, '', `axe-core on the advisor page at ${width} px:\n${onAdvisor}`);
        },
        { width, height: 900 },
      );
    }
  });
});
