import { z } from 'zod';
import { findRule, type RuleSet } from '../rules';
import {
  claimBenefitSchema,
  isoDate,
  type ClaimBenefit,
  type ClaimPeriodStart,
} from '../rules/schema';
import { addDays } from './dates';
import { MissingRuleError, Working, type Calculation } from './types';

const claimSchema = z.strictObject({
  benefit: claimBenefitSchema,
  /**
   * The day the claim is about: the payment (療養費, 移送費), the birth (出産育児一時金), the
   * funeral (葬祭費), or any day in the month of care (高額療養費).
   */
  date: isoDate,
  /** 高額療養費 only: when the copay was paid, if that was after the month of care. */
  paidOn: isoDate.optional(),
});

export const deadlinesRequestSchema = z
  .strictObject({
    kind: z.literal('deadlines'),
    scheme: z.enum(['kokuho', 'koki']).default('kokuho'),
    /** The day someone joined or left (moved in, lost employee insurance, left Japan…). */
    notificationEventDate: isoDate.optional(),
    claims: z.array(claimSchema).max(20, { error: 'errors.tooManyClaims' }).default([]),
  })
  .check((ctx) => {
    if (!ctx.value.notificationEventDate && ctx.value.claims.length === 0) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.deadlinesNothingAsked',
        path: [],
        input: ctx.value,
      });
    }
    ctx.value.claims.forEach((claim, index) => {
      if (claim.paidOn !== undefined && claim.benefit !== 'high-cost') {
        ctx.issues.push({
          code: 'custom',
          message: 'errors.paidOnOnlyForHighCost',
          path: ['claims', index, 'paidOn'],
          input: claim.paidOn,
        });
      }
      if (claim.paidOn !== undefined && claim.paidOn < claim.date) {
        ctx.issues.push({
          code: 'custom',
          message: 'errors.paidBeforeCare',
          path: ['claims', index, 'paidOn'],
          input: claim.paidOn,
        });
      }
    });
  });
export type DeadlinesRequest = z.output<typeof deadlinesRequestSchema>;

export interface ClaimDeadline {
  benefit: ClaimBenefit;
  /** 時効の起算日: the first day of the claim period. */
  periodStarts: string;
  /** The last day a claim can be made. */
  lastDay: string;
}

export interface DeadlinesResult {
  /** The last day to notify the municipality, when an event date was given. */
  notifyBy?: string;
  claims: ClaimDeadline[];
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day of the month after the one containing `date`. */
export function firstOfNextMonth(date: string): string {
  const [y, m] = parts(date);
  return m === 12 ? isoOf(y + 1, 1, 1) : isoOf(y, m + 1, 1);
}

/**
 * The last day of a period of whole years counted from `start` (inclusive), as 民法143条 counts
 * it: the day before the date corresponding to `start`, or the end of that month when it has no
 * such date (a start on February 29).
 */
export function endOfYearsPeriod(start: string, years: number): string {
  const [y, m, d] = parts(start);
  const year = y + years;
  if (d > daysInMonth(year, m)) return isoOf(year, m, daysInMonth(year, m));
  return addDays(isoOf(year, m, d), -1);
}

function periodStart(
  rule: ClaimPeriodStart,
  claim: { date: string; paidOn?: string | undefined },
): string {
  switch (rule) {
    case 'day-after-payment':
    case 'day-after-birth':
    case 'day-after-funeral':
      return addDays(claim.date, 1);
    case 'month-after-care-or-day-after-late-payment': {
      const monthAfter = firstOfNextMonth(claim.date);
      return claim.paidOn !== undefined && claim.paidOn >= monthAfter
        ? addDays(claim.paidOn, 1)
        : monthAfter;
    }
  }
}

/**
 * Deadlines from an event: the day by which joining or leaving must be notified, and the last day
 * each benefit can be claimed before the right lapses (消滅時効).
 */
export function calcDeadlines(
  request: DeadlinesRequest,
  rules: RuleSet,
): Calculation<DeadlinesResult> {
  const work = new Working();
  const asOf = request.notificationEventDate ?? request.claims[0]?.date ?? '';
  const rule = findRule(rules, {
    kind: 'deadlines',
    scheme: request.scheme,
    region: 'national',
    date: asOf,
  });
  if (!rule) throw new MissingRuleError('deadlines', 'national', asOf);
  work.use(rule);

  const result: DeadlinesResult = { claims: [] };
  if (request.notificationEventDate !== undefined) {
    if (rule.notificationDays === undefined) {
      throw new MissingRuleError('deadlines:notification', 'national', asOf);
    }
    const notifyBy = addDays(request.notificationEventDate, rule.notificationDays);
    result.notifyBy = notifyBy;
    work.step('deadlines.notification', {
      eventDate: request.notificationEventDate,
      days: rule.notificationDays,
      lastDay: notifyBy,
    });
    work.warn('warnings.deadlineOnClosedDay');
  }

  for (const claim of request.claims) {
    const startRule = rule.claims.find((c) => c.benefit === claim.benefit);
    if (!startRule) throw new MissingRuleError(`deadlines:${claim.benefit}`, 'national', asOf);
    const start = periodStart(startRule.periodStartsOn, claim);
    const lastDay = endOfYearsPeriod(start, rule.claimLimitYears);
    result.claims.push({ benefit: claim.benefit, periodStarts: start, lastDay });
    const latePayment = claim.benefit === 'high-cost' && start !== firstOfNextMonth(claim.date);
    work.step(`deadlines.claim.${claim.benefit}${latePayment ? '-late-payment' : ''}`, {
      date: claim.date,
      paidOn: claim.paidOn ?? '',
      periodStarts: start,
      years: rule.claimLimitYears,
      lastDay,
    });
  }
  return work.finish(result);
}
