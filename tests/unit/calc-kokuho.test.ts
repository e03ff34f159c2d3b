import { describe, expect, it } from 'vitest';
import { calculate, type Calculation, type KokuhoPremiumResult } from '../../src/calc';
import { splitIntoInstalments } from '../../src/calc/kokuho-premium';
import { createI18n } from '../../src/i18n';
import { loadBundle } from '../../src/i18n/resources';
import { parseRuleSet, shippedRuleFiles } from '../../src/rules';

interface MemberInput {
  id: string;
  birthDate: string;
  insured?: boolean;
  householdHead?: boolean;
  movedToKoki?: boolean;
  income?: { publicPension?: number; salary?: number; other?: number };
  incomeDeclared?: boolean;
  involuntaryUnemployment?: boolean;
  childbirth?: { month: string; multiple?: boolean };
  fixedAssetTax?: number;
}

function request(
  region: string,
  fiscalYear: number,
  members: MemberInput[],
  extra: Record<string, unknown> = {},
) {
  return {
    kind: 'kokuho-premium' as const,
    region,
    fiscalYear,
    members: members.map((m, index) => ({
      insured: true,
      householdHead: index === 0,
      income: {},
      ...m,
    })),
    ...extra,
  };
}

function premium(
  input: unknown,
  rules?: Parameters<typeof calculate>[1],
): Calculation<KokuhoPremiumResult> {
  const outcome = calculate(input, rules);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<KokuhoPremiumResult>;
}

function part(calc: Calculation<KokuhoPremiumResult>, name: string) {
  const found = calc.result.parts.find((p) => p.part === name);
  if (!found) throw new Error(`no ${name} part`);
  return found;
}

const kurumeHousehold = (fatherIncome: number) =>
  request('fukuoka/fukuoka', 2024, [
    { id: 'father', birthDate: '1980-01-01', income: { other: fatherIncome } },
    { id: 'mother', birthDate: '1982-01-01', income: { salary: 1_000_000 } },
    { id: 'child', birthDate: '2012-01-01' },
  ]);

const chitoseSingle = (other: number) =>
  request('hokkaido/chitose', 2025, [{ id: 'head', birthDate: '1995-01-01', income: { other } }]);

const twoEarners = (otherIncomeOfHead: number) =>
  request('hokkaido/chitose', 2025, [
    {
      id: 'a',
      birthDate: '1980-01-01',
      income: { salary: 1_000_000, other: otherIncomeOfHead },
    },
    { id: 'b', birthDate: '1982-01-01', income: { salary: 1_000_000 } },
  ]);

const withUninsuredHead = (headIncome: number) =>
  request('hokkaido/chitose', 2025, [
    { id: 'head', birthDate: '1970-01-01', insured: false, income: { other: headIncome } },
    { id: 'member', birthDate: '1995-01-01', householdHead: false },
  ]);

const childMedicalPerCapita = (birthDate: string) =>
  premium(
    request('tokyo/adachi', 2025, [
      { id: 'parent', birthDate: '1990-01-01', income: { other: 5_000_000 } },
      { id: 'child', birthDate },
    ]),
  ).result.members.find((m) => m.id === 'child')!.parts.medical!.perCapitaLevy;

const specificHouseholdCalc = (specificHousehold: string) =>
  premium(
    request(
      'hokkaido/chitose',
      2025,
      [
        { id: 'head', birthDate: '1970-01-01', income: { other: 5_000_000 } },
        {
          id: 'spouse',
          birthDate: '1949-01-01',
          insured: false,
          householdHead: false,
          movedToKoki: true,
        },
      ],
      { specificHousehold },
    ),
  );

const careMonthsOf = (birthDate: string) =>
  premium(request('tokyo/adachi', 2025, [{ id: 'p', birthDate }])).result.members[0]!.parts.care
    ?.months ?? 0;

const issuesOf = (input: unknown) => {
  const outcome = calculate(input);
  if (outcome.ok || outcome.error.code !== 'invalid-request')
    throw new Error('expected invalid request');
  return outcome.error.issues;
};

describe('国保 premium: official worked examples', () => {
  it('matches Adachi FY2025: head aged 45 with salary 3,000,000 yen pays 169,889 + 59,571 + 52,375 = 281,835 yen', () => {
    // https://www.city.adachi.tokyo.jp/kokuho/kurashi/hoken/hokenryoukeisanrei.html (令和7年度の計算例,
    // the head's share; the wards levy no 平等割, so a household of one pays exactly this).
    const calc = premium(
      request('tokyo/adachi', 2025, [
        { id: 'head', birthDate: '1980-01-01', income: { salary: 3_000_000 } },
      ]),
    );
    expect(part(calc, 'medical').amount).toBe(169_889);
    expect(part(calc, 'support').amount).toBe(59_571);
    expect(part(calc, 'care').amount).toBe(52_375);
    expect(calc.result.total).toBe(281_835);
    expect(calc.steps.find((s) => s.key === 'kokuho.incomeLevy')?.values).toMatchObject({
      incomeYen: 2_020_000,
      baseYen: 1_590_000,
    });
  });

  it('matches Koto FY2025 for the same head: the unified ward rates give the same 281,835 yen', () => {
    // https://www.city.koto.lg.jp/011501/kuse/koho/kuho/r07/text/041105.html (same 介護分 rate 2.25%).
    const calc = premium(
      request('tokyo/koto', 2025, [
        { id: 'head', birthDate: '1980-01-01', income: { salary: 3_000_000 } },
      ]),
    );
    expect(calc.result.total).toBe(281_835);
  });

  it('charges a preschool child 23,650 yen (medical) and 8,400 yen (support) in Minato FY2025', () => {
    // https://www.city.minato.tokyo.jp/shikaku/kurashi/hoken/kenkohoken/hokenryo.html
    const calc = premium(
      request('tokyo/minato', 2025, [
        { id: 'parent', birthDate: '1990-05-01', income: { other: 3_000_000 } },
        { id: 'child', birthDate: '2021-06-01' },
      ]),
    );
    const child = calc.result.members.find((m) => m.id === 'child')!;
    expect(child.parts.medical?.perCapitaLevy).toBe(23_650);
    expect(child.parts.support?.perCapitaLevy).toBe(8_400);
    expect(child.parts.care).toBeUndefined();
  });

  it('charges no income-based amount in Iwamizawa FY2025 on a salary of 980,000 yen (income 430,000 = the basic deduction)', () => {
    // https://www.city.iwamizawa.hokkaido.jp/soshiki/iryonenkinka/hoken_nenkin/1/5/1377.html 計算例1
    const calc = premium(
      request('hokkaido/iwamizawa', 2025, [
        { id: 'head', birthDate: '1980-07-01', income: { salary: 980_000 } },
      ]),
    );
    for (const name of ['medical', 'support', 'care']) expect(part(calc, name).incomeLevy).toBe(0);
  });

  it('puts a 3-person, 1-earner FY2024 household at exactly 2,065,000 yen inside the 2割 band, as Kurume states', () => {
    // https://www.city.kurume.fukuoka.jp/1070kenkou/2020kokuhonenkin/3030kokuhoryou/ryouritsu.html ケース1:
    // 43万 + 54.5万 × 3 + 10万 × (1 − 1) = 206.5万. Same national thresholds in Fukuoka City.
    // Mother: salary 1,000,000 → 給与所得 450,000.
    expect(premium(kurumeHousehold(1_615_000)).result.reductionPpm).toBe(200_000);
    expect(premium(kurumeHousehold(1_615_001)).result.reductionPpm).toBe(0);
    // The Kurume household itself (345万) gets no reduction.
    expect(premium(kurumeHousehold(3_000_000)).result.reductionPpm).toBe(0);
  });

  it('uses the Fukuoka City FY2024 rates: 6.20% / 20,078 / 18,882 for the medical part', () => {
    // https://www.city.fukuoka.lg.jp/hofuku/kokuho/hp/seido/06-02.html
    // Income 2,430,000 → base 2,000,000 → 124,000 + 20,078 + 18,882 = 162,960.
    const calc = premium(
      request('fukuoka/fukuoka', 2024, [
        { id: 'head', birthDate: '1990-01-01', income: { other: 2_430_000 } },
      ]),
    );
    expect(part(calc, 'medical').amount).toBe(162_960);
    expect(part(calc, 'support').amount).toBe(69_200 + 10_334 + 9_718);
    expect(calc.result.parts.map((p) => p.part)).toEqual(['medical', 'support']);
  });
});

describe('国保 premium: 7/5/2割 reductions at their thresholds (Chitose FY2025)', () => {
  // Thresholds: https://mykoho.jp/article/401307/9387941/9522589 (FY2025: 43万, +30.5万, +56万 per person)

  it('applies the 7割 reduction when household income is exactly 430,000 yen', () => {
    const calc = premium(chitoseSingle(430_000));
    expect(calc.result.reductionPpm).toBe(700_000);
    // 27,400 × 0.3 = 8,220 and 27,900 × 0.3 = 8,370.
    expect(part(calc, 'medical')).toMatchObject({ perCapitaLevy: 8_220, perHouseholdLevy: 8_370 });
  });

  it('applies 5割 from 430,001 yen up to exactly 735,000 yen for one person', () => {
    expect(premium(chitoseSingle(430_001)).result.reductionPpm).toBe(500_000);
    expect(premium(chitoseSingle(735_000)).result.reductionPpm).toBe(500_000);
  });

  it('applies 2割 from 735,001 yen up to exactly 990,000 yen, and nothing above', () => {
    expect(premium(chitoseSingle(735_001)).result.reductionPpm).toBe(200_000);
    expect(premium(chitoseSingle(990_000)).result.reductionPpm).toBe(200_000);
    expect(premium(chitoseSingle(990_001)).result.reductionPpm).toBe(0);
  });

  it('adds 100,000 yen to the thresholds for each salary or pension earner after the first', () => {
    // Two salaries of 1,000,000 (給与所得 450,000 each) plus x of other income:
    // 43万 + 30.5万 × 2 + 10万 = 1,140,000 → x = 240,000 is the last yen inside.
    expect(premium(twoEarners(240_000)).result.reductionPpm).toBe(500_000);
    expect(premium(twoEarners(240_001)).result.reductionPpm).toBe(200_000);
  });

  it('deducts a further 150,000 yen from the pension income of people aged 65+ for the test', () => {
    // Pension 1,100,000 at 65+ → pension income 0 … use 1,800,000 → income 1,700,000 − 1,100,000 = 700,000.
    const calc = premium(
      request('hokkaido/chitose', 2025, [
        { id: 'head', birthDate: '1955-06-01', income: { publicPension: 1_800_000 } },
      ]),
    );
    const step = calc.steps.find((s) => s.key === 'kokuho.reductionIncome');
    expect(step?.values).toMatchObject({ specialYen: 150_000 });
    // 700,000 − 150,000 = 550,000 ≤ 735,000 → 5割.
    expect(calc.result.reductionPpm).toBe(500_000);
  });

  it("counts a 世帯主 who is not insured: the head's income can take the household out of a reduction", () => {
    // One insured person: 5割 up to 735,000 yen including the head's income.
    expect(premium(withUninsuredHead(735_000)).result.reductionPpm).toBe(500_000);
    expect(premium(withUninsuredHead(735_001)).result.reductionPpm).toBe(200_000);
    // The head pays nothing as a member: only the insured member is levied.
    expect(premium(withUninsuredHead(0)).result.members.map((m) => m.id)).toEqual(['member']);
  });

  it('counts a 特定同一世帯所属者 as a person in the 5割 and 2割 thresholds', () => {
    const calc = premium(
      request('hokkaido/chitose', 2025, [
        { id: 'head', birthDate: '1950-05-01', insured: false, movedToKoki: true },
        {
          id: 'spouse',
          birthDate: '1955-05-01',
          householdHead: false,
          income: { other: 1_040_000 },
        },
      ]),
    );
    // 43万 + 30.5万 × 2 = 1,040,000 → still 5割 because the former member counts.
    expect(calc.result.reductionPpm).toBe(500_000);
  });

  it('applies no reduction and warns when someone has not declared income', () => {
    const calc = premium(
      request('hokkaido/chitose', 2025, [
        { id: 'head', birthDate: '1995-01-01', income: { other: 0 }, incomeDeclared: false },
      ]),
    );
    expect(calc.result.reductionPpm).toBe(0);
    expect(calc.warnings.map((w) => w.key)).toContain('kokuho.warnings.incomeUndeclared');
  });
});

describe('国保 premium: other reductions and exemptions', () => {
  it('halves the preschool 均等割 after the 7割 reduction: 27,400 → 8,220 → 4,110 in Chitose FY2025', () => {
    const calc = premium(
      request('hokkaido/chitose', 2025, [
        { id: 'parent', birthDate: '1995-01-01' },
        { id: 'baby', birthDate: '2024-05-01' },
      ]),
    );
    const baby = calc.result.members.find((m) => m.id === 'baby')!;
    expect(baby.parts.medical?.perCapitaLevy).toBe(4_110);
  });

  it('treats a child as preschool until the March 31 after the 6th birthday (born 2019-04-02 yes, 2019-04-01 no, FY2025)', () => {
    expect(childMedicalPerCapita('2019-04-02')).toBe(23_650);
    expect(childMedicalPerCapita('2019-04-01')).toBe(47_300);
  });

  it('counts 給与所得 at 30/100 for an involuntarily unemployed member, in the levy and the reduction test', () => {
    // https://www.city.nomi.ishikawa.jp/www/contents/1001000000787/index.html
    // Salary 4,000,000 → 給与所得 2,760,000 → counted 828,000 → 2割 (≤ 990,000); base 398,000.
    const calc = premium(
      request('hokkaido/chitose', 2025, [
        {
          id: 'head',
          birthDate: '1995-01-01',
          income: { salary: 4_000_000 },
          involuntaryUnemployment: true,
        },
      ]),
    );
    expect(calc.result.reductionPpm).toBe(200_000);
    expect(part(calc, 'medical')).toMatchObject({
      incomeLevy: 37_810,
      perCapitaLevy: 21_920,
      perHouseholdLevy: 22_320,
    });
    expect(part(calc, 'support').amount).toBe(11_343 + 6_320 + 6_480);
  });

  it('exempts a mother’s 所得割 and 均等割 for 4 months around a single birth (due August 2025 → July–October)', () => {
    // https://www.city.naruto.tokushima.jp/kurashi/todokede/kenkohoken/sanzensango.html
    const calc = premium(
      request('tokyo/adachi', 2025, [
        {
          id: 'mother',
          birthDate: '1995-01-01',
          income: { other: 2_430_000 },
          childbirth: { month: '2025-08' },
        },
      ]),
    );
    // 154,200 × 8/12 = 102,800; 47,300 × 8/12 = 31,533.
    expect(part(calc, 'medical')).toMatchObject({ incomeLevy: 102_800, perCapitaLevy: 31_533 });
    expect(calc.result.members[0]!.parts.medical!.months).toBe(8);
  });

  it('exempts 6 months from 3 months before a multiple birth, cut at the fiscal year end (due 2026-02 → 5 months in FY2025)', () => {
    const calc = premium(
      request('tokyo/adachi', 2025, [
        { id: 'mother', birthDate: '1995-01-01', childbirth: { month: '2026-02', multiple: true } },
      ]),
    );
    expect(calc.result.members[0]!.parts.medical!.months).toBe(7);
  });

  it('halves the medical and support 平等割 of a 特定世帯 and cuts a 特定継続世帯 by a quarter, not the care part', () => {
    const specific = specificHouseholdCalc('specific');
    expect(part(specific, 'medical').perHouseholdLevy).toBe(13_950);
    expect(part(specific, 'support').perHouseholdLevy).toBe(4_050);
    expect(part(specific, 'care').perHouseholdLevy).toBe(6_600);
    const continuing = specificHouseholdCalc('continuing');
    expect(part(continuing, 'medical').perHouseholdLevy).toBe(20_925);
    expect(part(continuing, 'support').perHouseholdLevy).toBe(6_075);
  });

  it('charges the care part from the month a person reaches 40 to the month before reaching 65 (Katsushika rule)', () => {
    // https://www2.city.katsushika.lg.jp/kurashi/1000049/1001690/1001711.html
    expect(careMonthsOf('1960-10-15')).toBe(6); // reaches 65 on 2025-10-14: April–September
    expect(careMonthsOf('1960-10-01')).toBe(5); // reaches 65 on 2025-09-30: April–August
    expect(careMonthsOf('1985-10-15')).toBe(6); // reaches 40 on 2025-10-14: October–March
    expect(careMonthsOf('1985-10-01')).toBe(7); // reaches 40 on 2025-09-30: September–March
    expect(careMonthsOf('1990-01-01')).toBe(0);
  });

  it('stops the 国保 premium before the month of the 75th birthday', () => {
    const calc = premium(
      request('tokyo/adachi', 2025, [
        { id: 'p', birthDate: '1950-09-10', income: { other: 2_000_000 } },
      ]),
    );
    // 75 on 2025-09-10: April–August = 5 months of 均等割 (47,300 × 5/12 = 19,708).
    expect(calc.result.members[0]!.parts.medical).toMatchObject({
      months: 5,
      perCapitaLevy: 19_708,
    });
  });
});

describe('国保 premium: caps, FY2026 and rounding', () => {
  it('caps each part separately: 660,000 + 260,000 + 170,000 yen in Chitose FY2025', () => {
    const calc = premium(
      request('hokkaido/chitose', 2025, [
        { id: 'head', birthDate: '1980-01-01', income: { other: 20_000_000 } },
      ]),
    );
    expect(calc.result.parts.map((p) => [p.part, p.amount, p.capped])).toEqual([
      ['medical', 660_000, true],
      ['support', 260_000, true],
      ['care', 170_000, true],
    ]);
    expect(calc.result.total).toBe(1_090_000);
  });

  it('adds the FY2026 child-support part, without 均等割 for under-18s, rounded to 10 yen in Sapporo (unverified)', () => {
    const calc = premium(
      request('hokkaido/sapporo', 2026, [
        { id: 'parent', birthDate: '1985-01-01', income: { other: 3_000_000 } },
        { id: 'child', birthDate: '2015-01-01' },
      ]),
    );
    // 2,570,000 × 0.29% = 7,453; + 1,100 (parent only) + 1,000 = 9,553 → 9,550.
    expect(part(calc, 'childSupport')).toMatchObject({
      incomeLevy: 7_453,
      perCapitaLevy: 1_100,
      amount: 9_550,
    });
    expect(calc.warnings.map((w) => w.key)).toContain('warnings.unverifiedRule');
  });

  it('says plainly that no rule exists for a municipality or year not covered', () => {
    const outcome = calculate(
      request('hokkaido/chitose', 2023, [{ id: 'p', birthDate: '1990-01-01' }]),
    );
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'no-rule',
        ruleKind: 'kokuho-premium',
        region: 'hokkaido/chitose',
        date: '2023-04-01',
      },
    });
  });

  it('warns that the rounding is assumed when the municipality does not state it', () => {
    const calc = premium(request('hokkaido/chitose', 2025, [{ id: 'p', birthDate: '1990-01-01' }]));
    expect(calc.warnings.map((w) => w.key)).toContain('kokuho.warnings.roundingAssumed');
  });
});

describe('国保 premium: instalments and users’ own rules', () => {
  it('splits an amount so the instalments add up to it, the remainder in the first', () => {
    expect(splitIntoInstalments(123_456, [6, 7, 8, 9, 10, 11, 12, 1, 2, 3], 100, 'first')).toEqual([
      { month: 6, amount: 12_756 },
      ...[7, 8, 9, 10, 11, 12, 1, 2, 3].map((month) => ({ month, amount: 12_300 })),
    ]);
  });

  it('splits a Fukuoka City premium into its 10 instalments, June to March, and says the split is indicative', () => {
    // https://www.city.fukuoka.lg.jp/hofuku/kokuho/hp/seido/06-07.html (普通徴収は6月から翌年3月までの10回)
    const calc = premium(
      request('fukuoka/fukuoka', 2024, [
        { id: 'head', birthDate: '1990-01-01', income: { other: 2_430_000 } },
      ]),
    );
    const instalments = calc.result.instalments!;
    expect(instalments.map((i) => i.month)).toEqual([6, 7, 8, 9, 10, 11, 12, 1, 2, 3]);
    expect(instalments.reduce((sum, i) => sum + i.amount, 0)).toBe(calc.result.total);
    expect(calc.warnings.map((w) => w.key)).toContain('kokuho.warnings.instalmentSplitAssumed');
  });

  it('uses a user-supplied rule exactly like a shipped one, including its instalment schedule', () => {
    const documents = Object.entries(shippedRuleFiles)
      .filter(([path]) => path !== 'kokuho/hokkaido-chitose-fy2025.json')
      .map(([, doc]) => doc);
    const chitose = structuredClone(
      shippedRuleFiles['kokuho/hokkaido-chitose-fy2025.json'],
    ) as Record<string, unknown>;
    chitose.instalments = {
      months: [6, 7, 8, 9, 10, 11, 12, 1, 2, 3],
      unit: 100,
      remainderIn: 'first',
      source: {
        url: 'https://example.org/schedule',
        title: 'test schedule',
        checked: '2026-11-24',
        status: 'official',
      },
    };
    const rules = parseRuleSet([...documents, chitose]);
    const calc = premium(
      request('hokkaido/chitose', 2025, [
        { id: 'p', birthDate: '1990-01-01', income: { other: 2_000_000 } },
      ]),
      rules,
    );
    expect(calc.result.instalments).toHaveLength(10);
    expect(calc.result.instalments!.reduce((sum, i) => sum + i.amount, 0)).toBe(calc.result.total);
  });

  it('rejects a user rule with a negative amount', () => {
    const bad = structuredClone(shippedRuleFiles['kokuho/hokkaido-chitose-fy2025.json']) as {
      parts: { medical: { perCapita: number } };
    };
    bad.parts.medical.perCapita = -1;
    expect(() => parseRuleSet([bad])).toThrow();
  });
});

describe('国保 premium: invalid requests', () => {
  it('rejects negative income, NaN, an age of 200 and an empty household with zod issues', () => {
    expect(
      issuesOf(
        request('tokyo/adachi', 2025, [
          { id: 'p', birthDate: '1990-01-01', income: { other: -1 } },
        ]),
      )[0],
    ).toMatchObject({ path: 'members.0.income.other' });
    expect(
      issuesOf(
        request('tokyo/adachi', 2025, [
          { id: 'p', birthDate: '1990-01-01', income: { other: Number.NaN } },
        ]),
      ).length,
    ).toBeGreaterThan(0);
    expect(
      issuesOf(request('tokyo/adachi', 2025, [{ id: 'p', birthDate: '1825-01-01' }])).length,
    ).toBeGreaterThan(0);
    expect(issuesOf(request('tokyo/adachi', 2025, [])).length).toBeGreaterThan(0);
  });

  it('rejects an insured member aged 75+ all year, two heads and a 特定世帯 claim without a former member', () => {
    expect(
      issuesOf(request('tokyo/adachi', 2025, [{ id: 'p', birthDate: '1940-01-01' }])).map(
        (i) => i.message,
      ),
    ).toContain('kokuho.errors.insuredAged75');
    expect(
      issuesOf(
        request('tokyo/adachi', 2025, [
          { id: 'a', birthDate: '1990-01-01' },
          { id: 'b', birthDate: '1990-01-01', householdHead: true },
        ]),
      ).map((i) => i.message),
    ).toContain('errors.oneHouseholdHead');
    expect(
      issuesOf(
        request('tokyo/adachi', 2025, [{ id: 'a', birthDate: '1990-01-01' }], {
          specificHousehold: 'specific',
        }),
      ).map((i) => i.message),
    ).toContain('kokuho.errors.specificHousehold');
  });
});

describe('国保 premium: the working reads in every shipped language', () => {
  it.each(['en', 'ja', 'zh-Hans'] as const)(
    'renders every step and warning in %s without missing keys',
    async (language) => {
      const i18n = await createI18n(language, ['calc'], loadBundle);
      const calc = premium(
        request('hokkaido/sapporo', 2026, [
          {
            id: 'head',
            birthDate: '1960-10-15',
            income: { salary: 4_000_000, publicPension: 500_000 },
            involuntaryUnemployment: true,
          },
          {
            id: 'mother',
            birthDate: '1990-01-01',
            householdHead: false,
            childbirth: { month: '2026-08' },
          },
          { id: 'baby', birthDate: '2025-05-01', householdHead: false },
        ]),
      );
      const problems: string[] = [];
      for (const entry of [...calc.steps, ...calc.warnings]) {
        const key = `calc:${entry.key}`;
        if (!i18n.exists(key)) problems.push(`missing ${key}`);
        const text = i18n.t(key, entry.values ?? {});
        if (/\{\{|\$t\(|kokuho\.parts/.test(text)) problems.push(`unfilled ${key}: ${text}`);
      }
      expect(problems).toEqual([]);
    },
  );
});
