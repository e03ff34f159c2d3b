import { describe, expect, it } from 'vitest';
import { calculate, type Calculation, type KokiPremiumResult } from '../../src/calc';

function single(
  publicPension: number,
  options: { fiscalYear?: number; region?: string; birthDate?: string } = {},
) {
  return {
    kind: 'koki-premium' as const,
    region: options.region ?? 'fukuoka',
    fiscalYear: options.fiscalYear ?? 2024,
    members: [
      {
        id: 'self',
        birthDate: options.birthDate ?? '1947-06-15',
        insured: true,
        householdHead: true,
        income: { publicPension, salary: 0, other: 0 },
      },
    ],
  };
}

function premium(request: unknown): Calculation<KokiPremiumResult> {
  const outcome = calculate(request);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<KokiPremiumResult>;
}

describe('後期高齢者医療 premium, Fukuoka', () => {
  it('gives the seed guide example: single person, public pension 2,200,000 yen in FY2024 → 127,260 yen', () => {
    // 福岡県後期高齢者医療広域連合「2024年度版 後期高齢者医療制度のてびき」計算例 (shared/seeds/003).
    const calc = premium(single(2_200_000));
    expect(calc.result.total).toBe(127_260);
    expect(calc.result.reductionPpm).toBe(200_000);
    expect(calc.result.members[0]).toMatchObject({ perCapitaLevy: 48_003, incomeLevy: 79_261 });
    expect(calc.steps.map((s) => s.key)).toContain('koki.householdTest');
    expect(calc.sources.length).toBeGreaterThan(0);
  });

  it('charges only the 7割-reduced flat part when pension income is at most 1,530,000 yen', () => {
    const calc = premium(single(1_530_000));
    expect(calc.result.members[0]).toMatchObject({ perCapitaLevy: 18_001, incomeLevy: 0 });
    expect(calc.result.total).toBe(18_000);
  });

  it('uses the FY2024 reduced income rate (11.02%) when income after the basic deduction is ≤ 580,000 yen', () => {
    // 公的年金 2,110,000 → income 1,010,000 → base 580,000 → × 11.02% = 63,916.
    const calc = premium(single(2_110_000));
    expect(calc.result.members[0]!.incomeLevy).toBe(63_916);
    expect(calc.steps.some((s) => s.key === 'koki.incomeLevyReduced')).toBe(true);
  });

  it('has no reduced rate in FY2025', () => {
    const calc = premium(single(2_110_000, { fiscalYear: 2025 }));
    expect(calc.result.members[0]!.incomeLevy).toBe(68_614);
  });

  it('caps the FY2024 premium at 730,000 yen for people born on or before 1949-03-31 and 800,000 yen otherwise', () => {
    expect(premium(single(20_000_000, { birthDate: '1949-03-31' })).result.total).toBe(730_000);
    expect(premium(single(20_000_000, { birthDate: '1949-04-01' })).result.total).toBe(800_000);
  });

  it('says plainly that no rule exists for an uncovered fiscal year', () => {
    const outcome = calculate(single(2_200_000, { fiscalYear: 2026 }));
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'no-rule', ruleKind: 'premium', region: 'fukuoka', date: '2026-04-01' },
    });
  });

  it('rejects invalid requests with zod issues instead of a number', () => {
    const outcome = calculate({ ...single(-1), members: [] });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('invalid-request');
  });
});
