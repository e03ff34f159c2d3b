import { z } from 'zod';
import { findRule, type RuleSet } from '../rules';
import {
  from70CategorySchema,
  under70CategorySchema,
  type HighCostRule,
  type LimitFormula,
} from '../rules/schema';
import { nthBirthday } from './birthdays';
import { legalAge } from './dates';
import { amountInput, birthDateInput } from './income';
import { ppmToPercent } from './money';
import { MissingRuleError, Working, type Calculation } from './types';
import { householdProblems } from './household-checks';

/** Where care was given; copays are grouped by these separately (医科/歯科, 入院/外来). */
export const careSettingSchema = z.enum([
  'inpatient',
  'outpatient',
  'dental-inpatient',
  'dental-outpatient',
]);
export type CareSetting = z.infer<typeof careSettingSchema>;

const billSchema = z
  .strictObject({
    /** Hospital or clinic. A pharmacy's copay belongs to the institution that wrote the prescription. */
    institution: z
      .string()
      .trim()
      .min(1, { error: 'errors.institutionMissing' })
      .max(60, { error: 'errors.institutionTooLong' }),
    setting: careSettingSchema,
    /** The full cost of the covered care (10割), meals and uncovered costs excluded. */
    medicalCost: amountInput,
    /** What was actually paid at the counter for that care. */
    copay: amountInput,
  })
  .check((ctx) => {
    if (ctx.value.copay > ctx.value.medicalCost) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.copayAboveCost',
        path: ['copay'],
        input: ctx.value.copay,
      });
    }
  });

const memberSchema = z.strictObject({
  id: z.string().min(1, { error: 'errors.memberIdMissing' }).max(40),
  birthDate: birthDateInput,
  /** 後期 only: insured from 65 because of a certified disability. */
  disabilityCertified: z.boolean().default(false),
  bills: z.array(billSchema).max(40, { error: 'errors.tooManyBills' }),
});

const monthInput = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'errors.monthFormat' })
  .refine((month) => month >= '2000-01', { error: 'errors.monthTooEarly' });

export const highCostRequestSchema = z
  .strictObject({
    kind: z.literal('high-cost'),
    scheme: z.enum(['kokuho', 'koki']),
    /** The month of care, `YYYY-MM`. */
    month: monthInput,
    /** 国保 household category for members under 70 (区分ア〜オ). */
    under70Category: under70CategorySchema.optional(),
    /** Category of members aged 70 and over (国保 70–74, or 後期). */
    from70Category: from70CategorySchema.optional(),
    /** Months in the previous 12 in which the household already received 高額療養費. */
    previousHighCostMonths: z
      .number({ error: 'errors.notANumber' })
      .int({ error: 'errors.wholeNumber' })
      .min(0, { error: 'errors.negativeCount' })
      .max(11, { error: 'errors.previousMonthsTooMany' })
      .default(0),
    members: z
      .array(memberSchema)
      .min(1, { error: 'errors.noMembers' })
      .max(12, { error: 'errors.tooManyMembers' }),
  })
  .check((ctx) => {
    const { members, month, scheme } = ctx.value;
    for (const message of householdProblems(members, {})) {
      ctx.issues.push({ code: 'custom', message, path: ['members'], input: members });
    }
    const bands = members.map((member) => ageBandIn(member, month, scheme));
    bands.forEach((band, index) => {
      if (band === 'not-insured') {
        ctx.issues.push({
          code: 'custom',
          message: scheme === 'koki' ? 'errors.tooYoungForKoki' : 'errors.tooOldForKokuho',
          path: ['members', index, 'birthDate'],
          input: members[index]?.birthDate,
        });
      }
    });
    if (bands.includes('under-70') && ctx.value.under70Category === undefined) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.under70CategoryMissing',
        path: ['under70Category'],
        input: undefined,
      });
    }
    if (bands.includes('from-70') && ctx.value.from70Category === undefined) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.from70CategoryMissing',
        path: ['from70Category'],
        input: undefined,
      });
    }
    if (scheme === 'kokuho' && ctx.value.from70Category === 'general-ii') {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.generalIiOnlyInKoki',
        path: ['from70Category'],
        input: ctx.value.from70Category,
      });
    }
    if (scheme === 'koki' && ctx.value.under70Category !== undefined) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.under70CategoryNotInKoki',
        path: ['under70Category'],
        input: ctx.value.under70Category,
      });
    }
  });
export type HighCostRequest = z.output<typeof highCostRequestSchema>;

type AgeBand = 'under-70' | 'from-70' | 'not-insured';

function firstDay(month: string): string {
  return `${month}-01`;
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y ?? 0, m ?? 1, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/**
 * Which limits apply to a member in a month. 70–74 limits start the month after the 70th
 * birthday (the birth month itself when born on the 1st, because the legal age changes the day
 * before). 後期 covers people from their 75th birthday (or 65+ with a certified disability).
 */
function ageBandIn(
  member: { birthDate: string; disabilityCertified: boolean },
  month: string,
  scheme: 'kokuho' | 'koki',
): AgeBand {
  if (scheme === 'koki') {
    const insured =
      nthBirthday(member.birthDate, 75) <= lastDay(month) ||
      (member.disabilityCertified && nthBirthday(member.birthDate, 65) <= lastDay(month));
    return insured ? 'from-70' : 'not-insured';
  }
  // In 後期 for the whole month when the 75th birthday is on or before its first day.
  if (nthBirthday(member.birthDate, 75) <= firstDay(month)) return 'not-insured';
  // Aged 70 on the last day of the previous month ⇒ 70–74 limits for the whole month.
  const previousMonthEnd = dayBefore(firstDay(month));
  return legalAge(member.birthDate, previousMonthEnd) >= 70 ? 'from-70' : 'under-70';
}

function dayBefore(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) - 1)).toISOString().slice(0, 10);
}

/** True in the month of the 75th birthday unless born on the 1st (then 後期 starts with the month). */
function turns75In(birthDate: string, month: string): boolean {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m] = month.split('-').map(Number);
  return y === (by ?? 0) + 75 && m === bm && bd !== 1;
}

/** `base + (cost − threshold) × rate`, the rate part rounded as the rule says. */
export function evaluateLimit(
  formula: LimitFormula,
  medicalCost: number,
  rounding: HighCostRule['excessRounding'],
): number {
  const excess = Math.max(0, medicalCost - formula.costThreshold);
  if (excess === 0 || formula.excessRatePpm === 0) return formula.base;
  const product = BigInt(excess) * BigInt(formula.excessRatePpm);
  const million = 1_000_000n;
  const part =
    rounding === 'half-up' ? (product * 2n + million) / (2n * million) : product / million;
  return formula.base + Number(part);
}

function halve(formula: LimitFormula): LimitFormula {
  return {
    base: Math.floor(formula.base / 2),
    costThreshold: Math.floor(formula.costThreshold / 2),
    excessRatePpm: formula.excessRatePpm,
  };
}

export interface HighCostResult {
  /** Everything the household paid for covered care in the month. */
  totalCopay: number;
  /** 高額療養費 due for the month. */
  refund: number;
  /** What the household bears after the refund. */
  netCopay: number;
  /** Refunds by stage of the calculation. */
  stages: {
    /** 70+: outpatient limit per person. */
    outpatientPerPerson: number;
    /** 70+: people turning 75 this month, own limit at half. */
    turning75: number;
    /** 70+: household limit over the 70+ members. */
    from70Household: number;
    /** 国保: the household limit over everyone (under-70 rules). */
    household: number;
  };
  /** The lower 多数回 limit was used. */
  manyTimes: boolean;
}

function isOutpatient(setting: CareSetting): boolean {
  return setting === 'outpatient' || setting === 'dental-outpatient';
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * 高額療養費 for one household and one month: 70+ members first (outpatient per person, then the
 * 70+ household limit), then — in 国保 — the whole household under the under-70 limit, where an
 * under-70 member's copay counts only if it reaches the 21,000-yen threshold for one
 * institution and setting.
 */
export function calcHighCost(
  request: HighCostRequest,
  rules: RuleSet,
): Calculation<HighCostResult> {
  const work = new Working();
  const date = firstDay(request.month);
  const rule = findRule(rules, {
    kind: 'high-cost',
    scheme: request.scheme,
    region: 'national',
    date,
  });
  if (!rule) throw new MissingRuleError('high-cost', 'national', date);
  work.use(rule);
  work.warn('warnings.highCostExcludesMeals');

  const manyTimes = request.previousHighCostMonths + 1 >= rule.manyTimesFromCount;
  if (manyTimes) {
    work.step('highCost.manyTimes', {
      previous: request.previousHighCostMonths,
      time: request.previousHighCostMonths + 1,
    });
  }

  const members = request.members.map((member) => ({
    ...member,
    band: ageBandIn(member, request.month, request.scheme),
    halved: rule.halveInSeventyFifthBirthdayMonth && turns75In(member.birthDate, request.month),
  }));
  for (const member of members) {
    const band =
      member.band === 'under-70' ? 'under70' : request.scheme === 'koki' ? 'koki' : 'from70';
    work.step(`highCost.memberBand.${band}${member.halved ? 'Turning75' : ''}`, {
      member: member.id,
    });
  }

  const totalCopay = sum(members.flatMap((m) => m.bills.map((b) => b.copay)));
  const stages = { outpatientPerPerson: 0, turning75: 0, from70Household: 0, household: 0 };

  // 70 and over.
  const elders = members.filter((m) => m.band === 'from-70');
  let eldersRemaining = 0;
  let eldersCost = 0;
  if (elders.length > 0) {
    // The request schema makes the category required whenever a member is 70 or over.
    const category = request.from70Category;
    const row = rule.from70.find((r) => r.category === category);
    if (!row) throw new MissingRuleError(`high-cost:${category ?? 'none'}`, 'national', date);

    const remainingByMember: number[] = [];
    for (const member of elders) {
      const outpatientBills = member.bills.filter((b) => isOutpatient(b.setting));
      const outpatientCopay = sum(outpatientBills.map((b) => b.copay));
      const inpatientCopay = sum(
        member.bills.filter((b) => !isOutpatient(b.setting)).map((b) => b.copay),
      );
      let remainingOutpatient = outpatientCopay;
      if (row.outpatientPerPerson !== null && outpatientCopay > 0) {
        let limit = member.halved
          ? Math.floor(row.outpatientPerPerson / 2)
          : row.outpatientPerPerson;
        if (row.outpatientTransitional) {
          const outpatientCost = sum(outpatientBills.map((b) => b.medicalCost));
          const formula = member.halved
            ? halve(row.outpatientTransitional)
            : row.outpatientTransitional;
          const transitional = evaluateLimit(formula, outpatientCost, rule.excessRounding);
          work.step('highCost.outpatientTransitional', {
            member: member.id,
            baseYen: formula.base,
            costYen: outpatientCost,
            thresholdYen: formula.costThreshold,
            ratePercent: ppmToPercent(formula.excessRatePpm),
            resultYen: transitional,
            ordinaryYen: limit,
          });
          limit = Math.min(limit, transitional);
        }
        const refund = Math.max(0, outpatientCopay - limit);
        remainingOutpatient = outpatientCopay - refund;
        stages.outpatientPerPerson += refund;
        work.step(
          'highCost.outpatientPerPerson',
          { member: member.id, copayYen: outpatientCopay, limitYen: limit, refundYen: refund },
          { amount: refund, memberId: member.id },
        );
      }
      let remaining = remainingOutpatient + inpatientCopay;
      if (member.halved && remaining > 0) {
        const ownFormula = halve(householdFormula(row, manyTimes));
        const ownLimit = evaluateLimit(ownFormula, sumCost(member.bills), rule.excessRounding);
        const refund = Math.max(0, remaining - ownLimit);
        remaining -= refund;
        stages.turning75 += refund;
        work.step(
          'highCost.turning75Limit',
          {
            member: member.id,
            copayYen: remaining + refund,
            limitYen: ownLimit,
            refundYen: refund,
          },
          { amount: refund, memberId: member.id },
        );
      }
      remainingByMember.push(remaining);
      eldersCost += sumCost(member.bills);
    }

    const eldersCopay = sum(remainingByMember);
    const limit = explainLimit(work, householdFormula(row, manyTimes), eldersCost, rule);
    const refund = Math.max(0, eldersCopay - limit);
    stages.from70Household = refund;
    eldersRemaining = eldersCopay - refund;
    work.step(
      'highCost.from70Household',
      { copayYen: eldersCopay, limitYen: limit, refundYen: refund },
      { amount: refund },
    );
  }

  // Under 70 (国保 only), with the 70+ members' remaining share.
  const young = members.filter((m) => m.band === 'under-70');
  if (young.length > 0) {
    const category = request.under70Category;
    const row = rule.under70?.find((r) => r.category === category);
    if (!row) throw new MissingRuleError(`high-cost:${category ?? 'none'}`, 'national', date);

    let countedCopay = 0;
    let countedCost = 0;
    for (const member of young) {
      for (const group of groupBills(member.bills)) {
        const counted = group.copay >= rule.under70MinimumCopay;
        work.step(`highCost.group${counted ? 'Counted' : 'NotCounted'}.${group.setting}`, {
          member: member.id,
          institution: group.institution,
          copayYen: group.copay,
          minimumYen: rule.under70MinimumCopay,
        });
        if (counted) {
          countedCopay += group.copay;
          countedCost += group.medicalCost;
        }
      }
    }
    const householdCopay = countedCopay + eldersRemaining;
    if (householdCopay > 0) {
      const formula: LimitFormula = manyTimes
        ? { base: row.manyTimes, costThreshold: 0, excessRatePpm: 0 }
        : row.household;
      const limit = explainLimit(work, formula, countedCost + eldersCost, rule);
      const refund = Math.max(0, householdCopay - limit);
      stages.household = refund;
      work.step(
        elders.length > 0 ? 'highCost.householdWithElders' : 'highCost.household',
        {
          countedYen: countedCopay,
          eldersYen: eldersRemaining,
          copayYen: householdCopay,
          limitYen: limit,
          refundYen: refund,
        },
        { amount: refund },
      );
    }
  }

  const refund =
    stages.outpatientPerPerson + stages.turning75 + stages.from70Household + stages.household;
  work.step(
    'highCost.total',
    { copayYen: totalCopay, refundYen: refund, netYen: totalCopay - refund },
    { amount: refund },
  );
  return work.finish({ totalCopay, refund, netCopay: totalCopay - refund, stages, manyTimes });
}

function householdFormula(row: HighCostRule['from70'][number], manyTimes: boolean): LimitFormula {
  return manyTimes && row.manyTimes !== null
    ? { base: row.manyTimes, costThreshold: 0, excessRatePpm: 0 }
    : row.household;
}

function sumCost(bills: readonly { medicalCost: number }[]): number {
  return sum(bills.map((b) => b.medicalCost));
}

/** Evaluates a limit and records how it was found. */
function explainLimit(
  work: Working,
  formula: LimitFormula,
  cost: number,
  rule: HighCostRule,
): number {
  const limit = evaluateLimit(formula, cost, rule.excessRounding);
  if (formula.excessRatePpm === 0) {
    work.step('highCost.limitFlat', { limitYen: limit });
  } else {
    work.step('highCost.limitFormula', {
      baseYen: formula.base,
      costYen: cost,
      thresholdYen: formula.costThreshold,
      ratePercent: ppmToPercent(formula.excessRatePpm),
      limitYen: limit,
    });
  }
  return limit;
}

interface BillGroup {
  institution: string;
  setting: CareSetting;
  copay: number;
  medicalCost: number;
}

/** One group per institution and setting: the unit the 21,000-yen rule looks at. */
function groupBills(
  bills: readonly {
    institution: string;
    setting: CareSetting;
    copay: number;
    medicalCost: number;
  }[],
): BillGroup[] {
  const groups = new Map<string, BillGroup>();
  for (const bill of bills) {
    const key = `${bill.institution.trim().toLowerCase()}\u0000${bill.setting}`;
    const group = groups.get(key) ?? {
      institution: bill.institution.trim(),
      setting: bill.setting,
      copay: 0,
      medicalCost: 0,
    };
    group.copay += bill.copay;
    group.medicalCost += bill.medicalCost;
    groups.set(key, group);
  }
  return [...groups.values()];
}
