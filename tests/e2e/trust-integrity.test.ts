import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startFixtureServer, type ExtensionBrowser } from './harness';
import { openPage } from './page-helpers';
import {
  HOST_ADDED,
  firstDifference,
  hoverTerm,
  launchPlainBrowser,
  reportFrames,
  settle,
  waitForPageReady,
  waitForPainted,
  watchAllWorlds,
  type FrameReport,
} from './trust-helpers';

/**
 * Page integrity: on each fixture page the extension paints terms and opens its popover, and
 * afterwards the page is exactly what it would be without the extension, except for the one
 * popover host. Each page is checked four ways:
 *  1. its DOM (every node, attribute, open shadow root, live form value) serializes as the page's
 *     own snapshot taken at DOMContentLoaded, before any content script can run;
 *  2. it serializes as the same page in a second browser launched without the extension;
 *  3. the page's own MutationObserver saw nothing it did not do itself, except the host;
 *  4. the page's own button handler still computes its result, and the console has no error.
 */

interface IntegrityPage {
  file: string;
  /** A painted term in the top document's light DOM, hovered with the real mouse. */
  hover: string;
  why: string;
}

const PAGES: IntegrityPage[] = [
  {
    file: 'municipal-table.html',
    hover: '限度額適用認定証',
    why: 'a premium table with caption, rowspan and colspan',
  },
  {
    file: 'forms.html',
    hover: '被保険者',
    why: 'inputs, a textarea, a select and contenteditable holding terms',
  },
  {
    file: 'rerender-list.html',
    hover: '国民健康保険',
    why: 'its own script re-renders a list every 200 ms',
  },
  {
    file: 'vdom.html',
    hover: '保険料の試算',
    why: 'a React-like keyed virtual-DOM diff patching in place',
  },
  { file: 'iframes.html', hover: '資格確認書', why: 'a same-origin iframe and a srcdoc iframe' },
  {
    file: 'csp.self-csp.html',
    hover: '限度額適用認定証',
    why: "Content-Security-Policy: default-src 'self'; style-src 'self'",
  },
  {
    file: 'shadow-open.html',
    hover: '国民健康保険',
    why: 'custom elements with nested open shadow roots and slots',
  },
  { file: 'ruby.html', hover: '保険料', why: 'ruby annotations with rt and rp' },
  { file: 'huge.html', hover: '国民健康保険条例', why: 'about 2 MB of text in 4,000 articles' },
  { file: 'own-observer.html', hover: '資格確認書', why: 'an observer of its own on the body' },
  {
    file: 'sticky.html',
    hover: '資格確認書',
    why: 'a sticky header, a fixed footer and a scroll container',
  },
  {
    file: 'rtl-vertical.html',
    hover: '国民健康保険',
    why: 'vertical-rl writing mode and right-to-left Arabic',
  },
  { file: 'document-write.html', hover: '高額療養費', why: 'content written with document.write' },
  {
    file: 'base.html',
    hover: '限度額適用認定証',
    why: 'a <base href> that relative URLs resolve against',
  },
  {
    file: 'legacy.html',
    hover: '均等割額',
    why: 'quirks mode with font, center, nobr and table layout',
  },
  {
    file: 'prototype-overrides.html',
    hover: '資格確認書',
    why: 'Array, Node, Element, Range and EventTarget methods overridden; Promise, MutationObserver and CSS replaced',
  },
  {
    file: 'details-dialog.html',
    hover: '高額療養費',
    why: 'details, an open dialog, template, hidden and noscript',
  },
  { file: 'svg-math.html', hover: '高額療養費', why: 'inline SVG text, foreignObject and MathML' },
  {
    file: 'spa-router.html',
    hover: '資格確認書',
    why: 'a single-page router rewriting the view with pushState',
  },
  { file: 'lazy-load.html', hover: '均等割額', why: 'articles appended one by one after load' },
  {
    file: 'entities.html',
    hover: '後期高齢者医療',
    why: 'comments, entities, pre, code, astral characters and zero-width marks',
  },
];

let server: Server;
let origin: string;
let browser: ExtensionBrowser;
let plain: Browser;

beforeAll(async () => {
  ({ server, origin } = await startFixtureServer());
  browser = await launchWithExtension('en-US');
  plain = await launchPlainBrowser();
});

afterAll(async () => {
  await plain?.close();
  await browser?.close();
  server?.close();
});

/** Lets the page's timers and the extension's idle re-indexing run for a while. */
const QUIET_MS = 900;

async function withoutExtension(url: string): Promise<FrameReport[]> {
  const context = await plain.newContext({
    viewport: { width: 1000, height: 800 },
    locale: 'en-US',
  });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await waitForPageReady(page);
    await page.waitForTimeout(QUIET_MS);
    await settle(page);
    await page.waitForTimeout(QUIET_MS);
    return await reportFrames(page);
  } finally {
    await context.close();
  }
}

/** Opens `url` collecting the page's errors and, through CDP, errors in every world. */
async function openWatched(url: string) {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const worlds = await watchAllWorlds(page);
  await page.goto(url);
  return { page, errors, worlds };
}

async function checkButton(page: Page): Promise<{ expected: string | null; actual: string }> {
  const expected = await page.getAttribute('#check', 'data-expect');
  // Close the popover first (a reader's Escape), so it does not cover the button.
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
  await page.click('#check');
  return { expected, actual: (await page.textContent('#check-result'))?.trim() ?? '' };
}

describe('page integrity on 21 fixture pages (real Chromium, with and without the extension)', () => {
  for (const fixture of PAGES) {
    it(`${fixture.file}: DOM unchanged but for the host, observer sees only the host, scripts work (${fixture.why})`, async () => {
      const url = `${origin}/trust/${fixture.file}`;
      const { page, errors, worlds } = await openWatched(url);
      await waitForPageReady(page);
      await waitForPainted(page);
      await hoverTerm(page, fixture.hover);
      await page.waitForTimeout(QUIET_MS);
      await settle(page);
      await page.waitForTimeout(QUIET_MS);
      const withExtension = await reportFrames(page);
      const reference = await withoutExtension(url);

      expect(withExtension.map((frame) => frame.url)).toEqual(reference.map((frame) => frame.url));
      const seen = withExtension.map((frame, i) => ({
        url: frame.url,
        // 1. as the page built it, before any content script ran
        changedSinceSnapshot: firstDifference(frame.now, frame.snapshot),
        // 2. as the same page in a browser without the extension
        differsFromPlainBrowser: firstDifference(frame.now, reference[i]!.now),
        // 3. the page's observer: the host appended to <html> (top frame), nothing else
        foreignMutations: frame.foreign,
        hosts: frame.hosts,
      }));
      expect(seen).toEqual(
        withExtension.map((frame, i) => ({
          url: frame.url,
          changedSinceSnapshot: undefined,
          differsFromPlainBrowser: undefined,
          foreignMutations: i === 0 ? [HOST_ADDED] : [],
          hosts: i === 0 ? 1 : 0,
        })),
      );
      expect(reference[0]!.hosts).toBe(0);
      // 4. the page's own handler
      const { expected, actual } = await checkButton(page);
      expect(actual).toBe(expected);
      // No error in the page's console or in the content script's world.
      expect(errors).toEqual([]);
      expect(worlds.errors).toEqual([]);
      await worlds.stop();
      await page.close();
    }, 180_000);
  }

  it('forms.html: a real form submission carries exactly what the reader typed, and nothing of the extension', async () => {
    const { page, errors } = await openPage(browser, `${origin}/trust/forms.html`);
    await waitForPainted(page);
    await hoverTerm(page, '被保険者');
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await page.fill('input[name=doc]', '資格確認書');
    await page.fill('textarea[name=note]', '均等割額について教えてください');
    await page.selectOption('select[name=kind]', 'kokuho');
    await page.click('#editor');
    await page.keyboard.press('End');
    await page.keyboard.type('（追記）');
    expect(await page.textContent('#editor')).toBe(
      'ここに均等割額についての質問を書いてください。（追記）',
    );
    await Promise.all([page.waitForURL(/echo\.html/), page.click('#submit')]);
    expect(await page.textContent('#echo')).toBe(
      ['doc=資格確認書', 'note=均等割額について教えてください', 'kind=kokuho', 'agree=yes'].join(
        '\n',
      ),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("own-observer.html: the site's observer on <body> records no change at all", async () => {
    const { page, errors } = await openPage(browser, `${origin}/trust/own-observer.html`);
    await waitForPainted(page);
    await hoverTerm(page, '資格確認書');
    await page.waitForTimeout(QUIET_MS);
    expect(
      await page.evaluate(() => (window as { __ownObserverSeen?: string[] }).__ownObserverSeen),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prototype-overrides.html: the extension never calls through the page’s patched prototypes with its own nodes', async () => {
    const { page, errors } = await openPage(browser, `${origin}/trust/prototype-overrides.html`);
    await waitForPainted(page);
    await hoverTerm(page, '資格確認書');
    await page.waitForTimeout(QUIET_MS);
    const patched = await page.evaluate(
      () => (window as { __patched?: { foreign: string[] } }).__patched?.foreign,
    );
    expect(patched).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
