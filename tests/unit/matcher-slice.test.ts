import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/glossary/catalogue';
import { createMatcher } from '../../src/glossary/matcher';

const matcher = createMatcher(catalogue);

function found(text: string) {
  return matcher.findTerms(text).map((m) => ({ id: m.id, text: text.slice(m.start, m.end) }));
}

describe('the three terms of the first slice', () => {
  it('finds 資格確認書, 限度額適用認定証 and 均等割 with offsets in the input', () => {
    const text = '資格確認書を提示してください。入院前に限度額適用認定証を申請。均等割額は…';
    expect(found(text)).toEqual([
      { id: 'shikaku-kakuninsho', text: '資格確認書' },
      { id: 'gendogaku-tekiyo-ninteisho', text: '限度額適用認定証' },
      { id: 'kintowari', text: '均等割額' },
    ]);
  });

  it('finds a term broken by a line break or spaces', () => {
    expect(found('限度額適用\n認定証')).toEqual([
      { id: 'gendogaku-tekiyo-ninteisho', text: '限度額適用\n認定証' },
    ]);
    expect(found('資格 確認書')).toEqual([{ id: 'shikaku-kakuninsho', text: '資格 確認書' }]);
  });
});
