import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMunicipalPage } from '../fixtures/page-generator/generate';
import {
  launchWithExtension,
  popoverContent,
  ROOT,
  screenshot,
  startFixtureServer,
  type ExtensionBrowser,
} from './harness';
import { storeSettings, type StoredSettings } from './faces-helpers';
import {
  actInPopover,
  clickInPopover,
  messageTab,
  openPage,
  paintedRanges,
  popoverHasFocus,
  textCenter,
  waitForPaint,
} from './page-helpers';

let server: Server;
let origin: string;
/** The same server under a municipal host name, resolved to 127.0.0.1 by the browser. */
let municipal: string;
let browser: ExtensionBrowser;

beforeAll(async () => {
  ({ server, origin } = await startFixtureServer());
  const port = new URL(origin).port;
  municipal = `http://www.city.chitose.lg.jp:${port}`;
  browser = await launchWithExtension('en-US', [
    '--host-resolver-rules=MAP *.lg.jp 127.0.0.1',
    // Municipal sites are served over HTTPS; the clipboard API needs a secure context.
    `--unsafely-treat-insecure-origin-as-secure=${municipal}`,
  ]);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(async () => {
  // Requests to the municipal host name went to 127.0.0.1 (--host-resolver-rules above), so
  // they never left the device; the privacy check only knows loopback by name.
  const host = new URL(municipal).hostname;
  for (let i = browser.requests.length - 1; i >= 0; i -= 1) {
    if (new URL(browser.requests[i]!).hostname === host) browser.requests.splice(i, 1);
  }
  await browser?.close();
  server?.close();
});

async function popoverText(page: Parameters<typeof popoverContent>[0], includes: string) {
  let content: Awaited<ReturnType<typeof popoverContent>>;
  for (let attempt = 0; attempt < 40; attempt += 1) {
    content = await popoverContent(page);
    if (content?.text.includes(includes)) return content;
    await page.waitForTimeout(50);
  }
  return content;
}

describe('the page layer on a municipal page (real Chromium)', () => {
  it('paints exactly the annotated occurrences: inline runs joined, blocks apart, ruby on its base, table cells, open shadow roots', async () => {
    const { page, errors } = await openPage(browser, `${municipal}/page-municipal.html`);
    await waitForPaint(page, 5);
    await page.waitForTimeout(300);
    const painted = await paintedRanges(page);
    const expected = await page.$$eval('[data-expect]', (blocks) =>
      blocks.map((block) => ({
        block: block.id || block.textContent!.trim(),
        texts: block.getAttribute('data-expect')!.split('|').filter(Boolean),
      })),
    );
    for (const { block, texts } of expected) {
      expect(
        painted.filter((range) => range.block === block && !range.inShadow).map((r) => r.text),
        `block ${block}`,
      ).toEqual(texts);
    }
    // Form fields and editable text are never painted.
    expect(
      painted.filter((r) => ['form', 'question', 'notes', 'editable'].includes(r.block)),
    ).toEqual([]);
    // The open shadow root of <test-card> is indexed too.
    expect(painted.filter((r) => r.inShadow).map((r) => r.text)).toEqual(['高額療養費の支給']);
    // One highlight per category besides the underline for all terms.
    const names = await page.evaluate(() => [...CSS.highlights.keys()].sort());
    expect(names).toEqual(
      expect.arrayContaining(['hokenlens-term', 'hokenlens-document', 'hokenlens-premium']),
    );
    await screenshot(page, 'page-municipal-painted');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the page DOM as the page built it; the only node added is the popover host', async () => {
    const { page, errors } = await openPage(browser, `${municipal}/page-municipal.html`);
    await waitForPaint(page, 5);
    const serialize = () =>
      page.evaluate(() => {
        const clone = document.documentElement.cloneNode(true) as HTMLElement;
        const hosts = clone.querySelectorAll('hokenlens-popover');
        hosts.forEach((host) => host.remove());
        return {
          html: clone.outerHTML,
          initial: (window as unknown as { __initialHTML: string }).__initialHTML,
          hosts: hosts.length,
        };
      });
    // The inline script serialized the page before </body> was parsed; compare from <html> to it.
    const before = await serialize();
    expect(before.hosts).toBe(0);
    const { x, y } = await textCenter(page, '資格確認書', '#plain');
    await page.mouse.move(x - 30, y - 30);
    await page.mouse.move(x, y, { steps: 5 });
    await popoverText(page, '資格確認書');
    const after = await serialize();
    expect(after.hosts).toBe(1);
    expect(after.html).toBe(before.html);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains 限度額適用認定証, split over three inline elements, when the pointer rests on it; Escape closes it', async () => {
    const { page, errors } = await openPage(browser, `${municipal}/page-municipal.html`);
    await waitForPaint(page, 5);
    const { x, y } = await textCenter(page, '適用', '#inline');
    await page.mouse.move(x - 40, y + 40);
    await page.mouse.move(x, y, { steps: 6 });
    const content = await popoverText(page, '限度額適用認定証');
    expect(content?.text).toContain('げんどがくてきようにんていしょう');
    expect(content?.text).toContain('limits what you pay');
    expect(content?.roles).toContain('dialog');
    expect(content?.langs).toEqual(expect.arrayContaining(['ja', 'en']));
    await screenshot(page, 'page-popover-en');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await popoverContent(page))?.text ?? '').toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does not open while the pointer flies past a term, but opens when it stops there', async () => {
    const { page } = await openPage(browser, `${municipal}/page-municipal.html`);
    await waitForPaint(page, 5);
    const { x, y } = await textCenter(page, '資格確認書', '#plain');
    await page.mouse.move(x - 300, y);
    // Three quick moves across the term, as when the pointer sweeps over the page.
    await page.mouse.move(x, y);
    await page.mouse.move(x + 300, y + 200);
    await page.waitForTimeout(400);
    expect((await popoverContent(page))?.text ?? '').toBe('');
    // A fast arrival that then rests on the term opens it after a short dwell.
    await page.mouse.move(x, y);
    const content = await popoverText(page, '資格確認書');
    expect(content?.text).toContain('しかくかくにんしょ');
    await page.close();
  });

  it('stays open while the pointer moves from the term into the popover', async () => {
    const { page } = await openPage(browser, `${municipal}/page-municipal.html`);
    await waitForPaint(page, 5);
    const { x, y } = await textCenter(page, '資格確認書', '#plain');
    await page.mouse.move(x - 20, y - 20);
    await page.mouse.move(x, y, { steps: 5 });
    await popoverText(page, '資格確認書');
    // The card opens below the term: go down into it slowly, then linger.
    for (let dy = 4; dy <= 60; dy += 4) await page.mouse.move(x, y + dy);
    await page.waitForTimeout(700);
    expect((await popoverContent(page))?.text).toContain('資格確認書');
    // Leaving both for good closes it.
    await page.mouse.move(5, 5);
    await page.mouse.move(6, 6);
    await expect.poll(async () => (await popoverContent(page))?.text ?? '').toBe('');
    await page.close();
  });

  it('opens the popover when a term is tapped on a touch screen, and closes it on a tap elsewhere', async () => {
    const { page, errors } = await openPage(browser, `${municipal}/page-municipal.html`);
    await waitForPaint(page, 5);
    const cdp = await page.context().newCDPSession(page);
    const tap = async (x: number, y: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const { x, y } = await textCenter(page, '資格確認書', '#plain');
    await tap(x, y);
    const content = await popoverText(page, '資格確認書');
    expect(content?.text).toContain('しかくかくにんしょ');
    await tap(700, 20);
    await expect.poll(async () => (await popoverContent(page))?.text ?? '').toBe('');
    await cdp.detach();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves through the terms by keyboard command: scrolls the term into view, opens it and moves focus in', async () => {
    const { page, errors } = await openPage(browser, `${municipal}/page-municipal.html`);
    await waitForPaint(page, 5);
    await page.waitForTimeout(300);
    expect(await messageTab(browser, page, 'pageCommand', { command: 'next-term' })).toBe(true);
    let content = await popoverText(page, 'マイナ保険証');
    expect(content?.text).toContain('マイナ保険証');
    expect(await popoverHasFocus(page)).toBe(true);
    await messageTab(browser, page, 'pageCommand', { command: 'next-term' });
    content = await popoverText(page, '資格確認書');
    expect(content?.text).toContain('しかくかくにんしょ');
    // Back twice wraps around to the last term, far below the fold, and scrolls it into view.
    await messageTab(browser, page, 'pageCommand', { command: 'previous-term' });
    await messageTab(browser, page, 'pageCommand', { command: 'previous-term' });
    content = await popoverText(page, '高額療養費');
    expect(content?.text).toContain('こうがくりょうようひ');
    const farTop = await page.$eval('#far', (p) => p.getBoundingClientRect().top);
    expect(farTop).toBeGreaterThanOrEqual(0);
    expect(farTop).toBeLessThan(800);
    await screenshot(page, 'page-keyboard');
    // Escape closes it; a popover opened by keyboard ignores the pointer meanwhile.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await popoverContent(page))?.text ?? '').toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('turns the highlighting off and on again with the toggle command', async () => {
    const { page } = await openPage(browser, `${municipal}/page-municipal.html`);
    await waitForPaint(page, 5);
    const count = (await paintedRanges(page)).length;
    expect(await messageTab(browser, page, 'pageCommand', { command: 'toggle-highlighting' })).toBe(
      false,
    );
    expect(await page.evaluate(() => CSS.highlights.has('hokenlens-term'))).toBe(false);
    expect(await messageTab(browser, page, 'pageCommand', { command: 'toggle-highlighting' })).toBe(
      true,
    );
    expect((await paintedRanges(page)).length).toBe(count);
    await page.close();
  });

  it('applies changed settings to an open page at once: off and on, highlight style, language', async () => {
    const { page, errors } = await openPage(browser, `${municipal}/page-municipal.html`);
    await waitForPaint(page, 5);
    const count = (await paintedRanges(page)).length;
    const tinted = () =>
      page.evaluate(() =>
        document.adoptedStyleSheets.some((sheet) =>
          [...sheet.cssRules].some((rule) => rule.cssText.includes('background-color')),
        ),
      );
    expect(await tinted()).toBe(true);
    const setSettings = (changes: StoredSettings) => storeSettings(browser.serviceWorker, changes);
    try {
      // Turned off in the options page: the page is left as it was, nothing of ours remains.
      await setSettings({ enabled: false });
      await expect
        .poll(() => page.evaluate(() => CSS.highlights.has('hokenlens-term')))
        .toBe(false);
      expect(await tinted()).toBe(false);
      // On again, with the underline style and Korean explanations.
      await setSettings({ enabled: true, highlightStyle: 'underline', language: 'ko' });
      await expect.poll(async () => (await paintedRanges(page)).length).toBe(count);
      expect(await tinted()).toBe(false);
      const { x, y } = await textCenter(page, '適用', '#inline');
      await page.mouse.move(x - 40, y + 40);
      await page.mouse.move(x, y, { steps: 6 });
      const content = await popoverText(page, '限度額適用認定証');
      expect(content?.langs).toContain('ko');
      // While it is open, the reader switches back to English and the tinted style.
      await setSettings({ enabled: true, highlightStyle: 'tint', language: 'en' });
      await expect.poll(async () => (await popoverContent(page))?.langs ?? []).toContain('en');
      expect((await popoverContent(page))?.text).toContain('limits what you pay');
      await expect.poll(tinted).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await browser.serviceWorker.evaluate(() => chrome.storage.local.clear());
      await page.close();
    }
  });

  it('reports the region from the host and the scheme from the words of the page', async () => {
    const { page } = await openPage(browser, `${municipal}/page-municipal.html`);
    await waitForPaint(page, 5);
    const summary = (await messageTab(browser, page, 'getPageSummary')) as {
      region?: { region: string; ja?: string };
      scheme?: string;
      terms: string[];
    };
    expect(summary.region).toMatchObject({ region: 'hokkaido/chitose', ja: '千歳市' });
    expect(summary.scheme).toBe('kokuho');
    expect(summary.terms).toEqual(expect.arrayContaining(['shikaku-kakuninsho', 'kintowari']));
    await page.close();
  });

  it('switches the explanation language on the spot and copies the explanation and a link to this place', async () => {
    const { page, errors } = await openPage(browser, `${municipal}/page-municipal.html`);
    await waitForPaint(page, 5);
    await page.waitForTimeout(300);
    await messageTab(browser, page, 'pageCommand', { command: 'next-term' });
    await messageTab(browser, page, 'pageCommand', { command: 'next-term' });
    await popoverText(page, 'しかくかくにんしょ');
    await actInPopover(
      page,
      { tag: 'select' },
      "this.value = 'zh-Hans'; this.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    const chinese = await popoverText(page, '资格');
    expect(chinese?.langs).toContain('zh-Hans');
    await screenshot(page, 'page-popover-switched');
    await clickInPopover(page, { tag: 'button', text: '复制说明' });
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toContain('資格確認書（しかくかくにんしょ）');
    await clickInPopover(page, { tag: 'button', text: '复制指向此处的链接' });
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(
        `${municipal}/page-municipal.html#:~:text=${encodeURIComponent('マイナ保険証をお持ちでない方には、')}-,${encodeURIComponent('資格確認書')},-${encodeURIComponent('を郵送します。')}`,
      );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the calculator for a term with the detected region', async () => {
    const { page } = await openPage(browser, `${municipal}/page-municipal.html`);
    await waitForPaint(page, 5);
    const { x, y } = await textCenter(page, '国民健康保険料', '#calc');
    await page.mouse.move(x - 20, y - 20);
    await page.mouse.move(x, y, { steps: 5 });
    await popoverText(page, '国民健康保険料');
    await clickInPopover(page, { tag: 'button', text: 'Open the calculator' });
    await expect
      .poll(() =>
        browser.serviceWorker.evaluate(
          async () => (await chrome.storage.session.get('calcIntent')).calcIntent,
        ),
      )
      .toMatchObject({
        calc: 'kokuho-premium',
        termId: 'kokuho-hokenryo',
        region: 'hokkaido/chitose',
        scheme: 'kokuho',
      });
    for (const other of browser.context.pages())
      if (other !== page && other.url().includes('popup')) await other.close();
    await page.close();
  });
});

describe('the page layer on dynamic, framed and unusual pages', () => {
  it('paints content added later and follows a framework re-render without leaving stale or duplicate ranges', async () => {
    const { page, errors } = await openPage(browser, `${origin}/page-dynamic.html`);
    await waitForPaint(page, 2);
    await expect
      .poll(async () =>
        (await paintedRanges(page)).filter((r) => r.block === 'late').map((r) => r.text),
      )
      .toEqual(['高額療養費の支給']);
    for (let i = 0; i < 3; i += 1) await page.click('#rerender');
    await expect
      .poll(async () => {
        const painted = await paintedRanges(page);
        return {
          stale: painted.filter((r) => !r.connected).length,
          rendered: painted.filter((r) => r.text === '限度額適用認定証').length,
        };
      })
      .toEqual({ stale: 0, rendered: 1 });
    // A single-page navigation changes the text; the new term is painted.
    await page.click('#navigate');
    await expect
      .poll(async () =>
        (await paintedRanges(page)).filter((r) => r.block === 'static').map((r) => r.text),
      )
      .toEqual(['出産育児一時金']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows text that changes inside an open shadow root', async () => {
    const { page, errors } = await openPage(browser, `${municipal}/page-municipal.html`);
    await waitForPaint(page, 5);
    const inShadow = async () =>
      (await paintedRanges(page)).filter((range) => range.inShadow).map((range) => range.text);
    expect(await inShadow()).toEqual([expect.stringContaining('高額療養費')]);
    await page.evaluate(() => {
      const root = document.querySelector('test-card')!.shadowRoot!;
      const added = document.createElement('p');
      added.textContent = '資格確認書が届きます。';
      root.append(added);
      root.querySelector('#in-shadow')!.textContent = '支給申請の窓口';
    });
    await expect.poll(inShadow).toEqual(['資格確認書']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works inside a same-origin iframe', async () => {
    const { page, errors } = await openPage(browser, `${origin}/page-iframe.html`);
    await waitForPaint(page, 1);
    const frame = page.frame({ url: /page-frame\.html/ })!;
    await waitForPaint(frame, 1);
    expect((await paintedRanges(frame)).map((r) => r.text)).toEqual(['限度額適用認定証']);
    expect((await paintedRanges(page)).map((r) => r.text)).toEqual(['マイナ保険証']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('paints and explains on a page with a strict Content Security Policy, without a console error', async () => {
    const { page, errors } = await openPage(browser, `${origin}/page-strict.csp.html`);
    await waitForPaint(page, 1);
    expect((await paintedRanges(page)).map((r) => r.text)).toEqual(
      expect.arrayContaining(['限度額適用認定証']),
    );
    const { x, y } = await textCenter(page, '限度額適用認定証', '#strict');
    await page.mouse.move(x - 20, y - 20);
    await page.mouse.move(x, y, { steps: 5 });
    const content = await popoverText(page, '限度額適用認定証');
    expect(content?.text).toContain('limits what you pay');
    await screenshot(page, 'page-strict-csp');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves a page without Japanese text alone: no highlight, no style sheet', async () => {
    const { page } = await openPage(browser, `${origin}/page-english.html`);
    await page.waitForTimeout(1500);
    expect(
      await page.evaluate(() => ({
        highlights: CSS.highlights.size,
        sheets: document.adoptedStyleSheets.length,
      })),
    ).toEqual({ highlights: 0, sheets: 0 });
    await page.close();
  });

  it('indexes a 5 MB page, paints the terms near the viewport, follows the scroll, and leaves the DOM alone', async () => {
    const generated = generateMunicipalPage(5 * 1024 * 1024, 5);
    writeFileSync(join(ROOT, 'tests/fixtures/page-generated/large.html'), generated.html);
    const { page, errors } = await openPage(browser, `${origin}/page-generated/large.html`);
    const before = await page.evaluate(() => document.documentElement.outerHTML.length);
    await page.waitForFunction(
      () => performance.getEntriesByName('hokenlens:index-match-paint').length > 0,
      undefined,
      { timeout: 90_000 },
    );
    // Every occurrence is indexed (the e2e build reports the count)…
    const indexed = await page.evaluate(
      () =>
        (performance.getEntriesByName('hokenlens:index-match-paint')[0] as PerformanceMeasure)
          .detail.matches as number,
    );
    expect(indexed).toBeGreaterThanOrEqual(generated.placedTerms);
    // …and those near the viewport are painted, not tens of thousands at once.
    await waitForPaint(page, 1);
    const paintedTop = await page.evaluate(() => CSS.highlights.get('hokenlens-term')!.size);
    expect(paintedTop).toBeLessThan(indexed / 10);
    // Scrolling to the end paints the terms there.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect
      .poll(() =>
        page.evaluate(() => {
          const last = document.querySelector('section:last-of-type p');
          return [...CSS.highlights.get('hokenlens-term')!].some(
            (range) => last?.contains(range.startContainer) ?? false,
          );
        }),
      )
      .toBe(true);
    expect(await page.evaluate(() => document.documentElement.outerHTML.length)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
