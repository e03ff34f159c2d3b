import { createInstance, type i18n } from 'i18next';
import { FALLBACK_LANGUAGE, htmlLang, type LanguageCode } from './languages';
import type { Namespace, ResourceBundle } from './resources';

export type BundleLoader = (
  language: LanguageCode,
  namespace: Namespace,
) => Promise<ResourceBundle | undefined>;

const YEN_PATTERNS: Partial<Record<LanguageCode, (digits: string) => string>> = {
  ja: (d) => `${d}円`,
  'ja-easy': (d) => `${d}えん`,
  'zh-Hans': (d) => `${d}日元`,
  'zh-Hant': (d) => `${d}日圓`,
  ko: (d) => `${d}엔`,
};

/** Formats integer yen the way a reader of `language` expects (127,260円 / ¥127,260). */
export function formatYen(amount: number, language: LanguageCode): string {
  const digits = new Intl.NumberFormat(htmlLang(language) === 'ja' ? 'ja-JP' : language, {
    maximumFractionDigits: 0,
    // Western digits everywhere: the explanations and the page itself write amounts that way.
    numberingSystem: 'latn',
  }).format(amount);
  const pattern = YEN_PATTERNS[language];
  return pattern ? pattern(digits) : `¥${digits}`;
}

/**
 * Languages to try, in order, before English. Explanations in standard Japanese exist for only a
 * few terms; a Japanese reader is better served by easy Japanese than by English.
 */
const FALLBACKS: Partial<Record<LanguageCode, LanguageCode[]>> = { ja: ['ja-easy'] };

/**
 * Creates an isolated i18next instance for one face. Resources come from `load` (the extension's
 * own JSON files, fetched on first use, in extension pages and the background; a message to the
 * background in the content script), so nothing here leaves the device. Only the languages of
 * the fallback chain are loaded, English always last.
 */
export async function createI18n(
  language: LanguageCode,
  namespaces: readonly Namespace[],
  load: BundleLoader,
): Promise<i18n> {
  const languages = [...new Set([language, ...(FALLBACKS[language] ?? []), FALLBACK_LANGUAGE])];
  const resources: Record<string, Record<string, ResourceBundle>> = {};
  await Promise.all(
    languages.flatMap((lng) =>
      namespaces.map(async (ns) => {
        const bundle = await load(lng, ns);
        if (bundle) (resources[lng] ??= {})[ns] = bundle;
      }),
    ),
  );
  const instance = createInstance();
  await instance.init({
    lng: language,
    fallbackLng: languages.slice(1),
    ns: [...namespaces],
    defaultNS: namespaces[0] ?? 'ui',
    resources: {},
    // Preact escapes text; explanations are never rendered as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // i18next rewrites codes into its canonical form ("ja-easy" becomes "ja-Easy"); resources must be
  // stored under the same form or the lookup silently falls back to English.
  const code = (lng: LanguageCode) => instance.services.languageUtils.formatLanguageCode(lng);
  for (const [lng, bundles] of Object.entries(resources)) {
    for (const [ns, bundle] of Object.entries(bundles)) {
      instance.addResourceBundle(code(lng as LanguageCode), ns, bundle, true, true);
    }
  }
  // Money is formatted for the reader's language, whichever fallback supplied the sentence.
  instance.services.formatter?.add('yen', (value: unknown) =>
    typeof value === 'number' ? formatYen(value, language) : String(value),
  );
  return instance;
}
