import { describe, expect, it } from 'vitest';
import { createI18n, formatYen } from '../../src/i18n';
import {
  FALLBACK_LANGUAGE,
  LANGUAGE_CODES,
  mapBrowserLanguage,
  resolveLanguage,
  type LanguageCode,
} from '../../src/i18n/languages';
import { loadBundle, SHIPPED_LANGUAGES } from '../../src/i18n/resources';

describe('mapBrowserLanguage', () => {
  it.each([
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['ko-KR', 'ko'],
    ['vi-VN', 'vi'],
    ['fil', 'tl'],
    ['fil-PH', 'tl'],
    ['tl', 'tl'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['es-419', 'es'],
    ['es-ES', 'es'],
    ['ne-NP', 'ne'],
    ['id-ID', 'id'],
    ['in', 'id'],
    ['th-TH', 'th'],
    ['my-MM', 'my'],
  ] as const)('maps %s to %s', (tag, expected) => {
    expect(mapBrowserLanguage(tag)).toBe(expected);
  });

  it.each(['fr-FR', 'de', 'ru', '', 'not a tag!', undefined, null])(
    'returns undefined for %s, a language we do not speak',
    (tag) => {
      expect(mapBrowserLanguage(tag)).toBeUndefined();
    },
  );

  it('maps every supported code (except ja-easy, which no browser sends) onto itself', () => {
    for (const code of LANGUAGE_CODES.filter((c) => c !== 'ja-easy')) {
      expect(mapBrowserLanguage(code)).toBe(code);
    }
  });
});

describe('resolveLanguage', () => {
  const all = new Set<LanguageCode>(LANGUAGE_CODES);

  it('prefers the stored language', () => {
    expect(resolveLanguage('vi', ['ja-JP'], all)).toBe('vi');
  });

  it('falls back to the first browser language we ship', () => {
    expect(resolveLanguage(null, ['fr-FR', 'zh-TW', 'en'], all)).toBe('zh-Hant');
  });

  it('skips a browser language we support but do not ship yet', () => {
    expect(resolveLanguage(null, ['ko-KR', 'ja'], new Set(['en', 'ja']))).toBe('ja');
  });

  it('ignores a stored language whose resources are missing', () => {
    expect(resolveLanguage('my', ['zh-CN'], new Set(['en', 'zh-Hans']))).toBe('zh-Hans');
  });

  it('ends in English when nothing matches', () => {
    expect(resolveLanguage(null, ['fr', 'de'], all)).toBe(FALLBACK_LANGUAGE);
    expect(resolveLanguage(undefined, [], all)).toBe('en');
  });

  it('resolves every supported code when it is shipped, and falls back to English when it is not', () => {
    for (const code of LANGUAGE_CODES) {
      expect(resolveLanguage(code, [], all)).toBe(code);
      expect(resolveLanguage(code, [], new Set(['en']))).toBe('en');
    }
  });
});

describe('shipped resources', () => {
  it('ship at least English, Japanese and Simplified Chinese', () => {
    for (const code of ['en', 'ja', 'zh-Hans'] as const)
      expect(SHIPPED_LANGUAGES.has(code)).toBe(true);
  });

  it('explain 資格確認書 in the chosen language and fall back to English for a missing key', async () => {
    const i18n = await createI18n('zh-Hans', ['ui', 'glossary'], loadBundle);
    const zh = i18n.t('shikaku-kakuninsho.short', { ns: 'glossary' });
    const en = (await loadBundle('en', 'glossary')) as Record<string, { short: string }>;
    expect(zh).not.toBe(en['shikaku-kakuninsho']!.short);
    expect(zh).toMatch(/保险/);
    expect(i18n.t('no.such.key.anywhere', { ns: 'ui', defaultValue: 'fallback' })).toBe('fallback');
  });
});

describe('formatYen', () => {
  it('writes yen the way each reader expects', () => {
    expect(formatYen(127260, 'en')).toBe('¥127,260');
    expect(formatYen(127260, 'ja')).toBe('127,260円');
    expect(formatYen(127260, 'zh-Hans')).toBe('127,260日元');
    // Nepali and Burmese texts write numbers with Western digits; amounts must match them.
    expect(formatYen(127260, 'ne')).toMatch(/^¥[\d,]+$/);
    expect(formatYen(127260, 'my')).toMatch(/^¥[\d,]+$/);
  });
});

describe('fallback for Japanese readers', () => {
  it('explains a term without a standard-Japanese text in easy Japanese, not in English', async () => {
    const i18n = await createI18n('ja', ['glossary'], loadBundle);
    const ja = (await loadBundle('ja', 'glossary')) as Record<string, unknown>;
    const easy = (await loadBundle('ja-easy', 'glossary')) as Record<string, { short: string }>;
    const id = Object.keys(easy).find((key) => !(key in ja))!;
    expect(i18n.t(`${id}.short`, { ns: 'glossary' })).toBe(easy[id]!.short);
  });
});

describe('easy Japanese', () => {
  it('is used as the reader language, with its own yen format', async () => {
    const i18n = await createI18n('ja-easy', ['glossary', 'ui'], loadBundle);
    const easy = (await loadBundle('ja-easy', 'glossary')) as Record<string, { short: string }>;
    expect(i18n.t('kokumin-kenko-hoken.short', { ns: 'glossary' })).toBe(
      easy['kokumin-kenko-hoken']!.short,
    );
    expect(i18n.t('{{amount, yen}}', { amount: 1000 })).toBe('1,000えん');
  });
});
