import { z } from 'zod';
import { findRule, type RuleSet } from '../rules';
import { isoDate, type KokiPremiumRule } from '../rules/schema';
import { legalAge } from './dates';
import {
  basicDeductionFor,
  birthDateInput,
  computeIncome,
  incomeInputSchema,
  isSalaryOrPensionEarner,
  reductionTestIncome,
  type IncomeBreakdown,
} from './income';
import { applyRateFloor, ppmToPercent, roundYen } from './money';
import { MissingRuleError, Working, type Calculation } from './types';
import { householdProblems } from './household-checks';

export { incomeInputSchema } from './income';

/** A region id as in the rule files (`fukuoka`, `hokkaido/sapporo`), with a localizable message. */
export const regionInput = z
  .string({ error: 'errors.regionMissing' })
  .regex(/^(national|[a-z]+(\/[a-z-]+)?)$/, { error: 'errors.regionFormat' });

export const kokiMemberSchema = z.strictObject({
  id: z.string().min(1, { error: 'errors.memberIdMissing' }).max(40),
  birthDate: birthDateInput,
  /** Insured in 後期高齢者医療. A 世帯主 who is not insured still counts for the reduction test. */
  insured: z.boolean(),
  householdHead: z.boolean(),
  income: incomeInputSchema,
  /**
   * Was an employee-insurance dependant (被扶養者) the day before joining, and the fiscal year
   * falls within the two years after joining.
   */
  formerDependant: z.boolean().default(false),
  /** Date of the disability certification that made a 65–74-year-old insured, if any. */
  disabilityCertifiedOn: isoDate.optional(),
});

export const kokiPremiumRequestSchema = z
  .strictObject({
    kind: z.literal('koki-premium'),
    region: regionInput,
    /** 年度: the fiscal year starting April 1 of this year. */
    fiscalYear: z
      .number({ error: 'errors.notANumber' })
      .int({ error: 'errors.wholeYear' })
      .min(2008, { error: 'errors.fiscalYearTooEarly' })
      .max(2100, { error: 'errors.fiscalYearTooLate' }),
    members: z
      .array(kokiMemberSchema, { error: 'errors.noMembers' })
      .min(1, { error: 'errors.noMembers' })
      .max(12, { error: 'errors.tooManyMembers' }),
  })
  .check((ctx) => {
    const members = ctx.value.members;
    const fiscalYearEnd = `${ctx.value.fiscalYear + 1}-03-31`;
    members.forEach((member, index) => {
      if (member.birthDate > fiscalYearEnd) {
        ctx.issues.push({
          code: 'custom',
          message: 'errors.bornAfterPeriod',
          path: ['members', index, 'birthDate'],
          input: member.birthDate,
        });
      }
    });
    for (const message of householdProblems(members, { oneHead: true, someoneInsured: true })) {
      ctx.issues.push({ code: 'custom', message, path: ['members'], input: members });
    }
  });

export type KokiPremiumRequest = z.infer<typeof kokiPremiumRequestSchema>;
type KokiMember = KokiPremiumRequest['members'][number];

export interface KokiMemberPremium {
  id: string;
  /** 均等割 after any reduction. */
  perCapitaLevy: number;
  /** 所得割. */
  incomeLevy: number;
  /** 賦課限度額 that applied to this member (the medical part). */
  cap: number;
  /** 子ども・子育て支援金分 (均等割 + 所得割, capped), from FY2026; 0 before. */
  childSupport: number;
  /** Annual premium after caps and rounding. */
  premium: number;
}

export interface KokiPremiumResult {
  /** Annual premium of the whole household (sum of the insured members'). */
  total: number;
  /** The household's 均等割 reduction, as a share removed (700000 = 7割), or 0. */
  reductionPpm: number;
  members: KokiMemberPremium[];
}

function require<T>(rule: T | undefined, kind: string, region: string, date: string): T {
  if (!rule) throw new MissingRuleError(kind, region, date);
  return rule;
}

function capFor(rule: KokiPremiumRule, member: KokiMember): number {
  let cap = rule.cap;
  for (const exception of rule.capExceptions) {
    const byBirth = exception.bornOnOrBefore && member.birthDate <= exception.bornOnOrBefore;
    const byDisability =
      exception.disabilityCertifiedOnOrBefore &&
      member.disabilityCertifiedOn !== undefined &&
      member.disabilityCertifiedOn <= exception.disabilityCertifiedOnOrBefore;
    if (byBirth || byDisability) cap = Math.min(cap, exception.cap);
  }
  return cap;
}

function reducedPerCapita(rule: KokiPremiumRule, perCapita: number, reductionPpm: number): number {
  if (reductionPpm === 0) return perCapita;
  return roundYen(
    applyRateFloor(perCapita, 1_000_000 - reductionPpm),
    rule.reducedPerCapitaRounding,
  );
}

/** 後期高齢者医療 annual premiums of a household's insured members. */
export function calcKokiPremium(
  request: KokiPremiumRequest,
  rules: RuleSet,
): Calculation<KokiPremiumResult> {
  const working = new Working();
  const fy = request.fiscalYear;
  const date = `${fy}-04-01`;
  const incomeYear = fy - 1;
  const dec31 = `${incomeYear}-12-31`;

  const rule = require(findRule(rules, {
    kind: 'premium',
    scheme: 'koki',
    region: request.region,
    date,
  }), 'premium', request.region, date);
  working.use(rule);
  const thresholds = require(findRule(rules, {
    kind: 'reduction-thresholds',
    scheme: 'koki',
    region: request.region,
    date,
  }), 'reduction-thresholds', 'national', date);
  working.use(thresholds);
  const basic = require(findRule(rules, {
    kind: 'basic-deduction',
    scheme: 'national',
    region: 'national',
    date: `${incomeYear}-01-01`,
  }), 'basic-deduction', 'national', `${incomeYear}-01-01`);
  working.use(basic);

  // Only the insured and the 世帯主 take part; other household members do not count.
  const counted = request.members.filter((m) => m.insured || m.householdHead);
  const incomes = new Map<string, IncomeBreakdown>();
  const ages = new Map<string, number>();
  for (const member of counted) {
    const age = legalAge(member.birthDate, dec31);
    ages.set(member.id, age);
    incomes.set(
      member.id,
      computeIncome(rules, member.income, age, incomeYear, working, member.id),
    );
    if (member.insured) warnAboutAge(member, working, fy);
  }

  // 軽減判定: household total of 軽減判定所得 against the thresholds.
  let householdReductionIncome = 0;
  let earners = 0;
  for (const member of counted) {
    const income = incomes.get(member.id)!;
    const age = ages.get(member.id)!;
    const test = reductionTestIncome(thresholds, income, age);
    householdReductionIncome += test.income;
    if (test.special > 0) {
      working.step(
        'koki.reductionIncome',
        { incomeYen: income.totalIncome, specialYen: test.special, resultYen: test.income },
        { amount: test.income, memberId: member.id },
      );
    }
    if (isSalaryOrPensionEarner(thresholds, member.income, age)) earners += 1;
  }
  const insuredCount = request.members.filter((m) => m.insured).length;
  let reductionPpm = 0;
  for (const tier of thresholds.tiers) {
    const limit =
      thresholds.base +
      tier.perInsured * insuredCount +
      thresholds.perExtraEarner * Math.max(0, earners - 1);
    if (householdReductionIncome <= limit) {
      reductionPpm = tier.reductionPpm;
      working.step('koki.householdTest', {
        incomeYen: householdReductionIncome,
        limitYen: limit,
        insured: insuredCount,
        earners,
        reductionPercent: ppmToPercent(tier.reductionPpm),
      });
      break;
    }
  }
  if (reductionPpm === 0) {
    working.step('koki.noReduction', { incomeYen: householdReductionIncome });
  }

  const members: KokiMemberPremium[] = [];
  for (const member of request.members.filter((m) => m.insured)) {
    const income = incomes.get(member.id)!;
    let memberReduction = reductionPpm;
    // The former-dependant cut and the low-income cut do not add up: the larger one applies.
    if (member.formerDependant && rule.formerDependantReductionPpm > memberReduction) {
      memberReduction = rule.formerDependantReductionPpm;
      working.step(
        'koki.formerDependant',
        { reductionPercent: ppmToPercent(memberReduction), years: rule.formerDependantYears },
        { memberId: member.id },
      );
    }
    const perCapitaLevy = reducedPerCapita(rule, rule.perCapita, memberReduction);
    working.step(
      'koki.perCapita',
      {
        fullYen: rule.perCapita,
        reductionPercent: ppmToPercent(memberReduction),
        resultYen: perCapitaLevy,
      },
      { amount: perCapitaLevy, memberId: member.id },
    );

    let incomeLevy = 0;
    let incomeBase = 0;
    if (member.formerDependant) {
      working.step('koki.formerDependantNoIncomeLevy', {}, { memberId: member.id, amount: 0 });
    } else {
      const deduction = basicDeductionFor(basic, income.totalIncome);
      incomeBase = Math.max(0, income.totalIncome - deduction);
      const reduced = rule.reducedIncomeRate && incomeBase <= rule.reducedIncomeRate.maxIncomeBase;
      const ratePpm = reduced ? rule.reducedIncomeRate!.ratePpm : rule.incomeRatePpm;
      incomeLevy = roundYen(applyRateFloor(incomeBase, ratePpm), rule.incomeLevyRounding);
      working.step(
        reduced ? 'koki.incomeLevyReduced' : 'koki.incomeLevy',
        {
          incomeYen: income.totalIncome,
          basicDeductionYen: deduction,
          baseYen: incomeBase,
          ratePercent: ppmToPercent(ratePpm),
          resultYen: incomeLevy,
        },
        { amount: incomeLevy, memberId: member.id },
      );
    }

    const cap = capFor(rule, member);
    const beforeCap = perCapitaLevy + incomeLevy;
    if (beforeCap > cap) {
      working.step(
        'koki.capped',
        { beforeYen: beforeCap, capYen: cap },
        { amount: cap, memberId: member.id },
      );
    }
    const medical = Math.min(beforeCap, cap);

    let childSupport = 0;
    if (rule.childSupport) {
      const part = rule.childSupport;
      const childPerCapita = reducedPerCapita(rule, part.perCapita, memberReduction);
      const childIncomeLevy = member.formerDependant
        ? 0
        : roundYen(applyRateFloor(incomeBase, part.incomeRatePpm), rule.incomeLevyRounding);
      childSupport = Math.min(childPerCapita + childIncomeLevy, part.cap);
      working.step(
        'koki.childSupport',
        {
          perCapitaYen: childPerCapita,
          baseYen: incomeBase,
          ratePercent: ppmToPercent(part.incomeRatePpm),
          incomeLevyYen: childIncomeLevy,
          capYen: part.cap,
          resultYen: childSupport,
        },
        { amount: childSupport, memberId: member.id },
      );
    }

    const premium = roundYen(medical + childSupport, rule.totalRounding);
    working.step(
      rule.childSupport ? 'koki.memberTotalWithChildSupport' : 'koki.memberTotal',
      {
        perCapitaYen: perCapitaLevy,
        incomeLevyYen: incomeLevy,
        childSupportYen: childSupport,
        beforeRoundingYen: medical + childSupport,
        unitYen: rule.totalRounding.unit,
        resultYen: premium,
      },
      { amount: premium, memberId: member.id },
    );
    members.push({ id: member.id, perCapitaLevy, incomeLevy, cap, childSupport, premium });
  }

  const total = members.reduce((sum, m) => sum + m.premium, 0);
  if (members.length > 1) {
    working.step('koki.householdTotal', { resultYen: total }, { amount: total });
  }
  if (request.members.some((m) => m.formerDependant)) {
    working.warn('warnings.formerDependantWholeYear', { years: rule.formerDependantYears });
  }
  return working.finish({ total, reductionPpm, members });
}

/**
 * 後期 covers people aged 75 or more, and 65–74-year-olds certified for a disability. A younger
 * insured member is probably a typing mistake, so say so instead of failing. Someone who turns 75
 * during the year joins on their birthday and pays by the month from then on (月割), which this
 * calculator does not model: it says so.
 */
function warnAboutAge(member: KokiMember, working: Working, fiscalYear: number): void {
  const yearEnd = `${fiscalYear + 1}-03-31`;
  const ageAtYearEnd = legalAge(member.birthDate, yearEnd);
  const minimumAge = member.disabilityCertifiedOn === undefined ? 75 : 65;
  if (ageAtYearEnd < minimumAge) {
    working.warn('warnings.insuredTooYoung', { member: member.id, age: ageAtYearEnd });
    return;
  }
  if (member.disabilityCertifiedOn !== undefined) return;
  const seventyFifth = `${Number(member.birthDate.slice(0, 4)) + 75}${member.birthDate.slice(4)}`;
  if (seventyFifth > `${fiscalYear}-04-01` && seventyFifth <= yearEnd) {
    working.warn('warnings.joinsDuringYear', { member: member.id, date: seventyFifth });
  }
}
