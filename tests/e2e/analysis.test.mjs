// End-to-end tests of the analysis on the advice page: the tipping-point chart and the
// "Waarom dit advies?" explanation. Expected figures come from advisors/ret/cases.toml
// (hand-derived there): at 7 km the advice flips from pay per trip to the monthly pass at
// 11 trips a week.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { checkAccessibility } from './lib/axe.mjs';
import { newPage, steadyValue } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';

const OUTPUT_DIR = fileURLToPath(new URL('./output/', import.meta.url));
const TRIPS = '#input-trips_per_week';
const BEST = '[data-testid="best-option"]';
const ANNOUNCER = '#advice-announcer';
const PAY = 'Reizen op saldo (OV-chipkaart of OVpay)';
const MONTH = 'RET maandabonnement';

const site = useSite();

/** Opens the advice page, runs `body`, then asserts that no console or page error happened. */
async function withPage(body) {
  const { context, page, errors } = await newPage(site.browser);
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

/**
 * The x position of the chart's "jij" (current value) label in SVG units, as the citizen sees
 * it: the chart is scrolled into view first (off screen it is not redrawn), then the view goes
 * back to where it was.
 */
async function currentLineX(page) {
  const back = await page.evaluate(() => window.scrollY);
  await page.locator('.adv-chart').scrollIntoViewIfNeeded();
  // The chart redraws only while on screen: read the line once it has stayed put.
  const x = await steadyValue(page, () => {
    const label = [...document.querySelectorAll('.adv-chart__svg text')].find((t) => t.textContent.trim() === 'jij');
    return label ? Number(label.getAttribute('x')) : NaN;
  });
  await page.evaluate((y) => window.scrollTo(0, y), back);
  return x;
}

describe('analysis on the advice page', () => {

  test('moving trips across the tipping point flips the advice and moves the chart line', async () => {
    await withPage(async (page) => {
      assert.equal(await text(page, BEST), PAY);
      assert.match(await text(page, '[data-testid="chart-summary"]'), /Vanaf 11 ritten per week past RET maandabonnement het best\./);
      const x8 = await currentLineX(page);
      assert.ok(Number.isFinite(x8), 'the chart marks the current value');

      // Keyboard only: focus the slider and press ArrowUp from 8 to 10: still pay per trip.
      await page.locator(TRIPS).focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await page.waitForFunction((s) => document.querySelector(s).value === '10', TRIPS);
      assert.equal(await text(page, BEST), PAY, 'at 10 trips pay per trip still wins (EUR 97.07 < EUR 99)');
      // One more step crosses the tipping point.
      await page.keyboard.press('ArrowUp');
      await page.waitForFunction(([s, want]) => document.querySelector(s).textContent.trim() === want, [BEST, MONTH]);
      assert.match(await text(page, ANNOUNCER), /RET maandabonnement/, 'the flip is announced');
      assert.match(await text(page, '[data-testid="chart-summary"]'), /Jij zit nu op 11 ritten per week\./);
      const x11 = await currentLineX(page);
      assert.ok(x11 > x8, `the current-value line moved right (${x8} -> ${x11})`);
    });
  });

  test('the chart is a named figure with a summary and a data table that opens', async () => {
    await withPage(async (page) => {
      const figure = page.getByRole('figure', { name: /Grafiek: score van 0 tot 100 \(ritten per week\)/ });
      assert.equal(await figure.count(), 1, 'one figure named by its caption');
      assert.equal(await figure.getAttribute('aria-describedby'), 'chart-summary');
      const table = page.locator('[data-testid="chart-table"]');
      assert.equal(await table.isVisible(), false, 'the table starts closed');
      await page.getByText('Bekijk de cijfers als tabel').click();
      // The table is built when the <details> opens (its toggle event comes after the click).
      await table.waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await table.isVisible(), true, 'the table opens');
      assert.equal(await table.locator('tbody tr').count(), 41, 'one row per value from 0 to 40 trips');
      await page.locator('#input-trips_per_week').focus();
      await page.keyboard.press('ArrowUp');
      await page.waitForFunction(() => /Jij zit nu op 9 ritten per week\./.test(document.querySelector('[data-testid="chart-summary"]')?.textContent ?? ''));
      assert.equal(await table.isVisible(), true, 'the table stays open when an answer changes');
      const row11 = table.locator('tbody tr').nth(11);
      assert.match(await row11.textContent(), /11 ritten per week/);
      assert.match(await row11.textContent(), /RET maandabonnement$/);
      const { summary } = await checkAccessibility(page);
      assert.equal(summary, '', `axe-core found problems with the table open:\n${summary}`);
      await mkdir(OUTPUT_DIR, { recursive: true });
      await page.setViewportSize({ width: 320, height: 900 });
      await figure.screenshot({ path: `${OUTPUT_DIR}chart-320.png` });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `no horizontal scroll at 320 px (page is ${width} px wide)`);
    });
  });

  test('the citizen can pick another question for the chart', async () => {
    await withPage(async (page) => {
      await page.locator('#chart-input').selectOption({ label: 'Hoe lang is een rit meestal?' });
      await page.waitForFunction(() => /Vanaf 11 km past RET maandabonnement het best\./.test(
        document.querySelector('[data-testid="chart-summary"]')?.textContent ?? ''));
    });
  });

  test('the explanation names the decisive factors, the solidity and the nearest tipping point', async () => {
    await withPage(async (page) => {
      const why = page.locator('[data-testid="why"]');
      assert.match(await why.locator('[data-testid="why-text"]').textContent(), /kosten per maand/);
      assert.match(await text(page, '[data-testid="solidity"]'), /^(Stevig advies|Grensgeval)$/);
      const sentences = await why.locator('[data-testid="tipping-sentences"] li').allTextContents();
      assert.ok(
        sentences.includes('Bij 11 ritten per week of meer past RET maandabonnement beter.'),
        `tipping sentences: ${JSON.stringify(sentences)}`,
      );
      await page.locator('#lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const en = await why.locator('[data-testid="tipping-sentences"] li').allTextContents();
      assert.ok(en.includes('At 11 trips per week or more, RET monthly pass fits better.'), JSON.stringify(en));
    });
  });
});
