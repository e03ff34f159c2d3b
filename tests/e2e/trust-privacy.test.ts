import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSettings } from './faces-helpers';
import {
  EXTENSION_DIR,
  ROOT,
  extensionRequestsInNetLog,
  foreignRequests,
  launchWithExtension,
  popoverContent,
  startFixtureServer,
  type ExtensionBrowser,
} from './harness';
import { textCenter, waitForPaint } from './page-helpers';

/**
 * The privacy check every browser test closes with (harness.ts) must see what the extension's
 * service worker requests, not only what pages do: the worker is where a request to a server
 * would most likely come from. 192.0.2.0/24 is TEST-NET-1: reserved for documentation and never
 * routed, so the probe requests below cannot reach anyone.
 */
const FOREIGN = 'http://192.0.2.1';

let server: Server;
let origin: string;
let browser: ExtensionBrowser;
/** Requests Playwright attributes to a service worker, in order. */
const workerRequests: string[] = [];

beforeAll(async () => {
  ({ server, origin } = await startFixtureServer());
  browser = await launchWithExtension('en-US');
  browser.context.on('request', (request) => {
    if (request.serviceWorker()) workerRequests.push(request.url());
  });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Makes the extension's service worker fetch `url`; resolves once the fetch settled. */
async function fetchFromWorker(url: string): Promise<string> {
  return browser.serviceWorker.evaluate(
    (target) =>
      fetch(target, { signal: AbortSignal.timeout(5_000) }).then(
        (response) => `HTTP ${response.status}`,
        (error: unknown) => `failed: ${String(error)}`,
      ),
    url,
  );
}

describe('the privacy check sees the service worker', () => {
  it('records a request the worker makes to loopback, and lets it pass', async () => {
    const url = `${origin}/slice.html?from=service-worker`;
    // Settles either way: the fixture server sends no CORS header, but the request is made.
    expect(await fetchFromWorker(url)).toMatch(/^(HTTP 200|failed)/);
    await expect.poll(() => browser.requests.includes(url)).toBe(true);
    expect(workerRequests).toContain(url);
    expect(foreignRequests(browser.requests, browser.extensionId)).toEqual([]);
  });

  it('records a request the worker makes to another host, and flags it', async () => {
    const url = `${FOREIGN}/hokenlens-privacy-probe`;
    await fetchFromWorker(url);
    await expect.poll(() => browser.requests.includes(url)).toBe(true);
    expect(workerRequests).toContain(url);
    expect(foreignRequests(browser.requests, browser.extensionId)).toEqual([url]);
    // This browser closes with the shared check in afterAll; the probe is the test's own doing.
    browser.requests.splice(browser.requests.indexOf(url), 1);
    expect(foreignRequests(browser.requests, browser.extensionId)).toEqual([]);
  });

  it('fails the closing check of a browser whose worker requested another host', async () => {
    const other = await launchWithExtension('en-US');
    const url = `${FOREIGN}/hokenlens-privacy-probe-on-close`;
    await other.serviceWorker.evaluate(
      (target) => fetch(target, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined),
      url,
    );
    await expect.poll(() => other.requests.includes(url)).toBe(true);
    await expect(other.close()).rejects.toThrow(url);
  });

  it('catches what a worker requests while the browser is still starting', async () => {
    // A probe extension whose worker makes requests before the harness returns: at its first
    // line and in onInstalled. Playwright reports these only if the test had already subscribed,
    // which it cannot have (they race the launch); Chromium's network log has them all.
    const dir = mkdtempSync(join(tmpdir(), 'hokenlens-probe-'));
    try {
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify({
          manifest_version: 3,
          name: 'HokenLens privacy probe',
          version: '1.0',
          background: { service_worker: 'worker.js' },
          host_permissions: [`${origin}/*`],
        }),
      );
      writeFileSync(
        join(dir, 'worker.js'),
        [
          `fetch(${JSON.stringify(`${FOREIGN}/at-startup`)}).catch(() => {});`,
          `fetch(${JSON.stringify(`${origin}/slice.html?at-startup`)}).catch(() => {});`,
          'chrome.runtime.onInstalled.addListener(() => {',
          `  fetch(${JSON.stringify(`${FOREIGN}/on-installed`)}).catch(() => {});`,
          '});',
        ].join('\n'),
      );
      const probe = await launchWithExtension('en-US', [], { extensionDir: dir });
      // Let the requests start (a worker's lifetime outlasts this easily).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const error = await probe.close().then(
        () => new Error('closed without complaint'),
        (reason: unknown) => reason as Error,
      );
      expect(error.message).toContain('Requests left the device');
      expect(error.message).toContain(`${FOREIGN}/at-startup`);
      expect(error.message).toContain(`${FOREIGN}/on-installed`);
      // The loopback request is recorded too, and not flagged.
      expect(probe.requests).toContain(`${origin}/slice.html?at-startup`);
      expect(error.message).not.toContain('127.0.0.1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the network log of a browser that did not shut down cleanly', () => {
    const id = 'abcdefghijklmnopabcdefghijklmnop';
    const extension = `chrome-extension://${id}`;
    const log = [
      '{"constants":{"logEventTypes":{"URL_REQUEST_START_JOB":7}},',
      '"events": [',
      // From the service worker; from a page, but in the extension's context; from the browser
      // itself; from another extension whose id merely starts the same way.
      `${netLogEvent(`${FOREIGN}/a`, extension, `${extension} ${extension}`)},`,
      `${netLogEvent(`${FOREIGN}/b`, 'http://127.0.0.1:8000', `${extension} ${extension}`)},`,
      `${netLogEvent('https://update.example/check', 'not an origin', 'null null')},`,
      `${netLogEvent(`${FOREIGN}/c`, `${extension}x`, 'null null')},`,
    ].join('\n');
    const expected = [`${FOREIGN}/a`, `${FOREIGN}/b`];
    expect(extensionRequestsInNetLog(`${log}\n`, id)).toEqual(expected);
    expect(extensionRequestsInNetLog(`${log.slice(0, -1)}\n]}`, id)).toEqual(expected);
  });
});

/** One `URL_REQUEST_START_JOB` event of a net-export log, as Chromium writes it. */
function netLogEvent(url: string, initiator: string, isolation: string): string {
  return JSON.stringify({ type: 7, params: { url, initiator, network_isolation_key: isolation } });
}

/** `<lang>/<file>` of each locale file in the e2e build, by the name of its asset. */
function shippedLocaleFiles(): Map<string, string> {
  const sources = new Map<string, string>();
  for (const lang of readdirSync(join(ROOT, 'locales'))) {
    for (const file of readdirSync(join(ROOT, 'locales', lang))) {
      const text = readFileSync(join(ROOT, 'locales', lang, file), 'utf8');
      sources.set(JSON.stringify(JSON.parse(text)), `${lang}/${file}`);
    }
  }
  const assets = new Map<string, string>();
  for (const asset of readdirSync(join(EXTENSION_DIR, 'assets'))) {
    if (!asset.endsWith('.json')) continue;
    const text = readFileSync(join(EXTENSION_DIR, 'assets', asset), 'utf8');
    const source = sources.get(JSON.stringify(JSON.parse(text)));
    if (source) assets.set(asset, source);
  }
  return assets;
}

async function hoverUntilExplained(page: Page, term: string) {
  const { x, y } = await textCenter(page, term);
  await page.mouse.move(x - 40, y - 40);
  await page.mouse.move(x, y, { steps: 4 });
  await expect
    .poll(async () => (await popoverContent(page))?.text.includes(term), { timeout: 10_000 })
    .toBe(true);
  return (await popoverContent(page))!;
}

describe('the service worker reads locale files one language at a time', () => {
  it('fetches only the extension’s own files, and a language’s only once a page needs it', async () => {
    const files = shippedLocaleFiles();
    expect(files.size).toBeGreaterThan(40);
    const read = () => {
      const languages = new Set<string>();
      for (const url of workerRequests) {
        const file = files.get(basename(new URL(url).pathname));
        if (file && url.startsWith(`chrome-extension://${browser.extensionId}/`)) {
          languages.add(file.split('/')[0]!);
        }
      }
      return [...languages].sort();
    };
    // Drop the probe requests of the tests above: from here on, the worker serves pages.
    workerRequests.length = 0;

    await storeSettings(browser.serviceWorker, { language: 'en' });
    const english = await browser.context.newPage();
    await english.goto(`${origin}/slice.html`);
    await waitForPaint(english);
    expect((await hoverUntilExplained(english, '限度額適用認定証')).langs).toContain('en');
    await english.close();
    // Everything the worker fetched is one of the extension's own files.
    expect(workerRequests.length).toBeGreaterThan(0);
    for (const url of workerRequests) {
      expect(url).toMatch(new RegExp(`^chrome-extension://${browser.extensionId}/assets/`));
    }
    expect(read()).toEqual(['en']);

    await storeSettings(browser.serviceWorker, { language: 'vi' });
    const vietnamese = await browser.context.newPage();
    await vietnamese.goto(`${origin}/slice.html`);
    await waitForPaint(vietnamese);
    expect((await hoverUntilExplained(vietnamese, '限度額適用認定証')).langs).toContain('vi');
    await vietnamese.close();
    expect(read()).toEqual(['en', 'vi']);
  });
});
