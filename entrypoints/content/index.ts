import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isLanguageCode, type LanguageCode } from '../../src/i18n/languages';
import { sendMessage } from '../../src/messaging';
import { looksJapanese, watchForJapanese } from '../../src/page/japanese';
import { startPageLayer, type PageLayer, type PageReaderSettings } from '../../src/page/page-layer';
import { isPageCommand, onPageMessage } from '../../src/page/protocol';
import { DEFAULT_MATCHES } from '../../src/page/regions';
import type { FontSize } from '../../src/settings';

/** FONT_SCALE of src/settings.ts, repeated so the content script does not bundle its schemas. */
const FONT_SCALE: Record<FontSize, number> = { normal: 1, large: 1.25, larger: 1.5 };

/** Sends an error to the background's log. Never throws into the page. */
function report(where: string, error: unknown): void {
  const message = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  void sendMessage('reportError', { where, message: message.slice(0, 2000) }).catch(() => {});
}

/** Set on the content script's own global (isolated world) so a second injection does nothing. */
const STARTED = Symbol.for('hokenlens.page-layer');

interface ContentSettings {
  enabled: boolean;
  reader: PageReaderSettings;
}

/** The reader's settings, validated by the background; undefined when it cannot answer. */
async function readSettings(): Promise<ContentSettings | undefined> {
  const response = await sendMessage('getSettings');
  if (!response.ok) return undefined;
  const { settings, language } = response.value;
  return {
    enabled: settings.enabled,
    reader: {
      language,
      theme: settings.theme,
      display: {
        highlightStyle: settings.highlightStyle,
        showReadings: settings.showReadings,
        detail: settings.detail,
        fontScale: FONT_SCALE[settings.fontSize] ?? 1,
      },
    },
  };
}

async function loadBundle(language: LanguageCode, namespace: 'ui' | 'glossary') {
  const bundle = await sendMessage('getLocaleBundle', { language, namespace });
  return bundle.ok ? bundle.value : undefined;
}

export default defineContentScript({
  matches: [...DEFAULT_MATCHES],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    const scope = globalThis as { [STARTED]?: boolean };
    if (scope[STARTED]) return;
    scope[STARTED] = true;
    try {
      const first = await readSettings();
      // Not ctx.isInvalid: a page can forge WXT's invalidation event (see onInvalidated below).
      if (!first || !browser.runtime?.id) return;
      const lifetime = new AbortController();
      ctx.onInvalidated(() => {
        // WXT also invalidates the context on a DOM event ("a newer copy of this script
        // started") that page scripts can forge. While the extension is alive, keep running: the
        // event is forged, or this same extension injected the script again (which then finds
        // STARTED set and does nothing). Stop only once the extension is really gone.
        if (browser.runtime?.id) return;
        lifetime.abort();
        scope[STARTED] = false;
      });
      let current = first;
      let layer: PageLayer | undefined;
      /** Aborting it takes the layer off the page (highlighting turned off in the settings). */
      let running: AbortController | undefined;
      const start = () => {
        if (layer || lifetime.signal.aborted || !current.enabled) return;
        running = new AbortController();
        layer = startPageLayer({
          doc: document,
          ...current.reader,
          loadBundle,
          loadFacts: async () => {
            const facts = await sendMessage('getExplanationFacts');
            return facts.ok ? facts.value : undefined;
          },
          languages: [],
          signal: AbortSignal.any([lifetime.signal, running.signal]),
          onError: report,
          openCalculator: async (request) => {
            await sendMessage('openCalculator', request);
          },
        });
        void sendMessage('listLanguages')
          .then((languages) => {
            if (languages.ok && layer) layer.setLanguages(languages.value.filter(isLanguageCode));
          })
          .catch(() => {});
      };
      /** Starts when the page has Japanese text, or once some appears. */
      const startWhenJapanese = () => {
        if (looksJapanese(document)) start();
        else watchForJapanese(document, start, running?.signal ?? lifetime.signal);
      };
      // Settings changed in the options page or the popup apply to open pages at once. The
      // change event only says that something changed; the values come validated from the
      // background, as at start.
      const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
        if (area !== 'local' || !('settings' in changes)) return;
        void readSettings()
          .then((next) => {
            if (!next || lifetime.signal.aborted) return;
            current = next;
            if (!next.enabled) {
              running?.abort();
              running = undefined;
              layer = undefined;
            } else if (layer) {
              layer.applySettings(next.reader);
            } else {
              startWhenJapanese();
            }
          })
          .catch((error: unknown) => report('settings', error));
      };
      browser.storage.onChanged.addListener(onStorageChanged);
      lifetime.signal.addEventListener(
        'abort',
        () => browser.storage?.onChanged.removeListener(onStorageChanged),
        { once: true },
      );
      // Commands and the popup's questions go to the top frame; frames only paint and explain.
      if (window === window.top) {
        const stopOnAbort = (remove: () => void) =>
          lifetime.signal.addEventListener('abort', remove, { once: true });
        stopOnAbort(
          onPageMessage('pageCommand', ({ data }) => {
            const command = (data as { command?: unknown } | undefined)?.command;
            if (!isPageCommand(command)) return false;
            return layer?.command(command) ?? false;
          }),
        );
        stopOnAbort(onPageMessage('getPageSummary', () => layer?.summary() ?? null));
        stopOnAbort(
          onPageMessage('showTerm', ({ data }) => {
            const termId = (data as { termId?: unknown } | undefined)?.termId;
            if (typeof termId !== 'string' || termId.length > 80) return false;
            return layer?.showTerm(termId) ?? false;
          }),
        );
      }
      startWhenJapanese();
    } catch (error) {
      // Never throw into the page: a failure here must not affect its scripts.
      report('content', error);
    }
  },
});
