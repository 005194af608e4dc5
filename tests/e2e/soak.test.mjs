// Soak: 10,000 random interactions on the RET advice page and on a host page with two widgets
// (embed/demo/gemeente.html: a full Dutch RET widget and a compact English one). No console
// errors, no uncaught errors, no unhandled promise rejections, no failed requests; afterwards
// the page still gives advice and still answers a change; the wasm memory and the JS heap
// after a forced garbage collection, sampled every 1,000 interactions, stay flat.
//
//   SOAK_SEED=<uint32>|random  the random stream (default 20261127; printed; a failure names it)
//   SOAK_INTERACTIONS=<n>      how many per page (default 10,000; fewer for a quick run)
//
// How the interactions are driven: see lib/soak-driver.mjs. In short: a seeded driver in the
// page picks a visible control and operates it through the real DOM event handlers (value +
// input/change events, clicks, key events), in batches of up to 49 per page.evaluate; every
// 50th interaction is done by Playwright (real mouse click, key press, fill, select). One
// round trip per interaction would take several times longer.
//
// The series (interactions, wasm bytes, JS heap bytes after GC, DOM nodes, listeners) is
// printed and written to output/soak-<page>.json; every interaction to output/soak-<page>.log.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { newPage, waitForExploration } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';
import { soakDriver } from './lib/soak-driver.mjs';

const OUTPUT_DIR = fileURLToPath(new URL('./output/', import.meta.url));
const INTERACTIONS = Number(process.env.SOAK_INTERACTIONS ?? 10_000);
// A fixed seed by default, so a CI run cannot pass or fail by chance; SOAK_SEED=random explores.
const SEED =
  process.env.SOAK_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 32)
    : Number(process.env.SOAK_SEED ?? 20261127);
const SAMPLE_EVERY = 1_000;
const PLAYWRIGHT_EVERY = 50;

assert.ok(Number.isInteger(INTERACTIONS) && INTERACTIONS > 0, `SOAK_INTERACTIONS must be a positive integer (${process.env.SOAK_INTERACTIONS})`);
assert.ok(Number.isInteger(SEED) && SEED >= 0 && SEED < 2 ** 32, `SOAK_SEED must be an integer from 0 to 2^32 - 1 (${process.env.SOAK_SEED})`);
console.log(`soak: seed ${SEED} (SOAK_SEED=${SEED} repeats this run), ${INTERACTIONS} interactions per page`);

const site = useSite();

const MiB = 1024 * 1024;
const mib = (bytes) => (bytes / MiB).toFixed(2);

/**
 * Rejects once nothing has moved for STALL_MS: neither the step the test is on (`phase`, set
 * before each await) nor the interaction the driver is on (polled in a second evaluation,
 * which runs while the first awaits a frame or a task). A stuck page fails with where it is
 * stuck, not with the test's timeout and nothing to go on.
 */
const STALL_MS = 60_000;
function watchStall(page, progress) {
  let timer;
  const stalled = new Promise((_, reject) => {
    let seen = '';
    let since = Date.now();
    timer = setInterval(async () => {
      const inPage = await Promise.race([
        page
          .evaluate(() => `${window.__soak.current} (${window.__soak.currentWhat})`)
          .catch((e) => `unknown (${String(e.message ?? e).split('\n')[0]}; page at ${page.url()})`),
        new Promise((ok) => setTimeout(() => ok('not answering'), 4_000)),
      ]);
      const now = `${progress.phase}; the page's driver at interaction ${inPage}`;
      if (now !== seen) {
        seen = now;
        since = Date.now();
      } else if (Date.now() - since > STALL_MS) {
        clearInterval(timer);
        reject(new Error(`stuck for ${STALL_MS / 1000} s: ${now}`));
      }
    }, 5_000);
  });
  stalled.catch(() => {});
  return { stalled, stop: () => clearInterval(timer) };
}

/** One sample: interaction count, wasm memory, JS heap after a full GC, DOM counters. */
async function sample(page, cdp, interactions, started) {
  // Twice: the first collection can leave garbage that only becomes unreachable by it
  // (weak references, finalizers); the second settles it.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const wasm = await page.evaluate(() => window.__soak.wasmBytes());
  return {
    interactions,
    wasmBytes: wasm,
    jsHeapBytes: heap.usedSize,
    embedderBytes: heap.embedderHeapUsedSize,
    domNodes: dom.nodes,
    listeners: dom.jsEventListeners,
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
}

function table(series) {
  const head = 'interactions   wasm bytes (MiB)        JS heap after GC (MiB)   DOM nodes  listeners   s';
  const rows = series.map(
    (s) =>
      `${String(s.interactions).padStart(12)}   ${String(s.wasmBytes).padStart(10)} (${mib(s.wasmBytes).padStart(6)})   ` +
      `${String(s.jsHeapBytes).padStart(10)} (${mib(s.jsHeapBytes).padStart(6)})     ${String(s.domNodes).padStart(7)}  ${String(s.listeners).padStart(9)}  ${String(s.seconds).padStart(5)}`,
  );
  return [head, ...rows].join('\n');
}

/** Does an interaction the driver planned, through Playwright; true if a click fell back to the keyboard. */
async function perform(page, plan) {
  const target = page.locator(plan.target);
  switch (plan.action) {
    case 'click': {
      // A real mouse click at the control's centre (one round trip to find it, then the input
      // events); if something else covers it there, the keyboard gets there too.
      const point = await page.evaluate(() => window.__soak.clickPoint());
      if (point) {
        await page.mouse.click(point.x, point.y);
        break;
      }
      await target.focus();
      await page.keyboard.press(plan.key);
      return true;
    }
    case 'press':
      await target.focus();
      await page.keyboard.press(plan.key);
      break;
    case 'fill':
      await target.fill(plan.text);
      if (plan.commit) await target.press('Enter');
      break;
    case 'select':
      await target.selectOption({ index: plan.index });
      break;
    default:
      throw new Error(`unknown plan ${JSON.stringify(plan)}`);
  }
  return false;
}

/** Fails with the reproduction: seed, index, what the driver did last, what went wrong. */
async function failWithReproduction(page, name, errors, series) {
  const info = await page.evaluate(() => ({ errors: window.__soak.errors, log: window.__soak.log })).catch(() => null);
  const lines = [
    `soak on ${name} failed (seed ${SEED}; every interaction is in output/soak-${name}.log). ` +
      'SOAK_SEED repeats the same random choices; the page can drift from the first run where timing ' +
      'decides (a widget mounting, a deferred section), so use the log to rebuild a reproduction.',
    ...(info?.errors ?? []).map((e) => `  at interaction ${e.index} (${e.what}): ${e.kind}: ${e.message}`),
    ...errors.map((e) => `  ${e}`),
    '  last interactions:',
    ...(info?.log ?? []).map((l) => `    ${l}`),
    '  memory so far:',
    ...table(series).split('\n').map((l) => `    ${l}`),
  ];
  assert.fail(lines.join('\n'));
}

/**
 * Opens `path`, waits for `ready`, runs INTERACTIONS interactions sampling memory every
 * SAMPLE_EVERY, prints and writes the series, then checks: no errors, `afterRun(page)` (the
 * page still works), flat memory.
 */
async function soak(name, path, kind, ready, afterRun) {
  const { context, page, errors } = await newPage(site.browser);
  let stopWatch = () => {};
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    await page.addInitScript(soakDriver, { seed: SEED, kind });
    const cdp = await context.newCDPSession(page);
    await page.goto(`${site.server.url}${path}`);
    await ready(page);
    const started = performance.now();
    const series = [await sample(page, cdp, 0, started)];
    const nodeTime = { playwright: 0, sampling: 0, keyboardFallbacks: 0 };
    const log = []; // every interaction, as `index: root category what`
    const writeLog = async () => {
      await mkdir(OUTPUT_DIR, { recursive: true });
      await writeFile(`${OUTPUT_DIR}soak-${name}.log`, `seed ${SEED}\n${log.join('\n')}\n`);
    };
    // Every await of the loop goes through `guard`: a stall fails the test with where it is.
    const progress = { phase: 'starting' };
    const watch = watchStall(page, progress);
    stopWatch = watch.stop;
    const guard = (promise) =>
      Promise.race([promise, watch.stalled]).catch(async (e) => {
        watch.stop();
        await writeLog();
        errors.push(String(e.message ?? e));
        await failWithReproduction(page, name, errors, series);
      });
    let i = 0;
    while (i < INTERACTIONS) {
      const nextSample = Math.min(INTERACTIONS, (Math.floor(i / SAMPLE_EVERY) + 1) * SAMPLE_EVERY);
      const nextPlaywright = Math.floor(i / PLAYWRIGHT_EVERY) * PLAYWRIGHT_EVERY + PLAYWRIGHT_EVERY - 1;
      const to = Math.min(nextSample, nextPlaywright);
      progress.phase = `running interactions ${i} to ${to}`;
      const result = await guard(
        page.evaluate((arg) => window.__soak.run(arg), {
          from: i,
          to,
          playwrightAt: to === nextPlaywright && to < INTERACTIONS ? to : -1,
        }),
      );
      log.push(...result.lines);
      if (result.failed || errors.length > 0) {
        await writeLog();
        await failWithReproduction(page, name, errors, series);
      }
      i = result.reached;
      if (result.plan) {
        const t = performance.now();
        progress.phase = `Playwright at interaction ${to}: ${JSON.stringify(result.plan)}`;
        if (await guard(perform(page, result.plan))) nodeTime.keyboardFallbacks += 1;
        nodeTime.playwright += performance.now() - t;
        i = to + 1;
      }
      if (i === nextSample) {
        const t = performance.now();
        progress.phase = `sampling memory at ${i}`;
        series.push(await guard(sample(page, cdp, i, started)));
        nodeTime.sampling += performance.now() - t;
        if (process.env.SOAK_PROGRESS) console.error(`soak ${name}: ${JSON.stringify(series.at(-1))}`);
        if (errors.length > 0) {
          await writeLog();
          await failWithReproduction(page, name, errors, series);
        }
      }
    }
    watch.stop();
    await writeLog();
    const seconds = (performance.now() - started) / 1000;
    const { errors: pageErrors, counts, time, linksNotFollowed } = await page.evaluate(() => ({
      errors: window.__soak.errors,
      counts: window.__soak.counts,
      linksNotFollowed: window.__soak.linksNotFollowed,
      time: Object.fromEntries(Object.entries(window.__soak.time).map(([k, v]) => [k, Math.round(v)])),
    }));
    console.log(
      [
        `\nsoak ${name}: ${INTERACTIONS} interactions in ${seconds.toFixed(1)} s (seed ${SEED})`,
        `interactions per category: ${JSON.stringify(counts)}; mouse clicks that landed on a link off the page (not followed): ${linksNotFollowed}`,
        `time in the page (ms): ${JSON.stringify(time)}; Playwright actions and sampling (ms): ${JSON.stringify(nodeTime, (k, v) => (typeof v === 'number' ? Math.round(v) : v))}`,
        table(series),
      ].join('\n'),
    );
    await mkdir(OUTPUT_DIR, { recursive: true });
    await writeFile(
      `${OUTPUT_DIR}soak-${name}.json`,
      `${JSON.stringify({ page: path, seed: SEED, interactions: INTERACTIONS, seconds: Number(seconds.toFixed(1)), counts, timeMs: time, series }, null, 2)}\n`,
    );
    if (pageErrors.length > 0 || errors.length > 0) await failWithReproduction(page, name, errors, series);

    await afterRun(page);
    assert.deepEqual(await page.evaluate(() => window.__soak.errors), [], 'no errors in the final check');
    assert.deepEqual(errors, [], `console or page errors:\n${errors.join('\n')}`);
    checkFlat(name, series);
  } finally {
    stopWatch();
    await context.close();
  }
}

/**
 * Flatness, judged on runs of at least 5,000 interactions (a shorter developer run only prints
 * the series).
 *
 * Baseline: the larger of the samples at 1,000 and 2,000 interactions (warm: by then the random
 * walk has been through every part of the page many times: 7 scenarios, a full timeline, the
 * summary, the tables). End: the smaller of the last two samples. Taking the larger at the start
 * and the smaller at the end keeps a momentarily big state (many scenarios open at a sample)
 * from failing the test; a leak raises both of the last two samples, so it still shows.
 *
 * - wasm memory (bytes): end - baseline <= 1 MiB (16 pages of 64 KiB). Linear memory never
 *   shrinks; once warm it should only grow for a new peak. 1 MiB over the 8,000 interactions
 *   after warm-up catches a leak of about 130 bytes per interaction or more.
 * - JS heap after a full GC (bytes): end - baseline <= 1 MiB. Between samples it varies by
 *   about 0.3 MiB with the state (see output/soak-*.json); the same 130 bytes per interaction.
 * - DOM nodes (after GC, detached ones included): end <= 2 x baseline. The page's own size
 *   varies (scenario columns, tables): 1,800 to 6,000 nodes on the RET page.
 *
 * Why these bounds: before the fixes this test led to (vendor/README.md: dropped subscribers
 * kept by reactive_graph; a form around each radio group for Chromium's shadow-root radio
 * groups), the RET page's wasm memory grew by about 1.2 kB per interaction (5.3 to 15.3 MiB,
 * seed 1) and the host page's DOM by about 50,000 nodes per 1,000 interactions. After them (seed
 * 1): wasm 2.44 MiB at 1,000 and at 10,000 on the RET page, and +0.19 MiB on the host page; JS
 * heap within 0.2 MiB; DOM nodes between 3,000 and 6,600. So 1 MiB leaves a margin of about 5
 * over the largest honest growth seen, and still fails a leak of 130 bytes per interaction.
 */
const WASM_SLACK = 1 * MiB;
const HEAP_SLACK = 1 * MiB;
const DOM_FACTOR = 2;

function checkFlat(name, series) {
  if (INTERACTIONS < 5_000) {
    console.log(`soak ${name}: ${INTERACTIONS} interactions: series printed, flatness judged only from 5,000 on`);
    return;
  }
  const warm = series.filter((s) => s.interactions >= 1_000 && s.interactions <= 2_000);
  const end = series.slice(-2);
  const base = (key) => Math.max(...warm.map((s) => s[key]));
  const last = (key) => Math.min(...end.map((s) => s[key]));
  const span = series.at(-1).interactions - 2_000;
  const growth = (key) => {
    const d = last(key) - base(key);
    return `${key} ${base(key)} -> ${last(key)} (${d >= 0 ? '+' : ''}${mib(d)} MiB, ${Math.round(d / span)} bytes per interaction)`;
  };
  const problems = [];
  if (last('wasmBytes') - base('wasmBytes') > WASM_SLACK) problems.push(`wasm memory grows: ${growth('wasmBytes')}`);
  if (last('jsHeapBytes') - base('jsHeapBytes') > HEAP_SLACK) problems.push(`JS heap grows: ${growth('jsHeapBytes')}`);
  if (last('domNodes') > DOM_FACTOR * base('domNodes')) problems.push(`DOM nodes grow: ${base('domNodes')} -> ${last('domNodes')}`);
  console.log(`soak ${name}: ${growth('wasmBytes')}; ${growth('jsHeapBytes')}; domNodes ${base('domNodes')} -> ${last('domNodes')}`);
  assert.deepEqual(problems, [], `memory is not flat on ${name} (seed ${SEED}):\n${problems.join('\n')}\n${table(series)}`);
}

// ------------------------------------------------------------------ the final check

const PAY = /Reizen op saldo|Pay per trip/;
const MONTH = /maandabonnement|monthly pass/;

/**
 * After the run, in `root` (a locator scope): back from the summary if it is open, the
 * makers' weights, the default answers with 2 trips a week (pay per trip wins), then 14 (the
 * monthly pass wins; see analysis.test.mjs and cases.toml). Real Playwright actions.
 */
async function stillWorks(page, scope, rootHandle) {
  const $ = (s) => page.locator(`${scope} ${s}`.trim());
  const best = async () => ((await $('[data-testid="best-option"]').first().textContent()) ?? '').trim();
  if (await $('#summary-back').isVisible()) await $('#summary-back').click();
  await $('[data-testid="best-option"]').first().waitFor({ timeout: 5_000 });
  const before = await best();
  assert.ok(before.length > 0 && !/NaN|undefined|null/.test(before), `an advice is shown: "${before}"`);
  if (await $('[data-testid="weights-reset"]').count()) await $('[data-testid="weights-reset"]').click();
  await $('#input-age_group-3').check();
  await $('#input-lives_in_rotterdam-0').check();
  await $('#input-distance_km-number').fill('7');
  await $('#input-travel_days_per_week-number').fill('4');
  await $('#input-trips_per_week-number').fill('2');
  await page.waitForFunction(([root, re]) => new RegExp(re).test(root.querySelector('[data-testid="best-option"]')?.textContent ?? ''), [rootHandle, PAY.source]);
  await $('#input-trips_per_week-number').fill('14');
  await page.waitForFunction(([root, re]) => new RegExp(re).test(root.querySelector('[data-testid="best-option"]')?.textContent ?? ''), [rootHandle, MONTH.source]);
  const after = await best();
  assert.doesNotMatch(after, /NaN/);
  if (await $('[data-testid="best-cost"]').count()) {
    const figure = ((await $('[data-testid="best-cost"]').first().textContent()) ?? '').trim();
    assert.doesNotMatch(figure, /NaN|undefined/, `the headline figure is a number: "${figure}"`);
  }
}

describe('soak', { concurrency: 2 }, () => {
  test(`${INTERACTIONS} random interactions on the RET advice page`, { timeout: 600_000 }, async () => {
    await soak(
      'ret',
      'ret/',
      'site',
      async (page) => {
        await page.waitForFunction(() => document.querySelector('[data-testid="best-option"]')?.textContent.trim().length > 0, null, { timeout: 20_000 });
        await waitForExploration(page);
      },
      async (page) => {
        await stillWorks(page, '', await page.evaluateHandle(() => document));
      },
    );
  });

  test(`${INTERACTIONS} random interactions on a host page with two widgets`, { timeout: 600_000 }, async () => {
    await soak(
      'gemeente',
      'embed/demo/gemeente.html',
      'widgets',
      async (page) => {
        for (const id of ['widget-nl', 'widget-en']) {
          await page.locator(`#${id} [data-testid="best-option"]`).waitFor({ timeout: 20_000 });
        }
        await waitForExploration(page);
      },
      async (page) => {
        for (const id of ['widget-nl', 'widget-en']) {
          await stillWorks(page, `#${id}`, await page.evaluateHandle((id) => document.getElementById(id).shadowRoot, id));
        }
      },
    );
  });
});
