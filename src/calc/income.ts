import { findRule, type RuleSet } from '../rules';
import type { Bracket, PensionDeductionRule } from '../rules/schema';
import { applyRateCeil } from './money';
import { MissingRuleError, type Working } from './types';

export interface IncomeInput {
  /** 公的年金等の収入金額 (taxable public pensions only; disability and survivors' pensions excluded). */
  publicPension: number;
  /** 給与収入 (gross salary). */
  salary: number;
  /** 所得 from business, property and other sources, already net of their expenses. */
  other: number;
}

export interface IncomeBreakdown {
  pensionIncome: number;
  salaryIncome: number;
  otherIncome: number;
  /** 総所得金額等. */
  totalIncome: number;
}

function bracketFor(brackets: readonly Bracket[], value: number): Bracket {
  const bracket = brackets.find((b) => b.below === null || value < b.below);
  if (!bracket) throw new Error('Deduction table has no open-ended last bracket');
  return bracket;
}

/** 公的年金等控除額 for a pension of `revenue` yen. Never more than the pension itself. */
export function pensionDeduction(
  rule: PensionDeductionRule,
  revenue: number,
  ageOnDec31: number,
  otherIncome: number,
): number {
  const brackets = ageOnDec31 >= rule.ageThreshold ? rule.senior : rule.junior;
  const bracket = bracketFor(brackets, revenue);
  let deduction = bracket.amount + applyRateCeil(revenue, bracket.ratePpm);
  const adjustment = rule.otherIncomeAdjustments
    .filter((a) => otherIncome > a.over)
    .reduce((max, a) => Math.max(max, a.reduceBy), 0);
  deduction = Math.max(0, deduction - adjustment);
  return Math.min(deduction, revenue);
}

/**
 * 総所得金額等 of one person for income year `incomeYear`, with its working. Age is taken on
 * December 31 of the income year.
 */
export function computeIncome(
  rules: RuleSet,
  input: IncomeInput,
  ageOnDec31: number,
  incomeYear: number,
  working: Working,
  memberId: string,
): IncomeBreakdown {
  let pensionIncome = 0;
  if (input.publicPension > 0) {
    const date = `${incomeYear}-01-01`;
    const rule = findRule(rules, {
      kind: 'pension-deduction',
      scheme: 'national',
      region: 'national',
      date,
    });
    if (!rule) throw new MissingRuleError('pension-deduction', 'national', date);
    working.use(rule);
    // The deduction depends on other income (合計所得金額 excluding pensions), see the rule.
    const deduction = pensionDeduction(rule, input.publicPension, ageOnDec31, input.other);
    pensionIncome = input.publicPension - deduction;
    working.step(
      'income.pension',
      {
        revenueYen: input.publicPension,
        deductionYen: deduction,
        age: ageOnDec31,
        incomeYen: pensionIncome,
      },
      { amount: pensionIncome, memberId },
    );
  }
  if (input.salary > 0) {
    throw new MissingRuleError('salary-deduction', 'national', `${incomeYear}-01-01`);
  }
  const otherIncome = input.other;
  if (otherIncome > 0) {
    working.step('income.other', { incomeYen: otherIncome }, { amount: otherIncome, memberId });
  }
  const totalIncome = pensionIncome + otherIncome;
  working.step('income.total', { incomeYen: totalIncome }, { amount: totalIncome, memberId });
  return { pensionIncome, salaryIncome: 0, otherIncome, totalIncome };
}
