// Accessibility checks with axe-core, which audits open shadow roots too.
// axe is injected with page.evaluate (a CDP evaluation), not a <script> tag, so that pages
// with a strict Content-Security-Policy can be audited as they are.
import { readFileSync } from 'node:fs';
import { axeScript } from './paths.mjs';

let axeSource;

/**
 * Runs axe on `target` (a CSS selector in the light DOM, e.g. the widget's host element; its
 * shadow tree is included) or the whole document when omitted. `options` go to `axe.run`
 * (default: WCAG 2.0/2.1/2.2 A and AA rules plus best practices). Resolves to the violations:
 * `[{ id, impact, help, helpUrl, nodes: [{ target, html, failureSummary }] }]`.
 */
export async function checkA11y(page, target, options) {
  axeSource ??= readFileSync(axeScript, 'utf8');
  const present = await page.evaluate(() => typeof window.axe === 'object');
  if (!present) await page.evaluate(`${axeSource}\n;void 0`);
  const runOptions = options ?? {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  };
  return page.evaluate(
    async ({ target, runOptions }) => {
      const context = target ? { include: [target] } : document;
      const result = await window.axe.run(context, runOptions);
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      }));
    },
    { target: target ?? null, runOptions },
  );
}

/** A readable report of `violations`, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.html}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`).join('\n')}`)
    .join('\n');
}
