// End-to-end tests of the widget in real NL Design System themes, on the demo host pages
// dist/embed/demo/thema-<id>.html (crates/prerender/src/theme_demos.rs): the widget's button,
// link, focus and text colours and its font come from the theme's tokens (or, where a theme's
// value would fail WCAG 2.1 AA, from the widget's own value, and the test names that token);
// axe-core finds nothing in nl and en, at 1280 and 360 px and in the summary; the dark variant
// (Utrecht) and forced colours keep every control visible and operable. Screenshots go to
// tests/e2e/output/ (and two to docs/ with UPDATE_DOCS_SCREENSHOTS=1, for the README).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { checkAccessibility } from './lib/axe.mjs';
import { newPage, waitForAnswers } from './lib/browser.mjs';
import { distDir } from './lib/server.mjs';
import { useSite } from './lib/site.mjs';

const OUTPUT_DIR = fileURLToPath(new URL('./output/', import.meta.url));
const DOCS_DIR = fileURLToPath(new URL('../../docs/', import.meta.url));
/** The two themes whose screenshots the README shows. */
const IN_README = ['rotterdam', 'rijkshuisstijl'];
const { themes, reads } = JSON.parse(await readFile(join(await distDir(), 'embed/demo/themes/index.json'), 'utf8'));

const site = useSite();

/** Opens a theme's page; `body(page, errors, infos)` runs with its console errors and infos. */
async function onTheme(theme, body, { width = 1280, height = 900, media } = {}) {
  const { context, page, errors } = await newPage(site.browser, { width, height });
  const infos = [];
  page.on('console', (m) => {
    if (m.type() === 'info' && m.text().startsWith('advies-module:')) infos.push(m.text());
  });
  try {
    if (media) await page.emulateMedia(media);
    await page.goto(`${site.server.url}embed/demo/${theme.page}`);
    await page.locator('#widget [data-testid="best-option"]').waitFor({ timeout: 20_000 });
    await body(page, errors, infos);
    assert.deepEqual(errors, [], errors.join('\n'));
  } finally {
    await context.close();
  }
}

/**
 * For each part, the widget's computed value and what it should be: the first theme token of
 * its row in style/nl-design-system.toml that the page sets, resolved on the page, or the
 * widget's own value where no theme token is set or the contrast check replaced it.
 */
async function themedParts(page, reads) {
  // Focus a control with the keyboard, as a citizen would, for the focus ring.
  await page.locator('#widget #input-trips_per_week').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  return page.evaluate((reads) => {
    const host = document.getElementById('widget');
    const root = host.shadowRoot;
    const replaced = (root.querySelector('.adv-host').dataset.contrastFallback ?? '').split(' ').filter(Boolean);
    const hostStyle = getComputedStyle(host);
    const outside = document.createElement('span');
    const inside = document.createElement('span');
    document.body.append(outside);
    root.append(inside);
    const resolve = (probe, property, css) => {
      probe.style[property] = '';
      probe.style[property] = css;
      return getComputedStyle(probe)[property];
    };
    const expected = (token, property) => {
      const own = `--adv-own-${token.slice('--adv-'.length)}`;
      if (replaced.includes(token)) return { source: `${own} (contrast)`, value: resolve(inside, property, `var(${own})`) };
      const from = reads[token].find((t) => hostStyle.getPropertyValue(t).trim() !== '');
      if (!from) return { source: own, value: resolve(inside, property, `var(${own})`) };
      return { source: from, value: resolve(outside, property, `var(${from})`) };
    };
    const style = (selector) => getComputedStyle(root.querySelector(selector));
    const button = style('.adv-button:not(.adv-button--secondary)');
    const focused = getComputedStyle(root.activeElement);
    const parts = {
      'button background': [button.backgroundColor, expected('--adv-color-primary', 'color')],
      'button text': [button.color, expected('--adv-color-on-primary', 'color')],
      link: [style('a.adv-link').color, expected('--adv-color-link', 'color')],
      focus: [focused.outlineColor, expected('--adv-color-focus', 'color')],
      text: [style('.adv-root').color, expected('--adv-color-text', 'color')],
      font: [style('.adv-root').fontFamily, expected('--adv-font-family', 'fontFamily')],
    };
    outside.remove();
    inside.remove();
    return { parts, replaced, focusedTag: root.activeElement?.id };
  }, reads);
}

/** axe-core on the page, with where it was. */
async function noViolations(page, where) {
  const { summary } = await checkAccessibility(page);
  assert.equal(summary, '', `axe-core ${where}:\n${summary}`);
}

/** Switches the widget's language by its attribute, as a host would, and waits for it. */
async function setLanguage(page, lang) {
  await page.evaluate((lang) => document.getElementById('widget').setAttribute('lang', lang), lang);
  await page.waitForFunction((lang) => document.getElementById('widget').shadowRoot.querySelector('.adv-root')?.lang === lang, lang);
  await waitForAnswers(page);
  await page.locator('#widget [data-testid="best-option"]').waitFor();
}

/** Opens the summary for an employee and waits for it. */
async function openSummary(page) {
  await page.locator('#widget #talk-to-someone').click();
  await page.locator('#widget [data-testid="summary"]').waitFor();
}

async function screenshot(page, name) {
  await mkdir(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: `${OUTPUT_DIR}${name}.png` });
}

describe('the widget in real NL Design System themes', () => {
  test('there is a demo page for each of the six themes', () => {
    assert.deepEqual(
      themes.map((t) => t.id),
      ['rotterdam', 'utrecht', 'denhaag', 'amsterdam', 'rijkshuisstijl', 'voorbeeld'],
    );
  });

  for (const theme of themes) {
    test(`${theme.organisation}: colours and font from ${theme.package}@${theme.version}; axe finds nothing`, async (t) => {
      await onTheme(theme, async (page, errors, infos) => {
        const { parts, replaced } = await themedParts(page, reads);
        for (const [part, [actual, { source, value }]] of Object.entries(parts)) {
          assert.equal(actual, value, `${theme.id}: the widget's ${part} is ${actual}, ${source} is ${value}`);
          t.diagnostic(`${part}: ${actual} from ${source}`);
        }
        // The theme really is followed: its text colour, button and link, unless contrast said no.
        for (const part of ['text', 'button background', 'link']) {
          const { source } = parts[part][1];
          assert.ok(!source.startsWith('--adv-own-') || source.endsWith('(contrast)'), `${theme.id}: the ${part} comes from the theme (${source})`);
        }
        // Every replaced token is named once in the console, with the theme token it replaced
        // (or, for one of the widget's tints, that it is one).
        for (const token of replaced) {
          const line = infos.find((i) => i.includes(`${token} took`) || i.includes(`${token} is a tint of the widget`));
          assert.ok(line, `${theme.id}: the console names ${token}`);
          t.diagnostic(`contrast fallback: ${line}`);
        }
        assert.equal(infos.length, replaced.length, infos.join('\n'));
        await screenshot(page, `thema-${theme.id}-1280`);
        if (process.env.UPDATE_DOCS_SCREENSHOTS && IN_README.includes(theme.id)) {
          await page.screenshot({ path: `${DOCS_DIR}thema-${theme.id}-1280.png` });
        }
        await noViolations(page, `on ${theme.page}, nl, 1280 px`);
        await openSummary(page);
        await noViolations(page, `on ${theme.page}, nl, 1280 px, summary`);
        await setLanguage(page, 'en');
        await noViolations(page, `on ${theme.page}, en, 1280 px`);
        await openSummary(page);
        await noViolations(page, `on ${theme.page}, en, 1280 px, summary`);
        await page.setViewportSize({ width: 360, height: 800 });
        await noViolations(page, `on ${theme.page}, en, 360 px`);
        await setLanguage(page, 'nl');
        await noViolations(page, `on ${theme.page}, nl, 360 px`);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= 360, `no horizontal scroll on ${theme.page} at 360 px (${scroll})`);
        await screenshot(page, `thema-${theme.id}-360`);
        await openSummary(page);
        await noViolations(page, `on ${theme.page}, nl, 360 px, summary`);
      });
    });
  }
});

/** What a citizen must see of each control: its box against the background, and a focus ring. */
async function controlsVisible(page) {
  return page.evaluate(() => {
    const root = document.getElementById('widget').shadowRoot;
    const problems = [];
    const controls = root.querySelectorAll('button, input, select, summary, a[href]');
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // in a closed part
      const s = getComputedStyle(control);
      // A disabled control (the first rank's "up") may be dimmed, as WCAG allows for inactive
      // parts, but it must still be there.
      const minOpacity = control.disabled ? 0.3 : 1;
      if (s.visibility === 'hidden' || Number(s.opacity) < minOpacity) problems.push(`${control.id || control.className}: not visible`);
      if (s.color === s.backgroundColor) problems.push(`${control.id || control.className}: text colour is its background`);
    }
    return { count: controls.length, problems };
  });
}

/** Presses Tab until the keyboard reaches `id` in the widget; returns the focus ring there. */
async function tabTo(page, id) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate((id) => {
      const active = document.getElementById('widget').shadowRoot.activeElement;
      if (active?.id !== id) return null;
      const s = getComputedStyle(active);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor };
    }, id);
    if (ring) return ring;
  }
  throw new Error(`Tab did not reach #${id}`);
}

/** Types a number of trips with the keyboard and waits for the advice to follow. */
async function changeTripsByKeyboard(page) {
  const before = await page.locator('#widget [data-testid="best-option"]').textContent();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('20');
  await page.waitForFunction(
    (before) => document.getElementById('widget').shadowRoot.querySelector('[data-testid="best-option"]').textContent !== before,
    before,
  );
}

describe("the host's own --adv-* values win over the theme", () => {
  test("on a theme page, --adv-* on the element wins, and the guard keeps even a host value that falls short", async () => {
    const rotterdam = themes.find((t) => t.id === 'rotterdam');
    await onTheme(rotterdam, async (page) => {
      const warned = page.waitForEvent('console', {
        predicate: (m) => m.type() === 'warning' && m.text().includes('--adv-color-link has'),
        timeout: 20_000,
      });
      // A purple of the host's own for buttons, and a link colour too light for text (2.2:1).
      await page.addStyleTag({ content: 'advies-module { --adv-color-primary: #5a1d6e; --adv-color-link: #9a9a9a; }' });
      // The guard runs again when the colour scheme changes; the host's values are there now.
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.emulateMedia({ colorScheme: 'light' });
      const warning = await warned;
      assert.match(warning.text(), /set it on the host/);
      const look = await page.evaluate(() => {
        const root = document.getElementById('widget').shadowRoot;
        return {
          button: getComputedStyle(root.querySelector('.adv-button:not(.adv-button--secondary)')).backgroundColor,
          link: getComputedStyle(root.querySelector('.adv-best__link .adv-link, a.adv-link')).color,
          replaced: root.querySelector('.adv-host').dataset.contrastFallback ?? '',
        };
      });
      assert.equal(look.button, 'rgb(90, 29, 110)');
      assert.equal(look.link, 'rgb(154, 154, 154)');
      assert.ok(!/--adv-color-(primary|link)\b/.test(look.replaced), `the host's values are kept (${look.replaced})`);
    });
  });
});

describe('the contrast guard is fetched only where it is needed', () => {
  const GUARD = /\/embed\/advies-contrast\.[0-9a-f]{16}\.js$/;

  test('a host page without a theme or --adv-* values fetches no contrast guard', async () => {
    const { context, page, errors } = await newPage(site.browser);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    try {
      await page.goto(`${site.server.url}embed/demo/csp.html`);
      await page.locator('#widget [data-testid="best-option"]').waitFor({ timeout: 20_000 });
      assert.deepEqual(requests.filter((u) => GUARD.test(u)), []);
      assert.deepEqual(errors, [], errors.join('\n'));
    } finally {
      await context.close();
    }
  });

  test('a contrast guard that cannot be fetched is named in the console; the widget still answers', async () => {
    const rotterdam = themes.find((t) => t.id === 'rotterdam');
    const { context, page, errors } = await newPage(site.browser);
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.route(GUARD, (route) => route.abort('failed'));
    try {
      await page.goto(`${site.server.url}embed/demo/${rotterdam.page}`);
      await page.locator('#widget [data-testid="best-option"]').waitFor({ timeout: 20_000 });
      await changeTripsByKeyboard(await focusTrips(page));
      assert.ok(
        warnings.some((w) => /advies-module: the contrast check could not be loaded .*the theme's colours apply unchecked/.test(w)),
        warnings.join('\n'),
      );
      const unexpected = errors.filter((e) => !/advies-contrast/.test(e));
      assert.deepEqual(unexpected, [], unexpected.join('\n'));
    } finally {
      await context.close();
    }
  });
});

/** Focuses the number of trips in the widget; returns the page. */
async function focusTrips(page) {
  await page.locator('#widget #input-trips_per_week-number').focus();
  return page;
}

describe('dark mode and forced colours', () => {
  const utrecht = themes.find((t) => t.dark);

  test(`dark mode: the widget follows ${utrecht.organisation}'s dark variant, and axe finds nothing`, async () => {
    await onTheme(
      utrecht,
      async (page) => {
        const look = await page.evaluate(() => {
          const root = document.getElementById('widget').shadowRoot.querySelector('.adv-root');
          const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
          return { page: rgb(getComputedStyle(document.body).backgroundColor), text: rgb(getComputedStyle(root).color) };
        });
        const light = (c) => c.reduce((a, b) => a + b, 0) / 3;
        assert.ok(light(look.page) < 80, `the page is dark (${look.page})`);
        assert.ok(light(look.text) > 170, `the widget's text is light on it (${look.text})`);
        const { problems, count } = await controlsVisible(page);
        assert.ok(count > 10, `controls found (${count})`);
        assert.deepEqual(problems, []);
        const ring = await tabTo(page, 'input-trips_per_week-number');
        assert.equal(ring.style, 'solid');
        assert.ok(ring.width >= 2, `a focus ring (${ring.width} px)`);
        await changeTripsByKeyboard(page);
        await screenshot(page, 'thema-utrecht-dark-1280');
        await noViolations(page, 'on thema-utrecht.html in dark mode');
        await openSummary(page);
        await noViolations(page, 'on thema-utrecht.html in dark mode, summary');
      },
      { media: { colorScheme: 'dark' } },
    );
  });

  test('switching to dark mode while the page is open: the widget follows and keeps contrast', async () => {
    await onTheme(utrecht, async (page) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction(() => {
        const root = document.getElementById('widget').shadowRoot.querySelector('.adv-root');
        const [r, g, b] = getComputedStyle(root).color.match(/\d+/g).map(Number);
        return r + g + b > 510;
      });
      await noViolations(page, 'on thema-utrecht.html after switching to dark mode');
    });
  });

  for (const theme of [utrecht, themes.find((t) => t.id === 'rotterdam')]) {
    test(`forced colours on ${theme.page}: every control visible, a focus ring, operable by keyboard`, async () => {
      await onTheme(
        theme,
        async (page) => {
          const state = await page.evaluate(() => {
            const root = document.getElementById('widget').shadowRoot;
            const bar = root.querySelector('.adv-score__fill');
            return {
              fallback: root.querySelector('.adv-host').dataset.contrastFallback ?? null,
              bar: bar ? getComputedStyle(bar).backgroundColor : null,
              canvas: getComputedStyle(root.querySelector('.adv-root')).backgroundColor,
            };
          });
          assert.equal(state.fallback, null, 'no contrast fallback: the system colours apply');
          assert.notEqual(state.bar, state.canvas, 'the score bars stand out from the background');
          const buttons = await page.evaluate(() =>
            [...document.getElementById('widget').shadowRoot.querySelectorAll('.adv-button')]
              .filter((b) => b.getBoundingClientRect().width > 0)
              .map((b) => ({ id: b.id || b.textContent.trim(), border: getComputedStyle(b).borderTopStyle, width: parseFloat(getComputedStyle(b).borderTopWidth) })),
          );
          assert.ok(buttons.length > 0);
          for (const b of buttons) assert.ok(b.border !== 'none' && b.width > 0, `${b.id} has a border`);
          const { problems } = await controlsVisible(page);
          assert.deepEqual(problems, []);
          const ring = await tabTo(page, 'input-trips_per_week-number');
          assert.notEqual(ring.style, 'none', 'a focus ring');
          await changeTripsByKeyboard(page);
          await screenshot(page, `thema-${theme.id}-forced-colors-1280`);
        },
        { media: { forcedColors: 'active' } },
      );
    });
  }
});
