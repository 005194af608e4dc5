// <advies-module>: an advisor as a widget in any page.
//
//   <script type="module" src="https://example.org/embed/advies-module.js"></script>
//   <advies-module advisor="ret" lang="nl"></advies-module>
//
// Attributes: advisor (a built-in id, or the URL of a JSON definition on the page's own
// origin), lang (a language of the catalogue: nl | en; nl when absent or unknown), prefill (answers the host already knows: "trips_per_week=8,age_group=65+"),
// compact (questions and advice only), share-answers (events carry the answers).
// Events (bubbling, composed): "advies-module:advice" { advisor, option, answers? } when the
// advice changes, "advies-module:contact" { advisor, option, answers? } when the citizen asks
// for a person.
//
// Each element renders into its own shadow root with the widget's style sheet; the host's CSS
// does not reach in, and the widget's CSS does not leak out. No cookies; localStorage only
// when the citizen presses "Bewaar op dit apparaat". Requests: this script, the files named in
// its manifest next to it (the app's JS, wasm and CSS, a built-in advisor's definition and its
// view) and a definition URL if one is named.
//
// A built-in advisor without `prefill` shows at once: the build rendered its view with the
// default answers (MANIFEST.advisors[id].views), so the advice is on screen before the app has
// arrived; the app then takes that view over (hydration) instead of building it again. Every
// file but this one has its content's hash in its name, so a host can cache them for a year.

// For the browser benchmark: time from here to the first advice on screen.
performance.mark('advies-module:start');

const MANIFEST = null; // written by the build (crates/prerender)

const base = new URL('.', import.meta.url);
const app = new URL(MANIFEST.app, base);
const files = {
  glue: new URL(MANIFEST.glue, app),
  wasm: new URL(MANIFEST.wasm, app),
  css: new URL(MANIFEST.css, app),
};

/** The language of the catalogue for a `lang` attribute: the whole tag, else its first part
 * (`en-GB`), else the default (the first). */
function languageOf(attribute) {
  const tag = (attribute ?? '').trim().toLowerCase().replace('_', '-');
  const languages = MANIFEST.languages;
  return (
    languages.find((l) => l.code === tag) ??
    languages.find((l) => l.code === tag.split('-')[0]) ??
    languages[0]
  );
}

/** A message of the loader in every language, one after the other: it shows before the
 * citizen's language is certain, and an employee may read it too. */
function inEveryLanguage(text, values) {
  return MANIFEST.languages.map((l) => fill(l[text], values)).join(' / ');
}

/** A template with each `{name}` replaced by `values[name]`. */
function fill(template, values) {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

let appLoading;
let appReady = false;
/** The wasm app, loaded once for every element on the page. */
function loadApp() {
  appLoading ??= import(files.glue.href).then(async (glue) => {
    await glue.default({ module_or_path: files.wasm });
    appReady = true;
    return glue;
  });
  return appLoading;
}

const builtIns = new Map();
/** A built-in advisor's definition, fetched once per page: `{ text, file }`, or `{ error }`. */
function fetchBuiltIn(id) {
  if (!builtIns.has(id)) {
    const loading = readBuiltIn(id);
    builtIns.set(id, loading);
    // A failed fetch is tried again on the next mount.
    loading.then((d) => d.error && builtIns.delete(id));
  }
  return builtIns.get(id);
}

async function readBuiltIn(id) {
  const entry = MANIFEST.advisors[id];
  if (!entry) {
    const known = Object.keys(MANIFEST.advisors).join(', ');
    return { error: inEveryLanguage('unknown', { id, known }) };
  }
  try {
    const response = await fetch(new URL(entry.json, base));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return { text: await response.text(), file: entry.file, builtIn: true };
  } catch {
    return { error: inEveryLanguage('notLoaded', { id }) };
  }
}

/** The view the build rendered for a built-in advisor in `lang` (compact or not), or null. */
async function fetchView(id, lang, compact) {
  const entry = MANIFEST.advisors[id];
  const name = entry?.views[`${lang.code}${compact ? '-compact' : ''}`];
  if (!name) return null;
  try {
    const response = await fetch(new URL(name, base));
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

const OBSERVED = ['advisor', 'lang', 'prefill', 'compact', 'share-answers'];

/** The text of a definition at `url`, or an error message (same origin only). */
async function fetchDefinition(url) {
  let target;
  try {
    target = new URL(url, document.baseURI);
  } catch {
    return { error: inEveryLanguage('badAddress', { url }) };
  }
  if (target.origin !== location.origin) {
    return { error: inEveryLanguage('otherOrigin', { origin: target.origin }) };
  }
  try {
    const response = await fetch(target, { credentials: 'same-origin' });
    if (!response.ok) {
      return { error: inEveryLanguage('http', { path: target.pathname, status: response.status }) };
    }
    return { text: await response.text(), file: target.pathname };
  } catch (e) {
    return { error: inEveryLanguage('offline', { path: target.pathname }) };
  }
}

// Contrast under the host's theme (docs/theming.md). The widget's colours follow an NL Design
// System theme on the host page where one is set (style/nl-design-system.toml). Once its style
// sheet has loaded, and again when the colour scheme changes, each pair in MANIFEST.contrast
// is measured; where a theme's value falls short of WCAG 2.1 AA, that token alone takes the
// widget's own value, and the mount point's `data-contrast-fallback` names it. A value the host
// set on `--adv-*` itself is kept, with a warning: that choice is the host's. Under forced
// colours the system's colours apply and nothing is changed.

const schemeQueries = ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((q) => matchMedia(q));

/** Reads colours as painted: `paint(css, under)` is `[r, g, b]` of `css` over `under`. */
function painter() {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return (css, under) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = `rgb(${under.join(', ')})`;
    ctx.fillRect(0, 0, 1, 1);
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  };
}

/** The WCAG 2.1 relative luminance of an sRGB colour in 0..255. */
function luminance(rgb) {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG 2.1 contrast ratio of two colours. */
function contrastRatio(a, b) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Keeps every pair of MANIFEST.contrast at its ratio in `root`; returns what it replaced. */
function guardContrast(host, root, mountPoint) {
  root.adoptedStyleSheets = [];
  delete mountPoint.dataset.contrastFallback;
  if (schemeQueries[1].matches) return [];
  const probe = document.createElement('span');
  probe.hidden = true;
  root.append(probe);
  const colourOf = (css) => {
    probe.style.color = '';
    probe.style.color = css;
    return getComputedStyle(probe).color;
  };
  const paint = painter();
  // The lowest ratio of `token` over the surfaces it is seen on, and that surface.
  const measure = (token, surfaces) =>
    surfaces
      .map((surface) => {
        const back = paint(colourOf(`var(${surface.token})`), [255, 255, 255]);
        return { surface, ratio: contrastRatio(paint(colourOf(`var(${token})`), back), back) };
      })
      .reduce((worst, next) => (next.ratio < worst.ratio ? next : worst));
  const rules = [];
  const replaced = [];
  const sheet = new CSSStyleSheet();
  // `part` (a token, or a surface it is on) takes its fallback if that makes `check` better:
  // a theme's value gives way to the widget's own; one of our tints gives way to the plain
  // background, but only where that alone mends `check` on it.
  // What the host set itself (`--adv-*` on the host) is never replaced.
  const fallBack = (part, check, { ratio, surface }) => {
    if (part.keep || replaced.some((r) => r.token === part.token)) return false;
    const from = part.reads.find((t) => getComputedStyle(host).getPropertyValue(t).trim() !== '');
    if (!from && !part.tint) return false;
    if (colourOf(`var(${from ?? part.own})`) !== colourOf(`var(${part.token})`)) return false;
    const before = rules.length;
    rules.push(`${part.token}: ${part.fallback} !important;`);
    sheet.replaceSync(`:host { ${rules.join(' ')} }`);
    root.adoptedStyleSheets = [sheet];
    const mended = part.tint
      ? measure(check.token, [part]).ratio >= check.min
      : measure(check.token, check.against).ratio > ratio;
    if (!mended) {
      rules.length = before;
      sheet.replaceSync(`:host { ${rules.join(' ')} }`);
      return false;
    }
    replaced.push({ token: part.token, from });
    const what = from ? `took ${from} from the theme` : 'is a tint of the widget';
    console.info(`advies-module: ${part.token} ${what}; ${check.token} had ${ratio.toFixed(2)}:1 against ${surface.token}, below ${check.min}:1 (WCAG 2.1 AA), so ${part.token} uses ${part.fallback} instead`);
    return true;
  };
  // A replaced token can change the surfaces of others (a tint of the link colour), so the
  // pairs are checked again until nothing changes; what the widget cannot mend is warned of.
  const failing = () => MANIFEST.contrast.filter((c) => measure(c.token, c.against).ratio < c.min);
  for (let pass = 0, changed = true; changed && pass < 4; pass++) {
    changed = false;
    for (const check of failing()) {
      const worst = measure(check.token, check.against);
      if (worst.ratio >= check.min) continue; // mended by an earlier step of this pass
      const order = worst.surface.tint ? [worst.surface, check] : [check, worst.surface];
      changed = order.some((part) => fallBack(part, check, worst)) || changed;
    }
  }
  for (const check of failing()) {
    const { ratio, surface } = measure(check.token, check.against);
    console.warn(`advies-module: ${check.token} has ${ratio.toFixed(2)}:1 against ${surface.token}, below ${check.min}:1 (WCAG 2.1 AA); set it on the host (docs/theming.md)`);
  }
  probe.remove();
  if (replaced.length) mountPoint.dataset.contrastFallback = replaced.map((r) => r.token).join(' ');
  return replaced;
}

class AdviesModule extends HTMLElement {
  static get observedAttributes() {
    return OBSERVED;
  }

  #mountPoint = null;
  #handle = null;
  #generation = 0;
  #styled = false;
  #guard = () => {
    if (this.#styled) guardContrast(this, this.shadowRoot, this.#mountPoint);
  };

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const sheet = document.createElement('link');
      sheet.rel = 'stylesheet';
      sheet.href = files.css.href;
      sheet.addEventListener('load', () => {
        this.#styled = true;
        this.#guard();
      });
      this.#mountPoint = document.createElement('div');
      this.#mountPoint.className = 'adv-host';
      root.append(sheet, this.#mountPoint);
    }
    for (const query of schemeQueries) query.addEventListener('change', this.#guard);
    this.#guard();
    this.#showLoading();
    this.#mount();
  }

  disconnectedCallback() {
    this.#generation++;
    for (const query of schemeQueries) query.removeEventListener('change', this.#guard);
    this.#unmount();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected && this.#mountPoint) this.#mount();
  }

  /**
   * Until the advisor is there: a short status line, and room kept for the advisor, so the
   * host's content below does not jump down when it appears (layout shift). The room is set
   * through the CSSOM, which a strict Content Security Policy allows.
   */
  #showLoading() {
    if (this.#handle) return;
    const lang = languageOf(this.getAttribute('lang'));
    const status = document.createElement('div');
    status.setAttribute('role', 'status');
    status.lang = lang.code;
    status.textContent = lang.loading;
    this.#mountPoint.replaceChildren(status);
    this.#mountPoint.style.minHeight = this.hasAttribute('compact') ? 'min(60vh, 24rem)' : 'min(100vh, 60rem)';
  }

  #unmount() {
    if (this.#handle) {
      this.#handle.unmount();
      this.#handle.free();
      this.#handle = null;
    }
    this.#mountPoint?.replaceChildren();
    if (this.#mountPoint) this.#mountPoint.style.minHeight = '';
  }

  async #mount() {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation && this.isConnected;
    const advisor = (this.getAttribute('advisor') ?? '').trim();
    const lang = languageOf(this.getAttribute('lang'));
    const compact = this.hasAttribute('compact');
    const prefill = this.getAttribute('prefill') ?? '';
    const builtIn = isBuiltIn(advisor);
    // Busy until the app has mounted (again): it removes this once the advisor answers.
    this.#mountPoint.setAttribute('aria-busy', 'true');
    const definition = builtIn ? fetchBuiltIn(advisor) : fetchDefinition(advisor);
    // The advice at once: the view the build made. Not with a prefill (other answers than the
    // defaults) or on a remount (the app is there already). The app is fetched once that view
    // has been painted, so it does not hold up the first paint on a slow connection.
    let prerendered = false;
    if (builtIn && prefill.trim() === '' && !this.#handle && !appReady) {
      const view = await fetchView(advisor, lang, compact);
      if (view !== null && current() && !this.#handle) {
        this.#mountPoint.innerHTML = view;
        this.#mountPoint.style.minHeight = '';
        prerendered = true;
        await afterPaint();
      }
    }
    const glue = loadApp();
    let loaded;
    try {
      loaded = await Promise.all([glue, definition]);
    } catch (e) {
      if (!current()) return;
      this.#showFailure(lang);
      throw e;
    }
    // A newer attribute change or a removal happened meanwhile: that one wins.
    if (!current()) return;
    const [app, def] = loaded;
    const emit = (type, detail) => {
      this.dispatchEvent(new CustomEvent(`advies-module:${type}`, { detail, bubbles: true, composed: true }));
    };
    const hydrate = prerendered && !def.error;
    if (!hydrate) this.#unmount();
    else this.#forget();
    // The app removes aria-busy once it has taken the view over (in a task of its own).
    this.#handle = app.mount_widget(
      this.#mountPoint,
      def.text ?? '',
      def.file ?? '',
      def.builtIn === true,
      def.error ?? '',
      this.getAttribute('lang') ?? '',
      prefill,
      compact,
      this.hasAttribute('share-answers'),
      hydrate,
      emit,
    );
  }

  /** Frees the mounted app (if any) but keeps what is on screen. */
  #forget() {
    if (this.#handle) {
      this.#handle.unmount();
      this.#handle.free();
      this.#handle = null;
    }
    if (this.#mountPoint) this.#mountPoint.style.minHeight = '';
  }

  /** The app itself could not load (network, blocked file): say so in the widget. */
  #showFailure(lang) {
    this.#unmount();
    this.#mountPoint.removeAttribute('aria-busy');
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.lang = lang.code;
    box.textContent = lang.failed;
    this.#mountPoint.replaceChildren(box);
  }
}

/** Resolves after the next frame has been painted. */
function afterPaint() {
  return new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
}

/** Built-in ids are plain words; anything with a slash or a dot is a URL. */
function isBuiltIn(advisor) {
  return /^[a-z0-9_-]*$/.test(advisor);
}

if (!customElements.get('advies-module')) customElements.define('advies-module', AdviesModule);
