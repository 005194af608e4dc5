// End-to-end tests of the widget (<advies-module>) on host pages served from dist/embed/demo/:
// two widgets on one page working independently, removal, attribute changes, events,
// prefill, a hostile host style sheet, a strict Content Security Policy, advisors that cannot
// load, the requests a host page makes, no cookies or storage, and axe-core on each host page.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { checkAccessibility } from './lib/axe.mjs';
import { newPage, waitForAnswers } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';

const OUTPUT_DIR = fileURLToPath(new URL('./output/', import.meta.url));
const DOCS_DIR = fileURLToPath(new URL('../../docs/', import.meta.url));
const DEMO = 'embed/demo/';
/**
 * The widget's files: the loader (a name that stays), the app's files in a folder named after
 * their hash, and a built-in advisor's definition and views (their names carry a hash too).
 */
const WIDGET_FILE = /^\/embed\/(advies-module\.js|advies-contrast\.[0-9a-f]{16}\.js|[0-9a-f]{16}\/(adviesmodule\.js|adviesmodule_bg\.wasm|__wasm_split\.js|split_explore\.wasm|advies-module\.css)|advisors\/ret\.(nl|en|nl-compact|en-compact)?\.?[0-9a-f]{16}\.(json|html))$/;
const FIRST_FILES = ['advies-module.js', 'adviesmodule.js', 'adviesmodule_bg.wasm', 'advies-module.css', 'split_explore.wasm'];

const site = useSite();

/** Opens a demo page; `body(page, errors)` runs with the collected errors. */
async function onDemo(name, body, options = {}) {
  const { context, page, errors } = await newPage(site.browser, options);
  try {
    await page.addInitScript(() => {
      window.__violations = [];
      window.__events = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
      );
      for (const type of ['advies-module:advice', 'advies-module:contact']) {
        document.addEventListener(type, (e) =>
          window.__events.push({ type, id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) }),
        );
      }
    });
    if (options.onRequest) page.on('request', options.onRequest);
    await page.goto(`${site.server.url}${DEMO}${name}`);
    await body(page, errors, context);
  } finally {
    await context.close();
  }
}

/** Waits until the widget `#id` shows its best option; returns its text. */
async function bestOf(page, id) {
  const best = page.locator(`#${id} [data-testid="best-option"]`);
  await best.waitFor({ timeout: 20_000 });
  return (await best.textContent()).trim();
}

async function setTrips(page, id, n) {
  await page.locator(`#${id} #input-trips_per_week-number`).fill(String(n));
  await page.waitForFunction(
    ([id, v]) => document.getElementById(id).shadowRoot.querySelector('#input-trips_per_week').value === v,
    [id, String(n)],
  );
}

describe('widget', () => {

  test('two widgets on one page work independently; removing one leaves the other working', async () => {
    await onDemo('gemeente.html', async (page, errors) => {
      const nl = await bestOf(page, 'widget-nl');
      const en = await bestOf(page, 'widget-en');
      assert.match(nl, /Reizen op saldo/);
      assert.match(en, /Pay per trip/, 'the second widget is in English');
      // Each in its own shadow root, with its own style sheet.
      const roots = await page.evaluate(() =>
        ['widget-nl', 'widget-en'].map((id) => !!document.getElementById(id).shadowRoot?.querySelector('.adv-root')),
      );
      assert.deepEqual(roots, [true, true]);
      // compact: questions and advice only.
      assert.equal(await page.locator('#widget-en #weights').count(), 0);
      assert.equal(await page.locator('#widget-nl #weights').count(), 1);

      await setTrips(page, 'widget-nl', 14);
      await page.waitForFunction(() =>
        /maandabonnement/.test(document.getElementById('widget-nl').shadowRoot.querySelector('[data-testid="best-option"]').textContent),
      );
      assert.equal(await page.locator('#widget-en #input-trips_per_week').inputValue(), '8', 'the other widget keeps its answers');
      // The host hears about the new advice, without answers (not asked for).
      await page.waitForFunction(() => window.__events.some((e) => e.id === 'widget-nl' && e.detail.option === 'month_pass'));
      const event = await page.evaluate(() => window.__events.findLast((e) => e.id === 'widget-nl'));
      assert.deepEqual(Object.keys(event.detail).sort(), ['advisor', 'option']);
      assert.equal(event.detail.advisor, 'ret');

      // Remove the English widget: the Dutch one keeps working.
      await page.evaluate(() => document.getElementById('widget-en').remove());
      await setTrips(page, 'widget-nl', 2);
      await page.waitForFunction(() =>
        /saldo/.test(document.getElementById('widget-nl').shadowRoot.querySelector('[data-testid="best-option"]').textContent),
      );
      // An attribute change takes effect: the Dutch widget switches to English.
      await page.evaluate(() => document.getElementById('widget-nl').setAttribute('lang', 'en'));
      await page.waitForFunction(() =>
        /Pay per trip/.test(document.getElementById('widget-nl').shadowRoot.querySelector('[data-testid="best-option"]')?.textContent ?? ''),
      );
      // Put back: a new element mounts again.
      await page.evaluate(() => {
        const el = document.createElement('advies-module');
        el.id = 'again';
        el.setAttribute('advisor', 'ret');
        document.querySelector('main').append(el);
      });
      assert.match(await bestOf(page, 'again'), /Reizen op saldo/);
      assert.deepEqual(errors, [], errors.join('\n'));
    });
  });

  // Both orders, each on a fresh page: whichever widget the build's view was hydrated for last,
  // one of them mounts the other again after it. A widget mounted again once became a child of
  // the widget hydrated last and was disposed with it (its buttons then panicked).
  for (const [first, second] of [['widget-en', 'widget-nl'], ['widget-nl', 'widget-en']]) {
    test(`a widget mounted again stands alone: ${first} again, then ${second} again, both still answer`, async () => {
      await onDemo('gemeente.html', async (page, errors) => {
        // widget-en loses `compact` (so it has weights); widget-nl changes language.
        const again = (id) =>
          page.evaluate((id) => {
            const el = document.getElementById(id);
            if (el.hasAttribute('compact')) el.removeAttribute('compact');
            else el.setAttribute('lang', el.getAttribute('lang') === 'en' ? 'nl' : 'en');
          }, id);
        await again(first);
        await waitForAnswers(page);
        await again(second);
        await waitForAnswers(page);
        for (const id of ['widget-nl', 'widget-en']) {
          // The advice still follows the answers, and the host still hears of it.
          const heard = await page.evaluate(() => window.__events.length);
          await setTrips(page, id, 14);
          await page.waitForFunction(
            ([id, heard]) => window.__events.slice(heard).some((e) => e.id === id && e.detail.option === 'month_pass'),
            [id, heard],
          );
          // A button of the weights (where the panic was) still changes the weights.
          await page.locator(`#${id} [data-testid="preset"][data-preset-id="price_only"]`).click();
          await page.waitForFunction(
            (id) =>
              document.getElementById(id).shadowRoot.querySelector('[data-preset-id="price_only"]')?.getAttribute('aria-pressed') === 'true',
            id,
          );
        }
        assert.deepEqual(errors, [], errors.join('\n'));
      });
    });
  }

  test('prefill, answers in events only on request, and the contact event', async () => {
    await onDemo('vervoerder.html', async (page, errors) => {
      await bestOf(page, 'widget-ret');
      assert.equal(await page.locator('#widget-ret #input-trips_per_week').inputValue(), '12');
      assert.equal(await page.locator('#widget-ret #input-distance_km').inputValue(), '9');
      // Answers travel with the events only when the host asks for them.
      const withAnswers = () => page.evaluate(() => window.__events.filter((e) => e.detail.answers).length);
      assert.equal(await withAnswers(), 0);
      await page.evaluate(() => document.getElementById('widget-ret').setAttribute('share-answers', ''));
      await page.waitForFunction(() => window.__events.some((e) => e.detail.answers));
      const advice = await page.evaluate(() => window.__events.findLast((e) => e.detail.answers));
      assert.equal(advice.type, 'advies-module:advice');
      assert.equal(advice.detail.answers.trips_per_week, '12', 'the prefill is kept when an attribute changes');
      // Asking for a person: an event for the host, and the summary in the widget.
      await page.locator('#widget-ret #talk-to-someone').click();
      await page.locator('#widget-ret [data-testid="summary"]').waitFor();
      const contact = await page.evaluate(() => window.__events.findLast((e) => e.type === 'advies-module:contact'));
      assert.equal(contact.detail.advisor, 'ret');
      assert.equal(contact.detail.option, 'month_pass');
      assert.equal(contact.detail.answers.distance_km, '9');
      assert.deepEqual(errors, [], errors.join('\n'));
    });
  });

  test('a hostile host style sheet leaves the widget intact', async () => {
    await onDemo('hostile.html', async (page, errors) => {
      await bestOf(page, 'widget');
      const look = await page.evaluate(() => {
        const root = document.getElementById('widget').shadowRoot;
        const button = root.querySelector('#scenario-duplicate');
        const input = root.querySelector('#input-trips_per_week-number');
        const label = root.querySelector('.adv-field__label');
        const box = document.getElementById('widget').getBoundingClientRect();
        return {
          buttonShown: getComputedStyle(button).display !== 'none' && button.getBoundingClientRect().height > 0,
          inputShown: getComputedStyle(input).visibility === 'visible',
          labelSize: getComputedStyle(label).fontSize,
          labelColour: getComputedStyle(label).color,
          divPosition: getComputedStyle(root.querySelector('.adv-layout')).position,
          height: box.height,
        };
      });
      assert.ok(look.buttonShown, 'buttons are visible');
      assert.ok(look.inputShown, 'inputs are visible');
      assert.notEqual(look.labelSize, '30px');
      assert.notEqual(look.labelColour, 'rgb(255, 0, 255)');
      assert.notEqual(look.divPosition, 'absolute');
      assert.ok(look.height > 500, `the widget has its normal height (${look.height})`);
      // And it still works.
      await setTrips(page, 'widget', 14);
      await page.waitForFunction(() =>
        /maandabonnement/.test(document.getElementById('widget').shadowRoot.querySelector('[data-testid="best-option"]').textContent),
      );
      await mkdir(OUTPUT_DIR, { recursive: true });
      await page.screenshot({ path: `${OUTPUT_DIR}embed-hostile.png`, fullPage: false });
      assert.deepEqual(errors, [], errors.join('\n'));
    });
  });

  test('a strict Content Security Policy: the widget works with zero violations', async () => {
    await onDemo('csp.html', async (page, errors) => {
      const policy = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
      assert.match(policy, /style-src 'self'/);
      assert.doesNotMatch(policy, /unsafe-inline/);
      await bestOf(page, 'widget');
      await setTrips(page, 'widget', 14);
      // Open the parts that draw with styles (chart, weight bands, score bars) and the summary.
      await page.locator('#widget #weight-flexibility').focus();
      await page.keyboard.press('ArrowRight');
      await page.locator('#widget #talk-to-someone').click();
      await page.locator('#widget [data-testid="summary"]').waitFor();
      const violations = await page.evaluate(() => window.__violations);
      assert.deepEqual(violations, [], 'no CSP violations');
      assert.deepEqual(errors, [], errors.join('\n'));
    });
  });

  test('an advisor that cannot load shows a clear message in the widget; the page stays', async () => {
    await onDemo('fouten.html', async (page, errors) => {
      const message = async (id) => {
        const el = page.locator(`#${id} [role="alert"]`).first();
        await el.waitFor({ timeout: 20_000 });
        return (await el.textContent()).trim();
      };
      assert.match(await message('missing'), /kon niet worden geladen \(HTTP 404\)/);
      assert.match(await message('foreign'), /alleen van deze website/);
      assert.match(await message('unknown'), /Er is geen keuzehulp "onbekend"/);
      await message('broken');
      const diagnostics = await page.locator('#broken .adv-diagnostics').textContent();
      assert.match(diagnostics, /kapot\.json:\d+:\d+/, `file, line and column: ${diagnostics}`);
      assert.match(diagnostics, /min/, 'the definition error is named');
      // Prefill answers that cannot be used: the widget works with what it could use, and the
      // message names the website (not "the link") as where they came from.
      const repaired = await page.locator('#prefill [data-testid="link-notice"]').textContent();
      assert.match(repaired, /stond 999 in wat de website doorgaf/, repaired);
      assert.match(repaired, /Wat de website doorgaf had een antwoord op een vraag die niet meer bestaat \(fiets\)/, repaired);
      assert.doesNotMatch(repaired, /link/i, repaired);
      assert.equal(await page.locator('#prefill #input-trips_per_week').inputValue(), '40');
      assert.equal(await page.locator('#host-text').textContent(), 'Deze tekst van de pagina zelf blijft staan.');
      const unexpected = errors.filter((e) => !/404.*bestaat-niet\.json/.test(e));
      assert.deepEqual(unexpected, [], unexpected.join('\n'));
    });
  });

  test('a host page requests only the widget files; no cookies, no storage', async () => {
    const requests = [];
    const onRequest = (r) => requests.push(new URL(r.url()));
    await onDemo('gemeente.html', async (page, errors, context) => {
      await bestOf(page, 'widget-nl');
      await bestOf(page, 'widget-en');
      await setTrips(page, 'widget-nl', 20);
      await page.locator('#widget-nl #weight-cost').focus();
      await page.keyboard.press('ArrowLeft');
      const page_files = new Set([`/${DEMO}gemeente.html`, `/${DEMO}gemeente.css`]);
      const other = requests.filter(
        (u) => u.origin !== new URL(site.server.url).origin || !(page_files.has(u.pathname) || WIDGET_FILE.test(u.pathname)),
      );
      assert.deepEqual(other.map(String), [], 'no requests beyond the widget files');
      for (const f of FIRST_FILES) {
        assert.ok(requests.some((u) => u.pathname.endsWith(`/${f}`)), `${f} was loaded`);
      }
      for (const wasm of ['adviesmodule_bg.wasm', 'split_explore.wasm']) {
        assert.equal(requests.filter((u) => u.pathname.endsWith(`/${wasm}`)).length, 1, `${wasm} once for two widgets`);
      }
      assert.deepEqual(await context.cookies(), []);
      assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), {});
      assert.deepEqual(errors, [], errors.join('\n'));
    }, { onRequest });
  });

  test("a definition from the host's own site is marked as a prototype; built-in advisors are not", async () => {
    await onDemo('eigen-definitie.html', async (page, errors) => {
      await page.locator('#widget [data-testid="best-option"]').waitFor({ timeout: 20_000 });
      const banner = page.locator('#widget [data-testid="prototype-banner"]');
      assert.match(await banner.textContent(), /Prototype: niet gecontroleerd door de organisatie/);
      assert.ok(await banner.isVisible());
      // It follows the widget's language.
      await page.locator('#widget #lang-switch').click();
      await page.waitForFunction(() =>
        /not checked by the organisation/.test(document.getElementById('widget').shadowRoot.querySelector('[data-testid="prototype-banner"]').textContent),
      );
      const { summary } = await checkAccessibility(page);
      assert.equal(summary, '', `axe-core:\n${summary}`);
      assert.deepEqual(errors, [], errors.join('\n'));
    });
    await onDemo('gemeente.html', async (page) => {
      await page.locator('#widget-nl [data-testid="best-option"]').waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('advies-module [data-testid="prototype-banner"]').count(), 0);
    });
  });

  test('while the widget loads: a status line and room kept, then the advice as the build rendered it; the host page does not shift', async () => {
    const { context, page, errors } = await newPage(site.browser, { width: 412, height: 823 });
    try {
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: Math.round(e.startTime), nodes: e.sources.map((s) => `${s.node?.nodeName}#${s.node?.id ?? ''}.${s.node?.className ?? ''} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`) });
        }).observe({ type: 'layout-shift', buffered: true });
      });
      // A slow connection: the views and the wasm arrive after the page has been painted.
      const hold = () => {
        let release;
        const held = new Promise((ok) => (release = ok));
        return { held, release };
      };
      const views = hold();
      const wasm = hold();
      await page.route('**/advisors/*.html', async (route) => {
        await views.held;
        await route.continue();
      });
      await page.route('**/*.wasm', async (route) => {
        await wasm.held;
        await route.continue();
      });
      await page.gotoOnly(`${site.server.url}${DEMO}gemeente.html`);
      const status = page.locator('#widget-nl [role="status"]').first();
      await status.waitFor();
      assert.equal(await status.textContent(), 'De keuzehulp wordt geladen…');
      assert.equal(await page.locator('#widget-en [role="status"]').first().textContent(), 'Loading the advisor…');
      const room = await page.locator('#widget-nl').evaluate((w) => w.getBoundingClientRect().height);
      assert.ok(room >= 600, `room kept for the advisor: ${room} px`);
      views.release();
      // The advice is there before the app: the view the build made.
      await bestOf(page, 'widget-nl');
      await bestOf(page, 'widget-en');
      wasm.release();
      await waitForAnswers(page);
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 500))));
      assert.equal(await page.locator('advies-module [role="status"]:text("geladen")').count(), 0, 'the status line is gone');
      const shifts = await page.evaluate(() => window.__shifts);
      assert.deepEqual(shifts, [], 'no layout shift of the host page');
      assert.deepEqual(errors, [], errors.join('\n'));
    } finally {
      await context.close();
    }
  });

  test('axe-core finds nothing on the host pages; screenshots of both house styles', async () => {
    for (const [name, width] of [
      ['gemeente.html', 1280],
      ['vervoerder.html', 1280],
      ['gemeente.html', 360],
      ['hostile.html', 1280],
    ]) {
      await onDemo(
        name,
        async (page, errors) => {
          await page.locator('advies-module [data-testid="best-option"]').first().waitFor({ timeout: 20_000 });
          // The hostile page's own text fails contrast on purpose: check only the widget there.
          const { summary } = await checkAccessibility(page, name === 'hostile.html' ? 'advies-module' : undefined);
          assert.equal(summary, '', `axe-core on ${name} at ${width} px:\n${summary}`);
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scroll <= width, `no horizontal scroll on ${name} at ${width} px (${scroll})`);
          await mkdir(OUTPUT_DIR, { recursive: true });
          const shot = `embed-${name.replace('.html', '')}-${width}.png`;
          await page.screenshot({ path: `${OUTPUT_DIR}${shot}` });
          if (process.env.UPDATE_DOCS_SCREENSHOTS && name !== 'hostile.html') {
            await page.screenshot({ path: `${DOCS_DIR}${shot}` });
          }
          assert.deepEqual(errors, [], errors.join('\n'));
        },
        { width, height: 900 },
      );
    }
  });
});
