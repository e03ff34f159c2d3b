import {
  shippedRules,
  type RuleFile,
  type RuleKind,
  type RuleOfKind,
  type RuleSet,
} from '../rules';

/**
 * The figures that glossary explanations quote (deadlines, ages, amounts, reduction shares), taken
 * from the rule set so that a text never carries a number of its own. Explanations name them as
 * i18next interpolation variables: `within {{notifyDays}} days`.
 */
export const FACT_NAMES = [
  'notifyDays',
  'claimYears',
  'kokiAge',
  'minimumStayMonths',
  'childbirthAmount',
  'childbirthAmountOther',
  'pregnancyDays',
  'reductionTop',
  'reductionMiddle',
  'reductionLow',
  'seniorSpecialDeduction',
  'mealCost',
  'manyTimesCount',
  'combineMinimum',
] as const;

export type FactName = (typeof FACT_NAMES)[number];
export type ExplanationValues = Record<FactName, string>;

export interface ExplanationFacts {
  values: ExplanationValues;
  /** The rule files the values came from, so the UI can cite them. */
  ruleIds: string[];
}

type Scheme = RuleFile['scheme'];

/**
 * The rule of a kind in force on `date`; when none is (a date past the newest rule), the newest
 * one that had started by then, so an explanation still reads sensibly with last year's figure.
 */
function ruleFor<K extends RuleKind>(
  set: RuleSet,
  kind: K,
  scheme: Scheme,
  date: string,
): RuleOfKind<K> {
  const candidates = set.rules
    .filter(
      (rule): rule is RuleOfKind<K> =>
        rule.kind === kind && rule.scheme === scheme && rule.region === 'national',
    )
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const inForce = candidates.find((rule) => rule.validFrom <= date && date <= rule.validTo);
  const started = candidates.filter((rule) => rule.validFrom <= date).at(-1);
  const rule = inForce ?? started ?? candidates[0];
  if (!rule) throw new Error(`The rule set has no national ${scheme} rule of kind ${kind}`);
  return rule;
}

/** Whole yen with thousands separators (`500,000`); every language reads these digits. */
function formatYen(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Parts per million as a percentage without trailing zeros (700000 → `70`). */
function formatPercent(ppm: number): string {
  return String(ppm / 10_000);
}

/** Interpolation values for glossary explanations on `date` (ISO), from national rules. */
export function explanationFacts(date: string, set: RuleSet = shippedRules()): ExplanationFacts {
  const deadlines = ruleFor(set, 'deadlines', 'kokuho', date);
  const eligibility = ruleFor(set, 'eligibility', 'kokuho', date);
  const childbirth = ruleFor(set, 'childbirth-lump-sum', 'kokuho', date);
  const reductions = ruleFor(set, 'reduction-thresholds', 'kokuho', date);
  const meals = ruleFor(set, 'meal-costs', 'kokuho', date);
  const highCost = ruleFor(set, 'high-cost', 'kokuho', date);

  const tiers = [...reductions.tiers].sort((a, b) => b.reductionPpm - a.reductionPpm);
  const [top, middle, low] = tiers;
  if (!top || !middle || !low) {
    throw new Error(`${reductions.id} needs three reduction tiers for the glossary`);
  }
  const standardMeal = meals.perMeal.find((meal) => meal.category === 'standard');
  if (!standardMeal) throw new Error(`${meals.id} has no standard meal charge`);

  return {
    values: {
      notifyDays: String(deadlines.notificationDays),
      claimYears: String(deadlines.claimLimitYears),
      kokiAge: String(eligibility.kokiAge),
      minimumStayMonths: String(eligibility.minimumStayMonths),
      childbirthAmount: formatYen(childbirth.amountWithCompensationScheme),
      childbirthAmountOther: formatYen(childbirth.amountOtherwise),
      pregnancyDays: String(childbirth.minimumPregnancyDays),
      reductionTop: formatPercent(top.reductionPpm),
      reductionMiddle: formatPercent(middle.reductionPpm),
      reductionLow: formatPercent(low.reductionPpm),
      seniorSpecialDeduction: formatYen(reductions.seniorPensionSpecialDeduction),
      mealCost: formatYen(standardMeal.amount),
      manyTimesCount: String(highCost.manyTimesFromCount),
      combineMinimum: formatYen(highCost.under70MinimumCopay),
    },
    ruleIds: [deadlines, eligibility, childbirth, reductions, meals, highCost].map((r) => r.id),
  };
}
