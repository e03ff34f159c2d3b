import { z } from 'zod';
import { shippedRules, type RuleSet } from '../rules';
import { calcKokiPremium, kokiPremiumRequestSchema } from './koki-premium';
import { calcIncome, incomeRequestSchema } from './income';
import { calcKokiCopay, kokiCopayRequestSchema } from './koki-copay';
import { calcKokuhoPremium, kokuhoPremiumRequestSchema } from './kokuho-premium';
import { calcDeadlines, deadlinesRequestSchema } from './deadlines';
import { calcEligibility, eligibilityRequestSchema } from './eligibility';
import { calcHighCost, highCostRequestSchema } from './high-cost';
import {
  annualOutpatientRequestSchema,
  calcAnnualOutpatient,
  calcCombinedCare,
  combinedCareRequestSchema,
} from './high-cost-annual';
import { calcMeals, mealsRequestSchema } from './meals';
import { MissingRuleError, type Calculation } from './types';

export * from './types';
export type { KokiPremiumRequest, KokiPremiumResult } from './koki-premium';
export type { IncomeRequest, IncomeResult } from './income';
export type { KokiCopayRequest, KokiCopayResult, KokiIncomeCategory } from './koki-copay';
export type { KokuhoPremiumRequest, KokuhoPremiumResult } from './kokuho-premium';
export type { DeadlinesRequest, DeadlinesResult } from './deadlines';
export type { EligibilityRequest, EligibilityResult } from './eligibility';
export type { HighCostRequest, HighCostResult } from './high-cost';
export type {
  AnnualOutpatientRequest,
  AnnualOutpatientResult,
  CombinedCareRequest,
  CombinedCareResult,
} from './high-cost-annual';
export type { MealsRequest, MealsResult } from './meals';

/** Every calculation the product can do, one variant per `kind`. */
export const calcRequestSchema = z.discriminatedUnion('kind', [
  kokiPremiumRequestSchema,
  incomeRequestSchema,
  kokiCopayRequestSchema,
  kokuhoPremiumRequestSchema,
  highCostRequestSchema,
  annualOutpatientRequestSchema,
  combinedCareRequestSchema,
  mealsRequestSchema,
  deadlinesRequestSchema,
  eligibilityRequestSchema,
]);
export type CalcRequest = z.input<typeof calcRequestSchema>;

export interface CalcIssue {
  path: string;
  /** An i18n key in the `calc` namespace when the message is ours, else zod's message. */
  message: string;
  code: string;
}

export type CalcOutcome =
  | { ok: true; calculation: Calculation<unknown> }
  | { ok: false; error: { code: 'invalid-request'; issues: CalcIssue[] } }
  | { ok: false; error: { code: 'no-rule'; ruleKind: string; region: string; date: string } };

/**
 * The one entry to every calculator. Never throws for bad input: invalid requests and missing
 * rules come back as typed errors the UI can explain.
 */
export function calculate(request: unknown, rules: RuleSet = shippedRules()): CalcOutcome {
  const parsed = calcRequestSchema.safeParse(request);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
          code: issue.code,
        })),
      },
    };
  }
  try {
    const data = parsed.data;
    switch (data.kind) {
      case 'koki-premium':
        return { ok: true, calculation: calcKokiPremium(data, rules) };
      case 'income':
        return { ok: true, calculation: calcIncome(data, rules) };
      case 'koki-copay':
        return { ok: true, calculation: calcKokiCopay(data, rules) };
      case 'kokuho-premium':
        return { ok: true, calculation: calcKokuhoPremium(data, rules) };
      case 'high-cost':
        return { ok: true, calculation: calcHighCost(data, rules) };
      case 'high-cost-annual-outpatient':
        return { ok: true, calculation: calcAnnualOutpatient(data, rules) };
      case 'combined-care':
        return { ok: true, calculation: calcCombinedCare(data, rules) };
      case 'meals':
        return { ok: true, calculation: calcMeals(data, rules) };
      case 'deadlines':
        return { ok: true, calculation: calcDeadlines(data, rules) };
      case 'eligibility':
        return { ok: true, calculation: calcEligibility(data, rules) };
    }
  } catch (error) {
    if (error instanceof MissingRuleError) {
      return {
        ok: false,
        error: {
          code: 'no-rule',
          ruleKind: error.ruleKind,
          region: error.region,
          date: error.date,
        },
      };
    }
    throw error;
  }
}
