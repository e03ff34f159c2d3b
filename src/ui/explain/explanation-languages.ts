import type { i18n, TFunction } from 'i18next';
import { createI18n } from '../../i18n';
import { FALLBACK_LANGUAGE, htmlLang, LANGUAGES, type LanguageCode } from '../../i18n/languages';
import { loadBundle, SHIPPED_LANGUAGES } from '../../i18n/resources';

export interface LanguageChoice {
  code: LanguageCode;
  nativeName: string;
}

/** Languages the explanations can be shown or copied in: those that ship their strings. */
export function explanationLanguages(): LanguageChoice[] {
  return LANGUAGES.filter((l) => SHIPPED_LANGUAGES.has(l.code)).map(({ code, nativeName }) => ({
    code,
    nativeName,
  }));
}

export interface LanguageTexts {
  language: LanguageCode;
  lang: string;
  /** Translator for `ui` and `glossary` keys (`glossary:<id>.short`), English as fallback. */
  t: TFunction;
  /**
   * The `lang` of a term's explanation: this language's, or English where this language has no
   * explanation of the term yet and the English one is shown instead.
   */
  langOf: (termId: string) => string;
}

const instances = new Map<LanguageCode, Promise<i18n>>();

/**
 * The strings of another language than the page's, for a card or a cheat sheet that switches
 * language on the spot. One i18next instance per language, created once and kept.
 */
export async function textsIn(language: LanguageCode): Promise<LanguageTexts> {
  let pending = instances.get(language);
  if (!pending) {
    pending = createI18n(language, ['ui', 'glossary'], loadBundle);
    instances.set(language, pending);
    pending.catch(() => instances.delete(language));
  }
  const instance = await pending;
  const lang = htmlLang(language);
  return {
    language,
    lang,
    t: instance.t.bind(instance) as TFunction,
    langOf: (termId) =>
      instance.getResource(language, 'glossary', termId) === undefined
        ? htmlLang(FALLBACK_LANGUAGE)
        : lang,
  };
}
