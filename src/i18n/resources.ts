import { isLanguageCode, type LanguageCode } from './languages';

export const NAMESPACES = ['ui', 'glossary', 'calc'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export type ResourceBundle = Record<string, unknown>;

// Every locale file, loaded on demand so a face only pays for the language it shows.
const modules = import.meta.glob<ResourceBundle>('../../locales/*/*.json', { import: 'default' });

function parsePath(path: string): { language: LanguageCode; namespace: Namespace } | undefined {
  const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match) return undefined;
  const [, language, namespace] = match;
  if (!isLanguageCode(language)) return undefined;
  if (!(NAMESPACES as readonly string[]).includes(namespace ?? '')) return undefined;
  return { language, namespace: namespace as Namespace };
}

const index = new Map<string, () => Promise<ResourceBundle>>();
for (const [path, load] of Object.entries(modules)) {
  const parsed = parsePath(path);
  if (parsed) index.set(`${parsed.language}/${parsed.namespace}`, load);
}

/** Languages that ship a UI bundle. */
export const SHIPPED_LANGUAGES: ReadonlySet<LanguageCode> = new Set(
  [...index.keys()].filter((key) => key.endsWith('/ui')).map((key) => key.split('/')[0] as LanguageCode),
);

export async function loadBundle(
  language: LanguageCode,
  namespace: Namespace,
): Promise<ResourceBundle | undefined> {
  const load = index.get(`${language}/${namespace}`);
  return load ? await load() : undefined;
}
