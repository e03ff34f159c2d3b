import { z } from 'zod';
import { findRule, type RuleSet } from '../rules';
import { isoDate, mealCategorySchema, type MealCategory } from '../rules/schema';
import { addDays } from './dates';
import { MissingRuleError, Working, type Calculation } from './types';

const mealsOnDay = z
  .number({ error: 'errors.notANumber' })
  .int({ error: 'errors.wholeNumber' })
  .min(0, { error: 'errors.negativeCount' })
  .max(3, { error: 'errors.mealsPerDay' });

/** The longest stay accepted in one request. */
export const MAX_STAY_DAYS = 400;

export const mealsRequestSchema = z
  .strictObject({
    kind: z.literal('meals'),
    scheme: z.enum(['kokuho', 'koki']),
    category: mealCategorySchema,
    admission: isoDate,
    discharge: isoDate,
    /** Meals eaten on the day of admission (often lunch and dinner only). */
    firstDayMeals: mealsOnDay.default(3),
    /** Meals eaten on the day of discharge. */
    lastDayMeals: mealsOnDay.default(3),
  })
  .check((ctx) => {
    const { admission, discharge } = ctx.value;
    if (discharge < admission) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.dischargeBeforeAdmission',
        path: ['discharge'],
        input: discharge,
      });
    } else if (discharge > addDays(admission, MAX_STAY_DAYS - 1)) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.stayTooLong',
        path: ['discharge'],
        input: discharge,
      });
    }
  });
export type MealsRequest = z.output<typeof mealsRequestSchema>;

export interface MealPeriod {
  from: string;
  to: string;
  meals: number;
  perMeal: number;
  amount: number;
}

export interface MealsResult {
  /** What the patient pays for meals over the stay. */
  total: number;
  meals: number;
  /** One entry per stretch of days with the same charge per meal. */
  periods: MealPeriod[];
}

function mealsOn(date: string, request: MealsRequest): number {
  if (request.admission === request.discharge) {
    return Math.min(request.firstDayMeals, request.lastDayMeals);
  }
  if (date === request.admission) return request.firstDayMeals;
  if (date === request.discharge) return request.lastDayMeals;
  return 3;
}

/**
 * The standard meal charge (入院時食事療養の標準負担額) for a hospital stay: meals × the charge per
 * meal in force on each day, so a stay across a change of rates is split at the change.
 */
export function calcMeals(request: MealsRequest, rules: RuleSet): Calculation<MealsResult> {
  const work = new Working();
  const periods: MealPeriod[] = [];
  let current: (MealPeriod & { ruleId: string }) | undefined;

  for (let date = request.admission; date <= request.discharge; date = addDays(date, 1)) {
    const rule = findRule(rules, {
      kind: 'meal-costs',
      scheme: request.scheme,
      region: 'national',
      date,
    });
    if (!rule) throw new MissingRuleError('meal-costs', 'national', date);
    const row = rule.perMeal.find((r) => r.category === request.category);
    if (!row) throw new MissingRuleError(`meal-costs:${request.category}`, 'national', date);
    work.use(rule);
    const meals = Math.min(mealsOn(date, request), rule.maxMealsPerDay);
    if (current && current.ruleId === rule.id) {
      current.to = date;
      current.meals += meals;
    } else {
      if (current) periods.push(closePeriod(current));
      current = { ruleId: rule.id, from: date, to: date, meals, perMeal: row.amount, amount: 0 };
    }
  }
  if (current) periods.push(closePeriod(current));

  for (const period of periods) {
    work.step(
      'meals.period',
      {
        from: period.from,
        to: period.to,
        meals: period.meals,
        perMealYen: period.perMeal,
        resultYen: period.amount,
      },
      { amount: period.amount },
    );
  }
  const total = periods.reduce((s, p) => s + p.amount, 0);
  const meals = periods.reduce((s, p) => s + p.meals, 0);
  work.step('meals.total', { meals, resultYen: total }, { amount: total });
  if (isLowIncome(request.category)) work.warn('warnings.mealsNeedCertificate');
  if (request.category === 'low-income-long-stay')
    work.warn('warnings.mealsLongStayFromApplication');
  work.warn('warnings.mealsNotInHighCost');
  return work.finish({ total, meals, periods });
}

function closePeriod(period: MealPeriod & { ruleId: string }): MealPeriod {
  return {
    from: period.from,
    to: period.to,
    meals: period.meals,
    perMeal: period.perMeal,
    amount: period.meals * period.perMeal,
  };
}

function isLowIncome(category: MealCategory): boolean {
  return (
    category === 'low-income' || category === 'low-income-long-stay' || category === 'low-income-1'
  );
}
