// Accessibility checks with axe-core, limited to WCAG 2.1 A and AA.

import { AxeBuilder } from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page (or only inside `include`, a CSS selector); returns { violations,
 * summary } (summary is '' when there are none).
 */
export async function checkAccessibility(page, include) {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return { violations: results.violations, summary: summarize(results.violations) };
}

/** One paragraph per violated rule: impact, rule, what is wrong, and each offending element. */
export function summarize(violations) {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `    at ${node.target.join(' ')}\n      ${node.failureSummary?.replaceAll('\n', '\n      ')}`)
        .join('\n');
      return `- [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
    })
    .join('\n');
}
