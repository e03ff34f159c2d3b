import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { FACT_NAMES } from '../../src/glossary/facts';
import {
  cheatSheet,
  countTerms,
  explain,
  factValues,
  findTermsInText,
  groupByCategory,
  localIsoDate,
} from '../../src/ui/explain/term-text';
import { displayAddress, pageTermGroups } from '../../src/ui/sidepanel/page-terms';

async function translator(glossary: Record<string, unknown>): Promise<TFunction> {
  const instance = createInstance();
  await instance.init({
    lng: 'en',
    ns: ['ui', 'glossary'],
    defaultNS: 'ui',
    resources: { en: { glossary } },
    interpolation: { escapeValue: false },
  });
  return instance.t.bind(instance) as TFunction;
}

describe('terms of a pasted text', () => {
  it('finds each term of a payment notice where it stands in the text', () => {
    const text = '国民健康保険料の納入通知書です。均等割と所得割の合計です。';
    const found = findTermsInText(text).map((m) => text.slice(m.start, m.end));
    expect(found).toEqual(expect.arrayContaining(['納入通知書', '均等割', '所得割']));
  });

  it('finds nothing in a text without insurance terms', () => {
    expect(findTermsInText('今日は良い天気ですね。図書館は月曜日が休館日です。')).toEqual([]);
  });

  it('counts occurrences per term in order of first appearance', () => {
    expect(countTerms([{ id: 'b' }, { id: 'a' }, { id: 'b' }])).toEqual([
      { id: 'b', count: 2 },
      { id: 'a', count: 1 },
    ]);
  });

  it('groups terms by category in glossary order, most frequent first, dropping unknown ids', () => {
    const groups = groupByCategory([
      { id: 'kintowari', count: 1 },
      { id: 'shikaku-kakuninsho', count: 2 },
      { id: 'shotokuwari', count: 3 },
      { id: 'no-such-term', count: 9 },
    ]);
    expect(groups).toEqual([
      { category: 'document', terms: [{ id: 'shikaku-kakuninsho', count: 2 }], occurrences: 2 },
      {
        category: 'premium',
        terms: [
          { id: 'shotokuwari', count: 3 },
          { id: 'kintowari', count: 1 },
        ],
        occurrences: 4,
      },
    ]);
  });

  it("groups a page summary's terms, with 0 where the page layer sent no counts", () => {
    expect(pageTermGroups({ terms: ['kintowari'] })[0]?.terms).toEqual([
      { id: 'kintowari', count: 0 },
    ]);
    expect(pageTermGroups({ terms: ['kintowari'], counts: { kintowari: 4 } })[0]?.terms).toEqual([
      { id: 'kintowari', count: 4 },
    ]);
  });

  it('shows a page address as host and path', () => {
    expect(displayAddress('https://www.city.example.lg.jp/kurashi/kokuho.html?a=1#x')).toBe(
      'www.city.example.lg.jp/kurashi/kokuho.html',
    );
    expect(displayAddress('not a url')).toBe('not a url');
  });
});

describe('explanations', () => {
  it('fills the figures of an explanation from the rule set', async () => {
    const t = await translator({ demo: { short: 'Tell the office within {{notifyDays}} days.' } });
    const explanation = explain(t, 'demo');
    expect(explanation?.short).toBe(`Tell the office within ${factValues().notifyDays} days.`);
    expect(explanation?.short).not.toContain('{{');
  });

  it('has a value for every figure the explanations may quote', () => {
    const values = factValues('2025-06-01');
    for (const name of FACT_NAMES) {
      expect({ name, value: values[name] }).toEqual({ name, value: expect.stringMatching(/\d/) });
    }
  });

  it('prefers the text of the sense the context selected', async () => {
    const t = await translator({
      demo: {
        short: 'general',
        long: 'general long',
        senses: { premium: { short: 'about premiums' } },
      },
    });
    expect(explain(t, 'demo', 'premium')).toEqual({
      short: 'about premiums',
      long: 'general long',
    });
    expect(explain(t, 'demo')).toEqual({ short: 'general', long: 'general long' });
  });

  it('says there is no explanation rather than showing a key', async () => {
    const t = await translator({});
    expect(explain(t, 'missing-term')).toBeUndefined();
  });

  it('dates figures by the local calendar day', () => {
    expect(localIsoDate(new Date(2026, 3, 1, 0, 30))).toBe('2026-04-01');
  });
});

describe('cheat sheet', () => {
  const entries = [
    {
      ja: '資格確認書',
      reading: 'しかくかくにんしょ',
      explanation: { short: 'Proves coverage.', long: 'More.', action: 'Show it.' },
    },
    { ja: '均等割', reading: 'きんとうわり', explanation: undefined },
  ];

  it('lists each term with its reading and a one-line explanation', () => {
    expect(
      cheatSheet(entries, {
        title: 'Terms',
        source: 'https://example.lg.jp/a',
        sourceLabel: 'Found on',
        missing: '(none)',
      }),
    ).toBe(
      [
        'Terms',
        'Found on: https://example.lg.jp/a',
        '',
        '■ 資格確認書（しかくかくにんしょ）',
        'Proves coverage.',
        '',
        '■ 均等割（きんとうわり）',
        '(none)',
        '',
      ].join('\n'),
    );
  });

  it('adds the long explanation and what to do when asked for long explanations', () => {
    const text = cheatSheet(entries.slice(0, 1), {
      title: 'T',
      sourceLabel: 'Found on',
      missing: '',
      long: true,
    });
    expect(text).toContain('Proves coverage.\nMore.\n→ Show it.');
    expect(text).not.toContain('Found on');
  });
});
