import { z } from 'zod';
import { ppm, roundingSchema, ruleBase, sourceSchema, yen } from './base';

/**
 * Rule kinds for 国民健康保険 (NHI) premiums. Conventions as in `../schema.ts`: integer yen,
 * rates in parts per million, ISO dates, inclusive validity.
 *
 * - `kokuho-premium`: one municipality's rates for one period (usually a fiscal year).
 * - `kokuho-national`: the statutory maximum caps per part and the national reductions that do
 *   not depend on the municipality (未就学児, 特定世帯, 非自発的失業者, 産前産後, 子ども分 under 18).
 *
 * The 7/5/2割 thresholds for 国保 use the shared `reduction-thresholds` kind with
 * `scheme: 'kokuho'`.
 */

/** The parts (区分) of an NHI premium; each is levied and capped on its own. */
export const KOKUHO_PARTS = ['medical', 'support', 'care', 'childSupport'] as const;
export type KokuhoPart = (typeof KOKUHO_PARTS)[number];

/** One part's levy: 所得割 + 資産割 + 均等割 + 平等割, capped at 賦課限度額. */
export const kokuhoLevyPartSchema = z.strictObject({
  /** 所得割率, applied to (総所得金額等 − 基礎控除) of each liable member. */
  incomeRatePpm: ppm,
  /** 資産割率, applied to the 固定資産税額 of liable members; 0 where not used. */
  assetRatePpm: ppm.default(0),
  /** 均等割額 per liable member per year. */
  perCapita: yen,
  /** 平等割額 per household per year; 0 where not used (e.g. Tokyo's special wards). */
  perHousehold: yen,
  /** 賦課限度額 of this part per household per year. */
  cap: yen,
});
export type KokuhoLevyPart = z.infer<typeof kokuhoLevyPartSchema>;

/** When and how often the municipality collects the annual amount (普通徴収). */
export const instalmentScheduleSchema = z.strictObject({
  /** Calendar months of the instalments, in order (June–March is `[6,7,8,9,10,11,12,1,2,3]`). */
  months: z.array(z.number().int().min(1).max(12)).min(1).max(12),
  /** Each instalment is rounded down to this unit; the remainder goes to `remainderIn`. */
  unit: z.union([z.literal(1), z.literal(10), z.literal(100), z.literal(1000)]).default(100),
  remainderIn: z.enum(['first', 'last']).default('first'),
  /** Whether the source says how the instalments are rounded; if not, the split is indicative. */
  splitStated: z.boolean().default(false),
  source: sourceSchema,
});

export const kokuhoPremiumRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: z.literal('kokuho'),
  kind: z.literal('kokuho-premium'),
  /** 保険料 (premium) or 保険税 (tax): same arithmetic, different legal basis. */
  levyType: z.enum(['premium', 'tax']),
  parts: z.strictObject({
    /** 医療分 (基礎賦課額). */
    medical: kokuhoLevyPartSchema,
    /** 後期高齢者支援金等分. */
    support: kokuhoLevyPartSchema,
    /** 介護納付金分: members aged 40–64 only. */
    care: kokuhoLevyPartSchema,
    /** 子ども・子育て支援納付金分: from FY2026. */
    childSupport: kokuhoLevyPartSchema.optional(),
  }),
  rounding: z.strictObject({
    /** Each member's 所得割 (and 資産割). */
    incomeLevy: roundingSchema,
    /** A 均等割 or 平等割 after a reduction. */
    reducedFlat: roundingSchema,
    /** Each part's household total, after the cap. */
    part: roundingSchema,
    /**
     * Whether the cited sources state the rounding. When false, the values above are the
     * usual practice and the calculator says the result may differ by a few yen.
     */
    stated: z.boolean(),
  }),
  instalments: instalmentScheduleSchema.optional(),
});
export type KokuhoPremiumRule = z.infer<typeof kokuhoPremiumRuleSchema>;

export const kokuhoNationalRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: z.literal('kokuho'),
  kind: z.literal('kokuho-national'),
  /** 賦課限度額 allowed by 国民健康保険法施行令 / 地方税法施行令; municipal caps are at most these. */
  statutoryCaps: z.strictObject({
    medical: yen,
    support: yen,
    care: yen,
    childSupport: yen.optional(),
  }),
  /** Ages (inclusive) liable for the 介護納付金分 (介護保険第2号被保険者). */
  careAges: z.strictObject({ from: z.number().int(), to: z.number().int() }),
  /** 未就学児: share of the (already reduced) 均等割 removed; null before the measure existed. */
  preschoolPerCapitaReductionPpm: ppm.nullable(),
  /** 子ども・子育て支援納付金分 均等割 is not charged for members under this age (to March 31). */
  childSupportPerCapitaExemptUnderAge: z.number().int().nullable(),
  /** 特定世帯 / 特定継続世帯: share of 平等割 removed (medical and support parts only). */
  specificHouseholdReductionPpm: ppm,
  specificContinuingHouseholdReductionPpm: ppm,
  /** 非自発的失業者: 給与所得 is counted at this share. */
  involuntaryUnemploymentSalarySharePpm: ppm,
  /** 産前産後 exemption of the mother's 所得割 and 均等割; null before it existed. */
  postnatalExemption: z
    .strictObject({
      /** First month (YYYY-MM) for which the exemption can apply. */
      fromMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
      single: z.strictObject({
        monthsBefore: z.number().int().min(0),
        months: z.number().int().min(1),
      }),
      multiple: z.strictObject({
        monthsBefore: z.number().int().min(0),
        months: z.number().int().min(1),
      }),
    })
    .nullable(),
});
export type KokuhoNationalRule = z.infer<typeof kokuhoNationalRuleSchema>;
