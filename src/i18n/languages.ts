/**
 * The languages HokenLens speaks. `ja` is the UI in ordinary Japanese; `ja-easy` is やさしい日本語
 * (easy Japanese) for readers who know some Japanese. Codes are BCP 47 tags, never bare `zh`.
 */
export const LANGUAGES = [
  { code: 'en', nativeName: 'English' },
  { code: 'ja', nativeName: '日本語' },
  { code: 'ja-easy', nativeName: 'やさしい にほんご' },
  { code: 'zh-Hans', nativeName: '简体中文' },
  { code: 'zh-Hant', nativeName: '繁體中文' },
  { code: 'ko', nativeName: '한국어' },
  { code: 'vi', nativeName: 'Tiếng Việt' },
  { code: 'tl', nativeName: 'Filipino' },
  { code: 'pt-BR', nativeName: 'Português (Brasil)' },
  { code: 'es', nativeName: 'Español' },
  { code: 'ne', nativeName: 'नेपाली' },
  { code: 'id', nativeName: 'Bahasa Indonesia' },
  { code: 'th', nativeName: 'ไทย' },
  { code: 'my', nativeName: 'မြန်မာ' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]];

export const FALLBACK_LANGUAGE: LanguageCode = 'en';

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && (LANGUAGE_CODES as readonly string[]).includes(value);
}

/**
 * Maps a browser UI language tag (`navigator.language`, `browser.i18n.getUILanguage()`) onto a
 * supported code, or `undefined` when we do not speak it. Chinese goes by script, not by region:
 * zh-TW, zh-HK and zh-MO are written in Traditional characters, zh-CN and zh-SG in Simplified.
 */
export function mapBrowserLanguage(tag: string | undefined | null): LanguageCode | undefined {
  if (!tag) return undefined;
  const cleaned = tag.trim().replaceAll('_', '-');
  if (!cleaned) return undefined;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(cleaned);
  } catch {
    return undefined;
  }
  const language = locale.language.toLowerCase();
  switch (language) {
    case 'zh': {
      const script = locale.script ?? safeMaximize(locale)?.script;
      return script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
    }
    case 'fil':
    case 'tl':
      return 'tl';
    case 'pt':
      // Brazilian Portuguese is the variant written for the large Brazilian community in Japan;
      // it is also the closest we offer to European Portuguese.
      return 'pt-BR';
    case 'in': // legacy code for Indonesian still sent by some systems
    case 'id':
      return 'id';
    case 'ja':
      return 'ja';
    case 'en':
    case 'ko':
    case 'vi':
    case 'es':
    case 'ne':
    case 'th':
    case 'my':
      return language;
    default:
      return undefined;
  }
}

function safeMaximize(locale: Intl.Locale): Intl.Locale | undefined {
  try {
    return locale.maximize();
  } catch {
    return undefined;
  }
}

/**
 * Picks the language to show: the one the user chose, else the first browser language we speak
 * and ship, else English. `available` is the set of languages with shipped resources.
 */
export function resolveLanguage(
  stored: LanguageCode | null | undefined,
  browserLanguages: readonly string[],
  available: ReadonlySet<LanguageCode>,
): LanguageCode {
  if (stored && available.has(stored)) return stored;
  for (const tag of browserLanguages) {
    const mapped = mapBrowserLanguage(tag);
    if (mapped && available.has(mapped)) return mapped;
  }
  return FALLBACK_LANGUAGE;
}

/** The `lang` attribute value for a language code (`ja-easy` is still Japanese to the browser). */
export function htmlLang(code: LanguageCode): string {
  return code === 'ja-easy' ? 'ja' : code;
}
