import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** One axe violation, short enough for a test failure message. */
export interface SeriousViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Run axe-core on the page (or a part of it) and return the serious and critical violations. */
export async function seriousViolations(page: Page, include?: string): Promise<SeriousViolation[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

/**
 * Collect Content-Security-Policy violations and console errors of a page from now on (a CSP
 * violation is logged to the console by Chromium and fires `securitypolicyviolation`).
 */
export function watchConsole(page: Page): { cspViolations: string[]; errors: string[] } {
  const seen = { cspViolations: [] as string[], errors: [] as string[] };
  page.on('console', (message) => {
    const text = message.text();
    // A meta-delivered CSP cannot set frame-ancestors; Chromium says so once. Not a violation.
    if (/frame-ancestors' is ignored/.test(text)) return;
    if (/Content Security Policy/i.test(text)) seen.cspViolations.push(text);
    else if (message.type() === 'error' && !/Failed to load resource/.test(text)) seen.errors.push(text);
  });
  return seen;
}

/** Click a screen in the navigation and wait until it is the current one and its section is shown. */
export async function openView(page: Page, title: string): Promise<void> {
  const button = page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: title, exact: true });
  await button.click();
  await page
    .getByRole('navigation', { name: 'Screens' })
    .locator('[aria-current="page"]', { hasText: title })
    .waitFor();
  await page.locator('main .view').first().waitFor();
}

/** Open a stage in the DR procedure rail, then the runbook of one of its steps (by the step's title). */
export async function openStepRunbook(page: Page, stage: RegExp, stepTitle: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'DR procedure stages' })
    .getByRole('button', { name: stage })
    .click();
  const escaped = stepTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByRole('button', { name: new RegExp(`Open the runbook for: ${escaped}`) }).click();
}
