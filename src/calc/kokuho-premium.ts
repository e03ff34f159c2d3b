import { z } from 'zod';
import { findRule, type RuleSet } from '../rules';
import { regionIdSchema, type Rounding } from '../rules/schema';
import {
  KOKUHO_PARTS,
  type KokuhoLevyPart,
  type KokuhoNationalRule,
  type KokuhoPart,
  type KokuhoPremiumRule,
} from '../rules/schemas/kokuho';
import type { ReductionThresholdRule } from '../rules/schema';
import { addDays, legalAge } from './dates';
import {
  amountInput,
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

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'kokuho.errors.yearMonth');

export const kokuhoMemberSchema = z.strictObject({
  id: z.string().min(1).max(40),
  birthDate: birthDateInput,
  /** Insured in 国民健康保険 in this fiscal year. */
  insured: z.boolean(),
  /** The 世帯主 pays and counts in the reduction test even when not insured (擬制世帯主). */
  householdHead: z.boolean(),
  /**
   * 特定同一世帯所属者: left 国保 for 後期高齢者医療 and still lives in the household. Counts in
   * the reduction test; pays nothing here.
   */
  movedToKoki: z.boolean().default(false),
  income: incomeInputSchema,
  /** Whether this person's income for the year is known to the municipality (申告済み). */
  incomeDeclared: z.boolean().default(true),
  /** 固定資産税額 of the member's land and buildings in the municipality (for 資産割). */
  fixedAssetTax: amountInput.default(0),
  /** Approved as 非自発的失業者 for this fiscal year (離職理由 11, 12, 21, 22, 23, 31, 32, 33, 34). */
  involuntaryUnemployment: z.boolean().default(false),
  /** Birth (or due) month of a child this member gives birth to, for the 産前産後 exemption. */
  childbirth: z.strictObject({ month: yearMonth, multiple: z.boolean().default(false) }).optional(),
});

export const kokuhoPremiumRequestSchema = z
  .strictObject({
    kind: z.literal('kokuho-premium'),
    region: regionIdSchema,
    /** 年度: the fiscal year starting April 1 of this year. */
    fiscalYear: z.number().int().min(2008).max(2100),
    members: z.array(kokuhoMemberSchema).min(1).max(12),
    /**
     * 特定世帯: one insured member is left after another moved to 後期 (first 5 years);
     * 特定継続世帯: the 3 years after that.
     */
    specificHousehold: z.enum(['none', 'specific', 'continuing']).default('none'),
  })
  .check((ctx) => {
    const { members, fiscalYear } = ctx.value;
    const issue = (message: string, path: (string | number)[]) =>
      ctx.issues.push({ code: 'custom', message, path, input: ctx.value });
    for (const message of householdProblems(members, { oneHead: true, someoneInsured: true })) {
      issue(message, ['members']);
    }
    const fyEnd = `${fiscalYear + 1}-03-31`;
    members.forEach((member, index) => {
      if (member.birthDate > fyEnd)
        issue('kokuho.errors.bornAfterYear', ['members', index, 'birthDate']);
      if (legalAge(member.birthDate, `${fiscalYear}-04-01`) > 130) {
        issue('kokuho.errors.implausibleAge', ['members', index, 'birthDate']);
      }
      if (member.insured && member.movedToKoki) {
        issue('kokuho.errors.insuredAndMoved', ['members', index, 'movedToKoki']);
      }
      if (member.insured && insuredMonthIndexes(member.birthDate, fiscalYear).length === 0) {
        issue('kokuho.errors.insuredAged75', ['members', index, 'insured']);
      }
      if (!member.insured && (member.involuntaryUnemployment || member.childbirth)) {
        issue('kokuho.errors.reliefNeedsInsured', ['members', index]);
      }
    });
    if (ctx.value.specificHousehold !== 'none') {
      const insured = members.filter((m) => m.insured).length;
      if (insured !== 1 || !members.some((m) => m.movedToKoki)) {
        issue('kokuho.errors.specificHousehold', ['specificHousehold']);
      }
    }
  });

export type KokuhoPremiumRequest = z.infer<typeof kokuhoPremiumRequestSchema>;
type KokuhoMember = KokuhoPremiumRequest['members'][number];

export interface KokuhoMemberPartResult {
  incomeLevy: number;
  assetLevy: number;
  perCapitaLevy: number;
  /** Months of the fiscal year this member is charged for in this part. */
  months: number;
}

export interface KokuhoPartResult {
  part: KokuhoPart;
  incomeLevy: number;
  assetLevy: number;
  perCapitaLevy: number;
  perHouseholdLevy: number;
  beforeCap: number;
  cap: number;
  capped: boolean;
  /** The part's annual amount after the cap and rounding. */
  amount: number;
}

export interface KokuhoPremiumResult {
  /** Annual amount for the household (sum of the parts). */
  total: number;
  /** Share removed from 均等割 and 平等割 by the low-income test (700000 = 7割), or 0. */
  reductionPpm: number;
  parts: KokuhoPartResult[];
  members: { id: string; parts: Partial<Record<KokuhoPart, KokuhoMemberPartResult>> }[];
  /** The annual amount split into the municipality's instalments, when the schedule is known. */
  instalments: { month: number; amount: number }[] | null;
}

const FULL = 1_000_000;

function require<T>(rule: T | undefined, kind: string, region: string, date: string): T {
  if (!rule) throw new MissingRuleError(kind, region, date);
  return rule;
}

/** Index of a month within fiscal year `fy`: April = 0 … March = 11 (may fall outside 0–11). */
function fiscalMonthIndex(isoDateOrMonth: string, fy: number): number {
  const [y, m] = isoDateOrMonth.split('-').map(Number);
  return ((y ?? 0) - fy) * 12 + ((m ?? 0) - 4);
}

/** The day a person legally reaches `age` (the day before the birthday). */
function reachesAgeOn(birthDate: string, age: number): string {
  const [y, m, d] = birthDate.split('-').map(Number);
  const birthday = new Date(Date.UTC((y ?? 0) + age, (m ?? 1) - 1, d ?? 1))
    .toISOString()
    .slice(0, 10);
  return addDays(birthday, -1);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(12, to); i += 1) out.push(i);
  return out;
}

/**
 * Months of the fiscal year in which a person can be insured in 国保: from the birth month,
 * and before the month of the 75th birthday (後期 starts on the birthday itself).
 */
function insuredMonthIndexes(birthDate: string, fy: number): number[] {
  const [y, m, d] = birthDate.split('-').map(Number);
  const birthday75 = new Date(Date.UTC((y ?? 0) + 75, (m ?? 1) - 1, d ?? 1))
    .toISOString()
    .slice(0, 10);
  return range(fiscalMonthIndex(birthDate, fy), fiscalMonthIndex(birthday75, fy));
}

/**
 * Months liable for the 介護納付金分: from the month in which the person reaches 40 to the month
 * before the one in which they reach 65 (介護保険第2号被保険者).
 */
function careMonthIndexes(birthDate: string, fy: number, national: KokuhoNationalRule): number[] {
  const from = fiscalMonthIndex(reachesAgeOn(birthDate, national.careAges.from), fy);
  const to = fiscalMonthIndex(reachesAgeOn(birthDate, national.careAges.to + 1), fy);
  return range(from, to);
}

/** Exempt months of the 産前産後 measure within the fiscal year. */
function postnatalMonthIndexes(
  member: KokuhoMember,
  fy: number,
  national: KokuhoNationalRule,
): number[] {
  const exemption = national.postnatalExemption;
  if (!member.childbirth || !exemption) return [];
  const shape = member.childbirth.multiple ? exemption.multiple : exemption.single;
  const start = fiscalMonthIndex(member.childbirth.month, fy) - shape.monthsBefore;
  const first = Math.max(start, fiscalMonthIndex(exemption.fromMonth, fy));
  return range(first, start + shape.months);
}

/**
 * Younger than `age` for the whole fiscal year in the "until the March 31 after reaching the
 * age" sense (未就学児 with 6, the 子ども分 exemption with 18).
 */
function beforeMarch31AfterAge(birthDate: string, age: number, fy: number): boolean {
  return legalAge(birthDate, `${fy}-03-31`) < age;
}

function reduceFlat(amount: number, reductionPpm: number, rounding: Rounding): number {
  if (reductionPpm === 0) return amount;
  return roundYen(applyRateFloor(amount, FULL - reductionPpm), rounding);
}

/** `amount × months / 12`, rounded down to the yen. */
function prorate(amount: number, months: number): number {
  return months >= 12 ? amount : Math.floor((amount * months) / 12);
}

interface MemberFacts {
  member: KokuhoMember;
  income: IncomeBreakdown;
  /** 総所得金額等 after the 非自発的失業者 adjustment. */
  countedIncome: number;
  age: number;
  insuredMonths: number[];
  careMonths: number[];
  postnatalMonths: number[];
}

function countedIncomeOf(
  member: KokuhoMember,
  income: IncomeBreakdown,
  national: KokuhoNationalRule,
  working: Working,
): number {
  if (!member.involuntaryUnemployment || income.salaryIncome === 0) return income.totalIncome;
  const countedSalary = applyRateFloor(
    income.salaryIncome,
    national.involuntaryUnemploymentSalarySharePpm,
  );
  const counted = income.totalIncome - income.salaryIncome + countedSalary;
  working.step(
    'kokuho.unemployment',
    {
      salaryIncomeYen: income.salaryIncome,
      sharePercent: ppmToPercent(national.involuntaryUnemploymentSalarySharePpm),
      countedSalaryYen: countedSalary,
      resultYen: counted,
    },
    { amount: counted, memberId: member.id },
  );
  return counted;
}

function householdReduction(
  facts: readonly MemberFacts[],
  thresholds: ReductionThresholdRule,
  working: Working,
): number {
  if (facts.some((f) => !f.member.incomeDeclared)) {
    working.warn('kokuho.warnings.incomeUndeclared');
    working.step('kokuho.noReductionUndeclared', {});
    return 0;
  }
  let total = 0;
  let earners = 0;
  for (const f of facts) {
    const test = reductionTestIncome(
      thresholds,
      { ...f.income, totalIncome: f.countedIncome },
      f.age,
    );
    const reductionIncome = Math.max(0, test.income);
    total += reductionIncome;
    if (test.special > 0) {
      working.step(
        'kokuho.reductionIncome',
        { incomeYen: f.countedIncome, specialYen: test.special, resultYen: reductionIncome },
        { amount: reductionIncome, memberId: f.member.id },
      );
    }
    if (isSalaryOrPensionEarner(thresholds, f.member.income, f.age)) earners += 1;
  }
  // 被保険者数 in the test counts 特定同一世帯所属者 too; a 世帯主 outside 国保 is not counted.
  const counted = facts.filter((f) => f.member.insured || f.member.movedToKoki).length;
  for (const tier of thresholds.tiers) {
    const limit =
      thresholds.base +
      tier.perInsured * counted +
      thresholds.perExtraEarner * Math.max(0, earners - 1);
    if (total <= limit) {
      working.step('kokuho.householdTest', {
        incomeYen: total,
        limitYen: limit,
        counted,
        earners,
        reductionPercent: ppmToPercent(tier.reductionPpm),
      });
      return tier.reductionPpm;
    }
  }
  working.step('kokuho.noReduction', { incomeYen: total });
  return 0;
}

interface PartContext {
  part: KokuhoPart;
  levy: KokuhoLevyPart;
  rule: KokuhoPremiumRule;
  national: KokuhoNationalRule;
  basicDeduction: (income: number) => number;
  reductionPpm: number;
  fy: number;
  specificHousehold: KokuhoPremiumRequest['specificHousehold'];
}

function computePart(
  ctx: PartContext,
  insured: readonly MemberFacts[],
  working: Working,
  memberResults: Map<string, Partial<Record<KokuhoPart, KokuhoMemberPartResult>>>,
): KokuhoPartResult | null {
  const { part, levy, rule, national, fy } = ctx;
  const liable = insured
    .map((f) => ({ f, months: part === 'care' ? f.careMonths : f.insuredMonths }))
    .filter((x) => x.months.length > 0);
  if (liable.length === 0) return null;

  let incomeLevy = 0;
  let assetLevy = 0;
  let perCapitaLevy = 0;
  for (const { f, months } of liable) {
    const chargedMonths = months.filter((m) => !f.postnatalMonths.includes(m)).length;
    const id = f.member.id;

    const deduction = ctx.basicDeduction(f.income.totalIncome);
    const base = Math.max(0, f.countedIncome - deduction);
    const fullIncomeLevy = roundYen(
      applyRateFloor(base, levy.incomeRatePpm),
      rule.rounding.incomeLevy,
    );
    working.step(
      'kokuho.incomeLevy',
      {
        part,
        incomeYen: f.countedIncome,
        basicDeductionYen: deduction,
        baseYen: base,
        ratePercent: ppmToPercent(levy.incomeRatePpm),
        resultYen: fullIncomeLevy,
      },
      { amount: fullIncomeLevy, memberId: id },
    );

    let fullAsset = 0;
    if (levy.assetRatePpm > 0 && f.member.fixedAssetTax > 0) {
      fullAsset = roundYen(
        applyRateFloor(f.member.fixedAssetTax, levy.assetRatePpm),
        rule.rounding.incomeLevy,
      );
      working.step(
        'kokuho.assetLevy',
        {
          part,
          taxYen: f.member.fixedAssetTax,
          ratePercent: ppmToPercent(levy.assetRatePpm),
          resultYen: fullAsset,
        },
        { amount: fullAsset, memberId: id },
      );
    }

    let perCapita = reduceFlat(levy.perCapita, ctx.reductionPpm, rule.rounding.reducedFlat);
    if (ctx.reductionPpm > 0) {
      working.step(
        'kokuho.perCapita',
        {
          part,
          fullYen: levy.perCapita,
          reductionPercent: ppmToPercent(ctx.reductionPpm),
          resultYen: perCapita,
        },
        { amount: perCapita, memberId: id },
      );
    } else {
      working.step(
        'kokuho.perCapitaFull',
        { part, resultYen: perCapita },
        { amount: perCapita, memberId: id },
      );
    }
    const under18Exempt =
      part === 'childSupport' &&
      national.childSupportPerCapitaExemptUnderAge !== null &&
      beforeMarch31AfterAge(f.member.birthDate, national.childSupportPerCapitaExemptUnderAge, fy);
    if (under18Exempt) {
      perCapita = 0;
      working.step(
        'kokuho.perCapitaUnder18',
        { part, age: national.childSupportPerCapitaExemptUnderAge ?? 0 },
        { amount: 0, memberId: id },
      );
    } else if (
      national.preschoolPerCapitaReductionPpm !== null &&
      beforeMarch31AfterAge(f.member.birthDate, 6, fy)
    ) {
      const before = perCapita;
      perCapita = reduceFlat(
        perCapita,
        national.preschoolPerCapitaReductionPpm,
        rule.rounding.reducedFlat,
      );
      working.step(
        'kokuho.perCapitaPreschool',
        {
          part,
          beforeYen: before,
          reductionPercent: ppmToPercent(national.preschoolPerCapitaReductionPpm),
          resultYen: perCapita,
        },
        { amount: perCapita, memberId: id },
      );
    }

    const memberIncome = prorate(fullIncomeLevy, chargedMonths);
    const memberPerCapita = prorate(perCapita, chargedMonths);
    const memberAsset = prorate(fullAsset, months.length);
    if (chargedMonths < 12) {
      working.step(
        'kokuho.memberMonths',
        {
          part,
          months: chargedMonths,
          postnatalMonths: months.length - chargedMonths,
          beforeYen: fullIncomeLevy + perCapita,
          resultYen: memberIncome + memberPerCapita,
        },
        { amount: memberIncome + memberPerCapita, memberId: id },
      );
    }
    incomeLevy += memberIncome;
    assetLevy += memberAsset;
    perCapitaLevy += memberPerCapita;
    const results = memberResults.get(id) ?? {};
    results[part] = {
      incomeLevy: memberIncome,
      assetLevy: memberAsset,
      perCapitaLevy: memberPerCapita,
      months: chargedMonths,
    };
    memberResults.set(id, results);
  }

  let perHouseholdLevy = 0;
  if (levy.perHousehold > 0) {
    const householdMonths = new Set(liable.flatMap((x) => x.months)).size;
    let amount = levy.perHousehold;
    const specificPpm =
      ctx.specificHousehold === 'specific'
        ? national.specificHouseholdReductionPpm
        : ctx.specificHousehold === 'continuing'
          ? national.specificContinuingHouseholdReductionPpm
          : 0;
    // The 特定世帯 measures apply to the medical and support parts only.
    if (specificPpm > 0 && (part === 'medical' || part === 'support')) {
      amount = reduceFlat(amount, specificPpm, rule.rounding.reducedFlat);
      working.step('kokuho.specificHousehold', {
        part,
        fullYen: levy.perHousehold,
        reductionPercent: ppmToPercent(specificPpm),
        resultYen: amount,
      });
    }
    const reduced = reduceFlat(amount, ctx.reductionPpm, rule.rounding.reducedFlat);
    perHouseholdLevy = prorate(reduced, householdMonths);
    const values = { part, fullYen: amount, months: householdMonths, resultYen: perHouseholdLevy };
    if (ctx.reductionPpm > 0) {
      working.step(
        'kokuho.perHousehold',
        { ...values, reductionPercent: ppmToPercent(ctx.reductionPpm) },
        { amount: perHouseholdLevy },
      );
    } else {
      working.step('kokuho.perHouseholdFull', values, { amount: perHouseholdLevy });
    }
  }

  const beforeCap = incomeLevy + assetLevy + perCapitaLevy + perHouseholdLevy;
  const capped = beforeCap > levy.cap;
  const amount = roundYen(Math.min(beforeCap, levy.cap), rule.rounding.part);
  if (capped) {
    working.step(
      'kokuho.capped',
      { part, beforeYen: beforeCap, capYen: levy.cap },
      { amount: levy.cap },
    );
  }
  working.step(
    'kokuho.partTotal',
    {
      part,
      incomeLevyYen: incomeLevy,
      assetLevyYen: assetLevy,
      perCapitaYen: perCapitaLevy,
      perHouseholdYen: perHouseholdLevy,
      unitYen: rule.rounding.part.unit,
      resultYen: amount,
    },
    { amount },
  );
  return {
    part,
    incomeLevy,
    assetLevy,
    perCapitaLevy,
    perHouseholdLevy,
    beforeCap,
    cap: levy.cap,
    capped,
    amount,
  };
}

/**
 * Splits the annual amount into equal instalments rounded down to `unit`; the remainder goes
 * into the first or the last one, so the instalments always add up to the total.
 */
export function splitIntoInstalments(
  total: number,
  months: readonly number[],
  unit: number,
  remainderIn: 'first' | 'last',
): { month: number; amount: number }[] {
  const count = months.length;
  const each = Math.floor(total / count / unit) * unit;
  const odd = total - each * (count - 1);
  const oddIndex = remainderIn === 'first' ? 0 : count - 1;
  return months.map((month, index) => ({ month, amount: index === oddIndex ? odd : each }));
}

/** 国民健康保険 annual premium (or tax) of a household, with its working. */
export function calcKokuhoPremium(
  request: KokuhoPremiumRequest,
  rules: RuleSet,
): Calculation<KokuhoPremiumResult> {
  const working = new Working();
  const fy = request.fiscalYear;
  const date = `${fy}-04-01`;
  const incomeYear = fy - 1;

  const rule = require(findRule(rules, {
    kind: 'kokuho-premium',
    scheme: 'kokuho',
    region: request.region,
    date,
  }), 'kokuho-premium', request.region, date);
  working.use(rule);
  const national = require(findRule(rules, {
    kind: 'kokuho-national',
    scheme: 'kokuho',
    region: 'national',
    date,
  }), 'kokuho-national', 'national', date);
  working.use(national);
  const thresholds = require(findRule(rules, {
    kind: 'reduction-thresholds',
    scheme: 'kokuho',
    region: request.region,
    date,
  }), 'reduction-thresholds', 'national', date);
  working.use(thresholds);
  const basicDate = `${incomeYear}-01-01`;
  const basic = require(findRule(rules, {
    kind: 'basic-deduction',
    scheme: 'national',
    region: 'national',
    date: basicDate,
  }), 'basic-deduction', 'national', basicDate);
  working.use(basic);
  if (!rule.rounding.stated) working.warn('kokuho.warnings.roundingAssumed', { rule: rule.id });

  const dec31 = `${incomeYear}-12-31`;
  const counted = request.members.filter((m) => m.insured || m.movedToKoki || m.householdHead);
  const facts: MemberFacts[] = counted.map((member) => {
    const age = legalAge(member.birthDate, dec31);
    const income = computeIncome(rules, member.income, age, incomeYear, working, member.id);
    const insuredMonths = member.insured ? insuredMonthIndexes(member.birthDate, fy) : [];
    const careMonths = careMonthIndexes(member.birthDate, fy, national).filter((m) =>
      insuredMonths.includes(m),
    );
    const postnatalMonths = member.insured
      ? postnatalMonthIndexes(member, fy, national).filter((m) => insuredMonths.includes(m))
      : [];
    if (postnatalMonths.length > 0) {
      working.step('kokuho.postnatal', { months: postnatalMonths.length }, { memberId: member.id });
    }
    return {
      member,
      income,
      countedIncome: countedIncomeOf(member, income, national, working),
      age,
      insuredMonths,
      careMonths,
      postnatalMonths,
    };
  });

  const reductionPpm = householdReduction(facts, thresholds, working);
  const basicDeduction = (income: number) => basicDeductionFor(basic, income);

  const insured = facts.filter((f) => f.member.insured);
  const memberResults = new Map<string, Partial<Record<KokuhoPart, KokuhoMemberPartResult>>>();
  const parts: KokuhoPartResult[] = [];
  for (const part of KOKUHO_PARTS) {
    const levy = rule.parts[part];
    if (!levy) continue;
    const result = computePart(
      {
        part,
        levy,
        rule,
        national,
        basicDeduction,
        reductionPpm,
        fy,
        specificHousehold: request.specificHousehold,
      },
      insured,
      working,
      memberResults,
    );
    if (result) parts.push(result);
  }

  const total = parts.reduce((sum, p) => sum + p.amount, 0);
  working.step('kokuho.total', { resultYen: total }, { amount: total });

  let instalments: KokuhoPremiumResult['instalments'] = null;
  if (rule.instalments) {
    working.use({ id: rule.id, status: rule.status, sources: [rule.instalments.source] });
    instalments = splitIntoInstalments(
      total,
      rule.instalments.months,
      rule.instalments.unit,
      rule.instalments.remainderIn,
    );
    if (!rule.instalments.splitStated) working.warn('kokuho.warnings.instalmentSplitAssumed');
    for (const [index, instalment] of instalments.entries()) {
      working.step('kokuho.instalment', {
        index: index + 1,
        month: instalment.month,
        amountYen: instalment.amount,
      });
    }
  } else {
    working.warn('kokuho.warnings.instalmentsUnknown');
  }

  return working.finish({
    total,
    reductionPpm,
    parts,
    members: insured.map((f) => ({ id: f.member.id, parts: memberResults.get(f.member.id) ?? {} })),
    instalments,
  });
}
