import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startFixtureServer, type ExtensionBrowser } from './harness';
import { openPage, textCenter } from './page-helpers';
import {
  HOST_TAG,
  hoverTerm,
  popoverTree,
  waitForPainted,
  waitForPopoverText,
} from './trust-helpers';

/**
 * Hostile pages: a page must not be able to read the popover, make the extension act by forging
 * events or messages, or get markup rendered through text it controls. Forged events are created
 * by page script (isTrusted is false); the reader's actions are Playwright's real input.
 */

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

/** Longer than the popover's hide delay and the hover dwell, so a reaction would have happened. */
const REACTION_MS = 800;

async function openHostile(file = 'hostile.html'): Promise<{
  page: Page;
  errors: string[];
  dialogs: string[];
}> {
  const { page, errors } = await openPage(browser, `${origin}/trust/${file}`);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await waitForPainted(page);
  return { page, errors, dialogs };
}

async function hostExists(page: Page): Promise<boolean> {
  return page.evaluate((tag) => document.querySelector(tag) !== null, HOST_TAG);
}

async function paintedCount(page: Page): Promise<number> {
  return page.evaluate(() =>
    (window as unknown as { __trust: { painted(): number } }).__trust.painted(),
  );
}

/** Page script: forges every kind of input event HokenLens listens to, at (x, y). */
async function forgeInputAt(page: Page, point: { x: number; y: number }): Promise<number> {
  return page.evaluate(({ x, y }) => {
    const target = document.elementFromPoint(x, y) ?? document.body;
    const at = { clientX: x, clientY: y, bubbles: true, composed: true, cancelable: true };
    const events: Event[] = [];
    for (const pointerType of ['mouse', 'pen', 'touch']) {
      for (const type of [
        'pointerover',
        'pointerenter',
        'pointermove',
        'pointerdown',
        'pointerup',
      ]) {
        events.push(new PointerEvent(type, { ...at, pointerType, isPrimary: true, pointerId: 1 }));
      }
    }
    for (const type of [
      'mouseover',
      'mousemove',
      'mousedown',
      'mouseup',
      'click',
      'dblclick',
      'contextmenu',
    ]) {
      events.push(new MouseEvent(type, at));
    }
    events.push(new FocusEvent('focusin', { bubbles: true }));
    let dispatched = 0;
    for (const event of events) {
      target.dispatchEvent(event);
      dispatched += 1;
    }
    // Keyboard shortcuts of the manifest and the keys a popover might react to.
    const keys: KeyboardEventInit[] = [
      { key: 'J', code: 'KeyJ', altKey: true, shiftKey: true },
      { key: 'K', code: 'KeyK', altKey: true, shiftKey: true },
      { key: 'H', code: 'KeyH', altKey: true, shiftKey: true },
      { key: 'Enter', code: 'Enter' },
      { key: ' ', code: 'Space' },
      { key: 'Tab', code: 'Tab' },
      { key: 'ArrowDown', code: 'ArrowDown' },
      { key: 'F6', code: 'F6' },
    ];
    for (const init of keys) {
      for (const type of ['keydown', 'keypress', 'keyup']) {
        for (const where of [target, document, window]) {
          where.dispatchEvent(new KeyboardEvent(type, { ...init, bubbles: true, composed: true }));
          dispatched += 1;
        }
      }
    }
    return dispatched;
  }, point);
}

describe('a hostile page cannot read the popover', () => {
  it('sees the host as an empty element: shadowRoot is null, nothing inside can be queried or serialized', async () => {
    const { page, errors } = await openHostile();
    await hoverTerm(page, '資格確認書', '#plain');
    const shown = await waitForPopoverText(page, '資格確認書');
    // A sentence of the explanation, which the page must not be able to read back.
    const secret = shown.replace('資格確認書', '').slice(0, 40);
    expect(secret.length).toBeGreaterThan(10);
    const seen = await page.evaluate((tag) => {
      const host = document.querySelector(tag)!;
      let attachShadow = 'allowed';
      try {
        host.attachShadow({ mode: 'open' });
      } catch (error) {
        attachShadow = (error as Error).name;
      }
      let attachInternals = 'allowed';
      try {
        (host as HTMLElement).attachInternals();
      } catch (error) {
        attachInternals = (error as Error).name;
      }
      return {
        shadowRoot: host.shadowRoot,
        childNodes: host.childNodes.length,
        innerHTML: host.innerHTML,
        textContent: host.textContent,
        getHTML: (host as Element & { getHTML(o: object): string }).getHTML({
          serializableShadowRoots: true,
        }),
        outerHTML: document.documentElement.outerHTML.includes('role="dialog"'),
        deepQuery: document.querySelectorAll(`${tag} *, [role=dialog]`).length,
        attachShadow,
        attachInternals,
        bodyText: document.body.textContent ?? '',
      };
    }, HOST_TAG);
    expect(seen).toMatchObject({
      shadowRoot: null,
      childNodes: 0,
      innerHTML: '',
      textContent: '',
      getHTML: '',
      outerHTML: false,
      deepQuery: 0,
      attachShadow: 'NotSupportedError',
      attachInternals: 'NotSupportedError',
    });
    expect(seen.bodyText).not.toContain(secret);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cannot reach the closed root by defining <hokenlens-popover> itself and using ElementInternals', async () => {
    const { page, errors } = await openHostile('hostile-define.html');
    await hoverTerm(page, '資格確認書', '#plain');
    await waitForPopoverText(page, '資格確認書');
    const stolen = await page.evaluate(() => ({
      state: (window as unknown as { __stolen: { constructed: number; connected: number } })
        .__stolen,
      read: (window as unknown as { __readStolen(): (string | null)[] }).__readStolen(),
    }));
    // Whether or not the page's class ran for the host, it must not have read the shadow root.
    expect(stolen.read.filter((text) => text !== null)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a hostile page cannot make the extension act', () => {
  it('forged pointer, mouse, focus and keyboard events on a term open no popover', async () => {
    const { page, errors } = await openHostile();
    await page.mouse.move(1, 1);
    for (const [needle, scope] of [
      ['資格確認書', '#plain'],
      ['限度額適用認定証', '#markup-before'],
    ] as const) {
      const point = await textCenter(page, needle, scope);
      expect(await forgeInputAt(page, point)).toBeGreaterThan(50);
    }
    await page.waitForTimeout(REACTION_MS);
    expect(await hostExists(page)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('postMessage shaped like the extension’s own messages opens nothing and changes nothing', async () => {
    const { page, errors } = await openHostile();
    const before = await paintedCount(page);
    await page.evaluate(() => {
      const now = Date.now();
      const shapes: unknown[] = [
        { id: 1, type: 'pageCommand', data: { command: 'next-term' }, timestamp: now },
        { id: 2, type: 'pageCommand', data: { command: 'toggle-highlighting' }, timestamp: now },
        { id: 3, type: 'showTerm', data: { termId: 'shikaku-kakuninsho' }, timestamp: now },
        { id: 4, type: 'getPageSummary', timestamp: now },
        { type: 'pageCommand', command: 'next-term' },
        { command: 'next-term' },
        { message: { type: 'pageCommand', data: { command: 'next-term' } } },
      ];
      // Replay whatever the extension itself posted to the window, too.
      const heard = (window as unknown as { __heard: unknown[] }).__heard;
      for (const shape of [...shapes, ...heard]) {
        window.postMessage(shape, '*');
        window.postMessage(JSON.stringify(shape), '*');
      }
    });
    await page.waitForTimeout(REACTION_MS);
    expect(await hostExists(page)).toBe(false);
    expect(await paintedCount(page)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a forged “newer content script started” event does not switch HokenLens off on the page', async () => {
    const { page, errors } = await openHostile();
    const before = await paintedCount(page);
    expect(before).toBeGreaterThan(0);
    // The event name is public: the extension id is in the store listing (and the content
    // script posts it to the window when it starts).
    const eventName = `${browser.extensionId}:content:wxt:content-script-started`;
    await page.evaluate((name) => {
      const detail = { contentScriptName: 'content', messageId: 'forged-by-the-page' };
      document.dispatchEvent(new CustomEvent(name, { detail }));
      window.postMessage({ type: name, ...detail }, '*');
    }, eventName);
    await page.waitForTimeout(REACTION_MS);
    expect(await paintedCount(page)).toBe(before);
    await hoverTerm(page, '資格確認書', '#plain');
    await waitForPopoverText(page, '資格確認書');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with the popover open, forged Escape, clicks on the host and pointer moves elsewhere change nothing', async () => {
    const { page, errors } = await openHostile();
    await hoverTerm(page, '資格確認書', '#plain');
    const shown = await waitForPopoverText(page, '資格確認書');
    const elsewhere = await textCenter(page, 'ここには用語がありません', '#far-away');
    await page.evaluate(
      ({ tag, x, y }) => {
        const host = document.querySelector(tag) as HTMLElement;
        const escape = { key: 'Escape', code: 'Escape', bubbles: true, composed: true };
        for (const where of [document, window, host, document.body]) {
          where.dispatchEvent(new KeyboardEvent('keydown', escape));
          where.dispatchEvent(new KeyboardEvent('keyup', escape));
        }
        host.click();
        host.focus();
        for (const type of ['pointerdown', 'pointerup', 'click']) {
          host.dispatchEvent(
            new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'mouse' }),
          );
        }
        host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
        const far = document.elementFromPoint(x, y) ?? document.body;
        const at = { clientX: x, clientY: y, bubbles: true, composed: true };
        far.dispatchEvent(new PointerEvent('pointermove', { ...at, pointerType: 'mouse' }));
        far.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerType: 'mouse' }));
        far.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerType: 'touch' }));
        far.dispatchEvent(new MouseEvent('click', at));
      },
      { tag: HOST_TAG, ...elsewhere },
    );
    await page.waitForTimeout(REACTION_MS);
    expect((await popoverTree(page))?.text).toBe(shown);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a hostile page cannot inject markup through its text', () => {
  it('terms inside and next to text that looks like markup are explained with no element or script from it', async () => {
    const { page, errors, dialogs } = await openHostile();
    /** Elements the page's text spells out; none may exist in the popover. */
    const FROM_PAGE_MARKUP = [
      'img',
      'script',
      'iframe',
      'svg',
      'object',
      'embed',
      'b',
      'style',
      'link',
    ];
    for (const [needle, scope] of [
      ['限度額適用認定証', '#markup-before'],
      ['高額療養費', '#markup-inside'],
      ['均等割額', '#markup-inside'],
    ] as const) {
      await page.keyboard.press('Escape');
      await page.mouse.move(1, 1);
      await page.waitForTimeout(400);
      const { x, y } = await textCenter(page, needle, scope);
      await page.mouse.move(x - 30, y - 30);
      await page.mouse.move(x, y, { steps: 5 });
      // The card names the glossary entry, which may be shorter than the page's word (均等割).
      await waitForPopoverText(page, needle.slice(0, 3));
      const tree = (await popoverTree(page))!;
      expect({
        needle,
        elements: tree.elements.filter((name) => FROM_PAGE_MARKUP.includes(name)),
      }).toEqual({
        needle,
        elements: [],
      });
      expect(tree.text).not.toMatch(/onerror|onload|onmouseover|<img|<script/);
    }
    const planted = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned: string[] }).__pwned,
      images: document.images.length,
    }));
    expect(planted).toEqual({ pwned: [], images: 0 });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
