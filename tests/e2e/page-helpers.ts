import type { Frame, Page } from 'playwright-core';
import type { ExtensionBrowser } from './harness';

export interface PaintedRange {
  /** The painted text as a reader sees it (ruby annotations left out). */
  text: string;
  /** Id of the nearest `[data-expect]` block, or of the nearest element with an id. */
  block: string;
  inShadow: boolean;
  connected: boolean;
}

/** Ranges in the page's `hokenlens-term` highlight, in document order of their blocks. */
export async function paintedRanges(target: Page | Frame): Promise<PaintedRange[]> {
  return target.evaluate(() => {
    const highlight = CSS.highlights.get('hokenlens-term');
    if (!highlight) return [];
    const out: PaintedRange[] = [];
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const root = range.commonAncestorContainer;
      const walker = document.createTreeWalker(
        root.nodeType === Node.TEXT_NODE ? root.parentNode! : root,
        NodeFilter.SHOW_TEXT,
      );
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!range.intersectsNode(node)) continue;
        if (node.parentElement?.closest('rt, rp')) continue;
        const data = (node as Text).data;
        const start = node === r.startContainer ? r.startOffset : 0;
        const end = node === r.endContainer ? r.endOffset : data.length;
        text += data.slice(start, end);
      }
      const element = r.startContainer.parentElement;
      const block =
        element?.closest('[data-expect]')?.id ||
        element?.closest('[data-expect]')?.textContent?.trim() ||
        element?.closest('[id]')?.id ||
        '';
      out.push({
        text: text.replace(/\s+/g, ''),
        block,
        inShadow: r.startContainer.getRootNode() instanceof ShadowRoot,
        connected: r.startContainer.isConnected,
      });
    }
    return out;
  });
}

export async function waitForPaint(target: Page | Frame, minimum = 1): Promise<void> {
  await target.waitForFunction(
    (n) => (CSS.highlights.get('hokenlens-term')?.size ?? 0) >= n,
    minimum,
    { timeout: 20_000 },
  );
}

/** Opens a page in the extension's browser, collecting page errors and console errors. */
export async function openPage(
  browser: ExtensionBrowser,
  url: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  return { page, errors };
}

/** Centre of the first occurrence of `needle` in a text node under `scope` (a CSS selector). */
export async function textCenter(
  target: Page | Frame,
  needle: string,
  scope = 'body',
): Promise<{ x: number; y: number }> {
  return target.evaluate(
    ([text, selector]) => {
      const root = document.querySelector(selector)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.nodeValue?.indexOf(text) ?? -1;
        if (index >= 0) {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + text.length);
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      throw new Error(`${text} not under ${selector}`);
    },
    [needle, scope] as const,
  );
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  localName?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function attribute(node: CdpNode, name: string): string | undefined {
  const attributes = node.attributes ?? [];
  for (let i = 0; i < attributes.length; i += 2) {
    if (attributes[i] === name) return attributes[i + 1];
  }
  return undefined;
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  return (node.children ?? []).map(textOf).join('');
}

type PopoverTarget = { tag: string; text?: string; attribute?: [string, string] };

async function findInPopover(
  cdp: Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>,
  find: PopoverTarget,
): Promise<CdpNode> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: CdpNode;
  };
  let host: CdpNode | undefined;
  const findHost = (node: CdpNode) => {
    if (host) return;
    if (node.localName === 'hokenlens-popover') host = node;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) findHost(child);
  };
  findHost(root);
  if (!host) throw new Error('no popover host');
  let found: CdpNode | undefined;
  const search = (node: CdpNode) => {
    if (found) return;
    if (
      node.localName === find.tag &&
      (find.text === undefined || textOf(node).includes(find.text)) &&
      (find.attribute === undefined || attribute(node, find.attribute[0]) === find.attribute[1])
    ) {
      found = node;
      return;
    }
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) search(child);
  };
  search(host);
  if (!found) throw new Error(`no ${find.tag} ${find.text ?? ''} in the popover`);
  return found;
}

/**
 * Runs `action` (a function body with `this` bound to the element) on an element inside the
 * popover's closed shadow root, found by tag and, optionally, by its text or an attribute. Test
 * code reaches closed roots only through the DevTools protocol.
 */
export async function actInPopover(
  page: Page,
  find: PopoverTarget,
  action: string,
): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const found = await findInPopover(cdp, find);
    const { object } = (await cdp.send('DOM.resolveNode', {
      backendNodeId: found.backendNodeId,
    })) as { object: { objectId: string } };
    const result = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { ${action} }`,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value?: unknown } };
    return result.result.value;
  } finally {
    await cdp.detach();
  }
}

/** Clicks an element of the popover with the real mouse (a trusted click, as a reader's). */
export async function clickInPopover(page: Page, find: PopoverTarget): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let center: { x: number; y: number };
  try {
    const found = await findInPopover(cdp, find);
    const { model } = (await cdp.send('DOM.getBoxModel', {
      backendNodeId: found.backendNodeId,
    })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    center = { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  } finally {
    await cdp.detach();
  }
  await page.mouse.click(center.x, center.y);
}

/** Sends a raw page message (as the background does) to the tab showing `page`. */
export async function messageTab(
  browser: ExtensionBrowser,
  page: Page,
  type: 'pageCommand' | 'getPageSummary',
  data?: unknown,
): Promise<unknown> {
  // Without the "tabs" permission the extension cannot read tab URLs: find the tab as the
  // active one after bringing the page to the front.
  await page.bringToFront();
  return browser.serviceWorker.evaluate(
    async ([messageType, payload]) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (!tab?.id) throw new Error('no active tab');
      const response = (await chrome.tabs.sendMessage(
        tab.id,
        { id: 1, type: messageType, data: payload, timestamp: Date.now() },
        { frameId: 0 },
      )) as { res?: unknown; err?: unknown } | undefined;
      return response?.res;
    },
    [type, data] as const,
  );
}

/** Whether the popover host currently has focus (focus inside a closed root shows as its host). */
export async function popoverHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.localName === 'hokenlens-popover');
}
