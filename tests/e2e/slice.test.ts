import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  popoverContent,
  screenshot,
  startFixtureServer,
  type ExtensionBrowser,
} from './harness';

const TERMS = ['資格確認書', '限度額適用認定証', '均等割額'];

let server: Server;
let origin: string;
let browser: ExtensionBrowser;

beforeAll(async () => {
  ({ server, origin } = await startFixtureServer());
  browser = await launchWithExtension('en-US');
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Texts of the ranges in the `hokenlens-term` highlight, which holds every painted term. */
async function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('hokenlens-term');
    return [...(highlight ?? [])].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  });
}

async function openSlicePage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${origin}/slice.html`);
  await page.waitForFunction(
    () => (CSS.highlights.get('hokenlens-term')?.size ?? 0) > 0,
    undefined,
    {
      timeout: 15_000,
    },
  );
  return { page, errors };
}

async function termCenter(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.nodeValue?.indexOf(needle) ?? -1;
      if (index >= 0 && node.parentElement?.closest('script, input') == null) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + needle.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    throw new Error(`${needle} not on the page`);
  }, text);
}

async function hoverUntilPopover(page: Page, text: string) {
  const { x, y } = await termCenter(page, text);
  await page.mouse.move(x - 40, y - 40);
  await page.mouse.move(x, y, { steps: 4 });
  await page.waitForFunction(
    () => document.querySelector('hokenlens-popover') !== null,
    undefined,
    {
      timeout: 5_000,
    },
  );
  let content: Awaited<ReturnType<typeof popoverContent>>;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    content = await popoverContent(page);
    if (content?.text.includes(text.slice(0, 3))) break;
    await page.waitForTimeout(50);
  }
  return content;
}

describe('HokenLens in real Chromium', () => {
  it('paints the three terms with the CSS Custom Highlight API, and not the one inside a form field', async () => {
    const { page, errors } = await openSlicePage();
    const painted = await paintedTexts(page);
    expect(painted).toEqual(expect.arrayContaining(TERMS));
    // 資格確認書 also appears in the value of a text field, which is never painted.
    expect(painted.filter((text) => text === '資格確認書')).toHaveLength(1);
    await screenshot(page, 'slice-painted');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves the page DOM unchanged: no node added until the popover opens, then only its host', async () => {
    const { page, errors } = await openSlicePage();
    const before = await page.evaluate(() => ({
      initial: (window as unknown as { __initialHTML: string }).__initialHTML,
      now: document.documentElement.outerHTML,
      mutations: (window as unknown as { __mutations: unknown[] }).__mutations.length,
    }));
    expect(before.now).toBe(before.initial);
    await hoverUntilPopover(page, '資格確認書');
    const after = await page.evaluate(() => {
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('hokenlens-popover').forEach((node) => node.remove());
      return {
        html: clone.outerHTML,
        mutations: (
          window as unknown as {
            __mutations: { added: string[]; removed: string[]; type: string }[];
          }
        ).__mutations,
      };
    });
    expect(after.html).toBe(before.initial);
    // The page's own MutationObserver sees exactly one change: the popover host being added.
    expect(after.mutations.slice(before.mutations)).toEqual([
      { type: 'childList', target: 'HTML', added: ['HOKENLENS-POPOVER'], removed: [] },
    ]);
    // The page's form still works.
    await page.click('#contact button');
    expect(await page.textContent('#sent')).toBe('送信しました');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the term, its reading and a one-line explanation in English when the pointer rests on 資格確認書', async () => {
    const { page } = await openSlicePage();
    const content = await hoverUntilPopover(page, '資格確認書');
    expect(content?.text).toContain('資格確認書');
    expect(content?.text).toContain('しかくかくにんしょ');
    expect(content?.text).toContain('proves your health insurance coverage');
    expect(content?.roles).toContain('dialog');
    expect(content?.langs).toEqual(expect.arrayContaining(['ja', 'en']));
    await screenshot(page, 'slice-popover-en');
    await page.keyboard.press('Escape');
    await page.waitForFunction(async () => true);
    await page.close();
  });

  it('explains in the language chosen in the settings (Simplified Chinese)', async () => {
    await browser.serviceWorker.evaluate(async () => {
      await chrome.storage.local.set({
        settings: { language: 'zh-Hans', enabled: true, theme: 'system' },
        settings$: { v: 2 },
      });
    });
    const { page } = await openSlicePage();
    const content = await hoverUntilPopover(page, '限度額適用認定証');
    expect(content?.text).toContain('限度額適用認定証');
    expect(content?.text).toContain('げんどがくてきようにんていしょう');
    expect(content?.text).toContain('上限额');
    expect(content?.langs).toContain('zh-Hans');
    await screenshot(page, 'slice-popover-zh-Hans');
    await page.close();
    await browser.serviceWorker.evaluate(() => chrome.storage.local.clear());
  });

  it('does nothing on a page when highlighting is turned off', async () => {
    await browser.serviceWorker.evaluate(async () => {
      await chrome.storage.local.set({
        settings: { language: null, enabled: false, theme: 'system' },
        settings$: { v: 2 },
      });
    });
    const page = await browser.context.newPage();
    await page.goto(`${origin}/slice.html`);
    await page.waitForTimeout(1_000);
    expect(await paintedTexts(page)).toEqual([]);
    await page.close();
    await browser.serviceWorker.evaluate(() => chrome.storage.local.clear());
  });

  it('computes the seed example in the popup: Fukuoka FY2024, public pension 2,200,000 yen → 127,260 yen', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.selectOption('#region', 'fukuoka');
    await page.selectOption('#fiscal-year', '2024');
    await page.fill('#members-0-birth-date', '1947-06-15');
    await page.fill('#members-0-income-public-pension', '2,200,000');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[data-testid=total]')).toContain('127,260');
    const steps = await page.$$eval('.steps li', (items) =>
      items.map((li) => li.textContent ?? ''),
    );
    expect(steps.some((s) => s.includes('79,261'))).toBe(true);
    expect(steps.some((s) => s.includes('48,003'))).toBe(true);
    const sources = await page.$$eval('.sources a', (links) =>
      links.map((a) => a.getAttribute('href')),
    );
    expect(sources.length).toBeGreaterThan(0);
    await screenshot(page, 'slice-popup-en');
    await page.close();
  });

  it('shows a localized message and keeps the input when the pension is not a whole number', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.fill('#members-0-birth-date', '1947-06-15');
    await page.fill('#members-0-income-public-pension', '2200000.5');
    await page.click('button[type=submit]');
    await expect
      .poll(() => page.textContent('#members-0-income-public-pension-error'))
      .toContain('whole number');
    expect(await page.inputValue('#members-0-income-public-pension')).toBe('2200000.5');
    expect(await page.$('[data-testid=total]')).toBeNull();
    await page.close();
  });
});

describe('privacy', () => {
  it('flags any request that leaves loopback or the extension (the check every browser test closes with)', async () => {
    const { foreignRequests } = await import('./harness');
    expect(
      foreignRequests(
        [
          `${origin}/slice.html`,
          `chrome-extension://${browser.extensionId}/popup.html`,
          'https://example.com/track',
          'chrome-extension://someotherextensionid/x.js',
        ],
        browser.extensionId,
      ),
    ).toEqual(['https://example.com/track', 'chrome-extension://someotherextensionid/x.js']);
    expect(browser.requests.some((url) => url.startsWith(origin))).toBe(true);
    expect(foreignRequests(browser.requests, browser.extensionId)).toEqual([]);
  });
});
