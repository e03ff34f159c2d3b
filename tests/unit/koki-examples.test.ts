import { describe, expect, it } from 'vitest';
import {
  calculate,
  type Calculation,
  type IncomeResult,
  type KokiPremiumResult,
} from '../../src/calc';

/**
 * Worked examples published by 広域連合 and municipalities, reproduced to the yen. Each test
 * names the page its figures come from.
 */

interface Person {
  id?: string;
  birthDate?: string;
  insured?: boolean;
  householdHead?: boolean;
  publicPension?: number;
  salary?: number;
  other?: number;
  formerDependant?: boolean;
}

function household(region: string, fiscalYear: number, people: Person[]) {
  return {
    kind: 'koki-premium' as const,
    region,
    fiscalYear,
    members: people.map((p, index) => ({
      id: p.id ?? `member-${index + 1}`,
      birthDate: p.birthDate ?? '1945-06-15',
      insured: p.insured ?? true,
      householdHead: p.householdHead ?? index === 0,
      income: { publicPension: p.publicPension ?? 0, salary: p.salary ?? 0, other: p.other ?? 0 },
      formerDependant: p.formerDependant ?? false,
    })),
  };
}

function premium(request: unknown): Calculation<KokiPremiumResult> {
  const outcome = calculate(request);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<KokiPremiumResult>;
}

function income(request: unknown): Calculation<IncomeResult> {
  const outcome = calculate(request);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<IncomeResult>;
}

describe('埼玉県後期高齢者医療広域連合「令和6年度の保険料額算定例」 (single insured, public pension only)', () => {
  // https://www.saitama-koukikourei.org/seido/hokenryo/hokenryo-saitama/r5santeirei-2/
  // Born 1949-08-10: joins in FY2024, so the 800,000-yen cap applies (example 7).
  const examples = [
    { example: 1, pension: 1_530_000, perCapita: 13_770, incomeLevy: 0, total: 13_700 },
    { example: 2, pension: 1_680_000, perCapita: 13_770, incomeLevy: 12_630, total: 26_400 },
    { example: 3, pension: 1_970_000, perCapita: 22_960, incomeLevy: 37_040, total: 60_000 },
    { example: 4, pension: 2_210_000, perCapita: 36_740, incomeLevy: 61_400, total: 98_100 },
    { example: 5, pension: 2_400_000, perCapita: 45_930, incomeLevy: 78_560, total: 124_400 },
    { example: 6, pension: 3_000_000, perCapita: 45_930, incomeLevy: 132_740, total: 178_600 },
    { example: 7, pension: 10_740_000, perCapita: 45_930, incomeLevy: 754_450, total: 800_000 },
  ];
  for (const { example, pension, perCapita, incomeLevy, total } of examples) {
    it(`例${example}: 年金収入 ${pension.toLocaleString('en')} yen → ${total.toLocaleString('en')} yen a year`, () => {
      const calc = premium(
        household('saitama', 2024, [{ birthDate: '1949-08-10', publicPension: pension }]),
      );
      expect(calc.result.members[0]).toMatchObject({ perCapitaLevy: perCapita, incomeLevy });
      expect(calc.result.total).toBe(total);
    });
  }

  it('gives the 730,000-yen cap to someone already insured before FY2024 (note ※2 of the same page)', () => {
    const calc = premium(
      household('saitama', 2024, [{ birthDate: '1945-06-15', publicPension: 10_740_000 }]),
    );
    expect(calc.result.total).toBe(730_000);
  });
});

describe('賦課のもととなる所得金額 examples (income kind)', () => {
  it('年金収入 2,800,000 yen only → 賦課のもととなる所得金額 1,270,000 yen (入間市, 草加市)', () => {
    // https://www.city.iruma.saitama.jp/soshiki/kokuhoiryoka/kokikoreishairyo/3/hokenryo/245.html
    // https://www.city.soka.saitama.jp/cont/s1505/010/030/010/PAGE000000000000065206.html
    const calc = income({
      kind: 'income',
      incomeYear: 2023,
      birthDate: '1946-05-01',
      income: { publicPension: 2_800_000 },
    });
    expect(calc.result).toMatchObject({
      pensionIncome: 1_700_000,
      totalIncome: 1_700_000,
      basicDeduction: 430_000,
      incomeBase: 1_270_000,
    });
  });

  it('a 65+ pension of 2,110,000 yen is exactly the 580,000-yen reduced-rate limit (苫前町: 年金収入211万円相当)', () => {
    // http://www.town.tomamae.lg.jp/section/chomin/lg6iib0000000385.html
    const calc = income({
      kind: 'income',
      incomeYear: 2023,
      birthDate: '1946-05-01',
      income: { publicPension: 2_110_000 },
    });
    expect(calc.result.incomeBase).toBe(580_000);
  });
});

describe('給与所得 from the official 速算表 (十和田市, 見附市: 令和3年度以後)', () => {
  // https://www.city.towada.lg.jp/kurashi/zeikin/shikenminzei/kyuuyoshotoku.html
  // https://www.city.mitsuke.niigata.jp/soshiki/5/3052.html
  const rows = [
    { salary: 550_999, income: 0, row: '〜550,999円 → 0円' },
    { salary: 551_000, income: 1_000, row: '551,000〜1,618,999円 → 収入 − 550,000円' },
    { salary: 1_618_999, income: 1_068_999, row: '551,000〜1,618,999円 → 収入 − 550,000円' },
    { salary: 1_619_500, income: 1_069_000, row: '1,619,000〜1,619,999円 → 1,069,000円' },
    { salary: 1_621_999, income: 1_070_000, row: '1,620,000〜1,621,999円 → 1,070,000円' },
    { salary: 1_623_000, income: 1_072_000, row: '1,622,000〜1,623,999円 → 1,072,000円' },
    { salary: 1_627_999, income: 1_074_000, row: '1,624,000〜1,627,999円 → 1,074,000円' },
    // A = 収入 ÷ 4, 千円未満切捨て: 1,628,000 → A 407,000; 1,799,999 → A 449,000
    { salary: 1_628_000, income: 1_076_800, row: '1,628,000〜1,799,999円 → A × 2.4 + 100,000円' },
    { salary: 1_799_999, income: 1_177_600, row: '1,628,000〜1,799,999円 → A × 2.4 + 100,000円' },
    // 3,003,999 → A 750,000 → × 2.8 − 80,000
    { salary: 3_003_999, income: 2_020_000, row: '1,800,000〜3,599,999円 → A × 2.8 − 80,000円' },
    // 5,000,000 → A 1,250,000 → × 3.2 − 440,000
    { salary: 5_000_000, income: 3_560_000, row: '3,600,000〜6,599,999円 → A × 3.2 − 440,000円' },
    {
      salary: 7_000_000,
      income: 5_200_000,
      row: '6,600,000〜8,499,999円 → 収入 × 0.9 − 1,100,000円',
    },
    { salary: 9_000_000, income: 7_050_000, row: '8,500,000円以上 → 収入 − 1,950,000円' },
  ];
  for (const { salary, income: expected, row } of rows) {
    it(`salary ${salary.toLocaleString('en')} yen (${row}) → ${expected.toLocaleString('en')} yen`, () => {
      const calc = income({
        kind: 'income',
        incomeYear: 2024,
        birthDate: '1980-01-01',
        income: { salary },
      });
      expect(calc.result.salaryIncome).toBe(expected);
    });
  }
});

function singlePerCapita(region: string, fiscalYear: number, pension: number): number {
  return premium(household(region, fiscalYear, [{ publicPension: pension }])).result.members[0]!
    .perCapitaLevy;
}

describe('reduced 均等割 amounts published by each 広域連合', () => {
  it('北海道 FY2024: 15,885 / 26,476 / 42,362 yen (足寄町)', () => {
    // https://www.town.ashoro.hokkaido.jp/kurashi/kenko-fukushi/hoken-nenkin/folder_1/page_52.html
    expect(singlePerCapita('hokkaido', 2024, 1_530_000)).toBe(15_885);
    expect(singlePerCapita('hokkaido', 2024, 1_970_000)).toBe(26_476);
    expect(singlePerCapita('hokkaido', 2024, 2_210_000)).toBe(42_362);
  });

  it('北海道 FY2022–23: 15,567 / 25,946 / 41,513 yen (清里町)', () => {
    // https://town.kiyosato.hokkaido.jp/welfare/?content=900
    expect(singlePerCapita('hokkaido', 2023, 1_530_000)).toBe(15_567);
    expect(singlePerCapita('hokkaido', 2023, 1_960_000)).toBe(25_946);
    expect(singlePerCapita('hokkaido', 2023, 2_200_000)).toBe(41_513);
  });

  it('埼玉県 FY2022: 13,250 / 22,080 / 35,330 yen (皆野町)', () => {
    // https://www.town.minano.saitama.jp/section/seikatu/543/
    expect(singlePerCapita('saitama', 2022, 1_530_000)).toBe(13_250);
    expect(singlePerCapita('saitama', 2022, 1_860_000)).toBe(22_080);
    expect(singlePerCapita('saitama', 2022, 2_100_000)).toBe(35_330);
  });

  it('佐賀県 FY2024: 17,100 / 28,500 / 45,600 yen, and 28,500 for a former dependant (有田町)', () => {
    // https://www.town.arita.lg.jp/kiji003732/index.html
    expect(singlePerCapita('saga', 2024, 1_530_000)).toBe(17_100);
    expect(singlePerCapita('saga', 2024, 1_970_000)).toBe(28_500);
    expect(singlePerCapita('saga', 2024, 2_210_000)).toBe(45_600);
    const dependant = premium(
      household('saga', 2024, [{ publicPension: 3_000_000, formerDependant: true }]),
    );
    expect(dependant.result.members[0]).toMatchObject({ perCapitaLevy: 28_500, incomeLevy: 0 });
  });

  it('福岡県 FY2024: 18,001 / 30,002 / 48,003 yen (大川市, 福津市)', () => {
    // https://www.city.okawa.lg.jp/s015/020/020/010/060/20150214193925.html
    // https://www.city.fukutsu.lg.jp/kurashi/nenkin/1/2127.html
    expect(singlePerCapita('fukuoka', 2024, 1_530_000)).toBe(18_001);
    expect(singlePerCapita('fukuoka', 2024, 1_970_000)).toBe(30_002);
    expect(singlePerCapita('fukuoka', 2024, 2_210_000)).toBe(48_003);
  });

  it('大阪府 FY2024: 17,151 / 28,586 / 45,737 yen (藤井寺市), flagged because the total rounding is unconfirmed', () => {
    // https://www.city.fujiidera.lg.jp/kurashi/kokuhokokinenkin/kokikoeishairyoseido/19646.html
    expect(singlePerCapita('osaka', 2024, 1_530_000)).toBe(17_151);
    expect(singlePerCapita('osaka', 2024, 1_970_000)).toBe(28_586);
    expect(singlePerCapita('osaka', 2024, 2_210_000)).toBe(45_737);
    const calc = premium(household('osaka', 2024, [{ publicPension: 1_530_000 }]));
    expect(calc.warnings.map((w) => w.key)).toContain('warnings.unverifiedRule');
  });

  it('静岡県 FY2024: the low-income rate 8.80% and the total cut to 100 yen (沼津市, 湖西市)', () => {
    // https://city.numazu.shizuoka.jp/kurashi/zei_hoken/kokikorei/hokenryo/kimekata.htm
    // https://www.city.kosai.shizuoka.jp/soshikiichiran/hokennenkinka/gyomuannai/5/1/14620.html
    const calc = premium(household('shizuoka', 2024, [{ publicPension: 2_110_000 }]));
    // 580,000 × 8.80% = 51,040; 2割-reduced 均等割 47,000 × 0.8 = 37,600; 88,640 → 88,600.
    expect(calc.result.members[0]).toMatchObject({ perCapitaLevy: 37_600, incomeLevy: 51_040 });
    expect(calc.result.total).toBe(88_600);
  });

  it('東京都 FY2024: the low-income rate 8.78% applies up to 580,000 yen of income base (三鷹市)', () => {
    // https://www.city.mitaka.lg.jp/c_service/050/050789.html
    const calc = premium(household('tokyo', 2024, [{ publicPension: 2_110_000 }]));
    // 580,000 × 8.78% = 50,924; 2割-reduced 均等割 47,300 × 0.8 = 37,840; total cut to 100 yen.
    expect(calc.result.members[0]).toMatchObject({ perCapitaLevy: 37_840, incomeLevy: 50_924 });
    expect(calc.result.total).toBe(88_700);
  });
});
