import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { ROOT } from './harness';

/** Screenshots of the faces, shown in the README. */
export const DOCS_SCREENSHOTS = join(ROOT, 'docs/screenshots');

export async function docsScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(DOCS_SCREENSHOTS, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page. The source is evaluated through the DevTools protocol, because an
 * extension page's CSP (rightly) refuses injected script tags.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => String(n.target.join(' '))),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export type StoredSettings = Record<string, unknown>;

/** Writes settings straight into storage (as the background would), version 3. */
export async function storeSettings(worker: Worker, settings: StoredSettings): Promise<void> {
  await worker.evaluate(async (value) => {
    await chrome.storage.local.set({
      settings: {
        language: null,
        enabled: true,
        theme: 'system',
        highlightStyle: 'tint',
        showReadings: true,
        detail: 'short',
        fontSize: 'normal',
        sites: [],
        ...value,
      },
      settings$: { v: 3 },
    });
  }, settings);
}

export async function storedSettings(worker: Worker): Promise<StoredSettings> {
  return worker.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    return settings as Record<string, unknown>;
  });
}

/** Text written to the clipboard by the page, captured instead of the real clipboard. */
export async function captureClipboard(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const copied: string[] = [];
    (globalThis as unknown as { __copied: string[] }).__copied = copied;
    Object.defineProperty(navigator, 'clipboard', {
      value: {
        writeText: async (text: string) => {
          copied.push(text);
        },
      },
    });
  });
}

export async function copiedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __copied: string[] }).__copied);
}

/**
 * Options for `expect.poll` with room for a busy machine: the browser tests share two cores with
 * builds and other browsers in CI, and a page that answers in 1.5 s instead of 0.5 s is not broken.
 */
export const POLL = { timeout: 10_000, interval: 100 } as const;
