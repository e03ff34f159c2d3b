import { describe, expect, it } from 'vitest';
import { calculate, type Calculation, type KokiPremiumResult } from '../../src/calc';

interface Person {
  id?: string;
  birthDate?: string;
  insured?: boolean;
  householdHead?: boolean;
  publicPension?: number;
  salary?: number;
  other?: number;
  formerDependant?: boolean;
  disabilityCertifiedOn?: string;
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
      ...(p.disabilityCertifiedOn ? { disabilityCertifiedOn: p.disabilityCertifiedOn } : {}),
    })),
  };
}

function premium(request: unknown): Calculation<KokiPremiumResult> {
  const outcome = calculate(request);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<KokiPremiumResult>;
}

const single = (pension: number, fiscalYear = 2025, region = 'fukuoka') =>
  premium(household(region, fiscalYear, [{ publicPension: pension }]));

describe('household reduction test (軽減判定) at its thresholds, Fukuoka FY2025', () => {
  it('applies the 7割 reduction when the household income for the test is exactly 430,000 yen', () => {
    // Pension 1,680,000 → income 580,000 → less the 150,000 special deduction = 430,000.
    expect(single(1_680_000).result.reductionPpm).toBe(700_000);
    expect(single(1_680_001).result.reductionPpm).toBe(500_000);
  });

  it('applies the 5割 reduction up to exactly 430,000 + 305,000 × 1 insured', () => {
    // 735,000 + 150,000 = income 885,000 = pension 1,985,000.
    expect(single(1_985_000).result.reductionPpm).toBe(500_000);
    expect(single(1_985_001).result.reductionPpm).toBe(200_000);
  });

  it('applies the 2割 reduction up to exactly 430,000 + 560,000 × 1 insured', () => {
    expect(single(2_240_000).result.reductionPpm).toBe(200_000);
    expect(single(2_240_001).result.reductionPpm).toBe(0);
  });

  it('uses the FY2024 per-insured amounts (295,000 / 545,000) in FY2024', () => {
    expect(single(1_975_000, 2024).result.reductionPpm).toBe(500_000);
    expect(single(1_975_001, 2024).result.reductionPpm).toBe(200_000);
  });

  it('uses the FY2023 amounts (290,000 / 535,000) in FY2023', () => {
    // 430,000 + 290,000 = 720,000 + 150,000 = income 870,000 = pension 1,970,000.
    expect(single(1_970_000, 2023).result.reductionPpm).toBe(500_000);
    expect(single(1_970_001, 2023).result.reductionPpm).toBe(200_000);
  });

  it('uses the FY2022 amounts (285,000 / 520,000) in FY2022', () => {
    expect(single(1_965_000, 2022).result.reductionPpm).toBe(500_000);
    expect(single(1_965_001, 2022).result.reductionPpm).toBe(200_000);
    expect(single(2_200_000, 2022).result.reductionPpm).toBe(200_000);
    expect(single(2_200_001, 2022).result.reductionPpm).toBe(0);
  });

  it('reports a missing rule before FY2022, whose rates are not shipped', () => {
    expect(calculate(household('fukuoka', 2021, [{ publicPension: 2_000_000 }]))).toMatchObject({
      ok: false,
      error: { code: 'no-rule', ruleKind: 'premium' },
    });
  });
});

/** A non-insured 世帯主 with a salary and two insured parents. */
function couple(headSalary: number) {
  return household('fukuoka', 2025, [
    {
      id: 'head',
      birthDate: '1975-02-01',
      insured: false,
      householdHead: true,
      salary: headSalary,
    },
    { id: 'mother', publicPension: 1_680_000, householdHead: false },
    { id: 'father', publicPension: 800_000, householdHead: false },
  ]);
}

describe('households with several members', () => {
  it('counts the income of a 世帯主 who is not insured in the reduction test, but charges them nothing', () => {
    const calc = premium(couple(2_000_000));
    // Test income 430,000 + 0 + salary income 1,320,000 = 1,750,000 > 2割 limit 1,650,000.
    expect(calc.result.reductionPpm).toBe(0);
    expect(calc.result.members.map((m) => m.id)).toEqual(['mother', 'father']);
    // mother: 60,004 + 150,000 × 11.83% (17,745) = 77,749 → 77,740; father: 60,004 → 60,000.
    expect(calc.result.members.map((m) => m.premium)).toEqual([77_740, 60_000]);
    expect(calc.result.total).toBe(137_740);
  });

  it('gives both insured the 7割 reduction when the non-insured 世帯主 has no income', () => {
    const calc = premium(couple(0));
    expect(calc.result.reductionPpm).toBe(700_000);
    expect(calc.result.members.map((m) => m.premium)).toEqual([35_740, 18_000]);
  });

  it('adds 100,000 yen to every limit for each salary or pension earner beyond the first', () => {
    // mother (pension 1,680,000 > 1,250,000) and head (salary > 550,000) are earners: +100,000.
    const calc = premium(couple(651_000));
    const test = calc.steps.find((s) => s.key === 'koki.householdTest');
    // Salary 651,000 → income 101,000; test income 531,000 is just above the 7割 limit
    // 430,000 + 100,000 = 530,000, and within the 5割 limit 430,000 + 305,000 × 2 + 100,000.
    expect(test?.values).toMatchObject({ earners: 2, incomeYen: 531_000, limitYen: 1_140_000 });
    expect(calc.result.reductionPpm).toBe(500_000);
  });

  it('ignores household members who are neither insured nor the 世帯主', () => {
    const withChild = household('fukuoka', 2025, [
      { id: 'mother', publicPension: 1_680_000 },
      {
        id: 'son',
        birthDate: '1980-01-01',
        insured: false,
        householdHead: false,
        salary: 9_000_000,
      },
    ]);
    expect(premium(withChild).result.reductionPpm).toBe(700_000);
  });
});

describe('former dependants of employee insurance (被扶養者軽減)', () => {
  it('charges no income-based part and halves the flat part', () => {
    const calc = premium(
      household('fukuoka', 2025, [{ publicPension: 3_000_000, formerDependant: true }]),
    );
    expect(calc.result.members[0]).toMatchObject({ perCapitaLevy: 30_002, incomeLevy: 0 });
    expect(calc.result.total).toBe(30_000);
    expect(calc.warnings.map((w) => w.key)).toContain('warnings.formerDependantWholeYear');
  });

  it('lets the 7割 low-income reduction win over the 5割 former-dependant reduction', () => {
    const calc = premium(
      household('fukuoka', 2025, [{ publicPension: 1_530_000, formerDependant: true }]),
    );
    expect(calc.result.members[0]!.perCapitaLevy).toBe(18_001);
  });
});

describe('caps (賦課限度額)', () => {
  it('caps FY2024 at 730,000 yen for a 65–74-year-old certified disabled by 2025-03-31', () => {
    const request = household('fukuoka', 2024, [
      { birthDate: '1955-05-05', disabilityCertifiedOn: '2024-05-01', publicPension: 20_000_000 },
    ]);
    expect(premium(request).result.total).toBe(730_000);
  });

  it('ends the 730,000-yen cap after FY2024', () => {
    const request = household('fukuoka', 2025, [
      { birthDate: '1940-01-01', publicPension: 20_000_000 },
    ]);
    expect(premium(request).result.total).toBe(800_000);
  });

  it('caps Tokyo FY2026 at 850,000 yen plus 21,000 yen for the child-support part', () => {
    const calc = premium(household('tokyo', 2026, [{ publicPension: 30_000_000 }]));
    expect(calc.result.members[0]).toMatchObject({ cap: 850_000, childSupport: 21_000 });
    expect(calc.result.total).toBe(871_000);
  });
});

describe('FY2026 (令和8年度), only where a figure exists', () => {
  it('adds the child-support part with the same reduction and warns that the figures are unverified', () => {
    const calc = premium(household('tokyo', 2026, [{ publicPension: 1_530_000 }]));
    // 7割: 53,300 × 0.3 = 15,990; child part 1,300 × 0.3 = 390; 16,380 → 16,300.
    expect(calc.result.members[0]).toMatchObject({ perCapitaLevy: 15_990, childSupport: 390 });
    expect(calc.result.total).toBe(16_300);
    expect(calc.warnings.map((w) => w.key)).toContain('warnings.unverifiedRule');
    expect(calc.steps.map((s) => s.key)).toContain('koki.memberTotalWithChildSupport');
  });

  it('uses the 2025 salary table (650,000-yen minimum) for FY2026 premiums', () => {
    const calc = premium(
      household('tokyo', 2026, [{ birthDate: '1950-01-01', salary: 1_000_000 }]),
    );
    const salaryStep = calc.steps.find((s) => s.key === 'income.salary');
    expect(salaryStep?.values).toMatchObject({ incomeYen: 350_000 });
  });

  it('says there is no rule for Fukuoka FY2026 instead of guessing', () => {
    expect(calculate(household('fukuoka', 2026, [{ publicPension: 2_000_000 }]))).toMatchObject({
      ok: false,
      error: { code: 'no-rule', ruleKind: 'premium', region: 'fukuoka' },
    });
  });
});

describe('per-region rounding', () => {
  it('cuts Fukuoka totals to 10 yen and Hokkaido, Tokyo and Saitama totals to 100 yen', () => {
    expect(single(2_200_000, 2025, 'fukuoka').result.total % 10).toBe(0);
    for (const region of ['hokkaido', 'tokyo', 'saitama', 'saga']) {
      expect(single(2_345_678, 2025, region).result.total % 100).toBe(0);
    }
  });

  it('cuts the Saitama 所得割 to 10 yen before adding (埼玉県 算定例 例3: 37,048 → 37,040)', () => {
    const calc = premium(household('saitama', 2024, [{ publicPension: 1_970_000 }]));
    expect(calc.result.members[0]!.incomeLevy).toBe(37_040);
  });
});

describe('income-based part at its limits', () => {
  it('charges no 所得割 on a 65+ pension of exactly 1,530,000 yen and some on 1,540,000', () => {
    expect(single(1_530_000).result.members[0]!.incomeLevy).toBe(0);
    // 10,000 × 11.83% = 1,183.
    expect(single(1_540_000).result.members[0]!.incomeLevy).toBe(1_183);
  });

  it('switches from the FY2024 reduced rate to the full rate just above 580,000 yen of base', () => {
    const at = single(2_110_000, 2024).result.members[0]!.incomeLevy;
    const above = single(2_110_001, 2024).result.members[0]!.incomeLevy;
    expect(at).toBe(63_916);
    expect(above).toBe(68_614);
  });
});

describe('insured members who look too young or join during the year', () => {
  it('says that someone turning 75 in June pays by the month, and shows the full-year amount', () => {
    const calc = premium(
      household('fukuoka', 2025, [{ birthDate: '1950-06-01', publicPension: 1 }]),
    );
    expect(calc.warnings).toContainEqual({
      key: 'warnings.joinsDuringYear',
      values: { member: 'member-1', date: '2025-06-01' },
    });
  });

  it('does not warn when the 75th birthday is on April 1', () => {
    const calc = premium(
      household('fukuoka', 2025, [{ birthDate: '1950-04-01', publicPension: 1 }]),
    );
    expect(calc.warnings.map((w) => w.key)).not.toContain('warnings.joinsDuringYear');
  });

  it('warns when an insured member is under 75 without a disability certification', () => {
    const calc = premium(
      household('fukuoka', 2025, [{ birthDate: '1960-01-01', publicPension: 1 }]),
    );
    expect(calc.warnings.map((w) => w.key)).toContain('warnings.insuredTooYoung');
  });
});
