import { z } from 'zod';
import { isoDate, ppm, ruleBase, yen } from './base';

/**
 * Rule kinds for benefits (給付) and procedures: deadlines, lump sums, 高額療養費, hospital meals
 * and 国保 eligibility. Conventions as in `../schema.ts`.
 */

const insuredScheme = z.enum(['kokuho', 'koki']);

/** Benefits that must be claimed within the statutory period (消滅時効). */
export const claimBenefitSchema = z.enum([
  /** 療養費: care paid in full (no card, overseas care, braces…) and refunded later. */
  'medical-expenses',
  /** 高額療養費. */
  'high-cost',
  /** 出産育児一時金. */
  'childbirth',
  /** 葬祭費. */
  'funeral',
  /** 移送費. */
  'transport',
]);
export type ClaimBenefit = z.infer<typeof claimBenefitSchema>;

/** The day from which the claim period is counted (時効の起算日). */
export const claimPeriodStartSchema = z.enum([
  /** The day after the cost was paid. */
  'day-after-payment',
  /**
   * The first day of the month after the month of care; if the copay was paid in a later month,
   * the day after it was paid.
   */
  'month-after-care-or-day-after-late-payment',
  /** The day after the birth. */
  'day-after-birth',
  /** The day after the funeral. */
  'day-after-funeral',
]);
export type ClaimPeriodStart = z.infer<typeof claimPeriodStartSchema>;

/** Notification and claim deadlines for one scheme. */
export const deadlinesRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: insuredScheme,
  kind: z.literal('deadlines'),
  /**
   * Joining and leaving must be reported within this many days of the event (初日不算入); absent
   * where no source was found for the scheme.
   */
  notificationDays: z.number().int().min(1).max(366).optional(),
  /** Claims lapse this many years after the period starts. */
  claimLimitYears: z.number().int().min(1).max(10),
  claims: z
    .array(z.strictObject({ benefit: claimBenefitSchema, periodStartsOn: claimPeriodStartSchema }))
    .min(1),
});
export type DeadlinesRule = z.infer<typeof deadlinesRuleSchema>;

/** 出産育児一時金 per child, for births in the validity period. */
export const childbirthLumpSumRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: z.literal('kokuho'),
  kind: z.literal('childbirth-lump-sum'),
  /** Birth at an institution in the 産科医療補償制度 after 22+ weeks of pregnancy. */
  amountWithCompensationScheme: yen,
  /** Any other birth (institution not in the scheme, or under 22 weeks). */
  amountOtherwise: yen,
  /** Pregnancies of at least this many days count as a birth (stillbirth and miscarriage too). */
  minimumPregnancyDays: z.number().int().min(1),
  /** Weeks of pregnancy from which the compensation-scheme amount applies. */
  compensationSchemeMinimumWeeks: z.number().int().min(1),
});
export type ChildbirthLumpSumRule = z.infer<typeof childbirthLumpSumRuleSchema>;

/** 葬祭費 paid by one municipality (国保) or 広域連合 (後期). */
export const funeralBenefitRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: insuredScheme,
  kind: z.literal('funeral-benefit'),
  /** Paid to whoever held the funeral, for funerals in the validity period. */
  amount: yen,
});
export type FuneralBenefitRule = z.infer<typeof funeralBenefitRuleSchema>;

/** 高額療養費 income categories for people under 70 (区分ア〜オ). */
export const under70CategorySchema = z.enum(['a', 'i', 'u', 'e', 'o']);
export type Under70Category = z.infer<typeof under70CategorySchema>;

/**
 * 高額療養費 income categories from 70 (国保 70–74 and 後期): 現役並みⅢ/Ⅱ/Ⅰ, 一般 (後期: 一般Ⅰ),
 * 一般Ⅱ (後期 2割 only, from 2022-10), 低所得Ⅱ (区分Ⅱ) and 低所得Ⅰ (区分Ⅰ).
 */
export const from70CategorySchema = z.enum([
  'active-3',
  'active-2',
  'active-1',
  'general-ii',
  'general',
  'low-2',
  'low-1',
]);
export type From70Category = z.infer<typeof from70CategorySchema>;

/** `base + (medical cost − costThreshold) × rate` when the cost is above the threshold, else `base`. */
export const limitFormulaSchema = z.strictObject({
  base: yen,
  costThreshold: yen,
  excessRatePpm: ppm,
});
export type LimitFormula = z.infer<typeof limitFormulaSchema>;

/** Monthly 高額療養費 limits (自己負担限度額) for one scheme and period. */
export const highCostRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: insuredScheme,
  kind: z.literal('high-cost'),
  /**
   * Under 70, only copays of at least this much per person, institution, setting (入院/外来/歯科)
   * and month are added together (the 21,000-yen rule).
   */
  under70MinimumCopay: yen,
  /** The lower 多数回 limit applies from this time within 12 months (the 4th). */
  manyTimesFromCount: z.number().int().min(2),
  /** How the 1% part is rounded to whole yen (政令: 50銭 rounds up). */
  excessRounding: z.enum(['half-up', 'floor']),
  under70: z
    .array(
      z.strictObject({
        category: under70CategorySchema,
        household: limitFormulaSchema,
        manyTimes: yen,
      }),
    )
    .optional(),
  from70: z
    .array(
      z.strictObject({
        category: from70CategorySchema,
        /** Outpatient limit per person (外来特例); `null` where only the household limit applies. */
        outpatientPerPerson: yen.nullable(),
        /**
         * A lower per-person outpatient limit for a transitional period (the 2割 配慮措置:
         * 6,000 + (cost − 30,000) × 10%); the smaller of the two applies.
         */
        outpatientTransitional: limitFormulaSchema.optional(),
        household: limitFormulaSchema,
        manyTimes: yen.nullable(),
      }),
    )
    .min(1),
  /** Yearly outpatient cap (Aug–Jul) for the categories listed, per person. */
  annualOutpatientCap: z.strictObject({
    amount: yen,
    categories: z.array(from70CategorySchema).min(1),
  }),
  /** In the month someone turns 75 (unless born on the 1st) their limits are halved. */
  halveInSeventyFifthBirthdayMonth: z.boolean(),
});
export type HighCostRule = z.infer<typeof highCostRuleSchema>;

/** 高額医療・高額介護合算 annual limits (August to July) by category. */
export const combinedCareLimitRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: insuredScheme,
  kind: z.literal('combined-care-limits'),
  under70: z.array(z.strictObject({ category: under70CategorySchema, limit: yen })).optional(),
  from70: z.array(z.strictObject({ category: from70CategorySchema, limit: yen })).min(1),
});
export type CombinedCareLimitRule = z.infer<typeof combinedCareLimitRuleSchema>;

/** Categories for the hospital meal charge (入院時食事療養の標準負担額). */
export const mealCategorySchema = z.enum([
  /** Everyone not listed below. */
  'standard',
  /** 指定難病・小児慢性特定疾病 patients. */
  'designated-disease',
  /** 住民税非課税 (区分オ / 低所得Ⅱ), up to 90 days in hospital in the last 12 months. */
  'low-income',
  /** Same, more than 90 days (on application). */
  'low-income-long-stay',
  /** 低所得Ⅰ (70+). */
  'low-income-1',
]);
export type MealCategory = z.infer<typeof mealCategorySchema>;

/** Standard charge per hospital meal, by category, for one period. */
export const mealCostRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: insuredScheme,
  kind: z.literal('meal-costs'),
  perMeal: z.array(z.strictObject({ category: mealCategorySchema, amount: yen })).min(1),
  /** At most this many meals a day are charged. */
  maxMealsPerDay: z.number().int().min(1),
});
export type MealCostRule = z.infer<typeof mealCostRuleSchema>;

/** Residence statuses (在留資格) as the eligibility rules name them. */
export const residenceStatusSchema = z.enum([
  'short-term-stay',
  'diplomat',
  'official',
  'entertainer',
  'technical-intern',
  'dependent',
  'designated-activities',
  'other',
]);
export type ResidenceStatus = z.infer<typeof residenceStatusSchema>;

/** 特定活動 designations that matter for eligibility. */
export const designatedActivitySchema = z.enum([
  /** 告示25号: medical stay. */
  'medical-stay',
  /** 告示26号: attendant of a medical stay. */
  'medical-stay-attendant',
  /** 告示40号: long-stay tourism and recreation (観光・保養). */
  'long-stay-tourism',
  /** 告示41号: spouse of a 40号 holder. */
  'long-stay-tourism-spouse',
  'other',
]);
export type DesignatedActivity = z.infer<typeof designatedActivitySchema>;

/** Who the 国保 law leaves out, and the social-security agreements that exempt from it. */
export const eligibilityRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: z.literal('kokuho'),
  kind: z.literal('eligibility'),
  /** Stays of more than this many months are covered. */
  minimumStayMonths: z.number().int().min(1),
  /** Statuses never covered. */
  excludedStatuses: z.array(residenceStatusSchema),
  /** Statuses covered with a shorter stay if documents show a stay over the minimum. */
  shortStayExceptions: z.array(residenceStatusSchema),
  excludedDesignatedActivities: z.array(designatedActivitySchema),
  /** From this age people move to 後期高齢者医療. */
  kokiAge: z.number().int(),
  /** Agreements covering Japanese health insurance: holders of a certificate are exempt. */
  healthInsuranceAgreements: z
    .array(z.strictObject({ country: z.string().regex(/^[A-Z]{2}$/), from: isoDate }))
    .min(1),
});
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

/** Every benefits rule kind, spread into `ruleFileSchema` in `../schema.ts`. */
export const benefitRuleSchemas = [
  deadlinesRuleSchema,
  childbirthLumpSumRuleSchema,
  funeralBenefitRuleSchema,
  highCostRuleSchema,
  combinedCareLimitRuleSchema,
  mealCostRuleSchema,
  eligibilityRuleSchema,
] as const;
