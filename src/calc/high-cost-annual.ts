import { z } from 'zod';
import { findRule, type RuleSet } from '../rules';
import { from70CategorySchema, under70CategorySchema } from '../rules/schema';
import { amountInput } from './income';
import { MissingRuleError, Working, type Calculation } from './types';

/** The year whose July 31 ends the yearly period (August of the year before to July). */
const periodEndYear = z
  .number({ error: 'errors.notANumber' })
  .int({ error: 'errors.wholeYear' })
  .min(2019, { error: 'errors.periodTooEarly' })
  .max(2100, { error: 'errors.fiscalYearTooLate' });

function periodOf(year: number): { from: string; to: string } {
  return { from: `${year - 1}-08-01`, to: `${year}-07-31` };
}

export const annualOutpatientRequestSchema = z.strictObject({
  kind: z.literal('high-cost-annual-outpatient'),
  scheme: z.enum(['kokuho', 'koki']),
  periodEndYear,
  /** The person's category on July 31 (the end of the period). */
  category: from70CategorySchema,
  /** Outpatient copays of the person over the period, after the monthly 高額療養費 refunds. */
  outpatientCopay: amountInput,
});
export type AnnualOutpatientRequest = z.output<typeof annualOutpatientRequestSchema>;

export interface AnnualOutpatientResult {
  /** The yearly cap, or `null` when the category has none. */
  cap: number | null;
  refund: number;
}

/**
 * 外来年間合算: for people aged 70+ who are 一般 or low-income on July 31, outpatient copays over
 * August–July above the yearly cap are refunded.
 */
export function calcAnnualOutpatient(
  request: AnnualOutpatientRequest,
  rules: RuleSet,
): Calculation<AnnualOutpatientResult> {
  const work = new Working();
  const period = periodOf(request.periodEndYear);
  const rule = findRule(rules, {
    kind: 'high-cost',
    scheme: request.scheme,
    region: 'national',
    date: period.to,
  });
  if (!rule) throw new MissingRuleError('high-cost', 'national', period.to);
  work.use(rule);
  const capApplies = rule.annualOutpatientCap.categories.includes(request.category);
  if (!capApplies) {
    work.step('highCostAnnual.noCap', { from: period.from, to: period.to });
    return work.finish({ cap: null, refund: 0 });
  }
  const cap = rule.annualOutpatientCap.amount;
  const refund = Math.max(0, request.outpatientCopay - cap);
  work.step(
    'highCostAnnual.outpatient',
    {
      from: period.from,
      to: period.to,
      copayYen: request.outpatientCopay,
      capYen: cap,
      refundYen: refund,
    },
    { amount: refund },
  );
  return work.finish({ cap, refund });
}

export const combinedCareRequestSchema = z
  .strictObject({
    kind: z.literal('combined-care'),
    scheme: z.enum(['kokuho', 'koki']),
    periodEndYear,
    /** Which table applies: 国保 households with a member under 70 use the under-70 one. */
    under70Category: under70CategorySchema.optional(),
    from70Category: from70CategorySchema.optional(),
    /** Medical copays of the household over the period, after 高額療養費. */
    medicalCopay: amountInput,
    /** Long-term care copays over the period, after 高額介護サービス費. */
    careCopay: amountInput,
  })
  .check((ctx) => {
    const { under70Category, from70Category, scheme } = ctx.value;
    if ((under70Category === undefined) === (from70Category === undefined)) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.oneCategory',
        path: ['under70Category'],
        input: under70Category,
      });
    }
    if (scheme === 'koki' && under70Category !== undefined) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.under70CategoryNotInKoki',
        path: ['under70Category'],
        input: under70Category,
      });
    }
  });
export type CombinedCareRequest = z.output<typeof combinedCareRequestSchema>;

export interface CombinedCareResult {
  limit: number;
  total: number;
  refund: number;
}

/**
 * 高額医療・高額介護合算: a household's medical and care copays over August–July above the yearly
 * limit are refunded, shared between the two insurers. Nothing is paid when either part is zero.
 */
export function calcCombinedCare(
  request: CombinedCareRequest,
  rules: RuleSet,
): Calculation<CombinedCareResult> {
  const work = new Working();
  const period = periodOf(request.periodEndYear);
  const rule = findRule(rules, {
    kind: 'combined-care-limits',
    scheme: request.scheme,
    region: 'national',
    date: period.to,
  });
  if (!rule) throw new MissingRuleError('combined-care-limits', 'national', period.to);
  work.use(rule);
  const row =
    request.under70Category !== undefined
      ? rule.under70?.find((r) => r.category === request.under70Category)
      : rule.from70.find((r) => r.category === request.from70Category);
  const category = request.under70Category ?? request.from70Category ?? '';
  if (!row) throw new MissingRuleError(`combined-care-limits:${category}`, 'national', period.to);

  const total = request.medicalCopay + request.careCopay;
  const bothUsed = request.medicalCopay > 0 && request.careCopay > 0;
  const refund = bothUsed ? Math.max(0, total - row.limit) : 0;
  work.step(
    bothUsed ? 'highCostAnnual.combined' : 'highCostAnnual.combinedOnePartZero',
    {
      from: period.from,
      to: period.to,
      medicalYen: request.medicalCopay,
      careYen: request.careCopay,
      totalYen: total,
      limitYen: row.limit,
      refundYen: refund,
    },
    { amount: refund },
  );
  work.warn('warnings.combinedCareSmallAmounts');
  if (request.scheme === 'kokuho' && request.under70Category !== undefined) {
    work.warn('warnings.combinedCareMixedHousehold');
  }
  return work.finish({ limit: row.limit, total, refund });
}
