import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isLanguageCode, type LanguageCode } from '../../src/i18n/languages';
import { sendMessage } from '../../src/messaging';
import { looksJapanese, watchForJapanese } from '../../src/page/japanese';
import { startPageLayer, type PageLayer } from '../../src/page/page-layer';
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
      const response = await sendMessage('getSettings');
      // Not ctx.isInvalid: a page can forge WXT's invalidation event (see onInvalidated below).
      if (!response.ok || !response.value.settings.enabled || !browser.runtime?.id) return;
      const { language } = response.value;
      const { settings } = response.value;
      const theme = settings.theme;
      const controller = new AbortController();
      ctx.onInvalidated(() => {
        // WXT also invalidates the context on a DOM event ("a newer copy of this script
        // started") that page scripts can forge. While the extension is alive, keep running: the
        // event is forged, or this same extension injected the script again (which then finds
        // STARTED set and does nothing). Stop only once the extension is really gone.
        if (browser.runtime?.id) return;
        controller.abort();
        scope[STARTED] = false;
      });
      let layer: PageLayer | undefined;
      const start = () => {
        if (layer || controller.signal.aborted) return;
        layer = startPageLayer({
          doc: document,
          language,
          theme,
          display: {
            highlightStyle: settings.highlightStyle,
            showReadings: settings.showReadings,
            detail: settings.detail,
            fontScale: FONT_SCALE[settings.fontSize] ?? 1,
          },
          loadBundle,
          loadFacts: async () => {
            const facts = await sendMessage('getExplanationFacts');
            return facts.ok ? facts.value : undefined;
          },
          languages: [],
          signal: controller.signal,
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
      // Commands and the popup's questions go to the top frame; frames only paint and explain.
      if (window === window.top) {
        const stopOnAbort = (remove: () => void) =>
          controller.signal.addEventListener('abort', remove, { once: true });
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
      if (looksJapanese(document)) start();
      else watchForJapanese(document, start, controller.signal);
    } catch (error) {
      // Never throw into the page: a failure here must not affect its scripts.
      report('content', error);
    }
  },
});
