// End-to-end tests of the weight panel: sliders with shares and stability ranges, presets, the
// order-of-importance and trade-off routes, and the score bars split by factor.
//
// The scenario for the keyboard flip is not picked by hand: the test walks the trips-per-week
// answers and takes the first one where the page's weight-stability analysis says that more
// weight on flexibility hands the advice to another option.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { checkAccessibility } from './lib/axe.mjs';
import { newPage } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';

const OUTPUT_DIR = fileURLToPath(new URL('./output/', import.meta.url));
const DOCS_DIR = fileURLToPath(new URL('../../docs/', import.meta.url));
const BEST = '[data-testid="best-option"]';
const ANNOUNCER = '#advice-announcer';
const FLEX = '[data-testid="weight"][data-factor-id="flexibility"]';
const TRIPS_BOX = '#input-trips_per_week-number';

const site = useSite();

async function withPage(body, options) {
  const { context, page, errors } = await newPage(site.browser, options);
  try {
    await page.goto(`${site.server.url}ret/`);
    await page.waitForFunction((s) => document.querySelector(s)?.textContent.trim().length > 0, BEST, {
      timeout: 20_000,
    });
    await body(page);
    assert.deepEqual(errors, [], `console or page errors:\n${errors.join('\n')}`);
  } finally {
    await context.close();
  }
}

async function text(page, selector) {
  return (await page.locator(selector).first().textContent())?.trim() ?? '';
}

/** The shares shown next to the sliders, as numbers, in factor order. */
async function shares(page) {
  const all = await page.locator('[data-testid="weight-share"]').allTextContents();
  return all.map((s) => Number(s.replace('%', '').trim()));
}

/** The raw slider values, in factor order. */
async function sliderValues(page) {
  return page.locator('[data-testid="weight"] input[type="range"]').evaluateAll((els) => els.map((e) => Number(e.value)));
}

async function bestId(page) {
  return page.locator('[data-testid="option-row"][data-eligible="true"]').first().getAttribute('data-option-id');
}

/** Presses Tab until the element with `id` has the focus (at most `limit` presses). */
async function tabTo(page, id, limit = 80) {
  for (let k = 0; k < limit; k++) {
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach #${id} with Tab`);
}

/**
 * The first trips-per-week answer (0..40) at which the weight-stability analysis on the page
 * says that more flexibility weight flips the advice. Returns { trips, above }.
 */
async function findFlexFlipScenario(page) {
  for (let trips = 0; trips <= 40; trips++) {
    await page.locator(TRIPS_BOX).fill(String(trips));
    await page.waitForFunction(([s, v]) => document.querySelector(s).value === v, ['#input-trips_per_week', String(trips)]);
    const above = await page.locator(FLEX).getAttribute('data-above');
    if (above) return { trips, above };
  }
  return null;
}

describe('weights', () => {

  test('shares add up to 100, presets and the reset set the sliders', async () => {
    await withPage(async (page) => {
      assert.deepEqual(await shares(page), [60, 20, 20], 'RET defaults 3 : 1 : 1');
      const reset = page.locator('[data-testid="weights-reset"]');
      assert.equal(await reset.getAttribute('aria-pressed'), 'true');
      const presets = page.locator('[data-testid="preset"]');
      assert.ok((await presets.count()) >= 2, 'the RET definition declares presets');
      await page.locator('[data-testid="preset"][data-preset-id="price_only"]').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="weight-share"]').textContent.trim() === '100%');
      assert.deepEqual(await shares(page), [100, 0, 0]);
      assert.equal(await page.locator('[data-preset-id="price_only"]').getAttribute('aria-pressed'), 'true');
      assert.equal(await reset.getAttribute('aria-pressed'), 'false');
      // Every preset gives shares that add up to exactly 100.
      for (let k = 0; k < (await presets.count()); k++) {
        await presets.nth(k).click();
        const s = await shares(page);
        assert.equal(s.reduce((x, y) => x + y, 0), 100, `preset ${k}: ${s}`);
      }
      await reset.click();
      await page.waitForFunction(() => document.querySelector('[data-testid="weight-share"]').textContent.trim() === '60%');
      assert.deepEqual(await sliderValues(page), [3, 1, 1]);
    });
  });

  test('slider keys: arrows step by 1, Page Up/Down by 2, Home and End go to the ends', async () => {
    await withPage(async (page) => {
      const slider = page.locator('#weight-convenience');
      await slider.focus();
      const value = async () => Number(await slider.inputValue());
      const press = async (key, want) => {
        await page.keyboard.press(key);
        await page.waitForFunction(([s, v]) => Number(document.querySelector(s).value) === v, ['#weight-convenience', want]);
        assert.equal(await value(), want, key);
      };
      await press('ArrowRight', 2);
      await press('ArrowUp', 3);
      await press('PageUp', 5);
      await press('ArrowLeft', 4);
      await press('PageDown', 2);
      await press('End', 10);
      await press('ArrowRight', 10);
      await press('Home', 0);
      await press('ArrowDown', 0);
      assert.equal(await slider.getAttribute('aria-valuetext'), 'telt voor 0% mee');
    });
  });

  test('keyboard only: more weight on flexibility flips the advice where the analysis says so', async () => {
    let scenario;
    await withPage(async (page) => {
      scenario = await findFlexFlipScenario(page);
    });
    assert.ok(scenario, 'some trips-per-week answer has a flexibility weight that flips the advice');

    await withPage(async (page) => {
      // Fill in the scenario with the keyboard: Tab to the number box, type, Tab on.
      await page.keyboard.press('Tab');
      await tabTo(page, 'input-trips_per_week-number');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(String(scenario.trips));
      await tabTo(page, 'weight-flexibility');
      await page.waitForFunction(([s, v]) => document.querySelector(s).getAttribute('data-above') === v, [FLEX, scenario.above]);
      const before = await bestId(page);
      const high = Number(await page.locator(FLEX).getAttribute('data-high'));
      const stability = await text(page, `${FLEX} [data-testid="weight-stability"]`);
      const aboveLabel = await page
        .locator(`[data-testid="option-row"][data-option-id="${scenario.above}"] .adv-option__label`)
        .textContent();
      assert.ok(stability.includes(`Meer: dan wordt het ${aboveLabel}.`), `the slider says who takes over: ${stability}`);
      assert.ok(high > 0 && high < 1, `upper end of the interval: ${high}`);

      let flipped = false;
      for (let press = 0; press < 10 && !flipped; press++) {
        await page.keyboard.press('ArrowRight');
        const raw = await sliderValues(page);
        const share = raw[1] / raw.reduce((x, y) => x + y, 0);
        await page.waitForFunction(() => true); // let the page settle
        const now = await bestId(page);
        if (share <= high - 1e-9) {
          assert.equal(now, before, `share ${share} is inside the interval (up to ${high}): advice stays`);
        } else if (share > high + 1e-9) {
          assert.equal(now, scenario.above, `share ${share} is past ${high}: ${scenario.above} takes over`);
          flipped = true;
        }
      }
      assert.ok(flipped, 'the advice flipped within the slider range');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'weight-flexibility', 'focus stayed on the slider');
      await page.waitForFunction(([s, want]) => document.querySelector(s).textContent.includes(want), [ANNOUNCER, aboveLabel]);
      assert.match(await text(page, ANNOUNCER), new RegExp(`^Advies: ${aboveLabel.replace(/[()]/g, '\\$&')}`));
    });
  });

  test('the order of importance sets rank-order-centroid weights and changes the ranking', async () => {
    let scenario;
    await withPage(async (page) => {
      scenario = await findFlexFlipScenario(page);
    });
    await withPage(async (page) => {
      await page.locator(TRIPS_BOX).fill(String(scenario.trips));
      await page.waitForFunction(([s, v]) => document.querySelector(s).getAttribute('data-above') === v, [FLEX, scenario.above]);
      const before = await bestId(page);
      const route = page.locator('[data-testid="rank-route"]');
      await route.locator('summary').focus();
      await page.keyboard.press('Enter');
      const items = route.locator('[data-testid="rank-item"]');
      assert.deepEqual(
        await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-factor-id'))),
        ['cost', 'flexibility', 'convenience'],
        'the list starts in the order of the current weights',
      );
      // Move flexibility to the top with the keyboard: focus its "up" button, press Enter.
      await page.locator('#rank-up-flexibility').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('[data-testid="rank-item"]').getAttribute('data-factor-id') === 'flexibility');
      // Rank-order-centroid for 3 places: 61.1 %, 27.8 %, 11.1 % -> 61, 28, 11.
      assert.deepEqual(await shares(page), [28, 61, 11]);
      const active = await page.evaluate(() => document.activeElement?.id);
      assert.equal(active, 'rank-down-flexibility', 'at the top the focus moves to the other button of the same factor');
      assert.match(await text(page, '[data-testid="rank-route"] [role="status"]'), /Vrijheid staat nu op plaats 1 van 3\./);
      const after = await bestId(page);
      assert.notEqual(after, before, 'with flexibility first the advice changes');
      assert.equal(after, scenario.above);
    });
  });

  test('trade-off answers set the weights and change the ranking', async () => {
    let scenario;
    await withPage(async (page) => {
      scenario = await findFlexFlipScenario(page);
    });
    await withPage(async (page) => {
      await page.locator(TRIPS_BOX).fill(String(scenario.trips));
      await page.waitForFunction(([s, v]) => document.querySelector(s).getAttribute('data-above') === v, [FLEX, scenario.above]);
      const before = await bestId(page);
      const route = page.locator('[data-testid="tradeoff-route"]');
      await route.locator('summary').click();
      const questions = route.locator('[data-testid="tradeoff-question"]');
      await questions.first().waitFor();
      const n = await questions.count();
      assert.ok(n >= 1 && n <= 3, `RET has three factors: 1 to 3 questions (${n})`);
      // Prefer whatever is not the cost; cost-vs-cost never occurs.
      for (let k = 0; k < n; k++) {
        const legend = await questions.nth(k).locator('legend').textContent();
        assert.match(legend, new RegExp(`^Vraag ${k + 1} van ${n}: wat weegt voor jou zwaarder\\?$`));
        const first = await questions.nth(k).locator(`label[for="tradeoff-${k}-first"]`).textContent();
        const choose = first.startsWith('Kosten') ? 'second' : 'first';
        await page.locator(`#tradeoff-${k}-${choose}`).check();
      }
      const s = await shares(page);
      assert.equal(s.reduce((x, y) => x + y, 0), 100);
      assert.ok(s[0] < s[1], `cost now weighs less than flexibility: ${s}`);
      assert.equal(await text(page, '[data-testid="tradeoff-conflict"]'), '');
      const after = await bestId(page);
      assert.notEqual(after, before, 'the ranking follows the answers');
    });
  });

  test('weights are in the link: opening it restores them; a tampered link says what it repaired', async () => {
    let link;
    let shown;
    await withPage(async (page) => {
      await page.locator('[data-testid="preset"][data-preset-id="flexible"]').click();
      await page.locator('#input-trips_per_week-number').fill('12');
      await page.waitForFunction(() => location.hash.length > 1);
      await page.waitForFunction(() => /trips=12[,~]/.test(location.hash));
      link = await page.evaluate(() => location.href);
      shown = { shares: await shares(page), best: await bestId(page) };
    });
    await withPage(async (page) => {
      // Another document first: going from the page to the same page with a fragment would
      // only scroll, not load.
      await page.goto('about:blank');
      await page.goto(link);
      await page.waitForFunction(() => document.querySelector('#input-trips_per_week').value === '12');
      assert.deepEqual(await shares(page), shown.shares, 'the weights come back');
      assert.equal(await bestId(page), shown.best);
      assert.equal(await page.locator('[data-testid="link-notice"]').count(), 0, 'an intact link needs no notice');
      // Tamper: trips far out of range, a weight that is not a number.
      const bad = link.replace(/trips=12/, 'trips=999').replace(/flexibility=[^,~;]+/, 'flexibility=abc');
      assert.notEqual(bad, link);
      await page.goto('about:blank');
      await page.goto(bad);
      await page.waitForFunction((s) => document.querySelector(s)?.textContent.trim().length > 0, BEST);
      const notice = page.locator('[data-testid="link-notice"]');
      await notice.waitFor();
      const text = await notice.textContent();
      assert.match(text, /We hebben je link geopend/);
      assert.ok((await notice.locator('li').count()) >= 2, `one line per repair: ${text}`);
      assert.equal(await page.locator('#input-trips_per_week').inputValue(), '40', 'out of range is put at the maximum');
      assert.equal((await shares(page)).reduce((x, y) => x + y, 0), 100);
      await notice.getByRole('button', { name: 'Sluiten' }).click();
      assert.equal(await notice.count(), 0);
    });
  });

  test('score bars are split into factor contributions that add up to the score', async () => {
    await withPage(async (page) => {
      const rows = page.locator('[data-testid="option-row"][data-eligible="true"]');
      const n = await rows.count();
      assert.ok(n >= 3);
      for (let k = 0; k < n; k++) {
        const row = rows.nth(k);
        const total = Number((await row.locator('.adv-score__text').textContent()).match(/score (\d+) van 100/)[1]);
        const parts = await row.locator('[data-testid="score-parts"] .adv-score__part').allTextContents();
        assert.equal(parts.length, 3, 'one part per factor');
        const sum = parts.map((p) => Number(p.match(/(\d+)\s*$/)[1])).reduce((x, y) => x + y, 0);
        assert.equal(sum, total, `row ${k}: parts ${parts} add up to ${total}`);
        const bar = await row.locator('.adv-score__bar').evaluate((e) => getComputedStyle(e).backgroundImage);
        const coloured = (bar.match(/rgb\(/g) ?? []).length;
        assert.ok(bar.startsWith('linear-gradient') && coloured >= 1, `the bar has coloured parts: ${bar}`);
      }
      // Ineligible options keep their reason.
      const reasons = await page.locator('[data-testid="not-eligible-reason"]').allTextContents();
      assert.ok(reasons.length > 0 && reasons.every((r) => r.trim().length > 0));
    });
  });

  test('axe-core finds nothing with both routes open; screenshots at 1280 and 360 px', async () => {
    for (const width of [1280, 360]) {
      await withPage(
        async (page) => {
          await page.locator('[data-testid="rank-route"] summary').click();
          await page.locator('[data-testid="tradeoff-route"] summary').click();
          await page.locator('[data-testid="tradeoff-question"]').first().waitFor();
          const { summary } = await checkAccessibility(page);
          assert.equal(summary, '', `axe-core at ${width} px:\n${summary}`);
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scroll <= width, `no horizontal scroll at ${width} px (${scroll})`);
          await mkdir(OUTPUT_DIR, { recursive: true });
          await page.locator('#weights').screenshot({ path: `${OUTPUT_DIR}weights-${width}.png` });
          await page.screenshot({ path: `${OUTPUT_DIR}page-weights-${width}.png`, fullPage: true });
          if (process.env.UPDATE_DOCS_SCREENSHOTS) {
            await page.locator('#weights').screenshot({ path: `${DOCS_DIR}weights-${width}.png` });
          }
        },
        { width, height: 900 },
      );
    }
  });
});
