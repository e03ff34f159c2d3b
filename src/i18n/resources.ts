import { browser } from 'wxt/browser';
import { isLanguageCode, type LanguageCode } from './languages';

export const NAMESPACES = ['ui', 'glossary', 'calc'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export type ResourceBundle = Record<string, unknown>;

/** Reads one locale file, named by its path in the source tree (`../../locales/en/ui.json`). */
export type LocaleFileReader = (path: string) => Promise<ResourceBundle>;

export interface BundleStore {
  /** Languages that ship a UI bundle. */
  languages: ReadonlySet<LanguageCode>;
  /** One namespace of one language, its files merged; `undefined` when nothing ships for it. */
  load(language: LanguageCode, namespace: Namespace): Promise<ResourceBundle | undefined>;
}

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

/**
 * Indexes the locale files by language and namespace without reading any of them. A file is read
 * the first time a bundle that needs it is asked for, and once only; a failed read is retried on
 * the next request.
 */
export function createBundleStore(paths: readonly string[], read: LocaleFileReader): BundleStore {
  const index = new Map<string, string[]>();
  for (const path of [...paths].sort()) {
    const parsed = parsePath(path);
    if (!parsed) continue;
    const key = `${parsed.language}/${parsed.namespace}`;
    index.set(key, [...(index.get(key) ?? []), path]);
  }
  const files = new Map<string, Promise<ResourceBundle>>();
  const readOnce = (path: string): Promise<ResourceBundle> => {
    let pending = files.get(path);
    if (!pending) {
      pending = read(path);
      files.set(path, pending);
      pending.catch(() => files.delete(path));
    }
    return pending;
  };
  return {
    languages: new Set(
      [...index.keys()]
        .filter((key) => key.endsWith('/ui'))
        .map((key) => key.split('/')[0] as LanguageCode),
    ),
    async load(language, namespace) {
      const sources = index.get(`${language}/${namespace}`);
      if (!sources) return undefined;
      const parts = await Promise.all(sources.map(readOnce));
      return parts.reduce<ResourceBundle>((merged, part) => deepMerge(merged, part), {});
    },
  };
}

/**
 * Every locale file ships as a JSON file of its own (Vite emits each one as an asset, never
 * inlined into a script) and is fetched from the extension's own origin when a language is first
 * shown, so no script carries languages it does not show. Not `import()`: Chrome forbids dynamic
 * import in a service worker, and the background serves the content script's bundles.
 */
const urls = import.meta.glob<string>('../../locales/*/*.json', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
});

/**
 * Reads locale files over `fetch`. `assetUrls` maps each source path to the URL of its asset:
 * root-relative in a build (`/assets/ui-….json`, resolved against `base`, the extension's own
 * origin), absolute when a dev server hands it out.
 */
export function fetchingReader(
  assetUrls: Readonly<Record<string, string>>,
  base: string,
): LocaleFileReader {
  return async (path) => {
    const url = assetUrls[path];
    if (!url) throw new Error(`No locale file ${path}`);
    const response = await fetch(new URL(url, base));
    if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
    const bundle: unknown = await response.json();
    if (!isPlainObject(bundle)) throw new Error(`${url} is not a resource bundle`);
    return bundle;
  };
}

/**
 * Unit tests run in Node, with no extension origin to fetch from: there Vite imports the same
 * files as modules. `import.meta.env.MODE` is a build-time constant, so extension builds drop this.
 */
const testModules =
  import.meta.env.MODE === 'test'
    ? import.meta.glob<ResourceBundle>('../../locales/*/*.json', { import: 'default' })
    : undefined;

const store = createBundleStore(
  Object.keys(urls),
  testModules
    ? async (path) => {
        const load = testModules[path];
        if (!load) throw new Error(`No locale file ${path}`);
        return load();
      }
    : (path) => fetchingReader(urls, browser.runtime.getURL('/'))(path),
);

/** The extension's own locale files: read when first asked for, then kept. */
export const SHIPPED_BUNDLES: BundleStore = store;

/** Languages that ship a UI bundle. */
export const SHIPPED_LANGUAGES: ReadonlySet<LanguageCode> = store.languages;

export function loadBundle(
  language: LanguageCode,
  namespace: Namespace,
): Promise<ResourceBundle | undefined> {
  return store.load(language, namespace);
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
