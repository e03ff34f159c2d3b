import { render } from 'preact';
import { z } from 'zod';
import { createI18n } from '../../src/i18n';
import { htmlLang } from '../../src/i18n/languages';
import { loadBundle } from '../../src/i18n/resources';
import { sendMessage } from '../../src/messaging';
import { PopupApp } from '../../src/ui/popup/PopupApp';

async function start() {
  // MV3 forbids eval; zod must not try to compile validators with `new Function`.
  z.config({ jitless: true });
  const response = await sendMessage('getSettings').catch(() => undefined);
  const language = response?.ok ? response.value.language : 'en';
  const theme = response?.ok ? response.value.settings.theme : 'system';
  const i18n = await createI18n(language, ['ui', 'calc'], loadBundle);
  document.documentElement.lang = htmlLang(language);
  document.documentElement.dataset.theme = theme;
  document.title = i18n.t('popup.title');
  render(<PopupApp i18n={i18n} language={language} />, document.getElementById('app')!);
}

void start();
