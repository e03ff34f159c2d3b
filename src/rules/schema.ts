import { z } from 'zod';

/**
 * The rule set's data format. Every rule file is one JSON document validated by `ruleFileSchema`.
 *
 * Conventions
 * - Money is integer yen.
 * - Rates are integer parts per million (`ppm`): 11.83% is 118300. Arithmetic on them is exact
 *   (see `src/calc/money.ts`), never binary floating point.
 * - Dates are ISO `YYYY-MM-DD`; `validFrom`/`validTo` are inclusive. A fiscal year (年度) runs
 *   from April 1 to March 31.
 * - `status: 'verified'` means every figure in the file was checked against the listed sources;
 *   `unverified` files are used with a warning.
 *
 * How rule kinds plug in
 * - `ruleFileSchema` is a zod discriminated union on `kind`. Every kind string must be unique
 *   across the whole union (zod rejects duplicates), so name new kinds after their scheme when
 *   they could clash: the 後期 premium is `premium` (scheme `koki`); 国保 uses its own kind
 *   (e.g. `kokuho-premium`). `reduction-thresholds` is shared by `koki` and `kokuho` via `scheme`.
 * - A topic module (e.g. `schemas/benefits.ts`) exports an array of strict object schemas built
 *   from `ruleBase`; spread it into the union below with a one-line edit.
 * - `findRule(set, { kind, scheme, region, date })` then finds the file in force on a date.
 */
export {
  RULE_SCHEMA_VERSION,
  yen,
  signedYen,
  ppm,
  isoDate,
  sourceSchema,
  roundingSchema,
  regionIdSchema,
  ruleBase,
} from './schemas/base';
export type { Source, Rounding } from './schemas/base';
import { yen, signedYen, ppm, isoDate, roundingSchema, ruleBase } from './schemas/base';
import { benefitRuleSchemas } from './schemas/benefits';
import { kokuhoNationalRuleSchema, kokuhoPremiumRuleSchema } from './schemas/kokuho';

export * from './schemas/benefits';
export * from './schemas/kokuho';

/** One step of a piecewise-linear table: `amount + value × ratePpm / 1e6` for `value < below`. */
export const bracketSchema = z.strictObject({
  /** Upper bound (exclusive); `null` for the last bracket. */
  below: yen.nullable(),
  ratePpm: ppm,
  amount: signedYen,
});
export type Bracket = z.infer<typeof bracketSchema>;

/** 公的年金等控除 (public pension deduction) by age group, for one income year range. */
export const pensionDeductionRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: z.literal('national'),
  kind: z.literal('pension-deduction'),
  /** Ages are taken on December 31 of the income year. */
  ageThreshold: z.number().int(),
  /** Deduction brackets for those aged `ageThreshold` or more. */
  senior: z.array(bracketSchema).min(1),
  /** Deduction brackets for those under `ageThreshold`. */
  junior: z.array(bracketSchema).min(1),
  /** Lower deductions when other income is high: above `over`, subtract `reduceBy`. */
  otherIncomeAdjustments: z.array(z.strictObject({ over: yen, reduceBy: yen })),
});

/** 基礎控除 (basic deduction for resident tax) tiers by 合計所得金額. */
export const basicDeductionRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: z.literal('national'),
  kind: z.literal('basic-deduction'),
  tiers: z.array(z.strictObject({ upTo: yen.nullable(), deduction: yen })).min(1),
});

/** 7割/5割/2割 reduction thresholds on the per-capita levy (均等割). */
export const reductionThresholdRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: z.enum(['koki', 'kokuho']),
  kind: z.literal('reduction-thresholds'),
  base: yen,
  /** Added per salary or pension earner (給与所得者等) beyond the first. */
  perExtraEarner: yen,
  tiers: z
    .array(
      z.strictObject({
        /** Share of the levy removed: 700000 = 7割. */
        reductionPpm: ppm,
        /** Added per insured person (and 特定同一世帯所属者 for 国保). */
        perInsured: yen,
      }),
    )
    .min(1),
  /** Extra deduction from public-pension income of people aged 65+ when testing (特別控除). */
  seniorPensionSpecialDeduction: yen,
  seniorAge: z.number().int(),
  /** 給与所得者等: salary income above this, or pension income above the age-specific amount. */
  earnerTest: z.strictObject({
    salaryOver: yen,
    pensionOverJunior: yen,
    pensionOverSenior: yen,
  }),
});

/** 後期高齢者医療 premium rates for one 広域連合 and period. */
export const kokiPremiumRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: z.literal('koki'),
  kind: z.literal('premium'),
  /** 均等割額 per insured person, per year. */
  perCapita: yen,
  /** 所得割率. */
  incomeRatePpm: ppm,
  /** A lower 所得割率 for low incomes, where one was set (FY2024 transitional measure). */
  reducedIncomeRate: z
    .strictObject({
      ratePpm: ppm,
      /** Applies when (総所得金額等 − 基礎控除) is at most this. */
      maxIncomeBase: yen,
    })
    .optional(),
  /** 賦課限度額 and its exceptions. */
  cap: yen,
  capExceptions: z
    .array(
      z.strictObject({
        cap: yen,
        /** Born on or before this date. */
        bornOnOrBefore: isoDate.optional(),
        /** Certified for a disability on or before this date. */
        disabilityCertifiedOnOrBefore: isoDate.optional(),
      }),
    )
    .default([]),
  /** Reduced per-capita amounts are cut to this unit (Fukuoka: whole yen). */
  reducedPerCapitaRounding: roundingSchema,
  /** 所得割 rounding before adding. */
  incomeLevyRounding: roundingSchema,
  /** Rounding of the annual total. */
  totalRounding: roundingSchema,
  /** Share of 均等割 removed for former employee-insurance dependants (被扶養者軽減). */
  formerDependantReductionPpm: ppm,
  formerDependantYears: z.number().int().min(0),
  /**
   * 子ども・子育て支援金分 (from FY2026): a second 均等割 + 所得割 with its own cap, reduced by the
   * same 7/5/2割 household test. Absent before FY2026.
   */
  childSupport: z
    .strictObject({
      perCapita: yen,
      incomeRatePpm: ppm,
      cap: yen,
    })
    .optional(),
});

/**
 * 給与所得控除 (employment income deduction) for one income-year range. The deduction is
 * `amount + salary × ratePpm / 1e6` from the bracket the salary falls in, never more than the salary.
 */
export const salaryDeductionRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: z.literal('national'),
  kind: z.literal('salary-deduction'),
  brackets: z.array(bracketSchema).min(1),
  /**
   * Salary ranges where the official table (所得税法 別表第五) gives the income directly instead
   * of the formula: `income` for `from ≤ salary < below`. Checked before the brackets.
   */
  fixedIncomeRows: z.array(z.strictObject({ from: yen, below: yen, income: yen })),
  /**
   * 所得税法 別表第五: in this salary range the salary is first cut down to a multiple of `unit`
   * (4,000 yen), and the bracket's formula (chosen by the actual salary) is applied to that amount.
   */
  stepping: z
    .strictObject({
      from: yen,
      below: yen,
      unit: z.number().int().min(1),
    })
    .optional(),
  /**
   * 所得金額調整控除 for people with both salary and public-pension income:
   * min(給与所得, cap) + min(年金所得, cap) − cap, when positive, is taken off the salary income.
   */
  salaryPensionAdjustmentCap: yen.optional(),
});

/** 後期高齢者医療 copay ratio (窓口負担割合) and income category tests. */
export const kokiCopayRuleSchema = z.strictObject({
  ...ruleBase,
  scheme: z.literal('koki'),
  kind: z.literal('copay-ratio'),
  /** 現役並み所得: someone insured in the household has 住民税課税所得 of at least this. */
  currentLevelTaxableIncome: yen,
  /** 現役並みⅡ and Ⅲ start at these 課税所得 amounts. */
  currentLevelTwoTaxableIncome: yen,
  currentLevelThreeTaxableIncome: yen,
  /**
   * 基準収入額適用: a 現役並み household falls back to the ordinary test when the insured's
   * revenue (収入) is below `singleBelow` (one insured; also when one insured lives with
   * 70–74-year-olds, their combined revenue below `multipleBelow`) or, for two or more insured,
   * their combined revenue is below `multipleBelow`.
   */
  revenueFallback: z.strictObject({ singleBelow: yen, multipleBelow: yen }),
  /** 一般Ⅱ (2割): 課税所得 at least this and 年金収入 + その他の合計所得金額 at least the limits. */
  twoTenths: z
    .strictObject({
      taxableIncome: yen,
      singleAtLeast: yen,
      multipleAtLeast: yen,
    })
    .optional(),
  /** 区分Ⅰ: household 住民税非課税 and every member's income 0 with these deductions. */
  lowIncomeOne: z.strictObject({ pensionDeduction: yen, salaryDeduction: yen }),
});

export const ruleFileSchema = z.discriminatedUnion('kind', [
  pensionDeductionRuleSchema,
  basicDeductionRuleSchema,
  reductionThresholdRuleSchema,
  kokiPremiumRuleSchema,
  salaryDeductionRuleSchema,
  kokiCopayRuleSchema,
  ...benefitRuleSchemas,
  kokuhoPremiumRuleSchema,
  kokuhoNationalRuleSchema,
]);

export type RuleFile = z.infer<typeof ruleFileSchema>;
export type PensionDeductionRule = z.infer<typeof pensionDeductionRuleSchema>;
export type BasicDeductionRule = z.infer<typeof basicDeductionRuleSchema>;
export type ReductionThresholdRule = z.infer<typeof reductionThresholdRuleSchema>;
export type KokiPremiumRule = z.infer<typeof kokiPremiumRuleSchema>;
export type SalaryDeductionRule = z.infer<typeof salaryDeductionRuleSchema>;
export type KokiCopayRule = z.infer<typeof kokiCopayRuleSchema>;
