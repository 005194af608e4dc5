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

// Contrast under the host's theme (docs/theming.md): where a theme or the host sets one of the
// colours the widget keeps at WCAG 2.1 AA, the guard (advies-contrast.js, fetched then) checks
// them once the style sheet has loaded and whenever the colour scheme changes. A page without a
// theme fetches nothing more.

const schemeQueries = ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((q) => matchMedia(q));

/** Whether a theme or the host gives any colour the guard keeps another value than our own. */
function themed(mountPoint) {
  const style = getComputedStyle(mountPoint);
  return MANIFEST.contrast.tokens.some(
    (t) => style.getPropertyValue(`--adv-${t}`) !== style.getPropertyValue(`--adv-own-${t}`),
  );
}

class AdviesModule extends HTMLElement {
  static get observedAttributes() {
    return OBSERVED;
  }

  #mountPoint = null;
  #handle = null;
  #generation = 0;
  #styled = false;
  #contrast = null;
  #guard = () => {
    if (!this.#styled || (!this.#contrast && !themed(this.#mountPoint))) return;
    this.#contrast ??= import(new URL(MANIFEST.contrast.module, base).href);
    this.#contrast
      .then((guard) => this.isConnected && guard.guardContrast(this, this.shadowRoot, this.#mountPoint))
      .catch((error) => {
        this.#contrast = null;
        console.warn(`advies-module: the contrast check could not be loaded (${error.message}); the theme's colours apply unchecked`);
      });
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
