import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/glossary/catalogue';
import { createMatcher } from '../../src/glossary/matcher';
import { normalizeSurface } from '../../src/glossary/normalize';
import { catalogueSchema } from '../../src/glossary/schema';
import stableIds from '../../src/glossary/stable-ids.json';

/** Every term named in ../shared/reference/terms.md (the floor), one surface each. */
const FLOOR_TERMS = [
  '国民健康保険',
  '国保',
  '国民健康保険料',
  '国民健康保険税',
  '国保税',
  '後期高齢者医療制度',
  '後期高齢者医療',
  '後期高齢者医療広域連合',
  '広域連合',
  '被用者保険',
  '健康保険',
  '社会保険',
  '協会けんぽ',
  '健康保険組合',
  '共済組合',
  '国民健康保険組合',
  '保険者',
  '保険者番号',
  '介護保険',
  '生活保護',
  '社会保障協定',
  '適用証明書',
  '労災保険',
  '労働者災害補償保険',
  '被保険者',
  '被扶養者',
  '世帯',
  '世帯主',
  '擬制世帯主',
  '加入',
  '資格取得',
  '脱退',
  '資格喪失',
  '在留カード',
  '在留資格',
  '在留期間',
  '短期滞在',
  '特定活動',
  '特定技能',
  '住民登録',
  '住民票',
  '転入',
  '転出',
  '出国',
  '障害認定',
  '後期高齢者',
  '前期高齢者',
  '未就学児',
  '特定同一世帯所属者',
  '資格確認書',
  '資格情報のお知らせ',
  '資格情報通知書',
  'マイナ保険証',
  '個人番号保険証',
  'マイナンバーカード',
  '個人番号カード',
  '被保険者証',
  '保険証',
  '短期被保険者証',
  '短期証',
  '被保険者資格証明書',
  '資格証明書',
  '限度額適用認定証',
  '限度額認定証',
  '限度額適用・標準負担額減額認定証',
  '減額認定証',
  '特定疾病療養受療証',
  '納付書',
  '納入通知書',
  '医療費通知',
  '受診券',
  '委任状',
  '本人確認書類',
  '療養の給付',
  '一部負担金',
  '窓口負担',
  '負担割合',
  '1割負担',
  '2割負担',
  '3割負担',
  '療養費',
  '海外療養費',
  '高額療養費',
  '自己負担限度額',
  '多数回該当',
  '多数該当',
  '世帯合算',
  '外来年間合算',
  '高額介護合算療養費',
  '高額医療・高額介護合算',
  '入院時食事療養費',
  '食事療養標準負担額',
  '標準負担額',
  '生活療養標準負担額',
  '居住費',
  '出産育児一時金',
  '直接支払制度',
  '葬祭費',
  '移送費',
  '特別療養費',
  '訪問看護療養費',
  '柔道整復',
  'はり・きゅう',
  'あん摩マッサージ',
  '治療用装具',
  '第三者行為',
  '第三者行為による傷病届',
  '給付制限',
  '時効',
  '一部負担金の減免',
  '配慮措置',
  '基準収入額適用申請',
  '保険料',
  '保険税',
  '所得割',
  '均等割',
  '平等割',
  '資産割',
  '医療分',
  '基礎賦課額',
  '後期高齢者支援金分',
  '支援金分',
  '介護納付金分',
  '介護分',
  '子ども・子育て支援金分',
  '子ども・子育て支援納付金分',
  '賦課限度額',
  '保険料率',
  '所得割率',
  '軽減',
  '7割軽減',
  '5割軽減',
  '2割軽減',
  '減免',
  '被扶養者軽減',
  '旧被扶養者',
  '非自発的失業者',
  '非自発的失業者の軽減',
  '産前産後期間の保険料免除',
  '未就学児の均等割軽減',
  '所得の申告',
  '簡易申告',
  '総所得金額等',
  '旧ただし書き所得',
  '基礎控除',
  '公的年金等控除',
  '給与所得控除',
  '合計所得金額',
  '課税所得',
  '住民税課税所得',
  '住民税非課税世帯',
  '軽減判定所得',
  '給与所得者等',
  '年度',
  '月割',
  '現役並み所得者',
  '現役並みⅠ',
  '現役並みⅡ',
  '現役並みⅢ',
  '一般Ⅰ',
  '一般Ⅱ',
  '低所得者Ⅰ',
  '低所得者Ⅱ',
  '区分Ⅰ',
  '区分Ⅱ',
  '所得区分',
  '区分ア',
  '区分イ',
  '区分ウ',
  '区分エ',
  '区分オ',
  '特別徴収',
  '年金天引き',
  '普通徴収',
  '口座振替',
  '納期限',
  '納期',
  '仮徴収',
  '本徴収',
  '滞納',
  '督促状',
  '延滞金',
  '滞納処分',
  '差押え',
  '分割納付',
  '還付',
  '還付金',
  '充当',
  'コンビニ納付',
  '保険料の精算',
  '還付金詐欺',
  '特定健康診査',
  '特定健診',
  '健康診査',
  '歯科健診',
  '保健指導',
  '人間ドック',
  'ジェネリック医薬品',
  '後発医薬品',
  '重複・多剤服薬',
];

/** Japanese terms printed in the two seed guides (their Chinese text names the rest). */
const SEED_GUIDE_TERMS = [
  '国民健康保険',
  '資格確認書',
  '資格情報のお知らせ',
  '有効期限',
  '交付年月日',
  '適用開始年月日',
  '保険者番号',
  '負担割合',
  '発効期日',
  '枝番',
  '限度額適用・標準負担額減額認定証',
  '限度額適用認定証',
  '限度額適用認定書',
  '自己負担限度額',
  '均等割額',
  '所得割額',
  '療養費',
  '高額療養費',
  '外来年間合算',
  '高額介護合算療養費',
  '在留カード',
  '在留期間更新',
  '特定技能',
  '社会保障協定',
  '適用証明書',
  '納税管理人',
  '還付金詐欺',
  '医療費通知',
  '医療費控除',
  '受診券',
  '受診票',
  '歯科健診',
  '健康診査',
  '重複・多剤服薬',
  '配慮措置',
  '老齢福祉年金',
  '公的年金等控除',
  '高齢者特別控除',
  '身体障害者手帳',
  '精神障害者保健福祉手帳',
  '療育手帳',
  '障害年金',
  '重度障害者医療証',
  '葬祭費',
  '移送費',
  '出産育児一時金',
  '第三者行為',
  '特別徴収',
  '普通徴収',
  '仮徴収',
  '本徴収',
  '減免',
  '滞納',
  '督促状',
  '延滞金',
  '差押え',
  '納付書',
  '口座振替',
  'コンビニ納付',
  '柔道整復',
  'はり・きゅう',
  'あん摩マッサージ',
  '治療用装具',
  '海外療養費',
  '労災保険',
  '生活保護',
  '短期滞在',
  '特定活動',
  '技能実習',
  '家族滞在',
  '興行',
  '被用者保険',
  '後期高齢者医療広域連合',
  '長期入院該当',
  '生活療養標準負担額',
];

function senseIds(id: string): string[] | undefined {
  return catalogue.find((term) => term.id === id)?.senses?.map((sense) => sense.id);
}

const surfaceOwners = new Map<string, string[]>();
for (const term of catalogue) {
  for (const surface of new Set([term.ja, ...term.variants].map(normalizeSurface))) {
    surfaceOwners.set(surface, [...(surfaceOwners.get(surface) ?? []), term.id]);
  }
}

describe('the glossary catalogue', () => {
  it('is valid against the schema (hiragana readings, kebab-case ids, known categories)', () => {
    const result = catalogueSchema.safeParse(catalogue);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('holds at least 200 terms', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(200);
  });

  it('has unique ids', () => {
    const ids = catalogue.map((term) => term.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('never drops or renames an id that has shipped (stable-ids.json may only grow)', () => {
    const ids = new Set(catalogue.map((term) => term.id));
    expect(stableIds.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('records every id in stable-ids.json, so a rename shows up as a removal', () => {
    const stable = new Set(stableIds);
    expect(catalogue.map((term) => term.id).filter((id) => !stable.has(id))).toEqual([]);
  });

  it('maps every surface (after folding) to exactly one term', () => {
    const shared = [...surfaceOwners].filter(([, owners]) => owners.length > 1);
    expect(shared).toEqual([]);
    expect(() => createMatcher(catalogue)).not.toThrow();
  });

  it('writes readings in hiragana only', () => {
    const bad = catalogue.filter((term) => !/^[\u3041-\u3096\u30fc]+$/.test(term.reading));
    expect(bad.map((term) => term.id)).toEqual([]);
  });

  it('links only to terms that exist, and never to itself', () => {
    const ids = new Set(catalogue.map((term) => term.id));
    const broken = catalogue.flatMap((term) =>
      term.related.filter((id) => !ids.has(id) || id === term.id).map((id) => `${term.id} → ${id}`),
    );
    expect(broken).toEqual([]);
  });

  it('gives every multi-sense term distinct sense ids with cue words', () => {
    const repeated = catalogue.filter((term) => {
      const ids = term.senses?.map((sense) => sense.id) ?? [];
      return new Set(ids).size !== ids.length;
    });
    expect(repeated.map((term) => term.id)).toEqual([]);
  });

  it('tells apart the senses the issue names: 均等割, 所得割, 限度額 and 保険料', () => {
    expect(senseIds('kintowari')).toEqual(['insurance', 'resident-tax']);
    expect(senseIds('shotokuwari')).toEqual(['insurance', 'resident-tax']);
    expect(senseIds('gendogaku')).toEqual(['self-pay-limit', 'premium-cap']);
    expect(senseIds('hokenryo')).toEqual(['kokuho', 'koki', 'kaigo']);
  });

  it.each(FLOOR_TERMS)('recognizes %s from the terms.md floor', (surface) => {
    expect(surfaceOwners.has(normalizeSurface(surface))).toBe(true);
  });

  it.each(SEED_GUIDE_TERMS)('recognizes %s from the seed guides', (surface) => {
    expect(surfaceOwners.has(normalizeSurface(surface))).toBe(true);
  });
});
