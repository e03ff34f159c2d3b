import { z } from 'zod';
import { findRule, type RuleSet } from '../rules';
import { isoDate, type KokiCopayRule } from '../rules/schema';
import { legalAge } from './dates';
import { amountInput, birthDateInput, computeIncome, incomeInputSchema } from './income';
import { MissingRuleError, Working, type Calculation } from './types';
import { householdProblems } from './household-checks';

/**
 * 後期高齢者医療 copay ratio (窓口負担割合) and income category (所得区分) of a household.
 *
 * The ratio is set every August 1 from the income of the previous calendar year, so care from
 * August of year N to July of year N + 1 uses income year N − 1 (the 住民税 of fiscal year N).
 */

export const kokiCopayMemberSchema = z.strictObject({
  id: z.string().min(1, { error: 'errors.memberIdMissing' }).max(40),
  birthDate: birthDateInput,
  /** Insured in 後期高齢者医療. Other household members matter for 区分Ⅰ and the fallback. */
  insured: z.boolean(),
  /** 住民税の課税所得 (課税標準額) of the year the ratio is based on. */
  taxableIncome: amountInput.default(0),
  income: incomeInputSchema,
});

export const kokiCopayRequestSchema = z
  .strictObject({
    kind: z.literal('koki-copay'),
    /** The date of care; the ratio in force on that day is determined. */
    date: isoDate.refine((date) => date >= '2008-04-01', { error: 'errors.dateBeforeScheme' }),
    /** Every member of the 住民票 household, insured or not. */
    members: z
      .array(kokiCopayMemberSchema, { error: 'errors.noMembers' })
      .min(1, { error: 'errors.noMembers' })
      .max(12, { error: 'errors.tooManyMembers' }),
    /** Nobody in the household pays 住民税 (世帯全員が住民税非課税). */
    householdResidentTaxExempt: z.boolean().default(false),
    /**
     * Use the 基準収入額適用 fallback for 現役並み households with low revenue. It needs an
     * application at the municipality; most offices apply it once they know the revenue.
     */
    applyRevenueFallback: z.boolean().default(true),
  })
  .check((ctx) => {
    const { members, householdResidentTaxExempt, date } = ctx.value;
    for (const message of householdProblems(members, { someoneInsured: true })) {
      ctx.issues.push({ code: 'custom', message, path: ['members'], input: members });
    }
    members.forEach((member, index) => {
      if (member.birthDate > date) {
        ctx.issues.push({
          code: 'custom',
          message: 'errors.bornAfterPeriod',
          path: ['members', index, 'birthDate'],
          input: member.birthDate,
        });
      }
      if (householdResidentTaxExempt && member.taxableIncome > 0) {
        ctx.issues.push({
          code: 'custom',
          message: 'errors.taxExemptWithTaxableIncome',
          path: ['members', index, 'taxableIncome'],
          input: member.taxableIncome,
        });
      }
    });
  });

export type KokiCopayRequest = z.infer<typeof kokiCopayRequestSchema>;
type CopayMember = KokiCopayRequest['members'][number];

export type KokiIncomeCategory =
  'current-3' | 'current-2' | 'current-1' | 'general-2' | 'general-1' | 'low-2' | 'low-1';

export interface KokiCopayResult {
  /** Copay share in tenths: 1, 2 or 3 (1割, 2割, 3割). */
  ratioTenths: 1 | 2 | 3;
  category: KokiIncomeCategory;
  /** The income year whose figures decide the ratio. */
  incomeYear: number;
  /** True when a 現役並み household was moved down by the 基準収入額 fallback. */
  revenueFallbackApplied: boolean;
}

/** The calendar year whose income decides the ratio on `date` (switch on August 1). */
export function copayIncomeYear(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 8 ? year - 1 : year - 2;
}

function revenueOf(member: CopayMember): number {
  // 収入: gross amounts. `other` is already net of expenses, the best figure the form collects.
  return member.income.publicPension + member.income.salary + member.income.other;
}

function currentLevelCategory(rule: KokiCopayRule, taxable: number): KokiIncomeCategory {
  if (taxable >= rule.currentLevelThreeTaxableIncome) return 'current-3';
  if (taxable >= rule.currentLevelTwoTaxableIncome) return 'current-2';
  return 'current-1';
}

export function calcKokiCopay(
  request: KokiCopayRequest,
  rules: RuleSet,
): Calculation<KokiCopayResult> {
  const working = new Working();
  const rule = findRule(rules, {
    kind: 'copay-ratio',
    scheme: 'koki',
    region: 'national',
    date: request.date,
  });
  if (!rule) throw new MissingRuleError('copay-ratio', 'national', request.date);
  working.use(rule);

  const incomeYear = copayIncomeYear(request.date);
  const insured = request.members.filter((m) => m.insured);
  const maxTaxable = Math.max(...insured.map((m) => m.taxableIncome));
  working.step('kokiCopay.basis', {
    date: request.date,
    incomeYear,
    insured: insured.length,
    taxableYen: maxTaxable,
  });
  const finish = (
    ratioTenths: 1 | 2 | 3,
    category: KokiIncomeCategory,
    revenueFallbackApplied = false,
  ) => {
    working.step('kokiCopay.result', { ratio: ratioTenths, category });
    return working.finish({ ratioTenths, category, incomeYear, revenueFallbackApplied });
  };

  // 1. 現役並み: one insured member's 課税所得 decides for everyone insured in the household.
  let revenueFallbackApplied = false;
  if (maxTaxable >= rule.currentLevelTaxableIncome) {
    const insuredRevenue = insured.reduce((sum, m) => sum + revenueOf(m), 0);
    const youngOld = request.members.filter((m) => {
      const age = legalAge(m.birthDate, request.date);
      return !m.insured && age >= 70 && age <= 74;
    });
    const youngOldRevenue = youngOld.reduce((sum, m) => sum + revenueOf(m), 0);
    const fallback = rule.revenueFallback;
    // The tests the 基準収入額 application allows, in the order an office checks them.
    const tests =
      insured.length === 1
        ? [
            { revenue: insuredRevenue, limit: fallback.singleBelow },
            ...(youngOld.length > 0
              ? [{ revenue: insuredRevenue + youngOldRevenue, limit: fallback.multipleBelow }]
              : []),
          ]
        : [{ revenue: insuredRevenue, limit: fallback.multipleBelow }];
    const passed = tests.find((test) => test.revenue < test.limit);
    working.step('kokiCopay.currentLevel', {
      taxableYen: maxTaxable,
      limitYen: rule.currentLevelTaxableIncome,
    });
    if (!passed || !request.applyRevenueFallback) {
      if (passed) working.warn('warnings.revenueFallbackAvailable');
      return finish(3, currentLevelCategory(rule, maxTaxable));
    }
    revenueFallbackApplied = true;
    working.step('kokiCopay.revenueFallback', {
      revenueYen: passed.revenue,
      limitYen: passed.limit,
    });
  }

  // 2. 一般Ⅱ (2割): 課税所得 and 年金収入 + その他の合計所得金額 of the insured.
  const two = rule.twoTenths;
  if (two && maxTaxable >= two.taxableIncome) {
    let pensionPlusOther = 0;
    for (const member of insured) {
      const age = legalAge(member.birthDate, `${incomeYear}-12-31`);
      const income = computeIncome(rules, member.income, age, incomeYear, working, member.id);
      pensionPlusOther += member.income.publicPension + (income.totalIncome - income.pensionIncome);
    }
    const limit = insured.length === 1 ? two.singleAtLeast : two.multipleAtLeast;
    working.step(pensionPlusOther >= limit ? 'kokiCopay.twoTenths' : 'kokiCopay.notTwoTenths', {
      amountYen: pensionPlusOther,
      limitYen: limit,
      taxableYen: maxTaxable,
    });
    if (pensionPlusOther >= limit) return finish(2, 'general-2', revenueFallbackApplied);
  }

  // 3. 1割: 一般Ⅰ, or 区分Ⅱ/Ⅰ when the whole household is exempt from 住民税.
  if (!request.householdResidentTaxExempt) {
    return finish(1, 'general-1', revenueFallbackApplied);
  }
  const allZero = request.members.every((m) => {
    const pension = Math.max(0, m.income.publicPension - rule.lowIncomeOne.pensionDeduction);
    const salary = Math.max(0, m.income.salary - rule.lowIncomeOne.salaryDeduction);
    return pension + salary + m.income.other === 0;
  });
  working.step(allZero ? 'kokiCopay.lowIncomeOne' : 'kokiCopay.lowIncomeTwo', {
    pensionDeductionYen: rule.lowIncomeOne.pensionDeduction,
    salaryDeductionYen: rule.lowIncomeOne.salaryDeduction,
  });
  return finish(1, allZero ? 'low-1' : 'low-2', revenueFallbackApplied);
}
