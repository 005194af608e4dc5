// <advies-module>: an advisor as a widget in any page.
//
//   <script type="module" src="https://example.org/embed/advies-module.js"></script>
//   <advies-module advisor="ret" lang="nl"></advies-module>
//
// Attributes: advisor (a built-in id, or the URL of a JSON definition on the page's own
// origin), lang (nl | en), prefill (answers the host already knows: "trips_per_week=8,age_group=65+"),
// compact (questions and advice only), share-answers (events carry the answers).
// Events (bubbling, composed): "advies-module:advice" { advisor, option, answers? } when the
// advice changes, "advies-module:contact" { advisor, option, answers? } when the citizen asks
// for a person.
//
// Each element renders into its own shadow root with the widget's style sheet; the host's CSS
// does not reach in, and the widget's CSS does not leak out. No cookies; localStorage only
// when the citizen presses "Bewaar op dit apparaat". Requests: this script, the app's JS,
// wasm and CSS next to it, and a definition URL if one is named.

// For the browser benchmark: time from here to the first advice on screen.
performance.mark('advies-module:start');

const base = new URL('.', import.meta.url);
const files = {
  glue: new URL('advies-module-app.js', base),
  wasm: new URL('advies-module_bg.wasm', base),
  css: new URL('advies-module.css', base),
};

let app;
/** The wasm app, loaded once for every element on the page. */
function loadApp() {
  app ??= import(files.glue.href).then(async (glue) => {
    await glue.default({ module_or_path: files.wasm });
    return glue;
  });
  return app;
}

const OBSERVED = ['advisor', 'lang', 'prefill', 'compact', 'share-answers'];

/** The text of a definition at `url`, or an error message (same origin only). */
async function fetchDefinition(url) {
  let target;
  try {
    target = new URL(url, document.baseURI);
  } catch {
    return { error: `"${url}" is geen geldig adres. / "${url}" is not a valid address.` };
  }
  if (target.origin !== location.origin) {
    return {
      error:
        `Een keuzehulp mag alleen van deze website komen, niet van ${target.origin}. / ` +
        `An advisor may only come from this website, not from ${target.origin}.`,
    };
  }
  try {
    const response = await fetch(target, { credentials: 'same-origin' });
    if (!response.ok) {
      return {
        error:
          `De keuzehulp ${target.pathname} kon niet worden geladen (HTTP ${response.status}). / ` +
          `The advisor ${target.pathname} could not be loaded (HTTP ${response.status}).`,
      };
    }
    return { text: await response.text(), file: target.pathname };
  } catch (e) {
    return {
      error:
        `De keuzehulp ${target.pathname} kon niet worden geladen. Controleer de verbinding. / ` +
        `The advisor ${target.pathname} could not be loaded. Check the connection.`,
    };
  }
}

class AdviesModule extends HTMLElement {
  static get observedAttributes() {
    return OBSERVED;
  }

  #mountPoint = null;
  #handle = null;
  #generation = 0;

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const sheet = document.createElement('link');
      sheet.rel = 'stylesheet';
      sheet.href = files.css.href;
      this.#mountPoint = document.createElement('div');
      this.#mountPoint.className = 'adv-host';
      root.append(sheet, this.#mountPoint);
    }
    this.#showLoading();
    this.#mount();
  }

  disconnectedCallback() {
    this.#generation++;
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
    const english = (this.getAttribute('lang') ?? '').trim().toLowerCase().startsWith('en');
    const status = document.createElement('div');
    status.setAttribute('role', 'status');
    status.lang = english ? 'en' : 'nl';
    status.textContent = english ? 'Loading the advisor…' : 'De keuzehulp wordt geladen…';
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
    const advisor = (this.getAttribute('advisor') ?? '').trim();
    const [glue, definition] = await Promise.all([
      loadApp(),
      advisor === '' || glue_is_builtin(advisor) ? { text: '' } : fetchDefinition(advisor),
    ]);
    // A newer attribute change or a removal happened meanwhile: that one wins.
    if (generation !== this.#generation || !this.isConnected) return;
    this.#unmount();
    const emit = (type, detail) => {
      this.dispatchEvent(new CustomEvent(`advies-module:${type}`, { detail, bubbles: true, composed: true }));
    };
    this.#handle = glue.mount_widget(
      this.#mountPoint,
      advisor,
      definition.text ?? '',
      definition.file ?? '',
      definition.error ?? '',
      this.getAttribute('lang') ?? '',
      this.getAttribute('prefill') ?? '',
      this.hasAttribute('compact'),
      this.hasAttribute('share-answers'),
      emit,
    );
  }
}

/** Built-in ids are plain words; anything with a slash or a dot is a URL. */
function glue_is_builtin(advisor) {
  return /^[a-z0-9_-]+$/.test(advisor);
}

if (!customElements.get('advies-module')) customElements.define('advies-module', AdviesModule);
