import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/glossary/catalogue';
import { createMatcher, type MatchContext } from '../../src/glossary/matcher';
import { BLOCK_BREAK, normalize } from '../../src/glossary/normalize';
import type { GlossaryTerm } from '../../src/glossary/schema';

const matcher = createMatcher(catalogue);

/** What the matcher reports, as [matched input text, id(#sense)]. */
function found(text: string, context?: MatchContext): Array<[string, string]> {
  return matcher
    .findTerms(text, context)
    .map((m) => [text.slice(m.start, m.end), m.sense ? `${m.id}#${m.sense}` : m.id]);
}

function term(id: string, ja: string, extra: Partial<GlossaryTerm> = {}): GlossaryTerm {
  return {
    id,
    ja,
    reading: 'よみ',
    variants: [],
    category: 'premium',
    schemes: ['both'],
    related: [],
    ...extra,
  };
}

describe('normalize', () => {
  it('folds full-width letters and digits and half-width katakana (NFKC)', () => {
    expect(normalize('ＡＢ１２ｺｸﾎ').text).toBe('AB12コクホ');
  });

  it('joins a half-width katakana with its voiced mark: ｶﾞ becomes ガ, mapped to both units', () => {
    const { text, starts, ends } = normalize('ｶﾞ');
    expect(text).toBe('ガ');
    expect([starts[0], ends[0]]).toEqual([0, 2]);
  });

  it('composes a kana with a combining voiced mark (か + ゙ → が)', () => {
    expect(normalize('か\u3099').text).toBe('が');
  });

  it('drops spaces, line breaks and every middle dot variant', () => {
    expect(normalize('限度額適用・標準 負担額\n減額･認定·証\u3000‧').text).toBe(
      '限度額適用標準負担額減額認定証',
    );
  });

  it('keeps the block break, so a term never spans two paragraphs', () => {
    expect(normalize(`国民${BLOCK_BREAK}健康保険`).text).toBe(`国民${BLOCK_BREAK}健康保険`);
  });

  it('keeps Roman numerals, so 区分Ⅰ・Ⅱ does not fold into 区分III', () => {
    expect(normalize('区分Ⅰ・Ⅱ').text).toBe('区分ⅠⅡ');
  });

  it('maps every folded character back to the input characters it came from', () => {
    const input = 'Ａ・ｶﾞ x';
    const { text, starts, ends } = normalize(input);
    expect(text).toBe('Aガx');
    expect([...starts]).toEqual([0, 2, 5]);
    expect([...ends]).toEqual([1, 4, 6]);
  });

  it('grows its offset map when folding lengthens the text (㌔ → キロ)', () => {
    const input = '㌔'.repeat(40);
    const { text, starts, ends } = normalize(input);
    expect(text).toBe('キロ'.repeat(40));
    expect(starts[79]).toBe(39);
    expect(ends[79]).toBe(40);
  });
});

describe('findTerms', () => {
  it('finds a term and reports offsets in the input', () => {
    const text = 'まず限度額適用認定証を申請します。';
    expect(matcher.findTerms(text)).toEqual([
      { start: 2, end: 10, id: 'gendogaku-tekiyo-ninteisho' },
    ]);
  });

  it('prefers the longest surface at a position (国民健康保険税 over 国民健康保険)', () => {
    expect(found('国民健康保険税を納める')).toEqual([['国民健康保険税', 'kokuho-hokenzei']]);
  });

  it('is leftmost: an earlier match wins over a longer one that starts inside it', () => {
    const small = createMatcher([term('a', 'AB'), term('b', 'BCDE')]);
    expect(small.findTerms('ABCDE').map((m) => m.id)).toEqual(['a']);
  });

  it('finds abbreviations and alternative names: 国保, 短期証, 限度額認定証', () => {
    expect(found('国保の短期証と限度額認定証')).toEqual([
      ['国保', 'kokumin-kenko-hoken'],
      ['短期証', 'tanki-hihokenshasho'],
      ['限度額認定証', 'gendogaku-tekiyo-ninteisho'],
    ]);
  });

  it('finds a term broken by a line break or spaces, and paints the whole span', () => {
    expect(found('国民\n健康 保険税')).toEqual([['国民\n健康 保険税', 'kokuho-hokenzei']]);
  });

  it('finds half-width and full-width spellings', () => {
    expect(found('ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞと７割軽減')).toEqual([
      ['ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ', 'mynumber-card'],
      ['７割軽減', 'nanawari-keigen'],
    ]);
  });

  it('finds every middle-dot spelling of 限度額適用・標準負担額減額認定証', () => {
    for (const dot of ['・', '･', '·', ' ・ ', '']) {
      expect(found(`限度額適用${dot}標準負担額減額認定証`)[0]?.[1]).toBe('gengaku-ninteisho');
    }
  });

  it('finds known misprints: 限度額適用認定書, 自己負担額限度額, 国民健康保健', () => {
    expect(found('限度額適用認定書、自己負担額限度額、国民健康保健').map(([, id]) => id)).toEqual([
      'gendogaku-tekiyo-ninteisho',
      'jiko-futan-gendogaku',
      'kokumin-kenko-hoken',
    ]);
  });

  it('reads 区分Ⅰ・Ⅱ as the two low-income categories together, and 区分Ⅱ alone as one', () => {
    expect(found('区分Ⅰ・Ⅱの方')).toEqual([['区分Ⅰ・Ⅱ', 'teishotokusha']]);
    expect(found('区分Ⅱの方、区分IIの方')).toEqual([
      ['区分Ⅱ', 'teishotoku-2'],
      ['区分II', 'teishotoku-2'],
    ]);
  });

  it('returns nothing for empty text or text without terms', () => {
    expect(matcher.findTerms('')).toEqual([]);
    expect(matcher.findTerms('今日は良い天気です。')).toEqual([]);
  });

  it('refuses a catalogue in which one surface belongs to two terms', () => {
    expect(() =>
      createMatcher([term('a', '保険'), term('b', 'ほけん', { variants: ['保険'] })]),
    ).toThrow(/belongs to both a and b/);
  });
});

describe('senses', () => {
  it('gives 均等割 the resident-tax sense on a resident-tax page', () => {
    expect(found('個人住民税の均等割は、市民税と県民税の合計です。')).toContainEqual([
      '均等割',
      'kintowari#resident-tax',
    ]);
  });

  it('gives 均等割 and 所得割 the insurance sense next to 保険料', () => {
    expect(found('保険料は均等割額と所得割額の合計です。')).toEqual([
      ['保険料', 'hokenryo'],
      ['均等割額', 'kintowari#insurance'],
      ['所得割額', 'shotokuwari#insurance'],
    ]);
  });

  it('lets the nearest cue decide when both senses are on the page', () => {
    const text = '住民税の均等割とは別に、国民健康保険税にも均等割があります。';
    expect(found(text).filter(([, id]) => id.startsWith('kintowari'))).toEqual([
      ['均等割', 'kintowari#resident-tax'],
      ['均等割', 'kintowari#insurance'],
    ]);
  });

  it('does not count 住民税非課税世帯 as a resident-tax cue: it is an insurance word', () => {
    expect(found('住民税非課税世帯の方は均等割が軽減されます。')).toContainEqual([
      '均等割',
      'kintowari#insurance',
    ]);
  });

  it('falls back to the page-level context when no cue is near', () => {
    const far = `${'あ'.repeat(100)}均等割`;
    expect(found(far, { text: '市民税・県民税のしくみ' })).toEqual([
      ['均等割', 'kintowari#resident-tax'],
    ]);
  });

  it('leaves the sense open when nothing on the page decides it', () => {
    expect(matcher.findTerms('均等割')).toEqual([{ start: 0, end: 3, id: 'kintowari' }]);
  });

  it('reads 限度額 as the monthly self-pay limit on a high-cost page and as the cap on a premium page', () => {
    expect(found('高額療養費の限度額は所得によって異なります。')).toContainEqual([
      '限度額',
      'gendogaku#self-pay-limit',
    ]);
    expect(found('保険料は、賦課の限度額を超えることはありません。')).toContainEqual([
      '限度額',
      'gendogaku#premium-cap',
    ]);
  });

  it('reads 保険料 by scheme: 国保, 後期高齢者 or 介護保険', () => {
    expect(found('後期高齢者医療の方の保険料')).toContainEqual(['保険料', 'hokenryo#koki']);
    expect(found('国保に加入している世帯の保険料')).toContainEqual(['保険料', 'hokenryo#kokuho']);
    expect(found('介護保険の保険料')).toContainEqual(['保険料', 'hokenryo#kaigo']);
  });
});

describe('weak terms', () => {
  it('does not paint everyday words such as 世帯 or 口座振替 on a page that is not about insurance', () => {
    expect(found('各世帯に口座振替のご案内を送ります。')).toEqual([]);
  });

  it('paints them once a strong insurance term is on the same page', () => {
    expect(found('国民健康保険税は世帯主が口座振替で納めます。').map(([, id]) => id)).toEqual([
      'kokuho-hokenzei',
      'setainushi',
      'koza-furikae',
    ]);
  });

  it('paints them when the page title is about insurance or the caller says so', () => {
    expect(found('世帯ごとに計算します。', { text: '国民健康保険料の計算' })).toEqual([
      ['世帯', 'setai'],
    ]);
    expect(found('世帯ごとに計算します。', { insurancePage: true })).toEqual([['世帯', 'setai']]);
  });

  it('does not treat 均等割 of resident tax as an insurance page', () => {
    expect(found('住民税の均等割は世帯ごとではありません。')).toEqual([
      ['均等割', 'kintowari#resident-tax'],
    ]);
  });
});
