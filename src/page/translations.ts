import { FALLBACK_LANGUAGE, type LanguageCode } from '../i18n/languages';
import type { ResourceBundle } from '../i18n/resources';

export type BundleLoader = (
  language: LanguageCode,
  namespace: 'ui' | 'glossary',
) => Promise<ResourceBundle | undefined>;

/** Languages to try in order: the language, its Japanese sibling, then English. */
export function fallbackChain(language: LanguageCode): LanguageCode[] {
  const sibling: LanguageCode[] =
    language === 'ja' ? ['ja-easy'] : language === 'ja-easy' ? ['ja'] : [];
  return [...new Set<LanguageCode>([language, ...sibling, FALLBACK_LANGUAGE])];
}

/**
 * The few translations the content script needs: popover labels and glossary explanations, per
 * language, with English as the fallback. A full i18n library would cost the content script a
 * quarter of its size budget for two lookups and one `{{term}}` placeholder.
 */
export class PageTranslations {
  private readonly bundles = new Map<string, Promise<ResourceBundle | undefined>>();
  private readonly loaded = new Map<string, ResourceBundle | undefined>();

  private values: Record<string, string> = {};

  private facts: Promise<void> | undefined;

  constructor(
    private readonly load: BundleLoader,
    private readonly loadFacts?: () => Promise<Record<string, string> | undefined>,
  ) {}

  /** Figures quoted by explanations (`{{notifyDays}}`), from the rule set via the background. */
  setValues(values: Record<string, string>): void {
    this.values = values;
  }

  /** Fills `{{name}}` placeholders; an unknown one stays visible rather than turning into nothing. */
  fill(text: string, values: Record<string, string> = {}): string {
    return text.replace(
      /\{\{\s*(\w+)\s*\}\}/g,
      (whole, name: string) => values[name] ?? this.values[name] ?? whole,
    );
  }

  /** Loads `language` (and the fallback) once; later calls return the same promise. */
  async ensure(language: LanguageCode): Promise<void> {
    const languages = fallbackChain(language);
    this.facts ??= this.loadFacts?.().then(
      (values) => {
        if (values) this.values = values;
      },
      () => {
        this.facts = undefined;
      },
    );
    await this.facts;
    await Promise.all(
      languages.flatMap((lng) =>
        (['ui', 'glossary'] as const).map((ns) => {
          const key = `${lng}/${ns}`;
          let pending = this.bundles.get(key);
          if (!pending) {
            pending = this.load(lng, ns).then(
              (bundle) => {
                this.loaded.set(key, bundle);
                return bundle;
              },
              () => {
                // A failed load may succeed later (e.g. the background was restarting).
                this.bundles.delete(key);
                return undefined;
              },
            );
            this.bundles.set(key, pending);
          }
          return pending;
        }),
      ),
    );
  }

  private lookup(language: LanguageCode, ns: 'ui' | 'glossary', path: string): unknown {
    for (const lng of fallbackChain(language)) {
      let value: unknown = this.loaded.get(`${lng}/${ns}`);
      for (const part of path.split('.')) {
        value =
          value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
      }
      if (value !== undefined && value !== null && value !== '') return value;
    }
    return undefined;
  }

  /** A UI string (`popover.more`), with `{{name}}` placeholders filled from `values`. */
  label(language: LanguageCode, key: string, values: Record<string, string> = {}): string {
    const value = this.lookup(language, 'ui', key);
    return typeof value === 'string' ? this.fill(value, values) : '';
  }

  /** The glossary entry of a term in `language`, or in English when that language lacks it. */
  glossary(language: LanguageCode, id: string): unknown {
    for (const lng of fallbackChain(language)) {
      const entry = this.loaded.get(`${lng}/glossary`)?.[id];
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  /** Whether the explanation shown for `id` in `language` is really in that language. */
  hasOwn(language: LanguageCode, id: string): boolean {
    return this.loaded.get(`${language}/glossary`)?.[id] !== undefined;
  }
}
