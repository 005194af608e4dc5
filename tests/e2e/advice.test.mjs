// End-to-end tests of the advice page (the RET advisor at /) on the built site in
// the system Chromium. Run through `cargo xtask test`, or by hand:
//   DIST_DIR=$PWD/../../dist node --test        (in tests/e2e, after `cargo xtask build`)
//
// The DOM contract these tests rely on (ids and data-testids are exact):
//   h1 = advisor title; <html lang> = nl | en; #lang-switch button
//   section#questions: input[type=range]#input-trips_per_week + input[type=number]#input-trips_per_week-number
//   section#advice: [data-testid=best-option], [data-testid=best-cost],
//     [data-testid=option-row][data-option-id][data-eligible] with [data-testid=not-eligible-reason] if ineligible
//   #advice-announcer (role=status): a sentence naming the best option
//   section#sources: [data-testid=source] each with a date; [data-testid=illustrative] badges

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { checkAccessibility } from './lib/axe.mjs';
import { newPage } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';

const TITLE = {
  nl: 'Welk RET-reisproduct past bij mij?',
  en: 'Which RET travel product suits me?',
};
const SWITCH_TEXT = { nl: 'English', en: 'Nederlands' };
const OUTPUT_DIR = fileURLToPath(new URL('./output/', import.meta.url));
const MAX_TABS = 60;
const MAX_PRESSES = 50;
const TRIPS = '#input-trips_per_week';
const TRIPS_NUMBER = '#input-trips_per_week-number';
const BEST = '[data-testid="best-option"]';
const ANNOUNCER = '#advice-announcer';

/** A date as sources show it: 2025-01-01, 1-1-2025, 1 januari 2025, January 2025, ... */
const DATE = new RegExp(
  '\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}\\b|' +
    '\\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
    'january|february|march|may|june|july|august|october)\\s+\\d{4}\\b',
  'i',
);

const site = useSite();

/**
 * Opens the advice page in a fresh context, waits for the first advice, runs
 * `body`, and then asserts that no console error or page error happened.
 */
async function withAdvicePage(options, body) {
  const { context, page, errors } = await newPage(site.browser, options);
  try {
    await page.goto(`${site.server.url}ret/`);
    await waitForAdvice(page);
    await body(page);
    assert.deepEqual(errors, [], `console or page errors:\n${errors.join('\n')}`);
  } finally {
    await context.close();
  }
}

async function waitForAdvice(page) {
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.textContent.trim().length > 0,
    BEST,
    { timeout: 20_000 },
  );
}

async function text(page, selector) {
  return (await page.locator(selector).first().textContent())?.trim() ?? '';
}

/** Lets the app react to the last event: one animation frame and a macrotask. */
async function settle(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

async function trips(page) {
  return Number(await page.locator(TRIPS).inputValue());
}

async function switchLanguage(page, to) {
  await page.locator('#lang-switch').click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
}

describe('advice page (RET advisor)', () => {

  test('shows advice on first render', async () => {
    await withAdvicePage({}, async (page) => {
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
      assert.equal(await text(page, 'h1'), TITLE.nl);
      assert.equal(await page.locator('section#questions').count(), 1, 'section#questions exists');
      assert.equal(await page.locator('section#advice').count(), 1, 'section#advice exists');

      const best = await text(page, `section#advice ${BEST}`);
      assert.ok(best.length > 0, 'best option has a label');
      const cost = await text(page, 'section#advice [data-testid="best-cost"]');
      assert.match(cost, /€/, `best cost "${cost}" shows an amount in euro`);

      const rows = page.locator('section#advice [data-testid="option-row"]');
      const count = await rows.count();
      assert.ok(count >= 5, `at least 5 option rows, found ${count}`);
      const ids = new Set();
      for (let i = 0; i < count; i++) {
        const row = rows.nth(i);
        const id = await row.getAttribute('data-option-id');
        assert.ok(id, `option row ${i} has a data-option-id`);
        ids.add(id);
        const eligible = await row.getAttribute('data-eligible');
        assert.ok(['true', 'false'].includes(eligible), `option ${id}: data-eligible="${eligible}"`);
        if (eligible === 'false') {
          const reason = (await row.locator('[data-testid="not-eligible-reason"]').first().textContent())?.trim();
          assert.ok(reason, `ineligible option ${id} says why`);
        }
      }
      assert.equal(ids.size, count, 'option ids are unique');

      const announcer = page.locator(ANNOUNCER);
      assert.equal(await announcer.getAttribute('role'), 'status', '#advice-announcer has role="status"');
      assert.ok((await text(page, ANNOUNCER)).includes(best), 'the announcer names the best option');
    });
  });

  test('lists dated sources and flags illustrative figures', async () => {
    await withAdvicePage({}, async (page) => {
      const sources = page.locator('section#sources [data-testid="source"]');
      const count = await sources.count();
      assert.ok(count >= 1, 'at least one source');
      for (let i = 0; i < count; i++) {
        const source = sources.nth(i);
        const content = (await source.textContent()) ?? '';
        const hasTime = (await source.locator('time').count()) > 0;
        assert.ok(hasTime || DATE.test(content), `source ${i} shows a date: "${content.trim()}"`);
      }
      const badges = await page.locator('[data-testid="illustrative"]').count();
      assert.ok(badges >= 1, 'RET subscription prices are not published: at least one figure is marked illustrative');
    });
  });

  test('keyboard only: trips per week changes the advice and the announcement', async () => {
    await withAdvicePage({}, async (page) => {
      // Tab from the top of the page to the slider.
      let reached = false;
      for (let tab = 1; tab <= MAX_TABS && !reached; tab++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate((id) => document.activeElement?.id === id, TRIPS.slice(1));
      }
      assert.ok(reached, `${TRIPS} is not reached within ${MAX_TABS} presses of Tab`);

      const initialBest = await text(page, BEST);
      const initialAnnouncement = await text(page, ANNOUNCER);
      const start = await trips(page);

      // Search upwards, then (back at the start) downwards, one key press at a time.
      let changed = await pressUntilBestChanges(page, 'ArrowUp', initialBest);
      if (!changed) {
        while ((await trips(page)) > start) await page.keyboard.press('ArrowDown');
        await settle(page);
        changed = await pressUntilBestChanges(page, 'ArrowDown', initialBest);
      }
      assert.ok(changed, `no change of advice within ${MAX_PRESSES} key presses up or down from ${start} trips`);

      const newBest = await text(page, BEST);
      assert.notEqual(newBest, initialBest);
      await page.waitForFunction(
        ({ selector, label }) => document.querySelector(selector)?.textContent.includes(label),
        { selector: ANNOUNCER, label: newBest },
        { timeout: 5_000 },
      ).catch(() => {});
      const announcement = await text(page, ANNOUNCER);
      assert.ok(announcement.includes(newBest), `announcer "${announcement}" names the new best option "${newBest}"`);
      assert.notEqual(announcement, initialAnnouncement, 'the announcement changed');
      assert.equal(await trips(page), Number(await page.locator(TRIPS_NUMBER).inputValue()), 'number field follows the slider');

      // The other keys of a slider work too, and the focus stays on it.
      const { min, max } = await page.locator(TRIPS).evaluate((el) => ({ min: Number(el.min), max: Number(el.max) }));
      await page.keyboard.press('Home');
      await settle(page);
      assert.equal(await trips(page), min, 'Home goes to the minimum');
      await page.keyboard.press('PageUp');
      await settle(page);
      assert.ok((await trips(page)) > min, 'PageUp increases the value');
      await page.keyboard.press('End');
      await settle(page);
      assert.equal(await trips(page), max, 'End goes to the maximum');
      assert.equal(Number(await page.locator(TRIPS_NUMBER).inputValue()), max, 'number field follows the slider');
      assert.ok(await page.evaluate((id) => document.activeElement?.id === id, TRIPS.slice(1)), 'focus stays on the slider');
      assert.ok((await text(page, BEST)).length > 0, 'advice still shown');
    });
  });

  test('switches to English and back', async () => {
    await withAdvicePage({}, async (page) => {
      assert.equal(await text(page, '#lang-switch'), SWITCH_TEXT.nl);
      await switchLanguage(page, 'en');
      await page.waitForFunction((title) => document.querySelector('h1')?.textContent.trim() === title, TITLE.en);
      assert.equal(await text(page, 'h1'), TITLE.en);
      assert.equal(await text(page, '#lang-switch'), SWITCH_TEXT.en);
      assert.ok((await text(page, BEST)).length > 0, 'advice shown in English');

      await switchLanguage(page, 'nl');
      await page.waitForFunction((title) => document.querySelector('h1')?.textContent.trim() === title, TITLE.nl);
      assert.equal(await text(page, 'h1'), TITLE.nl);
      assert.equal(await text(page, '#lang-switch'), SWITCH_TEXT.nl);
    });
  });

  for (const lang of ['nl', 'en']) {
    test(`has no axe-core violations (WCAG 2.1 A/AA) in ${lang}`, async () => {
      await withAdvicePage({}, async (page) => {
        if (lang === 'en') await switchLanguage(page, 'en');
        await settle(page);
        const { violations, summary } = await checkAccessibility(page);
        assert.equal(violations.length, 0, `axe-core found ${violations.length} violated rules in ${lang}:\n${summary}`);
      });
    });
  }

  test('reflows at 320 px wide without horizontal scrolling', async () => {
    await withAdvicePage({ width: 320, height: 800 }, async (page) => {
      for (const lang of ['nl', 'en']) {
        if (lang === 'en') await switchLanguage(page, 'en');
        await settle(page);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= 320, `${lang}: page is ${scrollWidth} px wide at a 320 px viewport`);
      }
    });
  });

  for (const [width, height] of [
    [1280, 900],
    [360, 800],
  ]) {
    test(`screenshot at ${width}x${height}`, async () => {
      await withAdvicePage({ width, height }, async (page) => {
        await mkdir(OUTPUT_DIR, { recursive: true });
        const path = `${OUTPUT_DIR}advice-${width}.png`;
        await page.screenshot({ path, fullPage: true });
        const { size } = await stat(path);
        assert.ok(size > 1000, `${path} was written (${size} bytes)`);
      });
    });
  }
});

/** Presses `key` up to MAX_PRESSES times; true as soon as the best option differs from `initial`. */
async function pressUntilBestChanges(page, key, initial) {
  for (let press = 1; press <= MAX_PRESSES; press++) {
    const before = await trips(page);
    await page.keyboard.press(key);
    await settle(page);
    if ((await text(page, BEST)) !== initial) return true;
    if ((await trips(page)) === before) return false; // at the end of the range
  }
  return false;
}
