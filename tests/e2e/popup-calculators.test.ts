import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureClipboard,
  copiedTexts,
  docsScreenshot,
  seriousViolations,
  storeSettings,
} from './faces-helpers';
import { launchWithExtension, ROOT, type ExtensionBrowser } from './harness';

const FIXTURES = join(ROOT, 'tests/fixtures/popup');

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension('en-US');
});

afterAll(async () => {
  await browser?.close();
});

async function openPopup(
  options: { clipboard?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (options.clipboard) await captureClipboard(page);
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('#kind-koki-premium').catch((error: unknown) => {
    throw new Error(`The popup did not start: ${errors.join('; ') || String(error)}`);
  });
  return { page, errors };
}

async function total(page: Page): Promise<string> {
  await page.waitForSelector('[data-testid=total]');
  return (await page.textContent('[data-testid=total]')) ?? '';
}

async function rows(page: Page): Promise<string[]> {
  return page.$$eval('.result-rows li', (items) => items.map((li) => li.textContent ?? ''));
}

describe('popup calculators through the form', () => {
  it('works out the Adachi FY2025 国保 example: one head aged 45 with a salary of 3,000,000 yen → 281,835 yen', async () => {
    const { page, errors } = await openPopup();
    await page.check('#kind-kokuho-premium');
    await page.selectOption('#region', 'tokyo/adachi');
    await page.selectOption('#fiscal-year', '2025');
    await page.fill('#members-0-birth-date', '1980-01-01');
    await page.fill('#members-0-income-salary', '3,000,000');
    await page.click('button[type=submit]');
    expect(await total(page)).toContain('281,835');
    const lines = await rows(page);
    expect(lines.some((line) => line.includes('Medical part') && line.includes('169,889'))).toBe(
      true,
    );
    expect(
      lines.some((line) => line.includes('Long-term care part') && line.includes('52,375')),
    ).toBe(true);
    expect(await page.$$eval('.steps li', (items) => items.length)).toBeGreaterThan(3);
    expect(
      await page.$$eval('.sources a', (links) => links.map((a) => a.getAttribute('href'))),
    ).toContain('https://www.city.adachi.tokyo.jp/kokuho/kurashi/hoken/hokenryoukeisanrei.html');
    // Switching to another calculation and back keeps what was typed.
    await page.check('#kind-meals');
    await page.check('#kind-kokuho-premium');
    expect(await page.inputValue('#members-0-income-salary')).toBe('3,000,000');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works out a one-month 高額療養費 refund with a bill: 区分エ, cost 500,000, paid 150,000 → refund 92,400', async () => {
    const { page, errors } = await openPopup();
    await page.check('#kind-high-cost');
    await page.selectOption('#scheme', 'kokuho');
    await page.fill('#month', '2022-11');
    await page.selectOption('#under70-category', 'e');
    await page.fill('#members-0-birth-date', '1980-04-01');
    await page.fill('#members-0-bills-0-institution', 'Clinic X');
    await page.selectOption('#members-0-bills-0-setting', 'outpatient');
    await page.fill('#members-0-bills-0-medical-cost', '500000');
    await page.fill('#members-0-bills-0-copay', '150000');
    await page.click('button[type=submit]');
    expect(await total(page)).toContain('92,400');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works out a hospital meal charge: 1–10 June 2025, 2 meals on arrival and 1 on leaving → 27 × 510 = 13,770 yen', async () => {
    const { page } = await openPopup();
    await page.check('#kind-meals');
    await page.selectOption('#scheme', 'kokuho');
    await page.selectOption('#category', 'standard');
    await page.fill('#admission', '2025-06-01');
    await page.fill('#discharge', '2025-06-10');
    await page.fill('#first-day-meals', '2');
    await page.fill('#last-day-meals', '1');
    await page.click('button[type=submit]');
    expect(await total(page)).toContain('13,770');
    expect((await rows(page)).join('\n')).toContain('27');
    await page.close();
  });

  it('builds a two-person 後期 household: the per-member premiums add up to the household total', async () => {
    const { page } = await openPopup();
    await page.selectOption('#region', 'fukuoka');
    await page.selectOption('#fiscal-year', '2024');
    await page.fill('#members-0-id', 'Grandfather');
    await page.fill('#members-0-birth-date', '1947-06-15');
    await page.fill('#members-0-income-public-pension', '2200000');
    await page.click('#add-members');
    await page.fill('#members-1-id', 'Grandmother');
    await page.fill('#members-1-birth-date', '1948-02-01');
    await page.fill('#members-1-income-public-pension', '800000');
    await page.click('button[type=submit]');
    const totalText = await total(page);
    const memberYen = (await rows(page))
      .filter((line) => line.startsWith('Premium of'))
      .map((line) => Number(/¥([\d,]+)/.exec(line)?.[1]?.replaceAll(',', '')));
    expect(memberYen).toHaveLength(2);
    const sum = memberYen.reduce((a, b) => a + b, 0);
    expect(totalText.replaceAll(',', '')).toContain(String(sum));
    await page.close();
  });

  it('explains a bad household in place and keeps every value: nobody is head of household', async () => {
    const { page } = await openPopup();
    await page.check('#kind-kokuho-premium');
    await page.fill('#members-0-birth-date', '1980-01-01');
    await page.fill('#members-0-income-salary', '3000000');
    await page.click('#add-members');
    await page.fill('#members-1-birth-date', '1982-01-01');
    await page.uncheck('#members-0-household-head');
    await page.click('button[type=submit]');
    await page.waitForSelector('.error-summary');
    expect(await page.textContent('#members-error')).toContain(
      'Exactly one person must be the head',
    );
    expect(await page.inputValue('#members-0-income-salary')).toBe('3000000');
    expect(await page.inputValue('#members-1-birth-date')).toBe('1982-01-01');
    expect(await page.$('[data-testid=total]')).toBeNull();
    await page.close();
  });
});

/** Enters the seed example (Fukuoka FY2024, pension 2,200,000 yen) and waits for 127,260 yen. */
async function seedExample(page: Page) {
  await page.selectOption('#region', 'fukuoka');
  await page.selectOption('#fiscal-year', '2024');
  await page.fill('#members-0-birth-date', '1947-06-15');
  await page.fill('#members-0-income-public-pension', '2,200,000');
  await page.click('button[type=submit]');
  expect(await total(page)).toContain('127,260');
}

describe('popup volunteer tools', () => {
  it('copies the summary as plain text in a chosen language, with the Japanese terms in brackets', async () => {
    const { page } = await openPopup({ clipboard: true });
    await seedExample(page);
    await page.click('#copy-summary');
    await expect.poll(() => page.textContent('#copy-status')).toContain('copied');
    await page.selectOption('#summary-language', 'zh-Hans');
    await page.click('#copy-summary');
    await expect.poll(async () => (await copiedTexts(page)).length).toBe(2);
    const [english, chinese] = await copiedTexts(page);
    expect(english).toContain('Yearly premium [年間保険料]: ¥127,260');
    expect(english).toContain('Flat part per person [均等割]');
    expect(english).toContain('How this was calculated:');
    expect(english).toContain('https://www.city.fukutsu.lg.jp/kurashi/nenkin/1/2127.html');
    expect(chinese).toContain('年度保险费 [年間保険料]: 127,260日元');
    expect(chinese).toContain('计算过程');
    await page.close();
  });

  it('opens a printable summary page with the answer in English and in Japanese side by side', async () => {
    const { page } = await openPopup();
    await seedExample(page);
    const [summary] = await Promise.all([
      browser.context.waitForEvent('page'),
      page.click('#open-print'),
    ]);
    await summary.waitForSelector('[data-testid=total]');
    const columns = await summary.$$eval('.column', (sections) =>
      sections.map((section) => ({
        lang: section.getAttribute('lang'),
        total: section.querySelector('[data-testid=total]')?.textContent ?? '',
      })),
    );
    expect(columns.map((c) => c.lang)).toEqual(['en', 'ja']);
    expect(columns[0]!.total).toContain('127,260');
    expect(columns[1]!.total).toContain('127,260円');
    expect(columns[1]!.total).toContain('年間保険料');
    await docsScreenshot(summary, 'summary-en-ja');
    await summary.close();
    await page.close();
  });

  it('saves a named household on the device, loads it back, and deletes all with one action', async () => {
    const { page } = await openPopup();
    await page.check('#kind-kokuho-premium');
    await page.fill('#members-0-birth-date', '1980-01-01');
    await page.fill('#members-0-income-salary', '3000000');
    await page.click('#households summary');
    await page.fill('#household-name', 'Tanaka family');
    await page.click('#save-household');
    await expect
      .poll(() => page.textContent('#households [role=status]'))
      .toContain('Tanaka family');
    await page.close();

    const { page: again } = await openPopup();
    await again.click('#households summary');
    await again.click('text=Load Tanaka family');
    expect(await again.isChecked('#kind-kokuho-premium')).toBe(true);
    expect(await again.inputValue('#members-0-income-salary')).toBe('3000000');
    await again.click('#clear-households');
    const stored = await browser.serviceWorker.evaluate(async () =>
      chrome.storage.local.get('households'),
    );
    expect(stored).toEqual({});
    await again.close();
  });

  it('refuses a rules file with one bad rule and changes nothing, then uses a good file in the calculation', async () => {
    const { page } = await openPopup();
    await page.click('#custom-rates summary');
    await page.setInputFiles('#custom-rules-file', join(FIXTURES, 'rates-bad.json'));
    await expect.poll(() => page.textContent('#custom-rules-status')).toContain('not imported');
    const problems = await page.textContent('#custom-rules-problems');
    expect(problems).toContain('Rule 2');
    expect(problems).toContain('sources');
    expect(await page.$('#custom-rules-list')).toBeNull();
    const storedAfterBad = await browser.serviceWorker.evaluate(async () =>
      chrome.storage.local.get('customRules'),
    );
    expect(storedAfterBad).toEqual({});

    await page.setInputFiles('#custom-rules-file', join(FIXTURES, 'rates-good.json'));
    await expect
      .poll(() => page.textContent('#custom-rules-status'))
      .toContain('1 rule(s) imported');
    await page.check('#kind-kokuho-premium');
    await page.selectOption('#region', 'tokyo/setagaya');
    await page.selectOption('#fiscal-year', '2025');
    await page.fill('#members-0-birth-date', '1980-01-01');
    await page.fill('#members-0-income-salary', '3000000');
    await page.click('button[type=submit]');
    expect(await total(page)).toMatch(/¥[\d,]+/);
    expect(await page.textContent('.warnings')).toContain('custom-kokuho-tokyo-setagaya-fy2025');
    await page.close();
  });
  it("saves a municipality's rates typed into the rate form, after refusing a bad rate, and calculates with them", async () => {
    const { page } = await openPopup();
    const adachiHead = async (region: string) => {
      await page.check('#kind-kokuho-premium');
      await page.selectOption('#region', region);
      await page.selectOption('#fiscal-year', '2025');
      await page.fill('#members-0-birth-date', '1980-01-01');
      await page.fill('#members-0-income-salary', '3000000');
      await page.click('button[type=submit]');
      return total(page);
    };
    const minato = await adachiHead('tokyo/minato');
    await page.click('#custom-rates summary');
    await page.fill('#custom-region', 'tokyo/nerima');
    await page.fill('#custom-fiscalYear', '2025');
    const rates = {
      medical: ['7.71', '47300', '0', '660000'],
      support: ['2.69', '16800', '0', '260000'],
      care: ['abc', '16600', '0', '170000'],
    };
    const fillRates = async () => {
      for (const [part, values] of Object.entries(rates)) {
        const fields = ['incomeRatePercent', 'perCapita', 'perHousehold', 'cap'];
        for (const [index, field] of fields.entries()) {
          await page.fill(`#custom-${part}-${field}`, values[index]!);
        }
      }
    };
    await fillRates();
    await page.fill(
      '#custom-sourceUrl',
      'https://www.city.minato.tokyo.jp/shikaku/kurashi/hoken/kenkohoken/hokenryo.html',
    );
    await page.fill('#custom-sourceTitle', '港区 国民健康保険の保険料');
    await page.click('#save-custom-rule');
    await expect.poll(() => page.textContent('#custom-rules-status')).toContain('not saved');
    expect(await page.textContent('#custom-rules-problems')).toContain(
      'Income rate (%) (Long-term care part): enter a percentage such as 7.71.',
    );
    const listed = () =>
      page.evaluate(() => document.getElementById('custom-rules-list')?.textContent ?? '');
    expect(await listed()).not.toContain('nerima');
    rates.care[0] = '2.25';
    await fillRates();
    await page.click('#save-custom-rule');
    await expect.poll(() => page.textContent('#custom-rules-status')).toContain('tokyo/nerima');
    expect(await adachiHead('tokyo/nerima')).toBe(minato);
    expect(await page.textContent('.warnings')).toContain('custom-kokuho-tokyo-nerima-fy2025');
    await page.close();
  });
});

describe('popup accessibility and looks', () => {
  for (const [language, theme] of [
    ['en', 'light'],
    ['en', 'dark'],
    ['ja', 'light'],
    ['zh-Hans', 'dark'],
  ] as const) {
    it(`has no serious or critical axe violations with a result shown (${language}, ${theme})`, async () => {
      await storeSettings(browser.serviceWorker, { language, theme });
      const { page } = await openPopup();
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await page.emulateMedia({ colorScheme: theme });
      await page.selectOption('#region', 'fukuoka');
      await page.selectOption('#fiscal-year', '2024');
      await page.fill('#members-0-birth-date', '1947-06-15');
      await page.fill('#members-0-income-public-pension', '2200000');
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=total]');
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 420, height: 800 });
      await docsScreenshot(page, `popup-${language}-${theme}`);
      await page.close();
    });
  }

  it('can be used with the keyboard alone, with a visible focus ring: Tab, arrow keys, typing and Enter', async () => {
    await storeSettings(browser.serviceWorker, { language: 'en', theme: 'system' });
    const { page } = await openPopup();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kind-koki-premium');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('#kind-kokuho-premium')).toBe(true);
    for (let i = 0; i < 12; i += 1) {
      if ((await page.evaluate(() => document.activeElement?.id)) === 'region') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Adachi');
    expect(await page.inputValue('#region')).toBe('tokyo/adachi');
    // Tab on through the fiscal year and the household to the date of birth.
    for (let i = 0; i < 12; i += 1) {
      if ((await page.evaluate(() => document.activeElement?.id)) === 'members-0-birth-date') break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('members-0-birth-date');
    await page.keyboard.type('01011980');
    for (let i = 0; i < 12; i += 1) {
      if ((await page.evaluate(() => document.activeElement?.id)) === 'members-0-income-salary')
        break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('3000000');
    await page.keyboard.press('Enter');
    expect(await total(page)).toContain('281,835');
    const focused = await page.evaluate(() => document.activeElement?.className ?? '');
    expect(focused).toContain('result');
    await page.close();
  });
});

describe('popup text size', () => {
  it('shows a result with text at twice its size without sideways scrolling', async () => {
    await storeSettings(browser.serviceWorker, { language: 'en', theme: 'light' });
    const { page } = await openPopup();
    await page.setViewportSize({ width: 400, height: 800 });
    const bodySize = () =>
      page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    const before = await bodySize();
    await page.evaluate(() => document.documentElement.style.setProperty('--font-scale', '2'));
    expect(await bodySize()).toBeCloseTo(before * 2, 0);
    await page.selectOption('#region', 'fukuoka');
    await page.selectOption('#fiscal-year', '2024');
    await page.fill('#members-0-birth-date', '1947-06-15');
    await page.fill('#members-0-income-public-pension', '2200000');
    await page.click('button[type=submit]');
    expect(await total(page)).toContain('127,260');
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1,
      ),
    ).toBe(true);
    await page.close();
  });
});
