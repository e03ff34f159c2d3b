import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { docsScreenshot, seriousViolations, storeSettings } from './faces-helpers';
import { launchWithExtension, startFixtureServer, type ExtensionBrowser } from './harness';

let server: Server;
let origin: string;
let browser: ExtensionBrowser;

const LETTER = [
  '後期高齢者医療保険料 納入通知書',
  '保険料は均等割と所得割の合計です。納期限までに納めてください。',
  '資格確認書を同封しました。',
].join('\n');

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

/** Each face in each of these: two languages (one of them Japanese) and both themes. */
const VARIANTS = [
  { language: 'en', theme: 'light' },
  { language: 'ja', theme: 'dark' },
  { language: 'zh-Hans', theme: 'light' },
  { language: 'en', theme: 'dark' },
] as const;

async function extensionPage(path: string, width = 1000): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  await page.waitForSelector('h1');
  return page;
}

async function sidePanelBeside(): Promise<{ panel: Page; site: Page }> {
  const site = await browser.context.newPage();
  await site.goto(`${origin}/slice.html`);
  await site.waitForFunction(() => (CSS.highlights.get('hokenlens-term')?.size ?? 0) > 0);
  const panel = await extensionPage('sidepanel.html', 400);
  await site.bringToFront();
  await panel.click('text=/Refresh|更新|刷新/');
  await panel.waitForSelector('#panel-page .term-button');
  return { panel, site };
}

async function explainWithText(): Promise<Page> {
  const page = await extensionPage('explain.html');
  await page.fill('#explain-input', LETTER);
  await page.click('button[type=submit]');
  await page.click('.term-button[data-term=kintowari]');
  await page.waitForSelector('section.card');
  return page;
}

/** Nothing is cut off or needs sideways scrolling when text is twice as large. */
async function fitsAtDoubleText(page: Page): Promise<boolean> {
  await page.evaluate(() => document.documentElement.style.setProperty('--font-scale', '2'));
  return page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1,
  );
}

describe.each(VARIANTS)('faces in $language, $theme theme', ({ language, theme }) => {
  beforeEach(async () => {
    await storeSettings(browser.serviceWorker, { language, theme });
  });

  it('options page: no serious or critical axe violations, right lang and theme', async () => {
    const page = await extensionPage('options.html');
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
    expect(await seriousViolations(page)).toEqual([]);
    if (language !== 'zh-Hans') await docsScreenshot(page, `options-${language}-${theme}`);
    expect(await fitsAtDoubleText(page)).toBe(true);
    await page.close();
  });

  it("side panel listing a page's terms: no serious or critical axe violations", async () => {
    const { panel, site } = await sidePanelBeside();
    expect(await panel.getAttribute('html', 'lang')).toBe(language);
    expect(await seriousViolations(panel)).toEqual([]);
    if (language !== 'zh-Hans') await docsScreenshot(panel, `sidepanel-${language}-${theme}`);
    expect(await fitsAtDoubleText(panel)).toBe(true);
    await panel.close();
    await site.close();
  });

  it('explain page with an explained letter: no serious or critical axe violations', async () => {
    const page = await explainWithText();
    expect(await seriousViolations(page)).toEqual([]);
    if (language !== 'zh-Hans') await docsScreenshot(page, `explain-${language}-${theme}`);
    expect(await fitsAtDoubleText(page)).toBe(true);
    await page.close();
  });
});

describe('motion', () => {
  it('turns off transitions and animations when the reader asks for reduced motion', async () => {
    const page = await extensionPage('options.html');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const duration = await page.evaluate(() => {
      const probe = document.createElement('button');
      probe.style.transition = 'opacity 2s';
      document.body.append(probe);
      return getComputedStyle(probe).transitionDuration;
    });
    expect(duration).toBe('0s');
    await page.close();
  });
});
