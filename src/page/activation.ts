import { browser } from 'wxt/browser';
import { calcIntentItem, type CalcIntent } from './calc-intent';
import { isPageCommand, sendPageMessage } from './protocol';
import { DEFAULT_MATCHES } from './regions';

/**
 * The background's side of the page layer: where it runs beyond the default sites, and the
 * keyboard commands. Kept here, next to the content script it drives.
 */

export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';
export const USER_SITES_SCRIPT_ID = 'hokenlens-user-sites';

/**
 * Runs the page layer in a tab now (toolbar click or context menu, under `activeTab`). The
 * content script ignores a second start in the same frame.
 */
export async function activateOnTab(tabId: number): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    files: [CONTENT_SCRIPT_FILE],
  });
}

/**
 * Origins the user granted beyond the sites the content script already runs on, as match
 * patterns. `declared` are the manifest's content-script matches (browsers list them among the
 * granted origins); registering them again would start a second copy of the script there.
 */
export function userSitePatterns(
  granted: readonly string[],
  declared: readonly string[] = DEFAULT_MATCHES,
): string[] {
  const defaults = new Set([...DEFAULT_MATCHES, ...declared]);
  return granted.filter((pattern) => !defaults.has(pattern) && /^(https?|\*):\/\//.test(pattern));
}

/** The content-script matches of the running build's manifest. */
function declaredMatches(): string[] {
  return (browser.runtime.getManifest().content_scripts ?? []).flatMap(
    (script) => script.matches ?? [],
  );
}

/**
 * Registers the content script on every site the user enabled (optional host permissions,
 * requested per site by the popup or options page), so it starts there like on the defaults.
 */
export async function syncUserSites(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const matches = userSitePatterns(origins, declaredMatches());
  const existing = await browser.scripting.getRegisteredContentScripts({
    ids: [USER_SITES_SCRIPT_ID],
  });
  if (existing.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [USER_SITES_SCRIPT_ID] });
  }
  if (matches.length > 0) {
    await browser.scripting.registerContentScripts([
      {
        id: USER_SITES_SCRIPT_ID,
        matches,
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_idle',
        allFrames: true,
        matchOriginAsFallback: true,
        persistAcrossSessions: true,
      },
    ]);
  }
  return matches;
}

/** Forwards a manifest command to the page in the active tab. */
export async function runPageCommand(command: string, tabId: number | undefined): Promise<void> {
  if (!isPageCommand(command) || tabId === undefined) return;
  // Only the top frame answers commands; frames keep their own popovers.
  await sendPageMessage('pageCommand', { command }, { tabId, frameId: 0 }).catch(() => undefined);
}

/** Stores what the popup should open with, then opens it (or a tab with it, where not allowed). */
export async function openCalculator(intent: Omit<CalcIntent, 'at'>): Promise<'popup' | 'tab'> {
  await calcIntentItem.setValue({ ...intent, at: Date.now() });
  try {
    await browser.action.openPopup();
    return 'popup';
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    return 'tab';
  }
}

function resyncUserSites(): void {
  void syncUserSites().catch(() => undefined);
}

/** Wires commands and user sites. Call once from the background. */
export function registerPageActivation(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    void runPageCommand(command, tab?.id);
  });
  browser.permissions.onAdded.addListener(resyncUserSites);
  browser.permissions.onRemoved.addListener(resyncUserSites);
  browser.runtime.onInstalled.addListener(resyncUserSites);
  browser.runtime.onStartup.addListener(resyncUserSites);
}
