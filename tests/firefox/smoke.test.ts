import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startFixtureServer } from '../e2e/harness';
import type { Events } from './bidi';
import { launchFirefox, type Firefox } from './firefox';

/**
 * Smoke test of the Firefox build in Debian's Firefox ESR, driven over WebDriver BiDi.
 *
 * It loads the build that ships (`wxt build -b firefox --mv3`), not the e2e copy, and serves the
 * fixture page under a municipal host name that Firefox resolves to 127.0.0.1, so the shipped
 * content-script matches (`*://*.lg.jp/*`) are what make it run. (With the e2e copy on
 * 127.0.0.1, Firefox lists the e2e-only loopback matches among the granted origins, the
 * background registers them a second time as a user-added site, and the content script is
 * injected twice on loopback pages; the second copy does nothing, but it is not what ships.)
 */
const EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');
const MUNICIPAL_HOST = 'www.city.chitose.lg.jp';
/** Fixed moz-extension:// host for the add-on, so requests can be told apart from others'. */
const EXTENSION_UUID = randomUUID();

let server: Server;
let origin: string;
let municipal: string;
let firefox: Firefox | undefined;
let context: string;
const requests: string[] = [];
const logs: Events['log.entryAdded'][] = [];

beforeAll(async () => {
  const manifestPath = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(
      `No Firefox build at ${EXTENSION_DIR}; run "npm run test:firefox", which builds it first.`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  ({ server, origin } = await startFixtureServer());
  municipal = `http://${MUNICIPAL_HOST}:${new URL(origin).port}`;
  firefox = await launchFirefox({
    localDomains: [MUNICIPAL_HOST],
    prefs: {
      'extensions.webextensions.uuids': JSON.stringify({
        [manifest.browser_specific_settings.gecko.id]: EXTENSION_UUID,
      }),
    },
  });
  const { bidi } = firefox;
  bidi.on('network.beforeRequestSent', (event) => requests.push(event.request.url));
  bidi.on('log.entryAdded', (entry) => logs.push(entry));
  await bidi.send('session.subscribe', {
    events: ['network.beforeRequestSent', 'log.entryAdded'],
  });
  await bidi.send('webExtension.install', {
    extensionData: { type: 'path', path: EXTENSION_DIR },
  });
  const { contexts } = await bidi.send('browsingContext.getTree', { maxDepth: 0 });
  context = contexts[0]!.context;
});

afterAll(async () => {
  await firefox?.close();
  server?.close();
});

function browser(): Firefox {
  if (!firefox) throw new Error('Firefox did not start');
  return firefox;
}

async function open(url: string): Promise<void> {
  await browser().bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
}

interface Painted {
  text: string;
  block: string;
  inShadow: boolean;
}

/**
 * Runs in the page: the ranges of the `hokenlens-term` highlight (every painted term) as the
 * reader sees them (ruby annotations left out), each with its `[data-expect]` block (its id, or
 * `#n` for the n-th such block) or else the id of the nearest element with one; and what each
 * `[data-expect]` block says must be painted in it.
 */
function readPage(): { painted: Painted[]; expected: { block: string; texts: string[] }[] } {
  const blocks = [...document.querySelectorAll('[data-expect]')];
  const key = (block: Element) => block.id || `#${blocks.indexOf(block)}`;
  const painted: Painted[] = [];
  for (const r of CSS.highlights.get('hokenlens-term') ?? []) {
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
      if (!range.intersectsNode(node) || node.parentElement?.closest('rt, rp')) continue;
      const data = (node as Text).data;
      const start = node === r.startContainer ? r.startOffset : 0;
      const end = node === r.endContainer ? r.endOffset : data.length;
      text += data.slice(start, end);
    }
    const element = r.startContainer.parentElement;
    const block = element?.closest('[data-expect]');
    painted.push({
      text: text.replace(/\s+/g, ''),
      block: block ? key(block) : (element?.closest('[id]')?.id ?? ''),
      inShadow: r.startContainer.getRootNode() instanceof ShadowRoot,
    });
  }
  const expected = blocks.map((block) => ({
    block: key(block),
    texts: block.getAttribute('data-expect')!.split('|').filter(Boolean),
  }));
  return { painted, expected };
}

describe('HokenLens in Firefox ESR (shipped Firefox MV3 build)', () => {
  it('runs in Firefox 140 or newer, the manifest’s strict_min_version', () => {
    expect(Number(browser().browserVersion.split('.')[0])).toBeGreaterThanOrEqual(140);
  });

  it('paints exactly the annotated occurrences on a municipal page, with the CSS Custom Highlight API', async () => {
    await open(`${municipal}/page-municipal.html`);
    const { bidi } = browser();
    const { expected } = await bidi.call(context, readPage);
    expect(expected.flatMap((block) => block.texts)).toEqual(
      expect.arrayContaining(['資格確認書', '限度額適用認定証', '均等割額', '均等割']),
    );
    const byBlock = async () => {
      const { painted } = await bidi.call(context, readPage);
      return expected.map(({ block }) => ({
        block,
        texts: painted.filter((r) => r.block === block && !r.inShadow).map((r) => r.text),
      }));
    };
    // Fails unless the content script ran and painted: no highlight, no texts.
    await expect
      .poll(byBlock, {
        timeout: 15_000,
        interval: 200,
        message:
          'painted terms per [data-expect] block (all empty: the content script did not paint)',
      })
      .toEqual(expected);
    const { painted } = await bidi.call(context, readPage);
    // Form fields and editable text are never painted; the open shadow root of <test-card> is.
    expect(
      painted.filter((r) => ['form', 'question', 'notes', 'editable'].includes(r.block)),
    ).toEqual([]);
    expect(painted.filter((r) => r.inShadow).map((r) => r.text)).toEqual(['高額療養費の支給']);
    const names = await bidi.call(context, () => [...CSS.highlights.keys()].sort());
    expect(names).toEqual(
      expect.arrayContaining(['hokenlens-term', 'hokenlens-document', 'hokenlens-premium']),
    );
  });

  it('does not run on a site outside its content-script matches (127.0.0.1)', async () => {
    // The test above shows it paints within a second where it runs; here it must not.
    await open(`${origin}/slice.html`);
    await new Promise((done) => setTimeout(done, 1_000));
    const { bidi } = browser();
    expect(await bidi.call(context, () => [...CSS.highlights.keys()])).toEqual([]);
  });

  it('sends no request beyond loopback and the extension, and logs no errors', () => {
    const { proxied, output } = browser();
    expect(requests).toContain(`${municipal}/page-municipal.html`);
    const foreign = requests.filter((url) => {
      const { protocol, hostname } = new URL(url);
      if (protocol === 'moz-extension:') return hostname !== EXTENSION_UUID;
      if (['data:', 'blob:', 'about:'].includes(protocol)) return false;
      return !['127.0.0.1', 'localhost', MUNICIPAL_HOST].includes(hostname);
    });
    // Soft: a failure lists every kind of leak or error at once.
    expect.soft(foreign).toEqual([]);
    // The whole browser, Firefox's own services included: nothing tried to leave loopback.
    expect.soft(proxied).toEqual([]);
    // No page or content script logged an error, and the extension logged no warning either.
    expect
      .soft(logs.filter((entry) => entry.level === 'error').map((entry) => entry.text))
      .toEqual([]);
    const fromExtension = logs.filter(
      (entry) =>
        entry.level === 'warn' &&
        entry.stackTrace?.callFrames.some((frame) => frame.url.startsWith('moz-extension:')),
    );
    expect.soft(fromExtension.map((entry) => entry.text)).toEqual([]);
    // The background logs errors the content script reports as "[HokenLens] where: message";
    // Firefox prints the extension's console to stdout (devtools.console.stdout.*).
    expect.soft(output().match(/^.*\[HokenLens\].*$/gm) ?? []).toEqual([]);
  });
});
