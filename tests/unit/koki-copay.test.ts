import { describe, expect, it } from 'vitest';
import { calculate, type Calculation, type KokiCopayResult } from '../../src/calc';

interface Person {
  id?: string;
  birthDate?: string;
  insured?: boolean;
  taxableIncome?: number;
  publicPension?: number;
  salary?: number;
  other?: number;
}

function request(
  people: Person[],
  options: { date?: string; exempt?: boolean; fallback?: boolean } = {},
) {
  return {
    kind: 'koki-copay' as const,
    date: options.date ?? '2025-10-01',
    householdResidentTaxExempt: options.exempt ?? false,
    applyRevenueFallback: options.fallback ?? true,
    members: people.map((p, index) => ({
      id: p.id ?? `member-${index + 1}`,
      birthDate: p.birthDate ?? '1945-06-15',
      insured: p.insured ?? true,
      taxableIncome: p.taxableIncome ?? 0,
      income: { publicPension: p.publicPension ?? 0, salary: p.salary ?? 0, other: p.other ?? 0 },
    })),
  };
}

function copay(input: unknown): Calculation<KokiCopayResult> {
  const outcome = calculate(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<KokiCopayResult>;
}

/** Ratio of a household of two insured people; the second has only a pension. */
function twoInsured(first: Person, second: number): number {
  return copay(request([first, { publicPension: second }])).result.ratioTenths;
}

// Rules: 鰺ヶ沢町 http://www.town.ajigasawa.lg.jp/kurashi/hoken_zei/02kouki20260129.html ,
// 郡上市, 新城市 (基準収入額), 蟹江町 (現役並みⅢ/Ⅱ/Ⅰ); see src/rules/data/koki/copay-ratio-2022.json.
describe('後期 copay ratio: 現役並み (3割)', () => {
  it('is 3割 (現役並みⅠ) from a taxable income of exactly 1,450,000 yen', () => {
    const calc = copay(request([{ taxableIncome: 1_450_000, publicPension: 4_000_000 }]));
    expect(calc.result).toMatchObject({ ratioTenths: 3, category: 'current-1' });
  });

  it('is 現役並みⅡ from 3,800,000 yen and Ⅲ from 6,900,000 yen of taxable income', () => {
    expect(
      copay(request([{ taxableIncome: 3_800_000, publicPension: 9_000_000 }])).result.category,
    ).toBe('current-2');
    expect(
      copay(request([{ taxableIncome: 6_900_000, publicPension: 12_000_000 }])).result.category,
    ).toBe('current-3');
  });

  it('falls back to the ordinary test when one insured person’s revenue is below 3,830,000 yen', () => {
    const calc = copay(request([{ taxableIncome: 1_450_000, publicPension: 3_829_999 }]));
    expect(calc.result).toMatchObject({
      ratioTenths: 2,
      category: 'general-2',
      revenueFallbackApplied: true,
    });
    const at = copay(request([{ taxableIncome: 1_450_000, publicPension: 3_830_000 }]));
    expect(at.result.ratioTenths).toBe(3);
  });

  it('falls back when two insured people’s combined revenue is below 5,200,000 yen', () => {
    expect(twoInsured({ taxableIncome: 1_500_000, publicPension: 4_000_000 }, 1_199_999)).toBe(2);
    expect(twoInsured({ taxableIncome: 1_500_000, publicPension: 4_000_000 }, 1_200_000)).toBe(3);
  });

  it('counts a 70–74-year-old household member’s revenue with a single insured person (limit 5,200,000)', () => {
    const calc = copay(
      request(
        [
          { taxableIncome: 1_500_000, publicPension: 4_000_000 },
          { birthDate: '1953-05-01', insured: false, publicPension: 1_000_000 },
        ],
        { date: '2025-10-01' },
      ),
    );
    expect(calc.result.revenueFallbackApplied).toBe(true);
  });

  it('stays 3割 and points to the application when the fallback is not applied', () => {
    const calc = copay(
      request([{ taxableIncome: 1_450_000, publicPension: 3_000_000 }], { fallback: false }),
    );
    expect(calc.result.ratioTenths).toBe(3);
    expect(calc.warnings.map((w) => w.key)).toContain('warnings.revenueFallbackAvailable');
  });
});

describe('後期 copay ratio: 一般Ⅱ (2割)', () => {
  it('is 2割 with taxable income ≥ 280,000 and pension + other income ≥ 2,000,000 for one insured', () => {
    expect(
      copay(request([{ taxableIncome: 280_000, publicPension: 2_000_000 }])).result,
    ).toMatchObject({
      ratioTenths: 2,
      category: 'general-2',
    });
  });

  it('is 1割 just below either limit', () => {
    expect(
      copay(request([{ taxableIncome: 279_999, publicPension: 2_500_000 }])).result.ratioTenths,
    ).toBe(1);
    expect(
      copay(request([{ taxableIncome: 280_000, publicPension: 1_999_999 }])).result.ratioTenths,
    ).toBe(1);
  });

  it('adds other income (合計所得金額 less pension income) to the pension revenue', () => {
    const calc = copay(
      request([{ taxableIncome: 300_000, publicPension: 1_500_000, other: 500_000 }]),
    );
    expect(calc.result.ratioTenths).toBe(2);
  });

  it('uses 3,200,000 yen for two or more insured people together', () => {
    expect(twoInsured({ taxableIncome: 300_000, publicPension: 2_000_000 }, 1_199_999)).toBe(1);
    expect(twoInsured({ taxableIncome: 300_000, publicPension: 2_000_000 }, 1_200_000)).toBe(2);
  });

  it('did not exist before 2022-10-01', () => {
    expect(
      calculate(
        request([{ taxableIncome: 300_000, publicPension: 2_500_000 }], { date: '2022-09-30' }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'no-rule', ruleKind: 'copay-ratio' } });
  });
});

describe('後期 copay ratio: 1割 categories', () => {
  it('is 一般Ⅰ for a taxable household below the 2割 limits', () => {
    expect(
      copay(request([{ taxableIncome: 100_000, publicPension: 1_800_000 }])).result.category,
    ).toBe('general-1');
  });

  it('is 区分Ⅰ when the household is exempt and every income is zero with an 800,000-yen pension deduction', () => {
    expect(copay(request([{ publicPension: 800_000 }], { exempt: true })).result.category).toBe(
      'low-1',
    );
    expect(copay(request([{ publicPension: 800_001 }], { exempt: true })).result.category).toBe(
      'low-2',
    );
  });

  it('takes 100,000 yen off salaries for the 区分Ⅰ test and looks at every household member', () => {
    const household = [
      { publicPension: 700_000 },
      { birthDate: '1990-01-01', insured: false, salary: 100_001 },
    ];
    expect(copay(request(household, { exempt: true })).result.category).toBe('low-2');
  });
});

describe('which year’s income decides', () => {
  it('switches on 1 August: July 2025 uses 2023 income, August 2025 uses 2024 income', () => {
    const one = [{ taxableIncome: 0, publicPension: 1_000_000 }];
    expect(copay(request(one, { date: '2025-07-31' })).result.incomeYear).toBe(2023);
    expect(copay(request(one, { date: '2025-08-01' })).result.incomeYear).toBe(2024);
  });
});

describe('invalid copay requests', () => {
  it('rejects taxable income in a household declared exempt from resident tax', () => {
    const outcome = calculate(request([{ taxableIncome: 10_000 }], { exempt: true }));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!outcome.ok && outcome.error.code === 'invalid-request') {
      expect(outcome.error.issues.map((i) => i.message)).toContain(
        'errors.taxExemptWithTaxableIncome',
      );
    }
  });

  it('rejects a household without an insured member', () => {
    const outcome = calculate(request([{ insured: false }]));
    expect(outcome.ok).toBe(false);
  });
});

describe('the copay working reads naturally in every language', () => {
  it('names the category inside the result sentence (en, ja)', async () => {
    const { createI18n } = await import('../../src/i18n');
    const { loadBundle } = await import('../../src/i18n/resources');
    const calc = copay(request([{ taxableIncome: 280_000, publicPension: 2_000_000 }]));
    const step = calc.steps.find((s) => s.key === 'kokiCopay.result')!;
    const en = await createI18n('en', ['calc'], loadBundle);
    expect(en.t(step.key, { ns: 'calc', ...step.values })).toBe('Copay share: 20% (general II)');
    const ja = await createI18n('ja', ['calc'], loadBundle);
    expect(ja.t(step.key, { ns: 'calc', ...step.values })).toBe('窓口負担割合：2割（一般Ⅱ）');
  });
});
