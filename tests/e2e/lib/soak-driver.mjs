// The in-page half of the soak test (soak.test.mjs): a seeded random "user" that drives the
// advice page, or the widgets on a host page, through their real DOM event handlers.
//
// `soakDriver` is installed with page.addInitScript, so it runs in the page before the app
// starts and is serialised there: it must not use anything from this module's scope.
//
// Per interaction it picks a category by weight (answers, weights, scenarios, chart, timeline,
// language, other; on a host page also, rarely, a host attribute change that mounts a widget
// again), then a visible, enabled control of that category in one of the roots (the document,
// or each widget's shadow root), and acts on it as a user would:
//   - a slider: set the value and fire `input` and `change` (what dragging the thumb fires);
//     a weight slider also gets key presses (its own keydown handler);
//   - a number box: type a value (mostly allowed; also out of range, empty, off the step, odd
//     notations) with `input`, and mostly `change` (Enter or leaving the box);
//   - radios, checkboxes, buttons, <summary>: HTMLElement.click(), which fires the same click,
//     input and change events as a mouse click;
//   - a select: pick another option, `input` + `change`;
//   - the scenario name: type a name (also empty, long, odd characters) and mostly save it.
// The focus follows as described at `act`.
//
// After each interaction it lets the microtask queue run (Leptos's effects); every 10th
// interaction, and after a <summary> click or a host change, it also waits for a task (the
// details `toggle` event) and an animation frame (rendering, and `requestAnimationFrame`
// callbacks such as focus moves).
//
// Every 50th interaction is not done here: the driver picks it from the same random stream,
// marks the element with data-soak-target and returns a plan; the test does it with Playwright
// (a real mouse click, key press, fill or select).
//
// It also records every uncaught error, unhandled promise rejection and console.error, with
// the index and description of the interaction that was running, so a failure names its
// reproduction (seed + index), and keeps the last 40 interactions in `log`.

export function soakDriver({ seed, kind }) {
  const soak = {
    seed,
    kind,
    current: -1,
    currentWhat: 'page load',
    errors: [],
    log: [],
    counts: {},
    wasm: null,
    targetSeq: 0,
    time: { choose: 0, act: 0, settle: 0 }, // ms spent picking, in the handlers, waiting
  };
  window.__soak = soak;

  const describe = (value) => {
    if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
    if (typeof value === 'string') return value;
    try {
      return String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  };
  const record = (kind, message) => {
    soak.errors.push({ index: soak.current, what: soak.currentWhat, kind, message: describe(message).slice(0, 4000) });
  };
  addEventListener('error', (e) => record('uncaught error', e.error ?? e.message));
  addEventListener('unhandledrejection', (e) => record('unhandled rejection', e.reason));
  // The soak stays on its page. The driver never picks a link, but a real mouse click can land
  // on one when the layout moves between finding the point and clicking (a deferred section
  // appearing): a source link would then leave the page. Such a click is counted, not followed.
  soak.linksNotFollowed = 0;
  document.addEventListener(
    'click',
    (e) => {
      const link = e.composedPath().find((n) => n instanceof HTMLAnchorElement && n.href);
      if (link && new URL(link.href).origin !== location.origin) {
        e.preventDefault();
        soak.linksNotFollowed++;
      }
    },
    true,
  );
  const consoleError = console.error;
  console.error = function (...args) {
    record('console.error', args.map(describe).join(' '));
    return consoleError.apply(this, args);
  };

  // ------------------------------------------------------------------ random numbers

  // mulberry32: small, fast, good enough for picking controls; the whole run follows from `seed`.
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)); // lo..hi inclusive
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const weighted = (pairs) => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = rnd() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  };

  // ------------------------------------------------------------------ the page's controls

  /** The scenario count is kept at most this (the engine allows 12; compare shows 4 columns). */
  const MAX_SCENARIOS = 7;
  const CATEGORIES = [
    ['answer', 34],
    ['weights', 16],
    ['scenarios', 16],
    ['chart', 8],
    ['timeline', 8],
    ['lang', 3],
    ['other', 6],
    ['host', 0.5], // host page only: the host changes a widget's attribute (it mounts again)
  ];

  const roots = () => {
    if (kind === 'site') return [{ name: 'site', root: document, host: null }];
    return [...document.querySelectorAll('advies-module')]
      .filter((el) => el.shadowRoot)
      .map((el) => ({ name: el.id || 'advies-module', root: el.shadowRoot, host: el }));
  };

  const category = (el) => {
    if (el.id === 'lang-switch') return 'lang';
    if (el.id === 'chart-input' || el.closest('.adv-chart')) return 'chart';
    switch (el.closest('section[id]')?.id) {
      case 'questions':
        return 'answer';
      case 'weights':
        return 'weights';
      case 'scenarios':
      case 'compare':
        return 'scenarios';
      case 'timeline':
        return 'timeline';
      default:
        return 'other';
    }
  };

  /**
   * Whether `el` is shown, from the DOM alone: no `hidden` ancestor, not inside a closed
   * <details> (its own <summary> excepted). The same answer as el.checkVisibility() on these
   * pages except for what CSS hides (`cssHidden`), without forcing a style pass per pick.
   */
  const shown = (el) => {
    let prev = null;
    for (let n = el; n; prev = n, n = n.parentElement) {
      if (n.hidden) return false;
      if (n.tagName === 'DETAILS' && !n.open && !(prev?.tagName === 'SUMMARY' && prev.parentElement === n)) return false;
    }
    return true;
  };

  /** Every control a user could operate now in `root`, with its category. */
  const controls = (root) => {
    const scenarios = root.querySelectorAll('[data-testid="scenario-tab"]').length;
    const out = [];
    for (const el of root.querySelectorAll('input, select, button, summary')) {
      if (el.disabled || !shown(el) || cssHidden.has(el)) continue; // hidden, or inside a closed <details>
      if (el.id === 'summary-print') continue; // opens the print dialog
      if (el.tagName === 'INPUT' && el.type === 'text' && el.id !== 'scenario-name') continue; // the read-only link
      const more = el.id === 'scenario-duplicate' || el.dataset.testid === 'life-event';
      if (more && scenarios >= MAX_SCENARIOS) continue;
      out.push({ el, cat: category(el) });
    }
    return out;
  };

  const label = (el) => {
    const id = el.id ? `#${el.id}` : '';
    const testid = el.dataset?.testid ? `[${el.dataset.testid}]` : '';
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.type && el.tagName === 'INPUT' ? `[${el.type}]` : ''}${id}${testid}${text ? ` "${text}"` : ''}`;
  };

  /**
   * Controls that CSS hides (display: none by a media query: the phone-only jump link and
   * compare switcher at this width). Found with el.checkVisibility() once per rendered frame,
   * when the browser computes the style anyway; between frames `shown` alone decides (one
   * checkVisibility per pick forces a style pass each time: 5 ms, a third of the run).
   */
  let cssHidden = new WeakSet();
  const noteCssHidden = () => {
    cssHidden = new WeakSet();
    for (const r of roots()) {
      for (const el of r.root.querySelectorAll('input, select, button, summary')) {
        if (shown(el) && !el.checkVisibility()) cssHidden.add(el);
      }
    }
  };

  /** Picks what to do next: { root, el, cat } or { root, cat: 'host' }; null if nothing. */
  const choose = () => {
    const all = roots();
    if (all.length === 0) return null;
    const cats = CATEGORIES.filter(([c]) => c !== 'host' || kind !== 'site');
    for (let attempt = 0; attempt < 8; attempt++) {
      const r = pick(all);
      const cat = weighted(cats);
      if (cat === 'host') return { root: r, cat };
      const list = controls(r.root).filter((c) => c.cat === cat);
      if (list.length > 0) return { root: r, ...pick(list) };
    }
    // Nothing in the chosen categories (the summary is open, a widget is mounting): anything.
    for (const r of all) {
      const list = controls(r.root);
      if (list.length > 0) return { root: r, ...pick(list) };
    }
    return null;
  };

  // ------------------------------------------------------------------ values a user would enter

  const stepOf = (el) => (el.step === 'any' || el.step === '' ? null : Number(el.step) || 1);

  /** A random allowed value for a slider or number box (weights: one decimal, as they round). */
  const validValue = (el) => {
    const min = Number(el.min || 0);
    const max = Number(el.max || 100);
    const step = stepOf(el);
    if (step === null) return Math.round((min + rnd() * (max - min)) * 10) / 10;
    return min + int(0, Math.floor((max - min) / step)) * step;
  };

  const nudge = (el) => {
    const min = Number(el.min || 0);
    const max = Number(el.max || 100);
    const step = stepOf(el) ?? 1;
    const v = Number(el.value) + pick([-1, 1, -2, 2]) * step;
    return Math.min(max, Math.max(min, v));
  };

  /** What a user might type in a number box: mostly fine, sometimes wrong. */
  const typedNumber = (el) => {
    const min = Number(el.min || 0);
    const max = Number(el.max || 100);
    return weighted([
      [() => String(validValue(el)), 60],
      [() => String(nudge(el)), 10],
      [() => String(max + int(1, 500)), 8],
      [() => String(min - int(1, 20)), 6],
      [() => '', 6],
      [() => String(validValue(el) + 0.5), 6],
      [() => pick(['1e9', '-0', '00012', '9999999999999999999']), 4],
    ])();
  };

  const NAMES = ['Werk', 'Met pensioen', 'Zomer 2025', '', '   ', 'x'.repeat(60), 'Ünïcødé ✓ 漢字', '<b>vet</b>', 'Nu', 'Kopie van Nu', 'a;b~c,d=e#f'];
  const WEIGHT_KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'];
  const RANGE_KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'];

  /** The number or text box that has the focus (in the page or a widget), if any. */
  const activeInput = () => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.tagName === 'INPUT' && (a.type === 'number' || a.type === 'text') ? a : null;
  };

  const fire = (el, type) => el.dispatchEvent(new Event(type, { bubbles: true }));

  /** Does the interaction in the page; returns its description. */
  const act = ({ root, el, cat }) => {
    if (cat === 'host') {
      const host = root.host;
      if (rnd() < 0.5) {
        const lang = host.getAttribute('lang') === 'en' ? 'nl' : 'en';
        host.setAttribute('lang', lang);
        return `host sets lang="${lang}" on #${host.id}`;
      }
      const compact = host.hasAttribute('compact');
      host.toggleAttribute('compact', !compact);
      return `host ${compact ? 'removes' : 'sets'} compact on #${host.id}`;
    }
    const what = label(el);
    // Where the focus is matters for one thing here: a number or text box the user typed in
    // commits (blur, change) when the focus moves away. A mouse or keyboard user moves the focus
    // to the next control first; so when a box has the focus, the driver focuses the next control
    // before acting on it. (Not on every interaction: el.focus() forces a style and layout pass,
    // 5 to 10 ms each.) One in ten clicks does not move the focus, as assistive technology and
    // scripts activate controls.
    const typingIn = activeInput();
    const moveFocus = () => {
      if (typingIn && typingIn !== el) el.focus({ preventScroll: true });
    };
    const click = () => {
      if (rnd() < 0.1) {
        el.click();
        return `${what}: click without moving the focus${typingIn ? ` (still in ${label(typingIn)})` : ''}`;
      }
      moveFocus();
      el.click();
      return `${what}: click`;
    };
    if (el.tagName === 'INPUT' && (el.type === 'radio' || el.type === 'checkbox')) return click();
    if (el.tagName === 'BUTTON' || el.tagName === 'SUMMARY') return click();
    // Typing here sets the value without focusing the box (focus() costs the style pass); the
    // handlers do not depend on it, and a value set from script never fires `change` on blur.
    // Playwright's fill (every 50th) types for real and leaves the focus in the box.
    if (!(el.tagName === 'INPUT' && (el.type === 'number' || el.type === 'text'))) moveFocus();
    if (el.tagName === 'INPUT') {
      switch (el.type) {
        case 'range': {
          if (el.classList.contains('adv-weight__range') && rnd() < 0.4) {
            const key = pick(WEIGHT_KEYS);
            el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
            return `${what}: keydown ${key}`;
          }
          const v = rnd() < 0.3 ? nudge(el) : validValue(el);
          el.value = String(v);
          fire(el, 'input');
          fire(el, 'change');
          return `${what} = ${v}`;
        }
        case 'number': {
          const text = typedNumber(el);
          el.value = text;
          fire(el, 'input');
          const commit = rnd() < 0.7;
          if (commit) fire(el, 'change');
          return `${what} typed "${text}"${commit ? ' + commit' : ''}`;
        }
        case 'text': {
          const name = pick(NAMES);
          el.value = name;
          fire(el, 'input');
          const submit = rnd() < 0.8;
          if (submit) el.form?.querySelector('button[type="submit"]')?.click();
          return `${what} = "${name}"${submit ? ' + save' : ''}`;
        }
        default:
          throw new Error(`no action for ${what}`);
      }
    }
    if (el.tagName === 'SELECT') {
      const n = el.options.length;
      const k = n > 1 ? (el.selectedIndex + int(1, n - 1)) % n : 0;
      el.selectedIndex = k;
      fire(el, 'input');
      fire(el, 'change');
      return `${what}: option ${k} "${el.options[k]?.textContent.trim().slice(0, 30)}"`;
    }
    throw new Error(`no action for ${what}`);
  };

  /** The same choice as `act`, to be done by the test through Playwright. */
  const plan = ({ root, el, cat }) => {
    if (cat === 'host') return null;
    const token = String(++soak.targetSeq);
    el.setAttribute('data-soak-target', token);
    soak.target = el;
    const target = `[data-soak-target="${token}"]`;
    const what = label(el);
    if (el.tagName === 'INPUT' && el.type === 'range') return { target, action: 'press', key: pick(RANGE_KEYS), what };
    if (el.tagName === 'INPUT' && el.type === 'number') {
      // Playwright types only numbers into a number box.
      const text = rnd() < 0.8 ? String(validValue(el)) : String(Number(el.max || 100) + int(1, 50));
      return { target, action: 'fill', text, commit: rnd() < 0.7, what };
    }
    if (el.tagName === 'INPUT' && el.type === 'text') return { target, action: 'fill', text: pick(NAMES.filter((n) => n.trim())), commit: true, what };
    if (el.tagName === 'SELECT') {
      const n = el.options.length;
      return { target, action: 'select', index: n > 1 ? (el.selectedIndex + int(1, n - 1)) % n : 0, what };
    }
    // A click; the key is for when something covers the control (Space toggles a radio or box).
    const toggles = el.tagName === 'INPUT' && (el.type === 'radio' || el.type === 'checkbox');
    return { target, action: 'click', key: toggles ? 'Space' : 'Enter', what };
  };

  // ------------------------------------------------------------------ running

  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  /** A task turn: every microtask (Leptos effects) and earlier queued task has run. */
  const task = () => new Promise((ok) => {
    waiting.push(ok);
    channel.port2.postMessage(0);
  });
  /**
   * After an interaction: let the microtask queue run, where Leptos's effects run (the
   * wasm-bindgen executor). 20 turns are plenty: a probe with a MutationObserver over a
   * following task saw no later DOM change except from <details> toggle events (see `run`).
   * Not a task per interaction: that lets Chromium render a frame nearly every time, which
   * doubled the run time without exercising anything more of the app.
   */
  const settle = async () => {
    for (let k = 0; k < 20; k++) await Promise.resolve();
  };
  /** The next rendered frame (rAF callbacks, style and layout). */
  const frame = async () => {
    await new Promise((ok) => requestAnimationFrame(() => ok()));
    noteCssHidden();
  };

  // The last 40 interactions stay here (for a failure message); the test collects the whole
  // list batch by batch (`run` returns `lines`), so the page does not hold 10,000 strings.
  let lines = [];
  const note = (i, what) => {
    soak.log.push(`${i}: ${what}`);
    if (soak.log.length > 40) soak.log.shift();
    lines.push(`${i}: ${what}`);
  };

  /**
   * Runs interactions `from` .. `to - 1` in the page. If `playwrightAt` is `to`, also picks
   * interaction `to` and returns its plan for Playwright. Stops early at the first error.
   */
  soak.run = async ({ from, to, playwrightAt, frameEvery = 10 }) => {
    for (const el of document.querySelectorAll('[data-soak-target]')) el.removeAttribute('data-soak-target');
    for (const r of roots()) for (const el of r.root.querySelectorAll('[data-soak-target]')) el.removeAttribute('data-soak-target');
    const before = soak.errors.length;
    lines = [];
    noteCssHidden();
    for (let i = from; i < to; i++) {
      soak.current = i;
      const t0 = performance.now();
      const choice = choose();
      const t1 = performance.now();
      soak.time.choose += t1 - t0;
      if (!choice) {
        soak.currentWhat = 'nothing to do: waiting a frame';
        await frame();
        continue;
      }
      soak.currentWhat = `${choice.root.name} ${choice.cat}`;
      const what = act(choice);
      const t2 = performance.now();
      soak.time.act += t2 - t1;
      soak.currentWhat = `${choice.root.name} ${choice.cat} ${what}`;
      soak.counts[choice.cat] = (soak.counts[choice.cat] ?? 0) + 1;
      note(i, soak.currentWhat);
      await settle();
      const el = choice.el;
      if (choice.cat === 'host') {
        // The widget mounts again (asynchronously): until then it is aria-busy.
        await task();
        for (let k = 0; k < 600 && roots().some((r) => r.root.querySelector?.('.adv-host[aria-busy]')); k++) await frame();
      } else if (el?.tagName === 'SUMMARY') {
        await task(); // the <details> toggle event is a queued task
        await frame();
      } else if (i % frameEvery === 0) {
        await frame();
      }
      soak.time.settle += performance.now() - t2;
      if (soak.errors.length > before) return { reached: i + 1, plan: null, failed: true, lines };
    }
    if (playwrightAt !== to) return { reached: to, plan: null, failed: false, lines };
    soak.current = to;
    // Playwright acts only on what is rendered: check the pick itself this time.
    let choice = choose();
    for (let k = 0; k < 10 && choice?.el && !choice.el.checkVisibility(); k++) choice = choose();
    const p = choice && plan(choice);
    if (!p && choice) {
      // A host change was drawn: do it here instead, still as interaction `to`.
      const what = act(choice);
      soak.currentWhat = `${choice.root.name} ${choice.cat} ${what}`;
      soak.counts[choice.cat] = (soak.counts[choice.cat] ?? 0) + 1;
      note(to, soak.currentWhat);
      await frame();
      return { reached: to + 1, plan: null, failed: soak.errors.length > before, lines };
    }
    if (!p) return { reached: to + 1, plan: null, failed: false, lines };
    soak.currentWhat = `${choice.root.name} ${choice.cat} playwright ${p.action} ${p.what}${p.key ? ` ${p.key}` : ''}${p.text !== undefined ? ` "${p.text}"` : ''}${p.index !== undefined ? ` option ${p.index}` : ''}`;
    soak.counts[choice.cat] = (soak.counts[choice.cat] ?? 0) + 1;
    soak.counts.playwright = (soak.counts.playwright ?? 0) + 1;
    note(to, soak.currentWhat);
    return { reached: to, plan: p, failed: false, lines };
  };

  /**
   * For a planned click: scrolls the target into view and returns the point at its centre if a
   * click there reaches it (or its label), else null (covered by something else).
   */
  soak.clickPoint = () => {
    const el = soak.target;
    if (!el?.isConnected) return null;
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return null;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    let hit = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    const reaches = (n) => n && (n === el || el.contains(n) || [...(el.labels ?? [])].some((l) => l.contains(n)));
    return reaches(hit) ? { x, y } : null;
  };

  /** Bytes of the wasm linear memory (one instance per page: the site, or all widgets). */
  soak.wasmBytes = async () => {
    if (!soak.wasm) {
      // The app's module as the page loaded it (same URL, so the same instance); its init
      // returns the exports it already has.
      const url = performance
        .getEntriesByType('resource')
        .map((r) => r.name)
        .find((n) => n.endsWith('/adviesmodule.js'));
      if (url) soak.wasm = await (await import(url)).default();
    }
    return soak.wasm?.memory?.buffer?.byteLength ?? NaN;
  };
}
