import { describe, expect, it } from 'vitest';
import { pageContextOf, schemeFromText, topicsFromText } from '../../src/page/page-context';
import { encodeFragmentPart, textFragmentLink } from '../../src/page/text-fragment';
import { fallbackChain, PageTranslations } from '../../src/page/translations';

describe('scheme from the words of the page', () => {
  it('takes a page about 後期高齢者医療 as a 後期 page even when it mentions 国保 once', () => {
    const text =
      '後期高齢者医療制度の保険料。後期高齢者医療広域連合が決定します。国保から移ります。';
    expect(schemeFromText(text)).toBe('koki');
  });

  it('takes a page about 国民健康保険 as a 国保 page', () => {
    expect(schemeFromText('国民健康保険税の計算。国保の加入と脱退。', '国民健康保険｜市')).toBe(
      'kokuho',
    );
  });

  it('gives no scheme when the page names neither or both about equally', () => {
    expect(schemeFromText('本日は晴天なり。')).toBeUndefined();
    expect(schemeFromText('国民健康保険と後期高齢者医療の違い')).toBeUndefined();
  });

  it('sees a resident-tax page as one (so 均等割 reads as the tax)', () => {
    expect(topicsFromText('市民税・県民税の均等割と所得割', '個人住民税')).toEqual([
      'resident-tax',
    ]);
  });

  it('combines host and words into the page context', () => {
    const context = pageContextOf(
      'https://www.city.kurume.fukuoka.jp/kokuho.html',
      '国民健康保険料の計算',
      '',
    );
    expect(context).toMatchObject({ region: { region: 'fukuoka/kurume' }, scheme: 'kokuho' });
    expect(pageContextOf('about:blank', '', '').region).toBeUndefined();
  });
});

describe('text-fragment links', () => {
  it('links to a term that occurs once by the term alone', () => {
    const text = '事前に限度額適用認定証を申請してください。';
    expect(textFragmentLink('https://example.lg.jp/a.html#top', text, 3, 11)).toBe(
      `https://example.lg.jp/a.html#:~:text=${encodeURIComponent('限度額適用認定証')}`,
    );
  });

  it('adds the words around a term that occurs more than once, within its block', () => {
    const text = '均等割額は一人当たり。\u2029軽減後の均等割額-減額';
    const start = text.lastIndexOf('均等割額');
    const link = textFragmentLink('https://x.lg.jp/p', text, start, start + 4);
    expect(link).toBe(
      `https://x.lg.jp/p#:~:text=${encodeURIComponent('軽減後の')}-,${encodeURIComponent('均等割額')},-${encodeFragmentPart('-減額')}`,
    );
  });

  it('starts the prefix after punctuation and ends the suffix with it, so words stay whole', () => {
    const text = '保険料の均等割額です。\u2029このため、軽減後の均等割額は下がります。ほか';
    const start = text.lastIndexOf('均等割額');
    expect(textFragmentLink('https://x.lg.jp/p', text, start, start + 4)).toBe(
      `https://x.lg.jp/p#:~:text=${encodeURIComponent('軽減後の')}-,${encodeURIComponent('均等割額')},-${encodeURIComponent('は下がります。')}`,
    );
  });

  it('escapes the characters that are syntax in a text directive', () => {
    expect(encodeFragmentPart('a-b,c&d')).toBe('a%2Db%2Cc%26d');
  });
});

describe('popover translations', () => {
  const bundles: Record<string, Record<string, unknown>> = {
    'en/ui': { popover: { label: 'Explanation of {{term}}', copied: 'Copied' } },
    'en/glossary': { kintowari: { short: 'Flat part, cut by {{reductionTop}}%' } },
    'ja/ui': { popover: { label: '{{term}}の説明' } },
    'ja/glossary': {},
  };
  const texts = new PageTranslations(
    async (language, ns) => bundles[`${language}/${ns}`],
    async () => ({ reductionTop: '70' }),
  );

  it('fills placeholders and falls back to English for a missing label or explanation', async () => {
    await texts.ensure('ja');
    expect(texts.label('ja', 'popover.label', { term: '均等割' })).toBe('均等割の説明');
    expect(texts.label('ja', 'popover.copied')).toBe('Copied');
    const entry = texts.glossary('ja', 'kintowari') as { short: string };
    expect(texts.fill(entry.short)).toBe('Flat part, cut by 70%');
    expect(texts.hasOwn('ja', 'kintowari')).toBe(false);
  });

  it('falls back from Japanese to easy Japanese (and back) before English', () => {
    expect(fallbackChain('ja')).toEqual(['ja', 'ja-easy', 'en']);
    expect(fallbackChain('ja-easy')).toEqual(['ja-easy', 'ja', 'en']);
    expect(fallbackChain('en')).toEqual(['en']);
    expect(fallbackChain('vi')).toEqual(['vi', 'en']);
  });

  it('leaves an unknown placeholder visible instead of dropping it', () => {
    expect(texts.fill('within {{unknownFact}} days')).toBe('within {{unknownFact}} days');
  });
});
