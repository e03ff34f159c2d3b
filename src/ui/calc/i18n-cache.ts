import type { i18n } from 'i18next';
import { createI18n } from '../../i18n';
import type { LanguageCode } from '../../i18n/languages';
import { loadBundle } from '../../i18n/resources';

const instances = new Map<LanguageCode, Promise<i18n>>();

/** Another language's ui and calc strings, loaded the first time they are needed. */
export function i18nFor(language: LanguageCode): Promise<i18n> {
  let instance = instances.get(language);
  if (!instance) {
    instance = createI18n(language, ['ui', 'calc'], loadBundle);
    instances.set(language, instance);
  }
  return instance;
}
