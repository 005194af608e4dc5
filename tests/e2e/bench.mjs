// Browser benchmark (not a test: `cargo xtask bench` runs it after the release build).
// Measures in the system Chromium, on the release build in DIST_DIR:
//  1. interaction latency: from a changed answer or weight (input event) until the whole page
//     (advice, ranking, explanation, chart, weight panel) has been updated, i.e. all reactive
//     work that the event queued has run, and again including style and layout; median and
//     95th percentile over 200 changes each;
//  2. the engine's full analysis inside wasm (RET, and a generated advisor with 100 options,
//     20 factors and 20 numeric inputs) through the app's `bench_analysis` export.
// Prints a table and writes ../../target/browser-bench.json.

import { writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { launchBrowser, newPage } from './lib/browser.mjs';
import { distDir, startServer } from './lib/server.mjs';

const OUT = fileURLToPath(new URL('../../target/browser-bench.json', import.meta.url));

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, median: at(0.5), p95: at(0.95), min: s[0], max: s[s.length - 1] };
}

const server = await startServer(await distDir());
const browser = await launchBrowser();
const { context, page, errors } = await newPage(browser);
try {
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('[data-testid="best-option"]')?.textContent.trim());

  // Latency of one change: set the value, dispatch `input`, then wait for a macrotask (a
  // MessageChannel message runs after every microtask the change queued, without the 4 ms
  // clamp of setTimeout). Everything the page does for the change happens in between
  // ("script"). Then style and layout are forced with a layout read ("+ layout"); paint and
  // compositing are not included. 200 changes of an answer, then 200 of a weight.
  const measure = (selector, values) =>
    page.evaluate(async ([selector, values]) => {
      const macrotask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
      const slider = document.querySelector(selector);
      if (!slider) throw new Error(`missing ${selector}`);
      const script = [];
      const layout = [];
      for (let k = 0; k < 200; k++) {
        const t0 = performance.now();
        slider.value = String(values[k % values.length]);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await macrotask();
        const t1 = performance.now();
        document.documentElement.getBoundingClientRect();
        void document.body.offsetHeight;
        const t2 = performance.now();
        script.push(t1 - t0);
        layout.push(t2 - t0);
        await new Promise((r) => requestAnimationFrame(() => r()));
      }
      return { script, layout };
    }, [selector, values]);
  const answer = await measure('#input-trips_per_week', Array.from({ length: 41 }, (_, k) => k));
  // Flexibility 0..10 and back crosses the tipping points of the default scenario's ranking.
  const weight = await measure('#weight-flexibility', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

  const analysis = await page.evaluate(() => {
    const b = window.wasmBindings;
    if (!b?.bench_analysis) return null;
    return Array.from(b.bench_analysis(20, 100, 20, 15));
  });
  if (!analysis) throw new Error('window.wasmBindings.bench_analysis is missing: is this the app build?');
  const report = {
    date: new Date().toISOString(),
    browser: browser.version(),
    answer_change_script_ms: stats(answer.script),
    answer_change_with_layout_ms: stats(answer.layout),
    weight_change_script_ms: stats(weight.script),
    weight_change_with_layout_ms: stats(weight.layout),
    analysis_generated_100x20x20_ms: stats(analysis.slice(0, 15)),
    analysis_ret_ms: stats(analysis.slice(15)),
    console_errors: errors,
  };
  await mkdir(fileURLToPath(new URL('../../target/', import.meta.url)), { recursive: true });
  await writeFile(OUT, JSON.stringify(report, null, 2));
  const row = (name, s) => console.log(`${name.padEnd(44)} median ${s.median.toFixed(2).padStart(8)} ms   p95 ${s.p95.toFixed(2).padStart(8)} ms   (n=${s.n})`);
  console.log(`browser benchmark in Chromium ${report.browser}`);
  row('answer change -> page updated (script)', report.answer_change_script_ms);
  row('answer change -> page updated (+ layout)', report.answer_change_with_layout_ms);
  row('weight change -> page updated (script)', report.weight_change_script_ms);
  row('weight change -> page updated (+ layout)', report.weight_change_with_layout_ms);
  row('full analysis, RET', report.analysis_ret_ms);
  row('full analysis, generated 100x20x20', report.analysis_generated_100x20x20_ms);
  console.log(`written to ${OUT}`);
  if (errors.length) throw new Error(`console errors during the benchmark:\n${errors.join('\n')}`);
} finally {
  await context.close();
  await browser.close();
  await server.close();
}
