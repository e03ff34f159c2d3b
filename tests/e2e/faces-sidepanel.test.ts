import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureClipboard, copiedTexts, storeSettings, POLL } from './faces-helpers';
import { launchWithExtension, ROOT, startFixtureServer, type ExtensionBrowser } from './harness';

/** The shipped Simplified Chinese explanations (read at test time: translators keep editing them). */
const zhGlossary = JSON.parse(
  readFileSync(join(ROOT, 'locales/zh-Hans/glossary.json'), 'utf8'),
) as Record<string, { short: string }>;

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
  await browser.serviceWorker.evaluate(() => chrome.storage.session.clear());
});

async function openFixture(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${origin}/${path}`);
  await page.waitForFunction(() => (CSS.highlights.get('hokenlens-term')?.size ?? 0) > 0);
  return page;
}

/**
 * The side panel page, opened as a tab of the same window. The fixture page is then brought to
 * the front, so for the panel it is the active tab, as when it sits beside that page.
 */
async function openPanelBeside(page: Page): Promise<Page> {
  const panel = await browser.context.newPage();
  await captureClipboard(panel);
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  await panel.waitForSelector('[role=tablist]');
  await page.bringToFront();
  await panel.evaluate(() => window.dispatchEvent(new Event('focus')));
  return panel;
}

async function listedTerms(panel: Page): Promise<string[]> {
  return panel.$$eval('#panel-page .term-button .ja', (items) =>
    items.map((item) => item.textContent ?? ''),
  );
}

async function categoryHeadings(panel: Page): Promise<string[]> {
  return panel.$$eval('#panel-page .term-group h3', (items) =>
    items.map((item) => item.textContent ?? ''),
  );
}

describe('side panel', () => {
  it("lists the active page's terms grouped by category, with counts", async () => {
    const page = await openFixture('slice.html');
    const panel = await openPanelBeside(page);
    await panel.click('text=Refresh');
    await expect
      .poll(() => listedTerms(panel), POLL)
      .toEqual(expect.arrayContaining(['資格確認書', '限度額適用認定証', '均等割']));
    const headings = await categoryHeadings(panel);
    expect(headings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Documents and cards \(\d+\)$/)]),
    );
    expect(await panel.textContent('[data-testid=term-total]')).toMatch(/^\d+ terms found\.$/);
    expect(await panel.textContent('[data-testid=page-address]')).toContain('/slice.html');
    await panel.close();
    await page.close();
  });

  it('follows the active tab', async () => {
    const slice = await openFixture('slice.html');
    const letter = await openFixture('faces/letter.html');
    const panel = await openPanelBeside(slice);
    await panel.click('text=Refresh');
    await expect.poll(() => listedTerms(panel), POLL).toContain('資格確認書');
    await letter.bringToFront();
    await expect.poll(() => listedTerms(panel), POLL).toContain('高額療養費');
    expect(await listedTerms(panel)).not.toContain('資格確認書');
    await panel.close();
    await slice.close();
    await letter.close();
  });

  it("copies the page's glossary as a cheat sheet in the chosen language", async () => {
    const page = await openFixture('slice.html');
    const panel = await openPanelBeside(page);
    await panel.click('text=Refresh');
    await expect.poll(() => listedTerms(panel), POLL).toContain('資格確認書');
    await panel.selectOption('#sheet-language', 'zh-Hans');
    await panel.waitForFunction(
      () => document.querySelector('.term-button .gloss')?.getAttribute('lang') === 'zh-Hans',
    );
    await panel.click('text=Copy cheat sheet');
    await expect
      .poll(() => panel.textContent('[role=status]'), POLL)
      .toMatch(/Cheat sheet with \d+ terms copied/);
    const [sheet = ''] = await copiedTexts(panel);
    expect(sheet).toContain('■ 資格確認書（しかくかくにんしょ）');
    expect(sheet).toContain('■ 限度額適用認定証（げんどがくてきようにんていしょう）');
    expect(sheet).toContain(zhGlossary['gendogaku-tekiyo-ninteisho']!.short);
    expect(sheet).toContain(`${origin}/slice.html`);
    await panel.close();
    await page.close();
  });

  it('scrolls to a chosen term on the page and opens its popover', async () => {
    const page = await openFixture('slice.html');
    const panel = await openPanelBeside(page);
    await panel.click('text=Refresh');
    await expect.poll(() => listedTerms(panel), POLL).toContain('限度額適用認定証');
    await panel.click('.term-button[data-term] >> text=限度額適用認定証');
    await expect
      .poll(() => panel.textContent('[role=status]'), POLL)
      .toContain('Showing 限度額適用認定証');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('hokenlens-popover') !== null), POLL)
      .toBe(true);
    await panel.close();
    await page.close();
  });

  it('says so when HokenLens does not run on the active page', async () => {
    const page = await browser.context.newPage();
    await page.goto('about:blank');
    const panel = await openPanelBeside(page);
    await panel.click('text=Refresh');
    await expect
      .poll(() => panel.textContent('#panel-page'), POLL)
      .toContain('not running on this page');
    await panel.close();
    await page.close();
  });

  it('says that highlighting is turned off when the page layer is off in the settings', async () => {
    await storeSettings(browser.serviceWorker, { enabled: false });
    const page = await browser.context.newPage();
    await page.goto(`${origin}/slice.html`);
    const panel = await openPanelBeside(page);
    await panel.click('text=Refresh');
    await expect
      .poll(() => panel.textContent('#panel-page'), POLL)
      .toContain('Automatic highlighting is turned off in the settings');
    await panel.close();
    await page.close();
  });

  it('moves between its views with the arrow keys, as tabs do', async () => {
    const page = await openFixture('slice.html');
    const panel = await openPanelBeside(page);
    await panel.focus('#tab-page');
    await panel.keyboard.press('ArrowRight');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('tab-explain');
    expect(await panel.isVisible('#panel-explain')).toBe(true);
    expect(await panel.isHidden('#panel-page')).toBe(true);
    await panel.keyboard.press('Home');
    expect(await panel.getAttribute('#tab-page', 'aria-selected')).toBe('true');
    await panel.close();
    await page.close();
  });
});

/** Runs the context menu's click handler in the service worker, as a click on the item would. */
async function explainFromMenu(text: string): Promise<string> {
  return browser.serviceWorker.evaluate(
    (selection) =>
      (
        globalThis as unknown as {
          hokenlensExplainSelection: (text: string, tabId?: number) => Promise<string>;
        }
      ).hokenlensExplainSelection(selection, undefined),
    text,
  );
}

describe('Explain with HokenLens (context menu)', () => {
  const SELECTION =
    '後期高齢者医療の保険料は、均等割と所得割の合計です。資格確認書を同封しました。';

  it('explains the selected text in the explain page, even where highlighting is off', async () => {
    await storeSettings(browser.serviceWorker, { enabled: false });
    const opened = browser.context.waitForEvent('page');
    const where = await browser.serviceWorker.evaluate(
      (text) =>
        (
          globalThis as unknown as {
            hokenlensExplainSelection: (text: string, tabId?: number) => Promise<string>;
          }
        ).hokenlensExplainSelection(text, undefined),
      SELECTION,
    );
    // No side panel can open without a real click on the menu, so the explain page opens.
    expect(where).toBe('tab');
    const page = await opened;
    await page.waitForSelector('[data-testid=painted-text]');
    expect(page.url()).toContain('/explain.html');
    expect(await page.textContent('[data-testid=painted-text]')).toBe(SELECTION);
    const painted = await page.evaluate(
      (text) =>
        [...(CSS.highlights.get('hokenlens-explain') ?? [])].map((range) =>
          text.slice(range.startOffset, range.endOffset),
        ),
      SELECTION,
    );
    expect(painted).toEqual(
      expect.arrayContaining(['後期高齢者医療の保険料', '均等割', '所得割', '資格確認書']),
    );
    const terms = await page.$$eval('.term-button .ja', (items) => items.map((i) => i.textContent));
    expect(terms).toEqual(expect.arrayContaining(['資格確認書', '均等割', '所得割']));

    // A second selection goes to the page that is already open, not to a new tab.
    const pagesBefore = browser.context.pages().length;
    await explainFromMenu('高額療養費の申請について');
    await expect
      .poll(() => page.inputValue('#explain-input'), POLL)
      .toBe('高額療養費の申請について');
    await expect
      .poll(() => page.$$eval('.term-button .ja', (items) => items.map((i) => i.textContent)), POLL)
      .toEqual(['高額療養費']);
    expect(browser.context.pages().length).toBe(pagesBefore);
    await page.close();
  });

  it('hands the selection to an open side panel, which switches to "Explain a text"', async () => {
    const page = await openFixture('slice.html');
    const panel = await openPanelBeside(page);
    await browser.serviceWorker.evaluate(
      (text) =>
        (
          globalThis as unknown as {
            hokenlensExplainSelection: (text: string, tabId?: number) => Promise<string>;
          }
        ).hokenlensExplainSelection(text, undefined),
      SELECTION,
    );
    await expect.poll(() => panel.getAttribute('#tab-explain', 'aria-selected'), POLL).toBe('true');
    await expect.poll(() => panel.inputValue('#explain-input'), POLL).toBe(SELECTION);
    await expect
      .poll(
        () => panel.$$eval('#panel-explain .term-button .ja', (i) => i.map((x) => x.textContent)),
        POLL,
      )
      .toEqual(expect.arrayContaining(['資格確認書']));
    // The explain page opened as well (no side panel could be opened from the test).
    for (const extra of browser.context.pages().filter((p) => p.url().includes('/explain.html'))) {
      await extra.close();
    }
    await panel.close();
    await page.close();
  });
});
