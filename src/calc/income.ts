import { z } from 'zod';
import { findRule, type RuleSet } from '../rules';
import type {
  BasicDeductionRule,
  Bracket,
  PensionDeductionRule,
  ReductionThresholdRule,
  SalaryDeductionRule,
} from '../rules/schema';
import { isoDate } from '../rules/schema';
import { legalAge } from './dates';
import { applyRateCeil } from './money';
import { MissingRuleError, Working, type Calculation } from './types';

/**
 * An amount of money typed by a user. The messages are i18n keys (`calc` namespace) so the UI
 * can say what is wrong in the reader's language.
 */
export const amountInput = z
  .number({ error: 'errors.notANumber' })
  .int({ error: 'errors.wholeYen' })
  .min(0, { error: 'errors.negativeAmount' })
  .max(1e11, { error: 'errors.amountTooLarge' });

/** A birth date that a living person can have; later checks compare it with the period asked for. */
export const birthDateInput = isoDate.refine((date) => date >= '1890-01-01', {
  error: 'errors.birthDateTooEarly',
});

export const incomeInputSchema = z.strictObject({
  /** 公的年金等の収入金額 (taxable public pensions only; disability and survivors' pensions excluded). */
  publicPension: amountInput.default(0),
  /** 給与収入 (gross salary). */
  salary: amountInput.default(0),
  /** 所得 from business, property and other sources, already net of their expenses. */
  other: amountInput.default(0),
});

export type IncomeInput = z.infer<typeof incomeInputSchema>;

export interface IncomeBreakdown {
  /** 公的年金等に係る雑所得. */
  pensionIncome: number;
  /** 給与所得 after the 所得金額調整控除. */
  salaryIncome: number;
  /** 所得金額調整控除 taken off the salary income (salary and pension together). */
  incomeAdjustment: number;
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

export interface SalaryIncomeWorking {
  income: number;
  /** How the table was read: a fixed row, the 4,000-yen stepped amount, or the formula. */
  method: 'fixed' | 'stepped' | 'formula';
  /** The salary the formula was applied to (the stepped amount where stepping applies). */
  basis: number;
}

/** 給与所得 (before 所得金額調整控除) for a gross salary, read the way the official table reads. */
export function salaryIncome(rule: SalaryDeductionRule, salary: number): SalaryIncomeWorking {
  const row = rule.fixedIncomeRows.find((r) => r.from <= salary && salary < r.below);
  if (row) return { income: row.income, method: 'fixed', basis: salary };
  const stepping = rule.stepping;
  const stepped =
    stepping && stepping.from <= salary && salary < stepping.below
      ? Math.floor(salary / stepping.unit) * stepping.unit
      : salary;
  // The bracket follows the real salary; only its formula is applied to the stepped amount.
  const bracket = bracketFor(rule.brackets, salary);
  const deduction = Math.min(stepped, bracket.amount + applyRateCeil(stepped, bracket.ratePpm));
  return {
    income: Math.max(0, stepped - deduction),
    method: stepped === salary ? 'formula' : 'stepped',
    basis: stepped,
  };
}

/** 所得金額調整控除 for people with both salary and public-pension income. */
export function salaryPensionAdjustment(
  cap: number | undefined,
  salaryIncomeAmount: number,
  pensionIncome: number,
): number {
  if (cap === undefined || salaryIncomeAmount <= 0 || pensionIncome <= 0) return 0;
  const adjustment = Math.min(salaryIncomeAmount, cap) + Math.min(pensionIncome, cap) - cap;
  return Math.max(0, adjustment);
}

function requireNational<K extends 'pension-deduction' | 'salary-deduction' | 'basic-deduction'>(
  rules: RuleSet,
  kind: K,
  date: string,
) {
  const rule = findRule(rules, { kind, scheme: 'national', region: 'national', date });
  if (!rule) throw new MissingRuleError(kind, 'national', date);
  return rule;
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
  memberId?: string,
): IncomeBreakdown {
  const date = `${incomeYear}-01-01`;
  const extra = memberId === undefined ? {} : { memberId };

  let salaryIncomeBeforeAdjustment = 0;
  let salaryRule: SalaryDeductionRule | undefined;
  if (input.salary > 0) {
    salaryRule = requireNational(rules, 'salary-deduction', date);
    working.use(salaryRule);
    const read = salaryIncome(salaryRule, input.salary);
    salaryIncomeBeforeAdjustment = read.income;
    const values = {
      revenueYen: input.salary,
      basisYen: read.basis,
      deductionYen: input.salary - read.income,
      incomeYen: read.income,
    };
    const key =
      read.method === 'fixed'
        ? 'income.salaryFixedRow'
        : read.method === 'stepped'
          ? 'income.salaryStepped'
          : 'income.salary';
    working.step(key, values, { amount: read.income, ...extra });
  }

  let pensionIncome = 0;
  if (input.publicPension > 0) {
    const rule = requireNational(rules, 'pension-deduction', date);
    working.use(rule);
    // The deduction shrinks when income other than pensions (合計所得金額 excluding pensions) is high.
    const deduction = pensionDeduction(
      rule,
      input.publicPension,
      ageOnDec31,
      salaryIncomeBeforeAdjustment + input.other,
    );
    pensionIncome = input.publicPension - deduction;
    working.step(
      'income.pension',
      {
        revenueYen: input.publicPension,
        deductionYen: deduction,
        age: ageOnDec31,
        incomeYen: pensionIncome,
      },
      { amount: pensionIncome, ...extra },
    );
  }

  const incomeAdjustment = salaryPensionAdjustment(
    salaryRule?.salaryPensionAdjustmentCap,
    salaryIncomeBeforeAdjustment,
    pensionIncome,
  );
  if (incomeAdjustment > 0) {
    working.step(
      'income.adjustment',
      {
        salaryIncomeYen: salaryIncomeBeforeAdjustment,
        pensionIncomeYen: pensionIncome,
        capYen: salaryRule?.salaryPensionAdjustmentCap ?? 0,
        adjustmentYen: incomeAdjustment,
      },
      { amount: -incomeAdjustment, ...extra },
    );
  }
  const salaryIncomeAmount = salaryIncomeBeforeAdjustment - incomeAdjustment;

  const otherIncome = input.other;
  if (otherIncome > 0) {
    working.step('income.other', { incomeYen: otherIncome }, { amount: otherIncome, ...extra });
  }
  const totalIncome = pensionIncome + salaryIncomeAmount + otherIncome;
  working.step('income.total', { incomeYen: totalIncome }, { amount: totalIncome, ...extra });
  return {
    pensionIncome,
    salaryIncome: salaryIncomeAmount,
    incomeAdjustment,
    otherIncome,
    totalIncome,
  };
}

/** 基礎控除 (resident tax) for a 合計所得金額. */
export function basicDeductionFor(rule: BasicDeductionRule, totalIncome: number): number {
  return rule.tiers.find((t) => t.upTo === null || totalIncome <= t.upTo)?.deduction ?? 0;
}

/**
 * 軽減判定所得: 総所得金額等, less up to the special deduction from the pension income of
 * people aged `seniorAge` or more on December 31 of the income year.
 */
export function reductionTestIncome(
  thresholds: ReductionThresholdRule,
  income: IncomeBreakdown,
  ageOnDec31: number,
): { special: number; income: number } {
  const special =
    ageOnDec31 >= thresholds.seniorAge
      ? Math.min(income.pensionIncome, thresholds.seniorPensionSpecialDeduction)
      : 0;
  return { special, income: income.totalIncome - special };
}

/** 給与所得者等: salary revenue above the limit, or pension revenue above the age-specific limit. */
export function isSalaryOrPensionEarner(
  thresholds: ReductionThresholdRule,
  input: IncomeInput,
  ageOnDec31: number,
): boolean {
  const pensionLimit =
    ageOnDec31 >= thresholds.seniorAge
      ? thresholds.earnerTest.pensionOverSenior
      : thresholds.earnerTest.pensionOverJunior;
  return input.salary > thresholds.earnerTest.salaryOver || input.publicPension > pensionLimit;
}

// ---------------------------------------------------------------------------------------------
// The `income` calculation kind: one person's income figures as the premium calculators use them.

export const incomeRequestSchema = z
  .strictObject({
    kind: z.literal('income'),
    /** The calendar year the income was earned (premiums of fiscal year N use income year N − 1). */
    incomeYear: z
      .number({ error: 'errors.notANumber' })
      .int({ error: 'errors.wholeYear' })
      .min(2020, { error: 'errors.incomeYearTooEarly' })
      .max(2100, { error: 'errors.incomeYearTooLate' }),
    birthDate: birthDateInput,
    income: incomeInputSchema,
  })
  .check((ctx) => {
    const { birthDate, incomeYear } = ctx.value;
    if (birthDate > `${incomeYear}-12-31`) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.bornAfterPeriod',
        path: ['birthDate'],
        input: birthDate,
      });
    }
  });

export type IncomeRequest = z.infer<typeof incomeRequestSchema>;

export interface IncomeResult {
  ageOnDec31: number;
  pensionIncome: number;
  salaryIncome: number;
  incomeAdjustment: number;
  otherIncome: number;
  /** 総所得金額等. */
  totalIncome: number;
  /** 住民税 基礎控除 for this income. */
  basicDeduction: number;
  /** 総所得金額等 − 基礎控除 (旧ただし書き所得; 賦課のもととなる所得金額). */
  incomeBase: number;
  /** 軽減判定所得 for the next fiscal year's premium reductions, when its rule is known. */
  reductionTestIncome?: number;
  /** Counts as a 給与所得者等 in the reduction test, when its rule is known. */
  salaryOrPensionEarner?: boolean;
}

/** One person's 総所得金額等 and the figures derived from it, with the working. */
export function calcIncome(request: IncomeRequest, rules: RuleSet): Calculation<IncomeResult> {
  const working = new Working();
  const year = request.incomeYear;
  const ageOnDec31 = legalAge(request.birthDate, `${year}-12-31`);
  const income = computeIncome(rules, request.income, ageOnDec31, year, working);

  const basicRule = requireNational(rules, 'basic-deduction', `${year}-01-01`);
  working.use(basicRule);
  const basicDeduction = basicDeductionFor(basicRule, income.totalIncome);
  const incomeBase = Math.max(0, income.totalIncome - basicDeduction);
  working.step(
    'income.incomeBase',
    { incomeYen: income.totalIncome, basicDeductionYen: basicDeduction, resultYen: incomeBase },
    { amount: incomeBase },
  );

  const result: IncomeResult = { ageOnDec31, ...income, basicDeduction, incomeBase };
  // Reductions for fiscal year N + 1 are judged on this income.
  const thresholds = findRule(rules, {
    kind: 'reduction-thresholds',
    scheme: 'koki',
    region: 'national',
    date: `${year + 1}-04-01`,
  });
  if (thresholds) {
    working.use(thresholds);
    const test = reductionTestIncome(thresholds, income, ageOnDec31);
    result.reductionTestIncome = test.income;
    working.step(
      'income.reductionTestIncome',
      { incomeYen: income.totalIncome, specialYen: test.special, resultYen: test.income },
      { amount: test.income },
    );
    result.salaryOrPensionEarner = isSalaryOrPensionEarner(thresholds, request.income, ageOnDec31);
    working.step(result.salaryOrPensionEarner ? 'income.earner' : 'income.notEarner', {
      salaryLimitYen: thresholds.earnerTest.salaryOver,
      pensionLimitYen:
        ageOnDec31 >= thresholds.seniorAge
          ? thresholds.earnerTest.pensionOverSenior
          : thresholds.earnerTest.pensionOverJunior,
    });
  } else {
    working.warn('warnings.noReductionRule', { fiscalYear: year + 1 });
  }
  return working.finish(result);
}
