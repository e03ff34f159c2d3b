import { z } from 'zod';
import { findRule, type RuleSet } from '../rules';
import { isoDate, regionIdSchema, yen, type KokiPremiumRule } from '../rules/schema';
import { legalAge } from './dates';
import { computeIncome, type IncomeBreakdown } from './income';
import { applyRateFloor, ppmToPercent, roundYen } from './money';
import { MissingRuleError, Working, type Calculation } from './types';

export const incomeInputSchema = z.strictObject({
  publicPension: yen.default(0),
  salary: yen.default(0),
  other: yen.default(0),
});

export const kokiMemberSchema = z.strictObject({
  id: z.string().min(1).max(40),
  birthDate: isoDate,
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
    region: regionIdSchema,
    /** 年度: the fiscal year starting April 1 of this year. */
    fiscalYear: z.number().int().min(2008).max(2100),
    members: z.array(kokiMemberSchema).min(1).max(12),
  })
  .check((ctx) => {
    const members = ctx.value.members;
    if (members.filter((m) => m.householdHead).length !== 1) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.oneHouseholdHead',
        path: ['members'],
        input: members,
      });
    }
    if (!members.some((m) => m.insured)) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.noInsuredMember',
        path: ['members'],
        input: members,
      });
    }
    if (new Set(members.map((m) => m.id)).size !== members.length) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.duplicateMemberId',
        path: ['members'],
        input: members,
      });
    }
  });

export type KokiPremiumRequest = z.infer<typeof kokiPremiumRequestSchema>;
type KokiMember = KokiPremiumRequest['members'][number];

export interface KokiMemberPremium {
  id: string;
  perCapitaLevy: number;
  incomeLevy: number;
  cap: number;
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

  const rule = require(
    findRule(rules, { kind: 'premium', scheme: 'koki', region: request.region, date }),
    'premium',
    request.region,
    date,
  );
  working.use(rule);
  const thresholds = require(
    findRule(rules, { kind: 'reduction-thresholds', scheme: 'koki', region: request.region, date }),
    'reduction-thresholds',
    'national',
    date,
  );
  working.use(thresholds);
  const basic = require(
    findRule(rules, {
      kind: 'basic-deduction',
      scheme: 'national',
      region: 'national',
      date: `${incomeYear}-01-01`,
    }),
    'basic-deduction',
    'national',
    `${incomeYear}-01-01`,
  );
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
  }

  // 軽減判定: household total of 軽減判定所得 against the thresholds.
  let householdReductionIncome = 0;
  let earners = 0;
  for (const member of counted) {
    const income = incomes.get(member.id)!;
    const age = ages.get(member.id)!;
    const senior = age >= thresholds.seniorAge;
    const special = senior ? Math.min(income.pensionIncome, thresholds.seniorPensionSpecialDeduction) : 0;
    const reductionIncome = income.totalIncome - special;
    householdReductionIncome += reductionIncome;
    if (special > 0) {
      working.step(
        'koki.reductionIncome',
        { incomeYen: income.totalIncome, specialYen: special, resultYen: reductionIncome },
        { amount: reductionIncome, memberId: member.id },
      );
    }
    const pensionLimit = senior
      ? thresholds.earnerTest.pensionOverSenior
      : thresholds.earnerTest.pensionOverJunior;
    if (
      member.income.salary > thresholds.earnerTest.salaryOver ||
      member.income.publicPension > pensionLimit
    ) {
      earners += 1;
    }
  }
  const insuredCount = request.members.filter((m) => m.insured).length;
  let reductionPpm = 0;
  for (const tier of thresholds.tiers) {
    const limit =
      thresholds.base + tier.perInsured * insuredCount + thresholds.perExtraEarner * Math.max(0, earners - 1);
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
    if (member.formerDependant && rule.formerDependantReductionPpm > memberReduction) {
      memberReduction = rule.formerDependantReductionPpm;
      working.step(
        'koki.formerDependant',
        { reductionPercent: ppmToPercent(memberReduction) },
        { memberId: member.id },
      );
    }
    const perCapitaLevy =
      memberReduction > 0
        ? roundYen(applyRateFloor(rule.perCapita, 1_000_000 - memberReduction), rule.reducedPerCapitaRounding)
        : rule.perCapita;
    working.step(
      'koki.perCapita',
      { fullYen: rule.perCapita, reductionPercent: ppmToPercent(memberReduction), resultYen: perCapitaLevy },
      { amount: perCapitaLevy, memberId: member.id },
    );

    let incomeLevy = 0;
    if (member.formerDependant) {
      working.step('koki.formerDependantNoIncomeLevy', {}, { memberId: member.id, amount: 0 });
    } else {
      const deduction =
        basic.tiers.find((t) => t.upTo === null || income.totalIncome <= t.upTo)?.deduction ?? 0;
      const base = Math.max(0, income.totalIncome - deduction);
      const reduced = rule.reducedIncomeRate && base <= rule.reducedIncomeRate.maxIncomeBase;
      const ratePpm = reduced ? rule.reducedIncomeRate!.ratePpm : rule.incomeRatePpm;
      incomeLevy = roundYen(applyRateFloor(base, ratePpm), rule.incomeLevyRounding);
      working.step(
        reduced ? 'koki.incomeLevyReduced' : 'koki.incomeLevy',
        {
          incomeYen: income.totalIncome,
          basicDeductionYen: deduction,
          baseYen: base,
          ratePercent: ppmToPercent(ratePpm),
          resultYen: incomeLevy,
        },
        { amount: incomeLevy, memberId: member.id },
      );
    }

    const cap = capFor(rule, member);
    const beforeCap = perCapitaLevy + incomeLevy;
    if (beforeCap > cap) {
      working.step('koki.capped', { beforeYen: beforeCap, capYen: cap }, { amount: cap, memberId: member.id });
    }
    const premium = roundYen(Math.min(beforeCap, cap), rule.totalRounding);
    working.step(
      'koki.memberTotal',
      {
        perCapitaYen: perCapitaLevy,
        incomeLevyYen: incomeLevy,
        beforeRoundingYen: Math.min(beforeCap, cap),
        unitYen: rule.totalRounding.unit,
        resultYen: premium,
      },
      { amount: premium, memberId: member.id },
    );
    members.push({ id: member.id, perCapitaLevy, incomeLevy, cap, premium });
  }

  const total = members.reduce((sum, m) => sum + m.premium, 0);
  if (members.length > 1) {
    working.step('koki.householdTotal', { resultYen: total }, { amount: total });
  }
  return working.finish({ total, reductionPpm, members });
}
