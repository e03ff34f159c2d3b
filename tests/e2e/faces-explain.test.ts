import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureClipboard, copiedTexts, storeSettings, POLL } from './faces-helpers';
import { launchWithExtension, ROOT, type ExtensionBrowser } from './harness';

/** The shipped explanations, read as the extension reads them (they change as they are edited). */
function glossary(language: string): Record<string, { short: string }> {
  return JSON.parse(
    readFileSync(join(ROOT, 'locales', language, 'glossary.json'), 'utf8'),
  ) as Record<string, { short: string }>;
}

let browser: ExtensionBrowser;

/** A payment notice, the kind of letter a reader pastes. */
const LETTER = [
  '令和7年度 国民健康保険料 納入通知書',
  '世帯主様',
  '今年度の保険料は、所得割と均等割、平等割の合計です。',
  '納期限までに納付してください。口座振替もご利用いただけます。',
  '高額療養費の申請は、2年以内にお願いします。',
  '資格確認書は別便でお送りします。',
].join('\n');

beforeAll(async () => {
  browser = await launchWithExtension('en-US');
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await browser.serviceWorker.evaluate(() => chrome.storage.local.clear());
  await browser.serviceWorker.evaluate(() => chrome.storage.session.clear());
});

async function openExplain(): Promise<Page> {
  const page = await browser.context.newPage();
  await captureClipboard(page);
  await page.goto(`chrome-extension://${browser.extensionId}/explain.html`);
  await page.waitForSelector('#explain-input');
  return page;
}

async function paintedTerms(page: Page, text: string): Promise<string[]> {
  return page.evaluate(
    (source) =>
      [...(CSS.highlights.get('hokenlens-explain') ?? [])].map((range) =>
        source.slice(range.startOffset, range.endOffset),
      ),
    text,
  );
}

describe('Explain a text', () => {
  it('paints the terms of a pasted letter and lists them by category', async () => {
    const page = await openExplain();
    await page.fill('#explain-input', LETTER);
    await page.click('button[type=submit]');
    await expect
      .poll(() => page.textContent('[role=status]'), POLL)
      .toMatch(/\d+ insurance terms found/);
    const painted = await paintedTerms(page, LETTER);
    expect(painted).toEqual(
      expect.arrayContaining(['納入通知書', '世帯主', '所得割', '均等割', '平等割', '高額療養費']),
    );
    // The text is shown as text: nothing pasted becomes markup.
    expect(await page.$$eval('[data-testid=painted-text] *', (nodes) => nodes.length)).toBe(0);
    expect(await page.textContent('[data-testid=painted-text]')).toBe(LETTER);
    const headings = await page.$$eval('.term-group h3', (items) =>
      items.map((i) => i.textContent),
    );
    expect(headings).toEqual(expect.arrayContaining([expect.stringMatching(/^Premiums \(\d+\)$/)]));
    await page.close();
  });

  it('explains a term chosen from the list, and switches its language on the spot', async () => {
    const page = await openExplain();
    await page.fill('#explain-input', LETTER);
    await page.click('button[type=submit]');
    await page.click('.term-button[data-term=shikaku-kakuninsho]');
    const card = page.locator('section.card[data-term=shikaku-kakuninsho]');
    await expect
      .poll(() => card.locator('.short').textContent(), POLL)
      .toBe(glossary('en')['shikaku-kakuninsho']!.short);
    // Focus moves to the explanation, for screen reader and keyboard users.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('資格確認書');
    await card.locator('select').selectOption('ja');
    await expect
      .poll(() => card.locator('.short').textContent(), POLL)
      .toBe(glossary('ja')['shikaku-kakuninsho']!.short);
    expect(
      await card.locator('.short').evaluate((e) => e.closest('[lang]')?.getAttribute('lang')),
    ).toBe('ja');
    await card.locator('button', { hasText: 'コピー' }).click();
    const [copied = ''] = await copiedTexts(page);
    expect(copied).toContain('資格確認書（しかくかくにんしょ）');
    await page.close();
  });

  it('opens the explanation of a term clicked in the painted text', async () => {
    const page = await openExplain();
    await page.fill('#explain-input', LETTER);
    await page.click('button[type=submit]');
    const point = await page.evaluate(() => {
      const node = document.querySelector('[data-testid=painted-text]')!.firstChild!;
      const start = node.textContent!.indexOf('高額療養費');
      const range = document.createRange();
      range.setStart(node, start + 1);
      range.setEnd(node, start + 2);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(point.x, point.y);
    await expect
      .poll(() => page.locator('section.card').getAttribute('data-term'), POLL)
      .toBe('kogaku-ryoyohi');
    await page.close();
  });

  it('copies all explanations, long ones when the settings ask for long explanations', async () => {
    await storeSettings(browser.serviceWorker, { detail: 'long', language: 'zh-Hans' });
    const page = await openExplain();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    await page.fill('#explain-input', LETTER);
    await page.click('button[type=submit]');
    await page.click('[data-testid=copy-all]');
    await expect.poll(() => copiedTexts(page), POLL).toHaveLength(1);
    const [sheet = ''] = await copiedTexts(page);
    expect(sheet).toContain('■ 均等割（きんとうわり）');
    expect(sheet).toContain('→ ');
    expect(sheet.split('\n').length).toBeGreaterThan(20);
    await page.close();
  });

  it('can be used with the keyboard alone', async () => {
    const page = await openExplain();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('explain-input');
    await page.keyboard.insertText(LETTER);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.term-button');
    // Tab on to the first term of the list and open it.
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('term-button'))) {
        break;
      }
    }
    const term = await page.evaluate(() => document.activeElement?.getAttribute('data-term'));
    expect(term).toBeTruthy();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('section.card').getAttribute('data-term'), POLL)
      .toBe(term);
    // The focus ring is visible on the focused element.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).toBe('solid');
    await page.close();
  });
});
