import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeSettings, storedSettings, POLL } from './faces-helpers';
import {
  launchWithExtension,
  popoverContent,
  startFixtureServer,
  type ExtensionBrowser,
} from './harness';

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

beforeEach(async () => {
  await browser.serviceWorker.evaluate(() => chrome.storage.local.clear());
});

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('h1');
  return page;
}

async function status(page: Page): Promise<string> {
  return (await page.textContent('[role=status]')) ?? '';
}

/** Rests the pointer on a term until the page layer's popover shows it. */
async function popoverFor(page: Page, text: string) {
  const point = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.nodeValue?.indexOf(needle) ?? -1;
      if (index >= 0 && !node.parentElement?.closest('script, input, label')) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + needle.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    throw new Error(`${needle} is not on the page`);
  }, text);
  await page.mouse.move(point.x - 40, point.y - 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  let content: Awaited<ReturnType<typeof popoverContent>>;
  for (let attempt = 0; attempt < 40; attempt += 1) {
    content = await popoverContent(page);
    if (content?.text.includes(text)) return content;
    await page.waitForTimeout(100);
  }
  return content;
}

describe('options page', () => {
  it('lists the keyboard shortcuts of the manifest with their keys', async () => {
    const page = await openOptions();
    await expect
      .poll(() => page.$$eval('tbody tr', (rows) => rows.map((r) => r.textContent ?? '')), POLL)
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Alt+Shift+J'),
          expect.stringContaining('Alt+Shift+K'),
          expect.stringContaining('Alt+Shift+H'),
        ]),
      );
    expect(await page.textContent('#section-shortcuts ~ p button')).toContain('Change shortcuts');
    await page.close();
  });

  it('switches its own language at once when another language is chosen', async () => {
    const page = await openOptions();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.selectOption('#language', 'ja');
    await expect.poll(() => page.textContent('h1'), POLL).toBe('HokenLens の設定');
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    // Focus stays on the language field for keyboard users.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('language');
    expect(await storedSettings(browser.serviceWorker)).toMatchObject({ language: 'ja' });
    await page.close();
  });

  it('applies theme and text size to the page as soon as they are chosen', async () => {
    const page = await openOptions();
    await page.check('#theme-dark');
    await expect.poll(() => page.getAttribute('html', 'data-theme'), POLL).toBe('dark');
    await page.check('#font-size-larger');
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize), POLL)
      .toBe('22.5px');
    expect(await status(page)).toBe('Saved.');
    expect(await storedSettings(browser.serviceWorker)).toMatchObject({
      theme: 'dark',
      fontSize: 'larger',
    });
    await page.close();
  });

  it('sends a settings change to the content script: off stops painting, a language is used in the popover', async () => {
    const options = await openOptions();
    await options.uncheck('#enabled');
    await expect
      .poll(() => storedSettings(browser.serviceWorker), POLL)
      .toMatchObject({ enabled: false });
    const off = await browser.context.newPage();
    await off.goto(`${origin}/slice.html`);
    await off.waitForTimeout(1_000);
    expect(await off.evaluate(() => CSS.highlights.get('hokenlens-term')?.size ?? 0)).toBe(0);
    await off.close();

    await options.check('#enabled');
    await options.selectOption('#language', 'zh-Hans');
    await expect.poll(() => options.getAttribute('html', 'lang'), POLL).toBe('zh-Hans');
    const on = await browser.context.newPage();
    await on.goto(`${origin}/slice.html`);
    await on.waitForFunction(() => (CSS.highlights.get('hokenlens-term')?.size ?? 0) > 0);
    const content = await popoverFor(on, '限度額適用認定証');
    expect(content?.langs).toContain('zh-Hans');
    expect(content?.text).toContain('上限额');
    await on.close();
    await options.close();
  });

  it('exports the settings to a file that imports back to the same settings', async () => {
    const page = await openOptions();
    await page.check('#detail-long');
    await page.uncheck('#show-readings');
    await expect.poll(() => status(page), POLL).toBe('Saved.');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('text=Export settings'),
    ]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      format: string;
      settings: Record<string, unknown>;
    };
    expect(file.format).toBe('hokenlens-settings');
    expect(file.settings).toMatchObject({ detail: 'long', showReadings: false });

    await page.check('#detail-short');
    await page.setInputFiles('#import-file', {
      name: 'hokenlens-settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect.poll(() => status(page), POLL).toBe('Settings imported.');
    expect(await page.isChecked('#detail-long')).toBe(true);
    expect(await storedSettings(browser.serviceWorker)).toMatchObject({ detail: 'long' });
    await page.close();
  });

  it('refuses a malformed, a foreign and an invalid file, and changes nothing', async () => {
    const page = await openOptions();
    await page.check('#theme-light');
    await expect.poll(() => status(page), POLL).toBe('Saved.');
    const before = await storedSettings(browser.serviceWorker);
    const files = [
      ['broken.json', '{"format": "hokenlens-settings", ', 'not valid JSON'],
      ['rates.json', '{"format":"hokenlens-rates","version":1}', 'not a HokenLens settings file'],
      [
        'bad.json',
        JSON.stringify({
          format: 'hokenlens-settings',
          version: 3,
          settings: { ...before, theme: 'neon' },
        }),
        'settings.theme',
      ],
    ] as const;
    for (const [name, text, reason] of files) {
      await page.setInputFiles('#import-file', {
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await expect.poll(() => status(page), POLL).toContain(reason);
      expect(await status(page)).toContain('nothing was changed');
      expect(await page.getAttribute('[role=status]', 'class')).toContain('error');
    }
    expect(await storedSettings(browser.serviceWorker)).toEqual(before);
    await page.close();
  });

  it('resets every setting to the defaults only after a confirmation', async () => {
    const page = await openOptions();
    await page.check('#highlight-style-underline');
    await expect.poll(() => status(page), POLL).toBe('Saved.');
    await page.click('text=Reset settings');
    await page.click('text=Cancel');
    expect(await storedSettings(browser.serviceWorker)).toMatchObject({
      highlightStyle: 'underline',
    });
    await page.click('text=Reset settings');
    await page.click('text=Yes, reset');
    await expect.poll(() => status(page), POLL).toBe('Settings reset to the defaults.');
    expect(await page.isChecked('#highlight-style-tint')).toBe(true);
    expect(await storedSettings(browser.serviceWorker)).toMatchObject({
      highlightStyle: 'tint',
      detail: 'short',
    });
    await page.close();
  });

  it('refuses a site address that is not a web site, without asking for any permission', async () => {
    const page = await openOptions();
    await page.fill('#site-input', 'file:///etc/passwd');
    await page.click('text=Add site');
    await expect.poll(() => status(page), POLL).toContain('Enter the address of a web site');
    expect(await storedSettings(browser.serviceWorker)).toBeUndefined();
    await page.close();
  });

  it('lists the added sites with their permission state, and removes one from the settings', async () => {
    await storeSettings(browser.serviceWorker, {
      sites: ['https://www.city.example.jp/*', 'https://kokuho.example.org/*'],
    });
    const page = await openOptions();
    const row = page.locator('[data-site="https://www.city.example.jp/*"]');
    await expect.poll(() => row.textContent(), POLL).toContain('not allowed yet');
    expect(await row.locator('button', { hasText: 'Allow' }).count()).toBe(1);
    await page.click('[aria-label="Remove www.city.example.jp"]');
    await expect.poll(() => status(page), POLL).toContain('www.city.example.jp was removed');
    expect(await storedSettings(browser.serviceWorker)).toMatchObject({
      sites: ['https://kokuho.example.org/*'],
    });
    await page.close();
  });

  it('can be used with the keyboard alone, with a visible focus ring', async () => {
    const page = await openOptions();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('language');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe(
      'solid',
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('theme-system');
    // Arrow keys move within a radio group and choose at once.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getAttribute('html', 'data-theme'), POLL).toBe('light');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getAttribute('html', 'data-theme'), POLL).toBe('dark');
    for (
      let i = 0;
      i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'enabled';
      i += 1
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');
    await expect
      .poll(() => storedSettings(browser.serviceWorker), POLL)
      .toMatchObject({
        theme: 'dark',
        enabled: false,
      });
    await page.close();
  });

  it('tells the reader when the stored settings were unreadable', async () => {
    await browser.serviceWorker.evaluate(() =>
      chrome.storage.local.set({ settings: { language: 7 }, settings$: { v: 3 } }),
    );
    const page = await openOptions();
    expect(await page.textContent('[role=alert]')).toContain('could not be read');
    await page.close();
  });
});
