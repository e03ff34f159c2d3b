import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The e2e build, or the copy HOKENLENS_E2E_DIR names (one that no concurrent build rewrites). */
export const EXTENSION_DIR = process.env.HOKENLENS_E2E_DIR
  ? resolve(process.env.HOKENLENS_E2E_DIR)
  : join(ROOT, '.output/chrome-mv3-e2e');
export const SCREENSHOT_DIR = join(ROOT, 'tests/e2e/screenshots');
const FIXTURES = join(ROOT, 'tests/fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** No scripts, no inline styles, nothing from elsewhere: the strictest policy a site might send. */
export const STRICT_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'";

/** A common strict policy for sites with their own scripts: nothing inline, nothing from elsewhere. */
export const SELF_CSP = "default-src 'self'; style-src 'self'";

/** Serves tests/fixtures on 127.0.0.1 with an ephemeral port. */
export async function startFixtureServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = resolve(FIXTURES, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(FIXTURES) || !existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      // `*.csp.html` fixtures are served with a strict Content Security Policy.
      ...(file.endsWith('.csp.html') ? { 'content-security-policy': STRICT_CSP } : {}),
      // `*.self-csp.html` fixtures: scripts and styles only from the page's own origin.
      ...(file.endsWith('.self-csp.html') ? { 'content-security-policy': SELF_CSP } : {}),
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /**
   * Every URL requested by any page, extension page or worker in this browser, the extension's
   * service worker included, as Playwright reports them.
   */
  requests: string[];
  /**
   * Closes the browser; throws if anything was requested outside loopback and the extension:
   * anything in `requests`, and anything the extension started that only Chromium's network log
   * saw (see `extensionRequestsInNetLog`).
   */
  close(): Promise<void>;
}

/**
 * Privacy check shared by every browser test: the fixture pages only load from the loopback test
 * server, so a request to any other origin can only come from the extension, and must not exist.
 */
export function foreignRequests(requests: readonly string[], extensionId: string): string[] {
  return requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'chrome-extension:') return hostname !== extensionId;
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return false;
    return !['127.0.0.1', 'localhost'].includes(hostname);
  });
}

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: Array<{
    type: number;
    params?: { url?: string; initiator?: string; network_isolation_key?: string };
  }>;
}

/** Reads a net-export log; tolerates one cut short by a browser that did not shut down cleanly. */
function parseNetLog(text: string): NetLog {
  try {
    return JSON.parse(text) as NetLog;
  } catch {
    const lastEvent = text.lastIndexOf('},\n');
    return JSON.parse(`${text.slice(0, lastEvent + 1)}]}`) as NetLog;
  }
}

/**
 * URLs the extension requested over the network, from Chromium's own network log (written with
 * `--log-net-log`). This sees what Playwright can miss: Playwright reports a service worker's
 * requests only once the test has subscribed to them, and the worker starts (and runs
 * `onInstalled`) while the browser is still being launched. The extension's requests are those
 * it initiated (`initiator`) or made in its own context (`network_isolation_key`), e.g. from its
 * service worker; its own files never reach the network stack and are not logged.
 */
export function extensionRequestsInNetLog(text: string, extensionId: string): string[] {
  const log = parseNetLog(text);
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const origin = `chrome-extension://${extensionId}`;
  const urls: string[] = [];
  for (const event of log.events) {
    if (event.type !== startJob || !event.params?.url) continue;
    const { url, initiator, network_isolation_key: isolation } = event.params;
    if (initiator === origin || isolation?.startsWith(`${origin} `)) urls.push(url);
  }
  return urls;
}

export interface LaunchOptions {
  /** An unpacked extension to load instead of the e2e build (the privacy tests' own probe). */
  extensionDir?: string;
}

/** Launches Debian's Chromium headless with the e2e build of the extension loaded. */
export async function launchWithExtension(
  locale = 'en-US',
  extraArgs: readonly string[] = [],
  { extensionDir = EXTENSION_DIR }: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `No e2e build at ${extensionDir}; run "npm run test:e2e", which builds it first.`,
    );
  }
  const workDir = mkdtempSync(join(tmpdir(), 'hokenlens-e2e-'));
  const netLog = join(workDir, 'net-log.json');
  const context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    viewport: { width: 1000, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${locale}`,
      // Every network request of the whole browser, from its first moment (see close()).
      `--log-net-log=${netLog}`,
      '--net-log-capture-mode=Default',
      ...extraArgs,
    ],
  });
  // Subscribe before anything else: Playwright drops request events nobody listens to. The
  // service worker's requests are reported here too (playwright-core 1.65 does so unless
  // PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK is set; trust-privacy.test.ts checks it).
  const requests: string[] = [];
  const seen = new Set<string>();
  context.on('request', (request) => {
    requests.push(request.url());
    seen.add(request.url());
  });
  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    requests,
    async close() {
      await context.close();
      let logged: string[];
      try {
        logged = extensionRequestsInNetLog(readFileSync(netLog, 'utf8'), extensionId);
      } catch (error) {
        throw new Error(`The network log of the browser tests could not be read: ${error}`, {
          cause: error,
        });
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
      // Requests Playwright reported were checked (and possibly excused by a test) in `requests`.
      const unseen = [...new Set(logged.filter((url) => !seen.has(url)))];
      requests.push(...unseen);
      const foreign = foreignRequests([...requests], extensionId);
      if (foreign.length > 0) {
        throw new Error(
          `Requests left the device during the browser tests:\n${foreign.join('\n')}`,
        );
      }
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

interface CdpNode {
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  localName?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * Reads the text inside the popover's closed shadow root. Page scripts cannot do this (that is
 * the point of a closed root); the test reaches it through the DevTools protocol.
 */
export async function popoverContent(
  page: Page,
): Promise<{ text: string; langs: string[]; roles: string[] } | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: CdpNode;
  };
  await cdp.detach();
  const find = (node: CdpNode): CdpNode | undefined => {
    if (node.localName === 'hokenlens-popover') return node;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
      const hit = find(child);
      if (hit) return hit;
    }
    return undefined;
  };
  const host = find(root);
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return undefined;
  const texts: string[] = [];
  const langs: string[] = [];
  const roles: string[] = [];
  const walk = (node: CdpNode) => {
    if (node.nodeType === 3 && node.nodeValue) texts.push(node.nodeValue);
    const attributes = node.attributes ?? [];
    for (let i = 0; i < attributes.length; i += 2) {
      if (attributes[i] === 'lang') langs.push(attributes[i + 1]!);
      if (attributes[i] === 'role') roles.push(attributes[i + 1]!);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(shadow);
  return { text: texts.join(''), langs, roles };
}
