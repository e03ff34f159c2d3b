import { describe, expect, it } from 'vitest';
import { calculate, type Calculation, type IncomeResult } from '../../src/calc';

function income(
  incomeYear: number,
  birthDate: string,
  amounts: { publicPension?: number; salary?: number; other?: number },
): Calculation<IncomeResult> {
  const outcome = calculate({ kind: 'income', incomeYear, birthDate, income: amounts });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<IncomeResult>;
}

describe('salary income (給与所得) by income year', () => {
  it('deducts at least 550,000 yen in 2024 and at least 650,000 yen from 2025', () => {
    expect(income(2024, '1980-01-01', { salary: 1_000_000 }).result.salaryIncome).toBe(450_000);
    expect(income(2025, '1980-01-01', { salary: 1_000_000 }).result.salaryIncome).toBe(350_000);
  });

  it('gives no income on a 2025 salary of exactly 650,000 yen and 1 yen just above', () => {
    expect(income(2025, '1980-01-01', { salary: 650_000 }).result.salaryIncome).toBe(0);
    expect(income(2025, '1980-01-01', { salary: 650_001 }).result.salaryIncome).toBe(1);
  });

  it('keeps the 650,000-yen minimum up to 1,900,000 yen in 2025, then joins the 30% formula', () => {
    expect(income(2025, '1980-01-01', { salary: 1_900_000 }).result.salaryIncome).toBe(1_250_000);
    // 1,903,999 is cut to 1,900,000 (4,000-yen steps): 1,900,000 × 70% − 80,000.
    expect(income(2025, '1980-01-01', { salary: 1_903_999 }).result.salaryIncome).toBe(1_250_000);
    expect(income(2025, '1980-01-01', { salary: 1_904_000 }).result.salaryIncome).toBe(1_252_800);
  });

  it('caps the deduction at 1,950,000 yen above 8,500,000 yen', () => {
    expect(income(2025, '1980-01-01', { salary: 20_000_000 }).result.salaryIncome).toBe(18_050_000);
  });

  it('explains the 4,000-yen stepping in the working', () => {
    const calc = income(2024, '1980-01-01', { salary: 3_003_999 });
    expect(calc.steps.find((s) => s.key === 'income.salaryStepped')?.values).toMatchObject({
      basisYen: 3_000_000,
      incomeYen: 2_020_000,
    });
  });

  it('says so when no salary table covers the income year', () => {
    expect(
      calculate({
        kind: 'income',
        incomeYear: 2026,
        birthDate: '1980-01-01',
        income: { salary: 1 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'no-rule', ruleKind: 'salary-deduction' } });
  });
});

describe('public pension income and the age on 31 December', () => {
  it('treats someone born on 1 January 1959 as 65 on 31 December 2023 (legal age counting)', () => {
    const calc = income(2023, '1959-01-01', { publicPension: 1_200_000 });
    expect(calc.result).toMatchObject({ ageOnDec31: 65, pensionIncome: 100_000 });
  });

  it('treats someone born on 2 January 1959 as 64, with the smaller under-65 deduction', () => {
    const calc = income(2023, '1959-01-02', { publicPension: 1_200_000 });
    expect(calc.result).toMatchObject({ ageOnDec31: 64, pensionIncome: 600_000 });
  });

  it('lowers the pension deduction by 100,000 yen when other income exceeds 10,000,000 yen', () => {
    const calc = income(2024, '1945-01-01', { publicPension: 2_000_000, other: 10_000_001 });
    expect(calc.result.pensionIncome).toBe(1_000_000);
  });
});

describe('所得金額調整控除 for salary plus pension', () => {
  it('takes min(salary income, 100,000) + min(pension income, 100,000) − 100,000 off the salary income', () => {
    const calc = income(2024, '1955-03-03', { salary: 1_000_000, publicPension: 2_000_000 });
    // salary income 450,000, pension income 900,000 → adjustment 100,000.
    expect(calc.result).toMatchObject({
      incomeAdjustment: 100_000,
      salaryIncome: 350_000,
      pensionIncome: 900_000,
      totalIncome: 1_250_000,
    });
  });

  it('takes nothing when either income is zero', () => {
    expect(income(2024, '1955-03-03', { salary: 1_000_000 }).result.incomeAdjustment).toBe(0);
  });

  it('takes only the part above 100,000 yen when the two incomes are small', () => {
    // salary 600,000 → 50,000; pension 1,180,000 (65+) → 80,000; 50,000 + 80,000 − 100,000 = 30,000.
    const calc = income(2024, '1955-03-03', { salary: 600_000, publicPension: 1_180_000 });
    expect(calc.result.incomeAdjustment).toBe(30_000);
    expect(calc.result.totalIncome).toBe(100_000);
  });
});

function base(other: number): IncomeResult {
  return income(2024, '1980-01-01', { other }).result;
}

describe('basic deduction (基礎控除) tiers', () => {
  it('is 430,000 yen up to 24,000,000 yen of income', () => {
    expect(base(24_000_000).basicDeduction).toBe(430_000);
  });
  it('is 290,000 yen just above 24,000,000 yen and 150,000 above 24,500,000 yen', () => {
    expect(base(24_000_001).basicDeduction).toBe(290_000);
    expect(base(24_500_001).basicDeduction).toBe(150_000);
  });
  it('is zero above 25,000,000 yen', () => {
    expect(base(25_000_001)).toMatchObject({ basicDeduction: 0, incomeBase: 25_000_001 });
  });
});

function earner(amounts: { publicPension?: number; salary?: number }, birthDate = '1950-01-01') {
  return income(2024, birthDate, amounts).result.salaryOrPensionEarner;
}

describe('figures for the next fiscal year’s reduction test', () => {
  it('takes up to 150,000 yen more off the pension income of people aged 65+ (軽減判定所得)', () => {
    expect(income(2024, '1950-01-01', { publicPension: 1_300_000 }).result).toMatchObject({
      totalIncome: 200_000,
      reductionTestIncome: 50_000,
    });
    expect(
      income(2024, '1950-01-01', { publicPension: 2_000_000 }).result.reductionTestIncome,
    ).toBe(750_000);
  });

  it('gives no special deduction under 65', () => {
    expect(
      income(2024, '1970-01-01', { publicPension: 2_000_000 }).result.reductionTestIncome,
    ).toBe(
      1_225_000, // 2,000,000 − (25% + 275,000)
    );
  });

  it('counts a salary or pension earner (給与所得者等) only above the limits', () => {
    expect(earner({ publicPension: 1_250_000 })).toBe(false);
    expect(earner({ publicPension: 1_250_001 })).toBe(true);
    expect(earner({ publicPension: 600_001 }, '1970-01-01')).toBe(true);
    expect(earner({ salary: 550_000 })).toBe(false);
    expect(earner({ salary: 550_001 })).toBe(true);
  });

  it('warns instead of guessing when the next year’s thresholds are not known', () => {
    const calc = income(2020, '1950-01-01', { publicPension: 2_000_000 });
    expect(calc.result.reductionTestIncome).toBeUndefined();
    expect(calc.warnings.map((w) => w.key)).toContain('warnings.noReductionRule');
  });
});
