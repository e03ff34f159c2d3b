import { describe, expect, it } from 'vitest';
import { calculate, type Calculation, type MealsResult } from '../../src/calc';

function meals(request: Record<string, unknown>): Calculation<MealsResult> {
  const outcome = calculate({ kind: 'meals', scheme: 'kokuho', ...request });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<MealsResult>;
}

describe('hospital meal charge', () => {
  it('charges 510 yen a meal from April 2025: a 10-day stay with lunch+dinner on arrival and breakfast on leaving', () => {
    // 東大阪市 https://www.city.higashiosaka.lg.jp/0000002719.html (令和7年4月から 510円)
    const calc = meals({
      category: 'standard',
      admission: '2025-06-01',
      discharge: '2025-06-10',
      firstDayMeals: 2,
      lastDayMeals: 1,
    });
    expect(calc.result.meals).toBe(2 + 8 * 3 + 1);
    expect(calc.result.total).toBe(27 * 510);
  });

  it('splits a stay across 2025-03-31 / 2025-04-01 into 490 and 510 yen meals', () => {
    const calc = meals({ category: 'standard', admission: '2025-03-30', discharge: '2025-04-02' });
    expect(calc.result.periods).toEqual([
      { from: '2025-03-30', to: '2025-03-31', meals: 6, perMeal: 490, amount: 2_940 },
      { from: '2025-04-01', to: '2025-04-02', meals: 6, perMeal: 510, amount: 3_060 },
    ]);
    expect(calc.result.total).toBe(6_000);
  });

  it('splits at 2024-05-31 / 2024-06-01 (460 → 490)', () => {
    const calc = meals({ category: 'standard', admission: '2024-05-31', discharge: '2024-06-01' });
    expect(calc.result.periods.map((p) => p.perMeal)).toEqual([460, 490]);
  });

  it('uses the low-income rows: 240 yen (≤ 90 days), 190 yen (> 90 days), 110 yen (低所得Ⅰ) in 2025', () => {
    const day = { admission: '2025-06-01', discharge: '2025-06-01' };
    expect(meals({ category: 'low-income', ...day }).result.total).toBe(720);
    expect(meals({ category: 'low-income-long-stay', ...day }).result.total).toBe(570);
    expect(meals({ category: 'low-income-1', ...day }).result.total).toBe(330);
    expect(meals({ category: 'designated-disease', ...day }).result.total).toBe(900);
  });

  it('warns that the June 2026 figure is not verified and has no row for low incomes yet', () => {
    const calc = meals({ category: 'standard', admission: '2026-06-01', discharge: '2026-06-01' });
    expect(calc.result.total).toBe(1_650);
    expect(calc.warnings.map((w) => w.key)).toContain('warnings.unverifiedRule');
    const outcome = calculate({
      kind: 'meals',
      scheme: 'kokuho',
      category: 'low-income',
      admission: '2026-06-01',
      discharge: '2026-06-01',
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'no-rule', ruleKind: 'meal-costs:low-income' },
    });
  });

  it('gives the same charge in 後期高齢者医療', () => {
    const calc = meals({
      scheme: 'koki',
      category: 'standard',
      admission: '2025-06-01',
      discharge: '2025-06-01',
    });
    expect(calc.result.total).toBe(1_530);
  });

  it('rejects a discharge before admission, 4 meals a day and stays over 400 days', () => {
    const bad = [
      { admission: '2025-06-02', discharge: '2025-06-01' },
      { admission: '2025-06-01', discharge: '2025-06-02', firstDayMeals: 4 },
      { admission: '2025-01-01', discharge: '2026-03-01' },
    ];
    const messages = bad.map((b) => {
      const outcome = calculate({ kind: 'meals', scheme: 'kokuho', category: 'standard', ...b });
      return !outcome.ok && outcome.error.code === 'invalid-request'
        ? outcome.error.issues[0]?.message
        : 'ok';
    });
    expect(messages).toEqual([
      'errors.dischargeBeforeAdmission',
      'errors.mealsPerDay',
      'errors.stayTooLong',
    ]);
  });
});
