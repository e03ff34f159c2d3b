import type { Server } from 'node:http';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  launchWithExtension,
  startFixtureServer,
  type ExtensionBrowser,
} from './harness';
import { actInPopover, openPage, textCenter } from './page-helpers';
import {
  HOST_TAG,
  hoverTerm,
  waitForPainted,
  waitForPopoverText,
  watchAllWorlds,
  type MutationSeen,
} from './trust-helpers';

/**
 * Reloading or updating the extension while pages are open. Chrome leaves the old content script
 * in open tabs, cut off from the extension: whatever the reader does there afterwards must not
 * raise an error in the page, stop its scripts, or leave a second popover or doubled highlights.
 * Reloading from the extension's directory is what an update does to a running extension.
 */

let server: Server;
let origin: string;
let browser: ExtensionBrowser;

beforeAll(async () => {
  ({ server, origin } = await startFixtureServer());
  // Lets the test reload the extension through the DevTools protocol (Extensions.loadUnpacked).
  browser = await launchWithExtension('en-US', ['--enable-unsafe-extension-debugging']);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/**
 * Reloads the extension from its directory, as the developer's "reload" button or an update does:
 * the worker and every extension context are torn down and the new version starts with the same
 * id. (chrome.runtime.reload() cannot be used here: Chromium does not bring back an extension
 * loaded with --load-extension after it reloads itself.)
 */
async function reloadExtension(): Promise<Worker> {
  const restarted = browser.context.waitForEvent('serviceworker', { timeout: 30_000 });
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  try {
    const { id } = (await cdp.send(
      'Extensions.loadUnpacked' as 'Browser.getVersion',
      {
        path: EXTENSION_DIR,
      } as never,
    )) as unknown as { id: string };
    expect(id).toBe(browser.extensionId);
  } finally {
    await cdp.detach();
  }
  const worker = await restarted;
  browser.serviceWorker = worker;
  return worker;
}

interface PageState {
  ticks: number;
  painted: number;
  hosts: number;
  foreign: MutationSeen[];
}

async function pageState(page: Page): Promise<PageState> {
  return page.evaluate((tag) => {
    const w = window as unknown as {
      __ticks: number;
      __trust: { painted(): number; foreign: MutationSeen[] };
    };
    return {
      ticks: w.__ticks,
      painted: w.__trust.painted(),
      hosts: document.querySelectorAll(tag).length,
      foreign: JSON.parse(JSON.stringify(w.__trust.foreign)) as MutationSeen[],
    };
  }, HOST_TAG);
}

/** What a reader does on the page: rests on terms, taps one, presses Escape, clicks elsewhere. */
async function useThePage(page: Page): Promise<void> {
  for (const [needle, scope] of [
    ['限度額適用認定証', '#p2'],
    ['均等割額', '#p3'],
    ['資格確認書', '#p1'],
  ] as const) {
    const { x, y } = await textCenter(page, needle, scope);
    await page.mouse.move(x - 30, y - 30);
    await page.mouse.move(x, y, { steps: 5 });
    await page.waitForTimeout(400);
  }
  // Actions in the popover that need the (now gone) extension: another language, the calculator.
  await waitForPopoverText(page, '資格確認書');
  await actInPopover(
    page,
    { tag: 'select' },
    "this.value = 'zh-Hans'; this.dispatchEvent(new Event('change', { bubbles: true }));",
  );
  await page.waitForTimeout(300);
  await page.keyboard.press('Escape');
  await page.mouse.click(5, 5);
  await page.waitForTimeout(500);
}

describe('reloading the extension while a page is open', () => {
  it('leaves no error in the open page, keeps its scripts running and leaves at most one host and no doubled highlight', async () => {
    const page = await browser.context.newPage();
    const all = await watchAllWorlds(page);
    await page.goto(`${origin}/trust/reload.html`);
    await waitForPainted(page);
    // The content script's world is among those watched: an error thrown there is caught.
    await all.throwIn(browser.extensionId, 'collector self-check');
    await expect.poll(() => all.errors.join('\n')).toContain('collector self-check');
    all.errors.length = 0;
    await hoverTerm(page, '資格確認書', '#p1');
    await waitForPopoverText(page, '資格確認書');
    const before = await pageState(page);
    expect(before.hosts).toBe(1);

    await reloadExtension();
    await page.waitForTimeout(1_500);
    await useThePage(page);

    const after = await pageState(page);
    expect(after.ticks).toBeGreaterThan(before.ticks);
    expect(after.hosts).toBeLessThanOrEqual(1);
    expect(after.painted).toBeLessThanOrEqual(before.painted);
    // The page's observer saw the host come (and perhaps go), nothing else.
    for (const record of after.foreign) {
      expect(record.target).toBe('HTML');
      expect([...record.added, ...record.removed]).toEqual(['HOKENLENS-POPOVER']);
    }
    expect(all.errors).toEqual([]);
    await all.stop();
    await page.close();
  });

  it('the reloaded version paints and explains the page once it is loaded again, with one host and the same highlights', async () => {
    const { page, errors } = await openPage(browser, `${origin}/trust/reload.html`);
    await waitForPainted(page);
    const first = await pageState(page);
    await reloadExtension();
    await page.waitForTimeout(1_000);
    await page.reload();
    await waitForPainted(page);
    await hoverTerm(page, '資格確認書', '#p1');
    await waitForPopoverText(page, '資格確認書');
    const again = await pageState(page);
    expect(again.painted).toBe(first.painted);
    expect(again.hosts).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
