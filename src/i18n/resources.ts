import { isLanguageCode, type LanguageCode } from './languages';

export const NAMESPACES = ['ui', 'glossary', 'calc'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export type ResourceBundle = Record<string, unknown>;

// Every locale file, loaded on demand so a face only pays for the language it shows.
const modules = import.meta.glob<ResourceBundle>('../../locales/*/*.json', { import: 'default' });

/**
 * `locales/<lang>/<namespace>.json`, or `<namespace>.<part>.json` for a namespace kept in several
 * files (e.g. `calc.kokuho.json`); the parts are merged.
 */
function parsePath(path: string): { language: LanguageCode; namespace: Namespace } | undefined {
  const match = /\/locales\/([^/]+)\/([^/.]+)(?:\.[a-z0-9-]+)?\.json$/.exec(path);
  if (!match) return undefined;
  const [, language, namespace] = match;
  if (!isLanguageCode(language)) return undefined;
  if (!(NAMESPACES as readonly string[]).includes(namespace ?? '')) return undefined;
  return { language, namespace: namespace as Namespace };
}

const index = new Map<string, Array<() => Promise<ResourceBundle>>>();
for (const [path, load] of Object.entries(modules)) {
  const parsed = parsePath(path);
  if (!parsed) continue;
  const key = `${parsed.language}/${parsed.namespace}`;
  index.set(key, [...(index.get(key) ?? []), load]);
}

/** Languages that ship a UI bundle. */
export const SHIPPED_LANGUAGES: ReadonlySet<LanguageCode> = new Set(
  [...index.keys()]
    .filter((key) => key.endsWith('/ui'))
    .map((key) => key.split('/')[0] as LanguageCode),
);

export async function loadBundle(
  language: LanguageCode,
  namespace: Namespace,
): Promise<ResourceBundle | undefined> {
  const loaders = index.get(`${language}/${namespace}`);
  if (!loaders) return undefined;
  const parts = await Promise.all(loaders.map((load) => load()));
  return parts.reduce<ResourceBundle>((merged, part) => deepMerge(merged, part), {});
}

function isPlainObject(value: unknown): value is ResourceBundle {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(target: ResourceBundle, source: ResourceBundle): ResourceBundle {
  const out: ResourceBundle = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = out[key];
    out[key] = isPlainObject(existing) && isPlainObject(value) ? deepMerge(existing, value) : value;
  }
  return out;
}
