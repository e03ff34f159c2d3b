import { defineContentScript } from 'wxt/utils/define-content-script';
import { createI18n } from '../../src/i18n';
import { sendMessage } from '../../src/messaging';
import { startPageLayer } from '../../src/page/page-layer';

/** Sends an error to the background's log. Never throws into the page. */
function report(where: string, error: unknown): void {
  const message = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  void sendMessage('reportError', { where, message: message.slice(0, 2000) }).catch(() => {});
}

export default defineContentScript({
  matches: ['*://*.lg.jp/*'],
  runAt: 'document_idle',
  async main(ctx) {
    try {
      const response = await sendMessage('getSettings');
      if (!response.ok || !response.value.settings.enabled || ctx.isInvalid) return;
      const language = response.value.language;
      const i18n = await createI18n(language, ['ui', 'glossary'], async (lng, ns) => {
        const bundle = await sendMessage('getLocaleBundle', { language: lng, namespace: ns });
        return bundle.ok ? bundle.value : undefined;
      });
      if (ctx.isInvalid) return;
      const controller = new AbortController();
      ctx.onInvalidated(() => controller.abort());
      startPageLayer({ doc: document, i18n, language, signal: controller.signal, onError: report });
    } catch (error) {
      // Never throw into the page: a failure here must not affect its scripts.
      report('content', error);
    }
  },
});
