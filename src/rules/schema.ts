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
 */
export const RULE_SCHEMA_VERSION = 1;

export const yen = z.number().int().min(0).max(1e12);
export const signedYen = z.number().int().min(-1e12).max(1e12);
export const ppm = z.number().int().min(0).max(1_000_000);
export const isoDate = z.iso.date();

export const sourceSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().min(1),
  /** When someone last checked the figure against this source. */
  checked: isoDate,
  status: z.enum(['official', 'secondary']),
});
export type Source = z.infer<typeof sourceSchema>;

export const roundingSchema = z.strictObject({
  /** Round down (切り捨て) to a multiple of this many yen. */
  unit: z.union([z.literal(1), z.literal(10), z.literal(100), z.literal(1000)]),
  mode: z.enum(['floor', 'ceil']),
});
export type Rounding = z.infer<typeof roundingSchema>;

/** Region ids: `national`, a prefecture slug (`fukuoka`) or `prefecture/municipality`. */
export const regionIdSchema = z
  .string()
  .regex(/^(national|[a-z]+(\/[a-z-]+)?)$/, 'Region ids look like "fukuoka" or "hokkaido/sapporo"');

const ruleBase = {
  $schema: z.string().optional(),
  schemaVersion: z.literal(RULE_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9-]+$/),
  region: regionIdSchema,
  validFrom: isoDate,
  validTo: isoDate,
  status: z.enum(['verified', 'unverified']),
  sources: z.array(sourceSchema).min(1),
  notes: z.string().optional(),
};

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
});

export const ruleFileSchema = z.discriminatedUnion('kind', [
  pensionDeductionRuleSchema,
  basicDeductionRuleSchema,
  reductionThresholdRuleSchema,
  kokiPremiumRuleSchema,
]);

export type RuleFile = z.infer<typeof ruleFileSchema>;
export type PensionDeductionRule = z.infer<typeof pensionDeductionRuleSchema>;
export type BasicDeductionRule = z.infer<typeof basicDeductionRuleSchema>;
export type ReductionThresholdRule = z.infer<typeof reductionThresholdRuleSchema>;
export type KokiPremiumRule = z.infer<typeof kokiPremiumRuleSchema>;
