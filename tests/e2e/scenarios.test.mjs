// End-to-end tests of scenarios: a copy and a life event, side by side with the differing
// answers marked, scenarios over time with totals, the link (copied, opened in a fresh
// browser context), damaged links, saving on the device only on request, and the summary for
// an employee with its print style.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { checkAccessibility } from './lib/axe.mjs';
import { newPage, steadyValue } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';

const OUTPUT_DIR = fileURLToPath(new URL('./output/', import.meta.url));
const DOCS_DIR = fileURLToPath(new URL('../../docs/', import.meta.url));
const BEST = '[data-testid="best-option"]';
const TRIPS_BOX = '#input-trips_per_week-number';
const TRIPS = '#input-trips_per_week';
const TABS = '[data-testid="scenario-tab"]';

const site = useSite();

async function ready(page) {
  await page.waitForFunction((s) => document.querySelector(s)?.textContent.trim().length > 0, BEST, {
    timeout: 20_000,
  });
}

async function withPage(body, options = {}) {
  const { context, page, errors } = await newPage(site.browser, options);
  try {
    if (options.grant) await context.grantPermissions(options.grant, { origin: site.server.url });
    await page.goto(options.url ?? `${site.server.url}ret/`);
    await ready(page);
    await body(page, context);
    assert.deepEqual(errors, [], `console or page errors:\n${errors.join('\n')}`);
  } finally {
    await context.close();
  }
}

async function setTrips(page, n) {
  await page.locator(TRIPS_BOX).fill(String(n));
  await page.waitForFunction(([s, v]) => document.querySelector(s).value === v, [TRIPS, String(n)]);
}

async function tabNames(page) {
  return (await page.locator(TABS).allTextContents()).map((s) => s.trim());
}

async function activeTab(page) {
  return (await page.locator(`${TABS}[aria-pressed="true"]`).textContent()).trim();
}

/** "€ 1.081,25" -> 1081.25 */
function euros(text) {
  const m = text.replace(/\s/g, '').match(/€(-?[\d.]+(?:,\d+)?)/);
  assert.ok(m, `an amount in euro: ${text}`);
  return Number(m[1].replace(/\./g, '').replace(',', '.'));
}

/**
 * Two scenarios next to "Nu": a copy with 14 trips a week, and "Vanaf mijn 65e" from the
 * life event. Returns nothing; the page shows the last one.
 */
async function makeTwoScenarios(page) {
  await page.locator('#scenario-duplicate').click();
  await page.waitForFunction((s) => document.querySelectorAll(s).length === 2, TABS);
  assert.equal(await activeTab(page), 'Kopie van Nu');
  await setTrips(page, 14);
  await page.locator('[data-testid="life-events"] summary').click();
  await page.locator('[data-testid="life-event"][data-event-id="turn_65"]').click();
  await page.waitForFunction((s) => document.querySelectorAll(s).length === 3, TABS);
  assert.equal(await activeTab(page), 'Vanaf mijn 65e');
}

/** The text of each cell of a compare row, per column. */
async function compareRow(page, testid, k) {
  return page
    .locator(`[data-testid="${testid}"]`)
    .nth(k)
    .locator('td')
    .evaluateAll((tds) => tds.map((td) => ({ text: td.textContent.trim(), differs: td.dataset.differs === 'true' })));
}

async function answerRow(page, questionStart) {
  const rows = page.locator('[data-testid="compare-answer"]');
  const n = await rows.count();
  for (let k = 0; k < n; k++) {
    const head = (await rows.nth(k).locator('th').textContent()).trim();
    if (head.startsWith(questionStart)) return compareRow(page, 'compare-answer', k);
  }
  throw new Error(`no compare row for ${questionStart}`);
}

/** The link in the share box, which it writes only while it is (nearly) on screen. */
async function shownLink(page) {
  await page.locator('[data-testid="share-link"]').scrollIntoViewIfNeeded();
  return steadyValue(page, () => document.querySelector('[data-testid="share-link"]').value);
}

describe('scenarios', () => {

  test('a copy and a life event make scenarios; side by side the differing answers are marked', async () => {
    await withPage(async (page) => {
      assert.equal(await page.locator('[data-testid="compare-empty"]').count(), 1, 'one scenario: nothing to compare yet');
      await makeTwoScenarios(page);
      assert.deepEqual(await tabNames(page), ['Nu', 'Kopie van Nu', 'Vanaf mijn 65e']);
      // The life event changed the age group of the scenario it started from (the copy).
      assert.equal(await page.getByRole('radio', { name: '65 jaar of ouder' }).isChecked(), true);
      assert.equal(await page.locator(TRIPS).inputValue(), '14', 'the event keeps the other answers');

      const table = page.locator('[data-testid="compare-table"]');
      await table.waitFor();
      const heads = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
      assert.deepEqual(heads, ['Nu', 'Kopie van Nu', 'Vanaf mijn 65e']);

      const trips = await answerRow(page, 'Hoeveel ritten');
      assert.deepEqual(
        trips.map((c) => c.differs),
        [false, true, true],
      );
      assert.match(trips[1].text, /14/);
      assert.match(trips[1].text, /anders dan Nu/, 'marked in words, not only in colour');
      const age = await answerRow(page, 'Hoe oud');
      assert.deepEqual(
        age.map((c) => c.differs),
        [false, false, true],
      );
      const differs = table.locator('td[data-differs="true"]').first();
      const bg = await differs.evaluate((e) => getComputedStyle(e).backgroundColor);
      assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'a marked cell has a background');

      // Per scenario: the advice, its monthly cost, how solid, and what changes.
      const advice = await compareRow(page, 'compare-advice', 0);
      assert.equal(advice.length, 3);
      assert.notEqual(advice[0].text, advice[1].text, '14 trips a week change the advice');
      const cost = await compareRow(page, 'compare-cost', 0);
      assert.ok(cost.every((c) => /€/.test(c.text)), `a monthly cost per scenario: ${JSON.stringify(cost)}`);
      const solid = await compareRow(page, 'compare-solid', 0);
      assert.ok(solid.every((c) => /Stevig advies|Grensgeval/.test(c.text)));
      const what = await compareRow(page, 'compare-sentence', 0);
      assert.match(what[1].text, new RegExp(advice[1].text.replace(/[()]/g, '.')), 'the sentence names the new advice');
      assert.match(what[1].text, /ritten per week/i, 'and the answer that made the difference');

      // Switching back shows Nu's own answers: nothing was lost.
      await page.locator(TABS).first().click();
      await page.waitForFunction((s) => document.querySelector(s).value === '8', TRIPS);
      assert.match(await page.locator('[data-testid="scenario-status"]').textContent(), /Je kijkt nu naar: Nu/);
    });
  });

  test('rename, reorder and delete with undo', async () => {
    await withPage(async (page) => {
      await makeTwoScenarios(page);
      await page.locator('[data-testid="scenario-manage"] summary').click();
      // An empty name is refused with a message; the old name stays.
      await page.locator('#scenario-name').fill('   ');
      await page.getByRole('button', { name: 'Naam opslaan' }).click();
      assert.match(await page.locator('#scenario-name-error').textContent(), /Geef de situatie een naam/);
      await page.locator('#scenario-name').fill('Met pensioen');
      await page.getByRole('button', { name: 'Naam opslaan' }).click();
      await page.waitForFunction((s) => [...document.querySelectorAll(s)].some((b) => b.textContent.trim() === 'Met pensioen'), TABS);
      await page.locator('#scenario-earlier').click();
      assert.deepEqual(await tabNames(page), ['Nu', 'Met pensioen', 'Kopie van Nu']);
      await page.locator('#scenario-delete').click();
      assert.deepEqual(await tabNames(page), ['Nu', 'Kopie van Nu']);
      await page.locator('[data-testid="scenario-undo"] button').click();
      assert.deepEqual(await tabNames(page), ['Nu', 'Met pensioen', 'Kopie van Nu']);
      assert.equal(await activeTab(page), 'Met pensioen');
      assert.equal(await page.getByRole('radio', { name: '65 jaar of ouder' }).isChecked(), true, 'its answers came back too');
    });
  });

  test('on a phone one scenario at a time, with a switcher', async () => {
    await withPage(
      async (page) => {
        await makeTwoScenarios(page);
        const visibleHeads = () =>
          page
            .locator('[data-testid="compare-table"] thead th')
            .evaluateAll((ths) => ths.filter((th) => getComputedStyle(th).display !== 'none').map((th) => th.textContent.trim()));
        assert.deepEqual(await visibleHeads(), ['Nu']);
        const switcher = page.locator('[data-testid="compare-switcher"]');
        assert.ok(await switcher.isVisible());
        await switcher.getByRole('button', { name: 'Volgende situatie' }).click();
        assert.deepEqual(await visibleHeads(), ['Kopie van Nu']);
        assert.match(await page.locator('[data-testid="compare-position"]').textContent(), /Situatie 2 van 3: Kopie van Nu/);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= 360, `no horizontal scroll at 360 px (${scroll})`);
      },
      { width: 360, height: 800 },
    );
  });

  test('over time: the best option per period, the total, and whether switching pays off', async () => {
    await withPage(async (page) => {
      await page.locator('#scenario-duplicate').click();
      await setTrips(page, 14);
      await page.locator('#timeline-start').click();
      await page.locator('#period-0-months').fill('4');
      await page.locator('#period-0-months').press('Enter');
      await page.locator('#period-1-months').fill('8');
      await page.locator('#period-1-months').press('Enter');
      await page.waitForFunction(() => /Totaal over 12 maanden/.test(document.querySelector('[data-testid="plan-table"]')?.textContent ?? ''));
      const rows = page.locator('[data-testid="plan-period"]');
      assert.equal(await rows.count(), 2);
      const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
      assert.match(cells[0][0], /maand 1 tot en met 4/);
      assert.match(cells[1][0], /maand 5 tot en met 12/);
      let sum = 0;
      for (const [k, [, , , perMonth, subtotal]] of cells.entries()) {
        const months = [4, 8][k];
        assert.ok(Math.abs(euros(perMonth) * months - euros(subtotal)) < 0.011, `${perMonth} x ${months} = ${subtotal}`);
        sum += euros(subtotal);
      }
      const total = euros(await page.locator('[data-testid="plan-total"]').textContent());
      assert.ok(Math.abs(sum - total) < 0.011, `total ${total} is the sum ${sum}`);
      assert.notEqual(cells[0][2], cells[1][2], 'the advice differs between the periods');
      const sentence = await page.locator('[data-testid="plan-sentence"]').textContent();
      assert.match(sentence, /12 maanden/);
      assert.match(sentence, /Overstappen|Eén product/, `says whether switching pays off: ${sentence}`);
      // Keeping one product: each option's total, the cheapest marked.
      await page.locator('[data-testid="plan-keep-details"] summary').click();
      const keep = page.locator('[data-testid="plan-keep"]');
      assert.ok((await keep.count()) >= 5);
      assert.match(await keep.filter({ hasText: 'Gratis reizen' }).textContent(), /niet mogelijk in periode 1/);
      // A wrong number of months is refused with a message and changes nothing.
      await page.locator('#period-1-months').fill('500');
      await page.locator('#period-1-months').press('Enter');
      assert.match(await page.locator('#period-1-error').textContent(), /1 tot en met 120/);
      assert.equal(euros(await page.locator('[data-testid="plan-total"]').textContent()), total);
    });
  });

  test('the link holds everything: copied, opened in a fresh context, the same state', async () => {
    let link;
    let shown;
    await withPage(
      async (page) => {
        await makeTwoScenarios(page);
        await page.locator('[data-testid="preset"][data-preset-id="flexible"]').click();
        await page.locator('#timeline-start').click();
        await page.locator('#period-2-months').fill('9');
        await page.locator('#period-2-months').press('Enter');
        await page.locator('#share-copy').click();
        await page.locator('[data-testid="copy-status"]').filter({ hasText: 'gekopieerd' }).waitFor();
        link = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(link, await shownLink(page), 'the copied link is the one shown');
        assert.ok(link.length < 2000, `link length ${link.length}`);
        shown = {
          tabs: await tabNames(page),
          active: await activeTab(page),
          heads: await page.locator('[data-testid="compare-table"] thead th').allTextContents(),
          advice: await page.locator('[data-testid="compare-advice"] td').allTextContents(),
          total: await page.locator('[data-testid="plan-total"]').textContent(),
          shares: await page.locator('[data-testid="weight-share"]').allTextContents(),
        };
      },
      { grant: ['clipboard-read', 'clipboard-write'] },
    );
    await withPage(
      async (page) => {
        assert.deepEqual(await tabNames(page), shown.tabs);
        assert.equal(await activeTab(page), shown.active);
        assert.deepEqual(await page.locator('[data-testid="compare-table"] thead th').allTextContents(), shown.heads);
        assert.deepEqual(await page.locator('[data-testid="compare-advice"] td').allTextContents(), shown.advice);
        assert.equal(await page.locator('[data-testid="plan-total"]').textContent(), shown.total);
        assert.equal(await page.locator('#period-2-months').inputValue(), '9');
        assert.deepEqual(await page.locator('[data-testid="weight-share"]').allTextContents(), shown.shares);
        assert.equal(await page.locator('[data-testid="link-notice"]').count(), 0);
      },
      { url: link },
    );
  });

  test('a tampered, truncated or old link: a clear message, the valid parts kept', async () => {
    let link;
    await withPage(async (page) => {
      await makeTwoScenarios(page);
      await page.locator('#timeline-start').click();
      link = await shownLink(page);
    });
    // A sequence period of 999 months and a scenario name that is far too long.
    const [base, fragment] = link.split('#');
    const fields = fragment.split(';');
    assert.equal(fields[0], 'v2');
    fields[5] = fields[5].replace(/^0\.\d+/, '0.999');
    fields[7] = fields[7].replace(/^Nu~/, `${'x'.repeat(80)}~`);
    await withPage(
      async (page) => {
        const notice = page.locator('[data-testid="link-notice"]');
        await notice.waitFor();
        const text = await notice.textContent();
        assert.match(text, /Niet alles kon blijven/);
        assert.match(text, /120 maanden/);
        assert.ok((await notice.locator('li').count()) >= 2, text);
        assert.equal((await tabNames(page)).length, 3, 'all three scenarios kept');
        assert.equal(await page.locator('#period-0-months').inputValue(), '120');
      },
      { url: `${base}#${fields.join(';')}` },
    );
    // Cut off halfway: whatever can be read is used, and the page says so.
    await withPage(
      async (page) => {
        await page.locator('[data-testid="link-notice"]').waitFor();
        assert.ok((await tabNames(page)).length >= 1);
      },
      { url: link.slice(0, Math.floor(link.length * 0.6)) },
    );
    // A version 1 link (before scenarios over time) still opens, without complaint.
    const v1 = `${base}#v1;ret;2024.1;nl;0;s7en;Nu~trips=8,distance=7,travel=4,age=19-64,lives=1,travels=1~cost=3,flexibility=1,convenience=1`;
    await withPage(
      async (page) => {
        assert.deepEqual(await tabNames(page), ['Nu']);
        assert.equal(await page.locator(TRIPS).inputValue(), '8');
      },
      { url: v1 },
    );
  });

  test('saving on the device only on request, and deleting it again', async () => {
    await withPage(async (page) => {
      await makeTwoScenarios(page);
      const stored = () => page.evaluate(() => ({ ...localStorage }));
      assert.deepEqual(await stored(), {}, 'nothing is saved without asking');
      assert.deepEqual(await page.context().cookies(), [], 'no cookies');
      await page.locator('#save-on-device').click();
      await page.locator('[data-testid="device-status"]').filter({ hasText: 'Bewaard op dit apparaat' }).waitFor();
      const saved = await stored();
      assert.deepEqual(Object.keys(saved), ['adviesmodule:ret']);
      // Opening the page again without a link opens what was saved, and says so.
      await page.goto(`${site.server.url}ret/`);
      await ready(page);
      assert.deepEqual(await tabNames(page), ['Nu', 'Kopie van Nu', 'Vanaf mijn 65e']);
      assert.match(await page.locator('[data-testid="link-notice"]').textContent(), /op dit apparaat bewaarde/);
      assert.match(await page.locator('[data-testid="saved-line"]').textContent(), /Op dit apparaat staat een versie/);
      await page.locator('#delete-from-device').click();
      assert.deepEqual(await stored(), {}, 'deleted');
      assert.match(await page.locator('[data-testid="device-status"]').textContent(), /Verwijderd/);
      await page.goto(`${site.server.url}ret/`);
      await ready(page);
      assert.deepEqual(await tabNames(page), ['Nu']);
    });
  });

  test('"Liever met iemand praten?" leads to a summary with everything, printable on A4', async () => {
    await withPage(async (page) => {
      await makeTwoScenarios(page);
      await page.locator('#timeline-start').click();
      await page.locator('#talk-to-someone').click();
      const summary = page.locator('[data-testid="summary"]');
      await summary.waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'summary-title', 'focus on the summary');
      assert.equal(await summary.locator('[data-testid="summary-scenario"]').count(), 3);
      assert.match(await summary.locator('[data-testid="summary-date"]').textContent(), /Datum van dit advies: \d+ \w+ 20\d\d/);
      const link = await summary.locator('[data-testid="summary-link"]').textContent();
      assert.match(link, /#v2;ret;/);
      assert.ok((await summary.locator('[data-testid="summary-source"]').count()) >= 3);
      assert.match(await summary.locator('[data-testid="summary-source"]').first().textContent(), /20\d\d/, 'sources with dates');
      const contact = summary.locator('[data-testid="contact"]').first();
      assert.match(await contact.textContent(), /RET klantenservice/);
      assert.equal(await contact.locator('a').getAttribute('href'), 'https://www.ret.nl');
      assert.equal(await summary.locator('[data-testid="summary-advice"]').count(), 3, 'the advice per scenario');
      assert.match(await summary.textContent(), /Overstappen|Eén product|Het advies is in elke periode/);

      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
      assert.equal(await page.locator('#summary-print').isVisible(), false, 'no buttons on paper');
      assert.equal(await page.locator('#talk-to-someone').isVisible(), false);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scroll <= 794, `fits the width of A4 (${scroll})`);
      await mkdir(OUTPUT_DIR, { recursive: true });
      await page.screenshot({ path: `${OUTPUT_DIR}summary-print.png`, fullPage: true });
      if (process.env.UPDATE_DOCS_SCREENSHOTS) {
        await page.screenshot({ path: `${DOCS_DIR}summary-print.png`, fullPage: true });
      }
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      assert.ok(pdf.length > 10_000, 'prints to a PDF');
      await page.emulateMedia({ media: 'screen' });
      await page.locator('#summary-back').click();
      await page.locator('#scenarios').waitFor();
      assert.deepEqual(await tabNames(page), ['Nu', 'Kopie van Nu', 'Vanaf mijn 65e'], 'nothing lost');
    });
  });

  test('keyboard only: copy, life event, timeline, summary and back', async () => {
    await withPage(async (page) => {
      const tabTo = async (predicate, what, limit = 200) => {
        for (let k = 0; k < limit; k++) {
          if (await page.evaluate(predicate)) return;
          await page.keyboard.press('Tab');
        }
        throw new Error(`could not reach ${what} with Tab`);
      };
      const tabToId = async (id) => {
        for (let k = 0; k < 200; k++) {
          if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
          await page.keyboard.press('Tab');
        }
        throw new Error(`could not reach #${id} with Tab`);
      };
      await tabToId('scenario-duplicate');
      await page.keyboard.press('Enter');
      await page.waitForFunction((s) => document.querySelectorAll(s).length === 2, TABS);
      await tabTo(
        () => document.activeElement?.closest('[data-testid="life-events"]') && document.activeElement.tagName === 'SUMMARY',
        'the life events',
      );
      await page.keyboard.press('Enter');
      await tabTo(() => document.activeElement?.dataset?.eventId === 'move_further', 'the move event');
      await page.keyboard.press('Enter');
      await page.waitForFunction((s) => document.querySelectorAll(s).length === 3, TABS);
      assert.equal(await activeTab(page), 'Na de verhuizing');
      assert.equal(await page.locator('#input-distance_km').inputValue(), '15');
      await tabToId('timeline-start');
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="plan-total"]').waitFor();
      await page.keyboard.press('Shift+Tab');
      await tabToId('period-0-months');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /Totaal over 15 maanden/.test(document.querySelector('[data-testid="plan-table"]').textContent));
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'period-0-months', 'focus stays in the field');
      // Back to the top, to the person button in the header.
      await page.evaluate(() => document.activeElement.blur());
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('body').focus();
      await tabToId('talk-to-someone');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'summary-title');
      assert.equal(await page.locator('[data-testid="summary-scenario"]').count(), 3);
      await tabToId('summary-back');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'talk-to-someone');
    });
  });

  test('axe-core finds nothing with scenarios, timeline and summary; screenshots at 1280 and 360 px', async () => {
    for (const width of [1280, 360]) {
      await withPage(
        async (page) => {
          await makeTwoScenarios(page);
          await page.locator('[data-testid="life-events"] summary').click();
          await page.locator('[data-testid="scenario-manage"] summary').click();
          await page.locator('#timeline-start').click();
          await page.locator('[data-testid="plan-keep-details"] summary').click();
          let { summary } = await checkAccessibility(page);
          assert.equal(summary, '', `axe-core at ${width} px:\n${summary}`);
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scroll <= width, `no horizontal scroll at ${width} px (${scroll})`);
          await mkdir(OUTPUT_DIR, { recursive: true });
          await page.locator('#compare').screenshot({ path: `${OUTPUT_DIR}compare-${width}.png` });
          await page.locator('#timeline').screenshot({ path: `${OUTPUT_DIR}timeline-${width}.png` });
          await page.screenshot({ path: `${OUTPUT_DIR}page-scenarios-${width}.png`, fullPage: true });
          if (process.env.UPDATE_DOCS_SCREENSHOTS) {
            await page.locator('#scenarios').screenshot({ path: `${DOCS_DIR}scenarios-${width}.png` });
            await page.locator('#compare').screenshot({ path: `${DOCS_DIR}compare-${width}.png` });
            await page.locator('#timeline').screenshot({ path: `${DOCS_DIR}timeline-${width}.png` });
          }
          await page.locator('#talk-to-someone').click();
          await page.locator('[data-testid="summary"]').waitFor();
          ({ summary } = await checkAccessibility(page));
          assert.equal(summary, '', `axe-core on the summary at ${width} px:\n${summary}`);
        },
        { width, height: 900 },
      );
    }
  });
});
