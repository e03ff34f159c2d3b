import type {
  AnnualOutpatientResult,
  Calculation,
  CombinedCareResult,
  DeadlinesResult,
  EligibilityResult,
  HighCostResult,
  IncomeResult,
  KokiCopayResult,
  KokiPremiumResult,
  KokuhoPremiumResult,
  MealsResult,
} from '../../calc';
import type { CalcKind } from './spec';

/** An i18n key with values; a value may itself be a key to translate first. */
export interface TextRef {
  key: string;
  values?: Record<string, string | number | TextRef>;
}

/**
 * One line of a result: `total` comes first, then `member` and `part` lines, then details.
 * The figure is yen, or a text (a date, a share, yes/no).
 */
export interface ResultRow {
  level: 'total' | 'member' | 'part' | 'detail';
  label: TextRef;
  yen?: number;
  value?: TextRef;
}

const r = (key: string, values?: TextRef['values']): TextRef => ({
  key: `ui:popup.results.${key}`,
  ...(values ? { values } : {}),
});

function kokiPremiumRows(result: KokiPremiumResult): ResultRow[] {
  const rows: ResultRow[] = [{ level: 'total', label: r('annualPremium'), yen: result.total }];
  if (result.reductionPpm > 0) {
    rows.push({
      level: 'detail',
      label: r('reduction'),
      value: r('tenthsOff', { tenths: result.reductionPpm / 100_000 }),
    });
  }
  for (const member of result.members) {
    rows.push({
      level: 'member',
      label: r('memberPremium', { member: member.id }),
      yen: member.premium,
    });
    rows.push({ level: 'part', label: r('perCapitaLevy'), yen: member.perCapitaLevy });
    rows.push({ level: 'part', label: r('incomeLevy'), yen: member.incomeLevy });
    if (member.childSupport > 0) {
      rows.push({ level: 'part', label: r('childSupportLevy'), yen: member.childSupport });
    }
  }
  return rows;
}

function kokuhoPremiumRows(result: KokuhoPremiumResult): ResultRow[] {
  const rows: ResultRow[] = [{ level: 'total', label: r('annualPremium'), yen: result.total }];
  if (result.reductionPpm > 0) {
    rows.push({
      level: 'detail',
      label: r('reduction'),
      value: r('tenthsOff', { tenths: result.reductionPpm / 100_000 }),
    });
  }
  for (const part of result.parts) {
    rows.push({ level: 'member', label: r(`part.${part.part}`), yen: part.amount });
    if (part.perHouseholdLevy > 0) {
      rows.push({ level: 'part', label: r('perHouseholdLevy'), yen: part.perHouseholdLevy });
    }
    if (part.capped) rows.push({ level: 'part', label: r('cappedAt'), yen: part.cap });
  }
  for (const member of result.members) {
    const parts = Object.values(member.parts);
    const share = parts.reduce(
      (sum, p) => sum + (p ? p.incomeLevy + p.assetLevy + p.perCapitaLevy : 0),
      0,
    );
    rows.push({ level: 'member', label: r('memberShare', { member: member.id }), yen: share });
  }
  for (const instalment of result.instalments ?? []) {
    rows.push({
      level: 'detail',
      label: r('instalment', { month: instalment.month }),
      yen: instalment.amount,
    });
  }
  return rows;
}

function kokiCopayRows(result: KokiCopayResult): ResultRow[] {
  return [
    {
      level: 'total',
      label: r('copayShare'),
      value: r('shareTenths', { tenths: result.ratioTenths }),
    },
    {
      level: 'detail',
      label: r('incomeCategory'),
      value: { key: `ui:calcForms.options.kokiCategory.${result.category}` },
    },
    { level: 'detail', label: r('incomeYearUsed'), value: r('year', { year: result.incomeYear }) },
    ...(result.revenueFallbackApplied
      ? [{ level: 'detail' as const, label: r('revenueFallback'), value: r('yes') }]
      : []),
  ];
}

function highCostRows(result: HighCostResult): ResultRow[] {
  return [
    { level: 'total', label: r('refund'), yen: result.refund },
    { level: 'detail', label: r('totalCopay'), yen: result.totalCopay },
    { level: 'detail', label: r('netCopay'), yen: result.netCopay },
    {
      level: 'part',
      label: r('stage.outpatientPerPerson'),
      yen: result.stages.outpatientPerPerson,
    },
    { level: 'part', label: r('stage.turning75'), yen: result.stages.turning75 },
    { level: 'part', label: r('stage.from70Household'), yen: result.stages.from70Household },
    { level: 'part', label: r('stage.household'), yen: result.stages.household },
    { level: 'detail', label: r('manyTimes'), value: r(result.manyTimes ? 'yes' : 'no') },
  ];
}

function mealsRows(result: MealsResult): ResultRow[] {
  return [
    { level: 'total', label: r('mealsTotal'), yen: result.total },
    { level: 'detail', label: r('mealCount'), value: r('count', { count: result.meals }) },
    ...result.periods.map((period) => ({
      level: 'part' as const,
      label: r('mealPeriod', {
        from: period.from,
        to: period.to,
        meals: period.meals,
        perMeal: period.perMeal,
      }),
      yen: period.amount,
    })),
  ];
}

function deadlinesRows(result: DeadlinesResult): ResultRow[] {
  const rows: ResultRow[] = [];
  if (result.notifyBy) {
    rows.push({
      level: 'total',
      label: r('notifyBy'),
      value: r('date', { date: result.notifyBy }),
    });
  }
  for (const claim of result.claims) {
    rows.push({
      level: rows.length === 0 ? 'total' : 'part',
      label: r('claimBy', {
        benefit: { key: `ui:calcForms.options.benefit.${claim.benefit}` },
      }),
      value: r('date', { date: claim.lastDay }),
    });
  }
  return rows;
}

function eligibilityRows(result: EligibilityResult): ResultRow[] {
  return [
    {
      level: 'total',
      label: r('eligibility'),
      value: r(result.eligible ? 'eligibleYes' : 'eligibleNo'),
    },
    ...result.reasons.map((reason) => ({
      level: 'detail' as const,
      label: { key: `calc:${reason.key}`, values: reason.values },
    })),
  ];
}

function incomeRows(result: IncomeResult): ResultRow[] {
  const rows: ResultRow[] = [
    { level: 'total', label: r('totalIncome'), yen: result.totalIncome },
    { level: 'part', label: r('pensionIncome'), yen: result.pensionIncome },
    { level: 'part', label: r('salaryIncome'), yen: result.salaryIncome },
    { level: 'part', label: r('incomeAdjustment'), yen: result.incomeAdjustment },
    { level: 'part', label: r('otherIncome'), yen: result.otherIncome },
    { level: 'detail', label: r('basicDeduction'), yen: result.basicDeduction },
    { level: 'detail', label: r('incomeBase'), yen: result.incomeBase },
  ];
  if (result.reductionTestIncome !== undefined) {
    rows.push({
      level: 'detail',
      label: r('reductionTestIncome'),
      yen: result.reductionTestIncome,
    });
  }
  return rows;
}

function annualRows(result: AnnualOutpatientResult): ResultRow[] {
  return [
    { level: 'total', label: r('refund'), yen: result.refund },
    result.cap === null
      ? { level: 'detail', label: r('yearlyCap'), value: r('noCap') }
      : { level: 'detail', label: r('yearlyCap'), yen: result.cap },
  ];
}

function combinedRows(result: CombinedCareResult): ResultRow[] {
  return [
    { level: 'total', label: r('refund'), yen: result.refund },
    { level: 'detail', label: r('combinedTotal'), yen: result.total },
    { level: 'detail', label: r('yearlyLimit'), yen: result.limit },
  ];
}

/** The figures of a calculation as lines to show or copy, the total first. */
export function resultRows(kind: CalcKind, calculation: Calculation<unknown>): ResultRow[] {
  const result = calculation.result;
  switch (kind) {
    case 'koki-premium':
      return kokiPremiumRows(result as KokiPremiumResult);
    case 'kokuho-premium':
      return kokuhoPremiumRows(result as KokuhoPremiumResult);
    case 'koki-copay':
      return kokiCopayRows(result as KokiCopayResult);
    case 'high-cost':
      return highCostRows(result as HighCostResult);
    case 'meals':
      return mealsRows(result as MealsResult);
    case 'deadlines':
      return deadlinesRows(result as DeadlinesResult);
    case 'eligibility':
      return eligibilityRows(result as EligibilityResult);
    case 'income':
      return incomeRows(result as IncomeResult);
    case 'high-cost-annual-outpatient':
      return annualRows(result as AnnualOutpatientResult);
    case 'combined-care':
      return combinedRows(result as CombinedCareResult);
  }
}

export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Translates a reference, its key values first. */
export function resolveText(ref: TextRef, t: Translate): string {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(ref.values ?? {})) {
    values[name] = typeof value === 'object' ? resolveText(value, t) : value;
  }
  return t(ref.key, values);
}

/** A `Translate` over an i18next instance. */
export function translator(instance: {
  t: (key: string, options: Record<string, unknown>) => string;
}): Translate {
  return (key, values) => instance.t(key, values ?? {});
}
