import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { textCenter } from './page-helpers';

/**
 * Helpers for the trust tests. Every fixture under tests/fixtures/trust loads trust/probe.js
 * first: the page's own instruments (snapshot at DOMContentLoaded, its own MutationObserver,
 * a serializer built from the browser's original DOM accessors). See that file.
 */

export const HOST_TAG = 'hokenlens-popover';

export interface MutationSeen {
  type: string;
  target: string;
  attribute: string | null;
  added: string[];
  removed: string[];
}

/** What the page's probe reports about one frame. */
export interface FrameReport {
  url: string;
  snapshot: string;
  now: string;
  /** Popover hosts left out of `now`. */
  hosts: number;
  /** Mutation records the page did not make itself. */
  foreign: MutationSeen[];
}

/** The mutation record of the popover host being appended to <html>. */
export const HOST_ADDED: MutationSeen = {
  type: 'childList',
  target: 'HTML',
  attribute: null,
  added: ['HOKENLENS-POPOVER'],
  removed: [],
};

/** A browser without the extension, to load the same pages for comparison. */
export async function launchPlainBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

async function hasProbe(frame: Frame): Promise<boolean> {
  return frame
    .evaluate(() => typeof (window as { __trust?: unknown }).__trust === 'object')
    .catch(() => false);
}

/** Frames of `page` that carry the probe, top frame first. */
export async function probedFrames(page: Page): Promise<Frame[]> {
  const frames: Frame[] = [];
  for (const frame of page.frames()) if (await hasProbe(frame)) frames.push(frame);
  return frames;
}

/** Waits until every probed frame has finished parsing and its own late content (if any) is in. */
export async function waitForPageReady(page: Page): Promise<void> {
  for (const frame of await probedFrames(page)) {
    await frame.waitForFunction(
      () => {
        const w = window as { __trust?: { snapshot: string }; __trustReady?: () => boolean };
        return !!w.__trust?.snapshot && (w.__trustReady?.() ?? true);
      },
      undefined,
      { timeout: 20_000 },
    );
  }
}

/** Waits until the extension painted at least one term in `frame` (read through the probe). */
export async function waitForPainted(frame: Page | Frame, timeout = 30_000): Promise<void> {
  await frame.waitForFunction(
    () => ((window as { __trust?: { painted(): number } }).__trust?.painted() ?? 0) > 0,
    undefined,
    { timeout },
  );
}

/** Stops the page's timers and brings it back to its first state (the page's own hook). */
export async function settle(page: Page): Promise<void> {
  for (const frame of await probedFrames(page)) {
    await frame.evaluate(() => (window as { __trustSettle?: () => void }).__trustSettle?.());
  }
}

export async function reportFrames(page: Page): Promise<FrameReport[]> {
  const reports: FrameReport[] = [];
  for (const frame of await probedFrames(page)) {
    reports.push(
      await frame.evaluate(() => {
        const trust = (
          window as unknown as {
            __trust: {
              snapshot: string;
              hosts: number;
              foreign: MutationSeen[];
              serialize(): string;
            };
          }
        ).__trust;
        const now = trust.serialize();
        return {
          url: location.href,
          snapshot: trust.snapshot,
          now,
          hosts: trust.hosts,
          foreign: JSON.parse(JSON.stringify(trust.foreign)) as MutationSeen[],
        };
      }),
    );
  }
  return reports;
}

/** Undefined when equal; otherwise where the two serializations first part, with context. */
export function firstDifference(actual: string, expected: string): string | undefined {
  if (actual === expected) return undefined;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i += 1;
  const from = Math.max(0, i - 120);
  return [
    `differs at ${i} (lengths ${actual.length} / ${expected.length})`,
    `actual:   …${actual.slice(from, i + 200)}`,
    `expected: …${expected.slice(from, i + 200)}`,
  ].join('\n');
}

/** Moves the real (trusted) mouse onto `needle` and waits for the popover host to appear. */
export async function hoverTerm(page: Page, needle: string, scope = 'body'): Promise<void> {
  const { x, y } = await textCenter(page, needle, scope);
  await page.mouse.move(x - 30, y - 30);
  await page.mouse.move(x, y, { steps: 5 });
  await page.waitForFunction((tag) => document.querySelector(tag) !== null, HOST_TAG, {
    timeout: 10_000,
  });
}

interface CdpNode {
  nodeType: number;
  nodeValue?: string;
  localName?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/**
 * Element names and text inside the popover's closed shadow root, read through the DevTools
 * protocol (page scripts cannot). Undefined when the page has no popover host.
 */
export async function popoverTree(
  page: Page,
): Promise<{ elements: string[]; text: string } | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: CdpNode;
  };
  await cdp.detach();
  const find = (node: CdpNode): CdpNode | undefined => {
    if (node.localName === HOST_TAG) return node;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
      const hit = find(child);
      if (hit) return hit;
    }
    return undefined;
  };
  const shadow = find(root)?.shadowRoots?.[0];
  if (!shadow) return undefined;
  const elements: string[] = [];
  let text = '';
  const walk = (node: CdpNode) => {
    if (node.nodeType === 1 && node.localName) elements.push(node.localName);
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    if (node.contentDocument) walk(node.contentDocument);
  };
  walk(shadow);
  return { elements, text };
}

/** Waits until the popover shows `needle` (it renders asynchronously after the host appears). */
export async function waitForPopoverText(page: Page, needle: string): Promise<string> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const tree = await popoverTree(page);
    if (tree?.text.includes(needle)) return tree.text;
    await page.waitForTimeout(50);
  }
  throw new Error(`the popover never showed ${needle}`);
}

/**
 * Collects errors from every JavaScript world of the page through the DevTools protocol: the
 * page's own, and the isolated world the content script runs in (Playwright's `pageerror` and
 * `console` events report the page's world only). `worlds` lists the isolated worlds seen, so a
 * test can show that the content script's world was watched.
 */
export async function watchAllWorlds(page: Page): Promise<{
  errors: string[];
  worlds: string[];
  /** Throws an uncaught error inside the isolated world whose origin contains `origin`. */
  throwIn(origin: string, message: string): Promise<void>;
  stop(): Promise<void>;
}> {
  const cdp = await page.context().newCDPSession(page);
  const errors: string[] = [];
  const worlds: string[] = [];
  const ids = new Map<string, number>();
  cdp.on('Runtime.executionContextCreated', (event) => {
    const context = event.context as {
      id: number;
      origin: string;
      name: string;
      auxData?: { type?: string };
    };
    if (context.auxData?.type !== 'isolated') return;
    worlds.push(`${context.name} ${context.origin}`);
    ids.set(`${context.name} ${context.origin}`, context.id);
  });
  cdp.on('Runtime.exceptionThrown', (event) => {
    const details = event.exceptionDetails as {
      text: string;
      exception?: { description?: string };
    };
    errors.push(`exception: ${details.exception?.description ?? details.text}`);
  });
  cdp.on('Runtime.consoleAPICalled', (event) => {
    if (event.type !== 'error') return;
    const args = event.args as { value?: unknown; description?: string }[];
    errors.push(
      `console.${event.type}: ${args.map((a) => a.description ?? String(a.value)).join(' ')}`,
    );
  });
  cdp.on('Log.entryAdded', (event) => {
    const entry = event.entry as { level: string; text: string; url?: string };
    if (entry.level === 'error') errors.push(`log: ${entry.text} ${entry.url ?? ''}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return {
    errors,
    worlds,
    async throwIn(origin, message) {
      const id = [...ids].toReversed().find(([name]) => name.includes(origin))?.[1];
      if (id === undefined) throw new Error(`no isolated world of ${origin}`);
      await cdp.send('Runtime.evaluate', {
        contextId: id,
        expression: `setTimeout(() => { throw new Error(${JSON.stringify(message)}); })`,
      });
    },
    stop: () => cdp.detach(),
  };
}
