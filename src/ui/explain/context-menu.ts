import { browser } from 'wxt/browser';
import { resolveLanguage } from '../../i18n/languages';
import { loadBundle, SHIPPED_LANGUAGES } from '../../i18n/resources';
import { readSettings, settingsItem } from '../../settings';
import { explainRequestItem, MAX_REQUEST_CHARS } from './explain-request';

/**
 * The background's side of "Explain with HokenLens": a context-menu item on selected text, on
 * any site. The selection arrives with the click (no access to the page is needed), so it works
 * where highlighting is off or the page layer never runs.
 */
export const EXPLAIN_MENU_ID = 'hokenlens-explain';
const FALLBACK_TITLE = 'Explain with HokenLens';

function browserUiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    // Not available in every context (and not in unit tests); navigator.languages is enough then.
    return '';
  }
}

async function menuTitle(): Promise<string> {
  const { settings } = await readSettings();
  const language = resolveLanguage(
    settings.language,
    [browserUiLanguage(), ...(globalThis.navigator?.languages ?? [])],
    SHIPPED_LANGUAGES,
  );
  const bundle = (await loadBundle(language, 'ui')) as
    { contextMenu?: { explain?: unknown } } | undefined;
  const title = bundle?.contextMenu?.explain;
  return typeof title === 'string' && title ? title : FALLBACK_TITLE;
}

export async function createExplainMenu(): Promise<void> {
  const title = await menuTitle();
  await new Promise<void>((resolve) => {
    // Recreated on every install/update/start; a leftover item with the same id is replaced.
    browser.contextMenus
      .remove(EXPLAIN_MENU_ID)
      .catch(() => undefined)
      .finally(() => {
        browser.contextMenus.create({ id: EXPLAIN_MENU_ID, title, contexts: ['selection'] }, () => {
          // Reading lastError marks it handled (a duplicate id during a quick restart).
          void browser.runtime.lastError;
          resolve();
        });
      });
  });
}

interface SidebarActionApi {
  open(): Promise<void>;
}

/**
 * Opens where the explanation is shown. Must be called before any `await` in the click
 * handler: Chrome and Firefox only open a side panel in direct response to a user action.
 */
function openPanel(tabId: number | undefined): Promise<void> {
  const sidebar = (browser as unknown as { sidebarAction?: SidebarActionApi }).sidebarAction;
  if (sidebar) return sidebar.open();
  const sidePanel = (browser as unknown as { sidePanel?: typeof chrome.sidePanel }).sidePanel;
  if (sidePanel && tabId !== undefined) return sidePanel.open({ tabId });
  return Promise.reject(new Error('No side panel in this browser'));
}

/** Brings an open explain page to the front (it picks the new text up), or opens one. */
async function showExplainPage(): Promise<void> {
  const url = browser.runtime.getURL('/explain.html');
  const [open] = await browser.tabs.query({ url }).catch(() => []);
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined)
      await browser.windows?.update(open.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}

/**
 * Hands the selected text to the side panel, or to the explain page in a new tab where no
 * side panel can be opened. Resolves with where it went.
 */
export function explainSelection(
  selection: string,
  tabId: number | undefined,
): Promise<'sidepanel' | 'tab'> {
  let opened: Promise<void>;
  try {
    opened = openPanel(tabId);
  } catch (error) {
    // Some browsers throw instead of rejecting (e.g. no user gesture): fall back the same way.
    opened = Promise.reject(error);
  }
  const text = selection.slice(0, MAX_REQUEST_CHARS);
  const stored = explainRequestItem.setValue({ text, at: Date.now() });
  return opened.then(
    async () => {
      await stored;
      return 'sidepanel' as const;
    },
    async () => {
      await stored;
      await showExplainPage();
      return 'tab' as const;
    },
  );
}

function createMenuQuietly(): void {
  void createExplainMenu().catch(() => undefined);
}

/** Registers the menu and its click handler. Call once from the background. */
export function registerExplainMenu(): void {
  browser.runtime.onInstalled.addListener(createMenuQuietly);
  browser.runtime.onStartup.addListener(createMenuQuietly);
  // The title follows the language chosen in the settings.
  settingsItem.watch(() => {
    void menuTitle()
      .then((title) => browser.contextMenus.update(EXPLAIN_MENU_ID, { title }))
      .catch(() => undefined);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== EXPLAIN_MENU_ID || !info.selectionText) return;
    void explainSelection(info.selectionText, tab?.id).catch(() => undefined);
  });
}
