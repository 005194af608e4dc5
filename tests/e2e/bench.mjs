// Browser benchmark (not a test: `cargo xtask bench` runs it after the release build).
// Measures in the system Chromium, on the release build in DIST_DIR:
//  1. interaction cost: for a changed answer or weight (input event), the main-thread work
//     until the whole page (advice, ranking, explanation, chart, weight panel) is updated on
//     screen: the event's task with every reactive update, plus the next frame's style, layout
//     and paint (from a Chromium trace); median and 95th percentile over 100 changes each;
//     and the same with four scenarios side by side and a four-period timeline;
//  1b. the widget: from the loader's first line to the first advice on a host page (the view
//     the build rendered) and to the first advice that answers (the app has taken it over),
//     10 cold loads, without and with 4x CPU throttling;
//  2. the engine's full analysis inside wasm (RET, and a generated advisor with 100 options,
//     20 factors and 20 numeric inputs) through the app's `bench_analysis` export.
// Prints a table and writes ../../target/browser-bench.json.

import { writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
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
  await page.goto(`${server.url}ret/`);
  await page.waitForFunction(() => document.querySelector('[data-testid="best-option"]')?.textContent.trim());
  // The exploration parts (loaded after the first advice) are part of every change below.
  await page.locator('#compare').waitFor({ timeout: 20_000 });

  // Main-thread work for one change, from a Chromium trace: the task that handles the
  // `input` event (the event and every reactive update it queues, in wasm and the DOM) plus
  // the next frame's rendering update (style, layout, paint). A change fits in one frame when
  // this is under 16.7 ms. Changes start right after a frame and are three frames apart; the
  // slider is scrolled to the middle of the 1280 x 900 viewport, as when a citizen moves it.
  // 100 changes of an answer, then 100 of a weight.
  const traced = async (selector, values) => {
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'toplevel'] });
    await page.evaluate(async ([selector, values]) => {
      const slider = document.querySelector(selector);
      if (!slider) throw new Error(`missing ${selector}`);
      // Where the citizen is when they move it: the slider in the middle of the screen.
      slider.scrollIntoView({ block: 'center' });
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const afterFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      for (let k = 0; k < 100; k++) {
        await afterFrame();
        slider.value = String(values[k % values.length]);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        await frame();
        await frame();
      }
    }, [selector, values]);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
    const dispatches = traceEvents.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input' && e.ph === 'X');
    const tasks = traceEvents.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X');
    const frames = traceEvents.filter((e) => e.name === 'WebFrameWidgetImpl::UpdateLifecycle' && e.ph === 'X');
    const out = { script: [], render: [], total: [] };
    for (const d of dispatches) {
      const task = tasks
        .filter((t) => t.tid === d.tid && t.ts <= d.ts && t.ts + t.dur >= d.ts + d.dur)
        .sort((a, b) => a.dur - b.dur)[0];
      if (!task) continue;
      const end = task.ts + task.dur;
      const next = frames.filter((f) => f.tid === d.tid && f.ts >= end).sort((a, b) => a.ts - b.ts)[0];
      if (!next) continue;
      out.script.push(task.dur / 1000);
      out.render.push(next.dur / 1000);
      out.total.push((task.dur + next.dur) / 1000);
    }
    if (out.total.length < 90) throw new Error(`only ${out.total.length} of 100 changes found in the trace`);
    return out;
  };
  const answer = await traced('#input-trips_per_week', Array.from({ length: 41 }, (_, k) => k));
  // Flexibility 0..10 and back crosses the tipping points of the default scenario's ranking.
  const weight = await traced('#weight-flexibility', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

  // The same with four scenarios side by side and a four-period timeline: every change also
  // updates the comparison table and the plan over time.
  for (let k = 0; k < 3; k++) await page.locator('#scenario-duplicate').click();
  await page.locator('#timeline-start').click();
  await page.locator('[data-testid="plan-total"]').waitFor();
  const weight4 = await traced('#weight-flexibility', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const answer4 = await traced('#input-trips_per_week', Array.from({ length: 41 }, (_, k) => k));

  // The generated advisor comes from `cargo run --example generated_json` (cargo xtask bench
  // writes it and sets BENCH_DEFINITION); it is not built into the app.
  const definitionPath = process.env.BENCH_DEFINITION;
  if (!definitionPath) throw new Error('BENCH_DEFINITION is not set: run the benchmark with `cargo xtask bench`');
  const generated = readFileSync(definitionPath, 'utf8');
  const analysis = await page.evaluate(async (json) => {
    // The app's module, as the page imported it (already started).
    const app = await import(new URL(document.getElementById('adv-boot').dataset.app, location.href).href);
    if (!app.bench_analysis) return null;
    const ret = document.getElementById('adv-definition').textContent;
    return Array.from(app.bench_analysis(json, ret, 15));
  }, generated);
  if (!analysis) throw new Error('the app has no bench_analysis export: is this the app build?');
  if (analysis.length !== 30) throw new Error(`bench_analysis gave ${analysis.length} timings, not 30: does ${definitionPath} read?`);
  // Widget: time from the loader's first line to the first advice on screen, 10 cold loads
  // (a new browser context each time, no cache), without and with 4x CPU throttling.
  const firstAdvice = async (throttle) => {
    const out = { shown: [], answers: [] };
    for (let k = 0; k < 10; k++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const p = await ctx.newPage();
      if (throttle > 1) {
        const cdp = await ctx.newCDPSession(p);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      }
      await p.addInitScript(() => {
        const since = () => performance.now() - (performance.getEntriesByName('advies-module:start')[0]?.startTime ?? 0);
        const seen = () => {
          const root = document.querySelector('advies-module')?.shadowRoot;
          const el = root?.querySelector('[data-testid="best-option"]');
          if (el && el.textContent.trim()) {
            window.__firstAdvice ??= since();
            if (root.querySelector('[data-adv-ready]')) {
              window.__answers = since();
              return;
            }
          }
          requestAnimationFrame(seen);
        };
        requestAnimationFrame(seen);
      });
      await p.goto(`${server.url}embed/demo/csp.html`);
      await p.waitForFunction(() => window.__answers !== undefined, null, { timeout: 60_000 });
      const [shown, answers] = await p.evaluate(() => [window.__firstAdvice, window.__answers]);
      out.shown.push(shown);
      out.answers.push(answers);
      await ctx.close();
    }
    return out;
  };
  const widgetFirst = await firstAdvice(1);
  const widgetFirst4x = await firstAdvice(4);

  // Playground: one keystroke in a 305-line definition (a copy of RET) re-validates it and
  // re-renders the preview. Alternates between the text and the text with one more comment
  // line, so every change is a new, valid definition.
  await page.goto(`${server.url}playground/`);
  await page.locator('#start-from').selectOption('ret');
  await page.locator('#start-load').click();
  await page.locator('[data-testid="preview"] [data-testid="best-option"]').waitFor();
  const retText = await page.locator('#definition-editor').inputValue();
  const playground = await traced('#definition-editor', [`${retText}\n# bewerkt`, retText]);

  const report = {
    widget_first_advice_ms: stats(widgetFirst.shown),
    widget_first_advice_4x_cpu_ms: stats(widgetFirst4x.shown),
    widget_first_answers_ms: stats(widgetFirst.answers),
    widget_first_answers_4x_cpu_ms: stats(widgetFirst4x.answers),
    date: new Date().toISOString(),
    browser: browser.version(),
    answer_change_work_ms: stats(answer.total),
    answer_change_script_ms: stats(answer.script),
    answer_change_render_ms: stats(answer.render),
    weight_change_work_ms: stats(weight.total),
    weight_change_script_ms: stats(weight.script),
    weight_change_render_ms: stats(weight.render),
    four_scenarios_answer_change_work_ms: stats(answer4.total),
    four_scenarios_weight_change_work_ms: stats(weight4.total),
    four_scenarios_weight_change_script_ms: stats(weight4.script),
    analysis_generated_100x20x20_ms: stats(analysis.slice(0, 15)),
    analysis_ret_ms: stats(analysis.slice(15)),
    playground_keystroke_work_ms: stats(playground.total),
    playground_keystroke_script_ms: stats(playground.script),
    console_errors: errors,
  };
  await mkdir(fileURLToPath(new URL('../../target/', import.meta.url)), { recursive: true });
  await writeFile(OUT, JSON.stringify(report, null, 2));
  const row = (name, s) => console.log(`${name.padEnd(44)} median ${s.median.toFixed(2).padStart(8)} ms   p95 ${s.p95.toFixed(2).padStart(8)} ms   (n=${s.n})`);
  console.log(`browser benchmark in Chromium ${report.browser}`);
  row('answer change: work (script + render)', report.answer_change_work_ms);
  row('  script (event + reactive updates)', report.answer_change_script_ms);
  row('  render (style, layout, paint)', report.answer_change_render_ms);
  row('weight change: work (script + render)', report.weight_change_work_ms);
  row('  script (event + reactive updates)', report.weight_change_script_ms);
  row('  render (style, layout, paint)', report.weight_change_render_ms);
  row('widget: loader start to first advice', report.widget_first_advice_ms);
  row('  the same with 4x CPU throttling', report.widget_first_advice_4x_cpu_ms);
  row('widget: loader start to advice that answers', report.widget_first_answers_ms);
  row('  the same with 4x CPU throttling', report.widget_first_answers_4x_cpu_ms);
  row('4 scenarios + timeline: answer change work', report.four_scenarios_answer_change_work_ms);
  row('4 scenarios + timeline: weight change work', report.four_scenarios_weight_change_work_ms);
  row('  script (event + reactive updates)', report.four_scenarios_weight_change_script_ms);
  row('full analysis, RET', report.analysis_ret_ms);
  row('full analysis, generated 100x20x20', report.analysis_generated_100x20x20_ms);
  row('playground: keystroke in 305 lines, work', report.playground_keystroke_work_ms);
  row('  script (validate + re-render preview)', report.playground_keystroke_script_ms);
  console.log(`written to ${OUT}`);
  if (errors.length) throw new Error(`console errors during the benchmark:\n${errors.join('\n')}`);
} finally {
  await context.close();
  await browser.close();
  await server.close();
}
