import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BiDiSession } from './bidi';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Prefs for a quiet, offline test profile. Firefox's remote agent applies its own recommended
 * prefs (`remote.prefs.recommended`) once it starts; these are in place from the first moment, so
 * that nothing starts talking to Mozilla's services before that.
 */
function prefs(
  proxyPort: number,
  localDomains: readonly string[],
): Record<string, string | number | boolean> {
  return {
    // Host names that resolve to 127.0.0.1 (a municipal host name for the fixture server).
    'network.dns.localDomains': localDomains.join(','),
    // Every other request that is not to loopback goes to the test's own recording proxy, which
    // answers none of them: nothing can leave the machine, and whatever tried is reported.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': localDomains.join(','),
    'network.proxy.allow_hijacking_localhost': false,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    // Updates, studies, telemetry, crash reports.
    'app.update.disabledForTesting': true,
    'app.update.auto': false,
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'app.shield.optoutstudies.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'nimbus.rollouts.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'browser.ping-centre.telemetry': false,
    'browser.crashReports.unsubmittedCheck.autoSubmit2': false,
    'browser.tabs.crashReporting.sendReport': false,
    // Remote settings, Safe Browsing and certificate lists: no downloads.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'security.OCSP.enabled': 0,
    // MV3 host permissions, content-script matches included, are optional in Firefox: the user
    // grants them per site. This pref (default true since Firefox 127; set here so the test does
    // not depend on the default) makes Firefox grant the manifest's origins on install, as the
    // AMO install prompt does; Extension.sys.mjs applies it on ADDON_INSTALL, which a temporary
    // install through BiDi's webExtension.install is.
    'extensions.originControls.grantByDefault': true,
    // Add-ons: no update checks or recommendations; the temporary add-on is enabled at once.
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.autoDisableScopes': 0,
    'extensions.enabledScopes': 5,
    // Search, region, geolocation, push, accounts, media plugins.
    'browser.search.update': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'geo.provider.network.url': '',
    'dom.push.connection.enabled': false,
    'dom.push.serverURL': '',
    'identity.fxaccounts.enabled': false,
    'media.gmp-provider.enabled': false,
    'media.gmp-manager.url': '',
    'media.gmp-manager.chromium-update-url': '',
    'media.gmp-gmpopenh264.enabled': false,
    'media.gmp-widevinecdm.enabled': false,
    'media.gmp-widevinecdm.allow-chromium-update': false,
    'media.eme.enabled': false,
    // No first-run pages, new-tab feeds or default-browser prompts.
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.newtabpage.activity-stream.feeds.system.topstories': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.feeds.snippets': false,
    'browser.newtabpage.activity-stream.default.sites': '',
    'browser.topsites.contile.enabled': false,
    'browser.urlbar.quicksuggest.enabled': false,
    // The browser console's messages (the extension's included) go to stdout, for the test to read.
    'devtools.console.stdout.chrome': true,
    'devtools.console.stdout.content': true,
  };
}

/**
 * Records what reaches the proxy (only requests for other hosts than loopback do) and answers
 * none of them.
 */
async function startRecordingProxy(): Promise<{
  port: number;
  seen: string[];
  stop(): Promise<void>;
}> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('data', (chunk) => {
      // "CONNECT host:443 HTTP/1.1" for https, "GET http://host/path HTTP/1.1" for http.
      seen.push(chunk.toString('latin1').split('\r\n', 1)[0] ?? '');
      socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    async stop() {
      // Also drops a connection that never sent anything, which would keep the server open.
      sockets.forEach((socket) => socket.destroy());
      await new Promise((done) => server.close(done));
    },
  };
}

export interface Firefox {
  bidi: BiDiSession;
  browserVersion: string;
  /** Request lines that reached the recording proxy: attempts to leave loopback. */
  proxied: string[];
  /** Everything Firefox printed on stdout and stderr (the console messages included). */
  output(): string;
  /** Closes Firefox, stops the proxy and removes the profile. Safe to call more than once. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Host names that resolve to 127.0.0.1 and bypass the recording proxy. */
  localDomains?: readonly string[];
  /** More prefs for the profile's user.js. */
  prefs?: Record<string, string | number | boolean>;
}

/** Starts headless Firefox on a fresh profile with WebDriver BiDi on an ephemeral port. */
export async function launchFirefox(options: LaunchOptions = {}): Promise<Firefox> {
  const proxy = await startRecordingProxy();
  const profile = mkdtempSync(join(tmpdir(), 'hokenlens-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries({ ...prefs(proxy.port, options.localDomains ?? []), ...options.prefs })
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
      .join(''),
  );
  // Its own process group, so that closing also ends Firefox's content processes.
  const child = spawn(
    FIREFOX,
    ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        MOZ_HEADLESS: '1',
        MOZ_CRASHREPORTER_DISABLE: '1',
        // As Mozilla's own test harnesses set it. Without it, release builds ignore the
        // services.settings.server pref above and fetch remote settings from
        // firefox.settings.services.mozilla.com at start-up (seen at the proxy); with it, they
        // fetch nothing. Firefox then also aborts on any socket to a non-local address ("FATAL
        // ERROR: Non-local network connections are disabled"); the proxy is on loopback.
        MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
      },
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => {
    child.once('exit', () => done());
    child.once('error', () => done());
  });
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  };
  // If the test process ends without closing (a crash, Ctrl-C), Firefox must not outlive it.
  process.once('exit', killGroup);

  let closed = false;
  let bidi: BiDiSession | undefined;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (bidi) {
      await bidi.send('browser.close', {}, 5_000).catch(() => {});
      bidi.close();
    }
    const timer = setTimeout(killGroup, bidi ? 5_000 : 0);
    await exited;
    clearTimeout(timer);
    killGroup(); // content processes still shutting down
    process.removeListener('exit', killGroup);
    await proxy.stop();
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Firefox did not start WebDriver BiDi within 30 s:\n${output}`)),
        30_000,
      );
      const check = () => {
        const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(`${match[1]}/session`);
        }
      };
      child.stderr?.on('data', check);
      child.stdout?.on('data', check);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`Cannot start ${FIREFOX}: ${error.message}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Firefox exited (${code}) before BiDi started:\n${output}`));
      });
    });
    const session = await BiDiSession.connect(url);
    bidi = session.bidi;
    return {
      bidi,
      browserVersion: session.browserVersion,
      proxied: proxy.seen,
      output: () => output,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
