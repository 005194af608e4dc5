// The widget's contrast guard under a host's theme (docs/theming.md), loaded by the loader
// (advies-module.js) only where a theme or the host sets one of the colours it keeps. The
// widget's colours follow an NL Design System theme on the host page where one is set
// (style/nl-design-system.toml). Once its style sheet has loaded, and again when the colour
// scheme changes, each pair in CHECKS is measured; where one falls short of WCAG 2.1 AA, a
// theme's colour gives way to the widget's own (or one of the widget's tints to the plain
// background), and the mount point's `data-contrast-fallback` names what was replaced. A value
// the host set on `--adv-*` itself is kept, with a warning: that choice is the host's. Under
// forced colours the system's colours apply and nothing is changed.

const CHECKS = null; // written by the build (crates/prerender)

const forcedColours = matchMedia('(forced-colors: active)');

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

/** Keeps every pair of CHECKS at its ratio in `root`; returns what it replaced. */
export function guardContrast(host, root, mountPoint) {
  root.adoptedStyleSheets = [];
  delete mountPoint.dataset.contrastFallback;
  if (forcedColours.matches) return [];
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
  const failing = () => CHECKS.filter((c) => measure(c.token, c.against).ratio < c.min);
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
