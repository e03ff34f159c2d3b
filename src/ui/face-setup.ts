import type { i18n } from 'i18next';
import { z } from 'zod';
import { createI18n } from '../i18n';
import { FALLBACK_LANGUAGE, htmlLang, type LanguageCode } from '../i18n/languages';
import { loadBundle, type Namespace } from '../i18n/resources';
import { sendMessage } from '../messaging';
import { DEFAULT_SETTINGS, FONT_SCALE, type Settings } from '../settings';

export interface Face {
  i18n: i18n;
  language: LanguageCode;
  settings: Settings;
  /** The stored settings were unreadable and the defaults are in use: tell the reader. */
  recovered: boolean;
}

/** Applies theme and text size to an extension page. */
export function applyAppearance(doc: Document, settings: Pick<Settings, 'theme' | 'fontSize'>) {
  doc.documentElement.dataset.theme = settings.theme;
  doc.documentElement.style.setProperty('--font-scale', String(FONT_SCALE[settings.fontSize]));
}

/**
 * Starts an extension page: asks the background for the settings, loads the page's strings and
 * sets `lang`, theme and text size on the document before the first render.
 */
export async function setUpFace(doc: Document, namespaces: readonly Namespace[]): Promise<Face> {
  // MV3 forbids eval; zod must not try to compile validators with `new Function`.
  z.config({ jitless: true });
  const response = await sendMessage('getSettings').catch(() => undefined);
  const settings = response?.ok ? response.value.settings : { ...DEFAULT_SETTINGS, sites: [] };
  const language = response?.ok ? response.value.language : FALLBACK_LANGUAGE;
  const i18n = await createI18n(language, namespaces, loadBundle);
  doc.documentElement.lang = htmlLang(language);
  applyAppearance(doc, settings);
  return { i18n, language, settings, recovered: response?.ok ? response.value.recovered : false };
}
