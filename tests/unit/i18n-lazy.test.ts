import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundHandlers } from '../../src/background-handlers';
import { createI18n } from '../../src/i18n';
import { dispatch } from '../../src/message-handlers';
import { LANGUAGE_CODES } from '../../src/i18n/languages';
import { localeAssets } from '../../src/i18n/locale-assets';
import {
  createBundleStore,
  fetchingReader,
  loadBundle,
  NAMESPACES,
  SHIPPED_LANGUAGES,
  type ResourceBundle,
} from '../../src/i18n/resources';

// The real locale files, read as modules, and a store over them that records every file it reads.
const modules = import.meta.glob<ResourceBundle>('../../locales/*/*.json', { import: 'default' });
const PATHS = Object.keys(modules);

function recordingStore() {
  const read: string[] = [];
  const store = createBundleStore(PATHS, async (path) => {
    read.push(path);
    return modules[path]!();
  });
  /** Languages whose files were read, in the order first read. */
  const languages = () => [...new Set(read.map((path) => path.split('/').at(-2)))];
  return { store, read, languages };
}

describe('locale bundles are loaded on demand', () => {
  it('reads nothing until a bundle is asked for, and knows the shipped languages without reading', () => {
    const { store, read } = recordingStore();
    expect([...store.languages].sort()).toEqual([...LANGUAGE_CODES].sort());
    expect(read).toEqual([]);
  });

  it('reads only the files of the language and namespace asked for', async () => {
    const { store, read } = recordingStore();
    const bundle = await store.load('vi', 'ui');
    expect(bundle).toBeDefined();
    expect(read).toEqual(['../../locales/vi/ui.json']);
  });

  it('reads each file once however often it is asked for', async () => {
    const { store, read } = recordingStore();
    const [a, b] = await Promise.all([store.load('ko', 'glossary'), store.load('ko', 'glossary')]);
    await store.load('ko', 'glossary');
    expect(a).toEqual(b);
    expect(read).toEqual(['../../locales/ko/glossary.json']);
  });

  it('merges a namespace kept in several files', async () => {
    const { store, read } = recordingStore();
    const calc = (await store.load('en', 'calc'))!;
    expect(read.sort()).toEqual([
      '../../locales/en/calc.benefits.json',
      '../../locales/en/calc.json',
      '../../locales/en/calc.kokuho.json',
    ]);
    for (const part of read) {
      const source = await modules[part]!();
      for (const key of Object.keys(source)) expect(calc).toHaveProperty([key]);
    }
  });

  it('answers undefined for a language or namespace that ships nothing, without reading', async () => {
    const read: string[] = [];
    const onlyEnglishUi = createBundleStore(['../../locales/en/ui.json'], async (path) => {
      read.push(path);
      return {};
    });
    expect(await onlyEnglishUi.load('vi', 'ui')).toBeUndefined();
    expect(await onlyEnglishUi.load('en', 'glossary')).toBeUndefined();
    expect([...onlyEnglishUi.languages]).toEqual(['en']);
    expect(read).toEqual([]);
  });

  it('retries a file whose read failed', async () => {
    let attempts = 0;
    const store = createBundleStore(['../../locales/en/ui.json'], async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('offline');
      return { hello: 'world' };
    });
    await expect(store.load('en', 'ui')).rejects.toThrow('offline');
    expect(await store.load('en', 'ui')).toEqual({ hello: 'world' });
    expect(attempts).toBe(2);
  });

  it('ignores files outside the known languages and namespaces', () => {
    const store = createBundleStore(
      ['../../locales/fr/ui.json', '../../locales/en/notes.json', '../../locales/en/ui.json'],
      async () => ({}),
    );
    expect([...store.languages]).toEqual(['en']);
  });
});

describe('the fallback chain loads only the languages it needs', () => {
  it('Japanese reads Japanese, easy Japanese and English, and nothing else', async () => {
    const { store, languages } = recordingStore();
    const i18n = await createI18n('ja', ['glossary'], store.load);
    expect(languages().sort()).toEqual(['en', 'ja', 'ja-easy']);
    const ja = (await store.load('ja', 'glossary'))!;
    const easy = (await store.load('ja-easy', 'glossary')) as Record<string, { short: string }>;
    const id = Object.keys(easy).find((key) => !(key in ja))!;
    expect(i18n.t(`${id}.short`)).toBe(easy[id]!.short);
  });

  it('easy Japanese is stored under i18next’s canonical code and found there', async () => {
    const { store, languages } = recordingStore();
    const i18n = await createI18n('ja-easy', ['glossary'], store.load);
    expect(languages().sort()).toEqual(['en', 'ja-easy']);
    const easy = (await store.load('ja-easy', 'glossary')) as Record<string, { short: string }>;
    expect(i18n.language).toBe('ja-Easy');
    expect(i18n.t('kokumin-kenko-hoken.short')).toBe(easy['kokumin-kenko-hoken']!.short);
  });

  it('any other language reads itself and English only, and falls back to English', async () => {
    const { store, languages } = recordingStore();
    const i18n = await createI18n('th', ['ui'], store.load);
    expect(languages().sort()).toEqual(['en', 'th']);
    const th = (await store.load('th', 'ui'))!;
    const en = (await store.load('en', 'ui'))!;
    expect(i18n.t('popup.title')).toBe((th.popup as { title: string }).title);
    const englishOnly = Object.keys(en).find((key) => !(key in th));
    if (englishOnly) expect(i18n.t(englishOnly, { returnObjects: true })).toEqual(en[englishOnly]);
    expect(i18n.t('no.such.key', { defaultValue: 'fallback' })).toBe('fallback');
  });

  it('English reads English once', async () => {
    const { store, read } = recordingStore();
    await createI18n('en', ['ui', 'glossary'], store.load);
    expect(read.sort()).toEqual(['../../locales/en/glossary.json', '../../locales/en/ui.json']);
  });
});

describe('the background serves the content script one language at a time', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads nothing to start or to answer getSettings and listLanguages', async () => {
    const { store, read } = recordingStore();
    const handlers = createBackgroundHandlers(store);
    expect(await dispatch('getSettings', undefined, handlers)).toMatchObject({ ok: true });
    const listed = await dispatch('listLanguages', undefined, handlers);
    expect(listed.ok && [...listed.value].sort()).toEqual([...LANGUAGE_CODES].sort());
    expect(read).toEqual([]);
  });

  it('reads the requested bundle only, and once', async () => {
    const { store, read } = recordingStore();
    const handlers = createBackgroundHandlers(store);
    const request = { language: 'pt-BR', namespace: 'glossary' } as const;
    const first = await dispatch('getLocaleBundle', request, handlers);
    const again = await dispatch('getLocaleBundle', request, handlers);
    expect(first.ok && Object.keys(first.value).length).toBeGreaterThan(0);
    expect(again).toEqual(first);
    expect(read).toEqual(['../../locales/pt-BR/glossary.json']);
  });

  it('answers not-found for a bundle that does not ship, and an internal error for a failed read', async () => {
    const handlers = createBackgroundHandlers(
      createBundleStore(['../../locales/en/ui.json'], async () => {
        throw new Error('disk on fire');
      }),
    );
    expect(
      await dispatch('getLocaleBundle', { language: 'vi', namespace: 'ui' }, handlers),
    ).toEqual({ ok: false, error: { code: 'not-found', message: 'No ui resources for vi' } });
    expect(
      await dispatch('getLocaleBundle', { language: 'en', namespace: 'ui' }, handlers),
    ).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
  });

  it('resolves the reader language against the languages that ship', async () => {
    const onlyEnglish = createBundleStore(['../../locales/en/ui.json'], async () => ({}));
    const handlers = createBackgroundHandlers(onlyEnglish);
    const response = await dispatch('updateSettings', { language: 'zh-Hans' }, handlers);
    expect(response).toMatchObject({ ok: true, value: { language: 'en' } });
  });
});

describe('the shipped store', () => {
  it('serves every namespace of every shipped language', async () => {
    expect(SHIPPED_LANGUAGES.size).toBe(LANGUAGE_CODES.length);
    for (const language of SHIPPED_LANGUAGES) {
      for (const namespace of NAMESPACES) {
        const bundle = await loadBundle(language, namespace);
        expect(Object.keys(bundle ?? {}).length, `${language}/${namespace}`).toBeGreaterThan(0);
      }
    }
  });
});

/** Replaces `fetch` with one answering `body`; returns the URLs it is asked for. */
function stubFetch(body: unknown, status = 200): string[] {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (input: URL | string) => {
    calls.push(String(input));
    return new Response(JSON.stringify(body), { status });
  });
  return calls;
}

describe('fetchingReader', () => {
  afterEach(() => vi.unstubAllGlobals());

  const URLS = {
    '../../locales/en/ui.json': '/assets/ui-abc.json',
    '../../locales/en/glossary.json': 'http://localhost:3000/locales/en/glossary.json',
  };
  const BASE = 'chrome-extension://abcdefghijklmnop/';

  it('fetches an asset from the extension’s own origin', async () => {
    const calls = stubFetch({ hello: 'world' });
    const read = fetchingReader(URLS, BASE);
    expect(await read('../../locales/en/ui.json')).toEqual({ hello: 'world' });
    expect(calls).toEqual(['chrome-extension://abcdefghijklmnop/assets/ui-abc.json']);
  });

  it('keeps an absolute URL (a dev server’s) as it is', async () => {
    const calls = stubFetch({});
    await fetchingReader(URLS, BASE)('../../locales/en/glossary.json');
    expect(calls).toEqual(['http://localhost:3000/locales/en/glossary.json']);
  });

  it('refuses a missing file, an HTTP error and a body that is not an object', async () => {
    stubFetch({});
    await expect(fetchingReader(URLS, BASE)('../../locales/vi/ui.json')).rejects.toThrow(
      'No locale file',
    );
    stubFetch({}, 404);
    await expect(fetchingReader(URLS, BASE)('../../locales/en/ui.json')).rejects.toThrow('404');
    stubFetch(['not', 'a', 'bundle']);
    await expect(fetchingReader(URLS, BASE)('../../locales/en/ui.json')).rejects.toThrow(
      'not a resource bundle',
    );
  });
});

/** How WXT names the assets of the background build: after the entrypoint. */
function wxtNaming(info: { originalFileNames: string[] }): string {
  return `assets/background.${info.originalFileNames[0]?.split('.').at(-1)}`;
}

describe('localeAssets build plugin', () => {
  type Hook = (...args: unknown[]) => unknown;
  const plugin = localeAssets();
  const outputOptions = plugin.outputOptions as Hook;
  const generateBundle = plugin.generateBundle as Hook;
  type Namer = (info: { originalFileNames: string[] }) => string;

  it('names locale files by content hash in every build, and leaves other assets to WXT', () => {
    const { assetFileNames } = outputOptions.call({}, { assetFileNames: wxtNaming }) as {
      assetFileNames: Namer;
    };
    expect(assetFileNames({ originalFileNames: ['locales/ja-easy/calc.kokuho.json'] })).toBe(
      'assets/[name]-[hash][extname]',
    );
    expect(assetFileNames({ originalFileNames: ['src/ui/popup.css'] })).toBe(
      'assets/background.css',
    );
    const named = outputOptions.call({}, { assetFileNames: 'x/[name].[ext]' }) as {
      assetFileNames: Namer;
    };
    expect(named.assetFileNames({ originalFileNames: ['a.css'] })).toBe('x/[name].[ext]');
  });

  it('strips whitespace from locale files only', () => {
    const locale = {
      type: 'asset',
      originalFileNames: ['locales/en/ui.json'],
      source: new TextEncoder().encode('{\n  "a": { "b": "c d" }\n}\n'),
    };
    const other = { type: 'asset', originalFileNames: ['data/x.json'], source: '{ "a": 1 }' };
    generateBundle.call({}, {}, { locale, other });
    expect(locale.source).toBe('{"a":{"b":"c d"}}');
    expect(other.source).toBe('{ "a": 1 }');
  });
});
