import {
  claimBenefitSchema,
  designatedActivitySchema,
  from70CategorySchema,
  mealCategorySchema,
  residenceStatusSchema,
  under70CategorySchema,
} from '../../rules/schema';

/** Every calculation the popup offers, in the order it lists them. */
export const CALC_KINDS = [
  'koki-premium',
  'kokuho-premium',
  'koki-copay',
  'high-cost',
  'meals',
  'deadlines',
  'eligibility',
  'income',
  'high-cost-annual-outpatient',
  'combined-care',
] as const;
export type CalcKind = (typeof CALC_KINDS)[number];

export function isCalcKind(value: unknown): value is CalcKind {
  return typeof value === 'string' && (CALC_KINDS as readonly string[]).includes(value);
}

export type FieldType =
  | 'yen'
  | 'date'
  | 'month'
  | 'year'
  | 'count'
  | 'select'
  | 'checkbox'
  | 'text'
  | 'region'
  | 'fiscal-year';

/** A field's value as the form holds it: text exactly as typed, or a checkbox. */
export type FieldValue = string | boolean;
export type Getter = (path: string) => FieldValue | undefined;

export interface FieldSpec {
  /** Where the value goes in the request, relative to the request or the list item. */
  path: string;
  type: FieldType;
  /** For selects: the allowed values (labels: `calcForms.options.<optionsKey>.<value>`). */
  options?: readonly string[];
  optionsKey?: string;
  /** Left out of the request when empty (else an empty field is reported as missing). */
  optional?: boolean;
  /** Has a help line saying where the number is found (`calcForms.help.<scope>.<path>`). */
  help?: boolean;
  /** Shown and sent only when this holds; `item` reads the list item, `top` the request. */
  when?: (item: Getter, top: Getter) => boolean;
  default?: FieldValue;
}

export interface ListSpec {
  /** The request key of the list: `members`, `claims`, or `bills` inside a member. */
  name: 'members' | 'claims' | 'bills';
  /** i18n scope of the item fields' labels. */
  scope: 'member' | 'claim' | 'bill';
  fields: readonly FieldSpec[];
  min: number;
  max: number;
  nested?: ListSpec;
}

/** Which rule set feeds the region and fiscal-year choices. */
export type RegionSource =
  { kind: 'premium'; scheme: 'koki' } | { kind: 'kokuho-premium'; scheme: 'kokuho' };

export interface KindSpec {
  kind: CalcKind;
  regionSource?: RegionSource;
  fields: readonly FieldSpec[];
  list?: ListSpec;
}

const SCHEMES = ['kokuho', 'koki'] as const;
const scheme: FieldSpec = {
  path: 'scheme',
  type: 'select',
  options: SCHEMES,
  optionsKey: 'scheme',
};

const income: readonly FieldSpec[] = [
  { path: 'income.publicPension', type: 'yen', help: true },
  { path: 'income.salary', type: 'yen', help: true },
  { path: 'income.other', type: 'yen', help: true },
];

const memberName: FieldSpec = { path: 'id', type: 'text' };
const birthDate: FieldSpec = { path: 'birthDate', type: 'date' };

const bills: ListSpec = {
  name: 'bills',
  scope: 'bill',
  min: 0,
  max: 40,
  fields: [
    { path: 'institution', type: 'text', help: true },
    {
      path: 'setting',
      type: 'select',
      options: ['outpatient', 'inpatient', 'dental-outpatient', 'dental-inpatient'],
      optionsKey: 'setting',
      default: 'outpatient',
    },
    { path: 'medicalCost', type: 'yen', help: true },
    { path: 'copay', type: 'yen', help: true },
  ],
};

const isKoki = (_item: Getter, top: Getter) => top('scheme') === 'koki';
const isKokuho = (_item: Getter, top: Getter) => top('scheme') !== 'koki';

/** 区分ア〜オ: asked only when the scheme is 国保 (under-70 members). */
const under70CategoryField: FieldSpec = {
  path: 'under70Category',
  type: 'select',
  options: under70CategorySchema.options,
  optionsKey: 'under70',
  optional: true,
  help: true,
  when: isKokuho,
};

export const KIND_SPECS: Record<CalcKind, KindSpec> = {
  'koki-premium': {
    kind: 'koki-premium',
    regionSource: { kind: 'premium', scheme: 'koki' },
    fields: [
      { path: 'region', type: 'region' },
      { path: 'fiscalYear', type: 'fiscal-year' },
    ],
    list: {
      name: 'members',
      scope: 'member',
      min: 1,
      max: 12,
      fields: [
        memberName,
        birthDate,
        { path: 'insured', type: 'checkbox', default: true },
        { path: 'householdHead', type: 'checkbox', default: false },
        ...income,
        { path: 'formerDependant', type: 'checkbox', default: false, help: true },
        { path: 'disabilityCertifiedOn', type: 'date', optional: true, help: true },
      ],
    },
  },
  'kokuho-premium': {
    kind: 'kokuho-premium',
    regionSource: { kind: 'kokuho-premium', scheme: 'kokuho' },
    fields: [
      { path: 'region', type: 'region' },
      { path: 'fiscalYear', type: 'fiscal-year' },
      {
        path: 'specificHousehold',
        type: 'select',
        options: ['none', 'specific', 'continuing'],
        optionsKey: 'specificHousehold',
        default: 'none',
        help: true,
      },
    ],
    list: {
      name: 'members',
      scope: 'member',
      min: 1,
      max: 12,
      fields: [
        memberName,
        birthDate,
        { path: 'insured', type: 'checkbox', default: true },
        { path: 'householdHead', type: 'checkbox', default: false },
        ...income,
        { path: 'incomeDeclared', type: 'checkbox', default: true, help: true },
        { path: 'involuntaryUnemployment', type: 'checkbox', default: false, help: true },
        { path: 'movedToKoki', type: 'checkbox', default: false, help: true },
        { path: 'fixedAssetTax', type: 'yen', help: true },
        { path: 'childbirth.month', type: 'month', optional: true, help: true },
        {
          path: 'childbirth.multiple',
          type: 'checkbox',
          default: false,
          when: (item) =>
            typeof item('childbirth.month') === 'string' && item('childbirth.month') !== '',
        },
      ],
    },
  },
  'koki-copay': {
    kind: 'koki-copay',
    fields: [
      { path: 'date', type: 'date', help: true },
      { path: 'householdResidentTaxExempt', type: 'checkbox', default: false, help: true },
      { path: 'applyRevenueFallback', type: 'checkbox', default: true, help: true },
    ],
    list: {
      name: 'members',
      scope: 'member',
      min: 1,
      max: 12,
      fields: [
        memberName,
        birthDate,
        { path: 'insured', type: 'checkbox', default: true },
        { path: 'taxableIncome', type: 'yen', help: true },
        ...income,
      ],
    },
  },
  'high-cost': {
    kind: 'high-cost',
    fields: [
      scheme,
      { path: 'month', type: 'month', help: true },
      under70CategoryField,
      {
        path: 'from70Category',
        type: 'select',
        options: from70CategorySchema.options,
        optionsKey: 'from70',
        optional: true,
        help: true,
      },
      { path: 'previousHighCostMonths', type: 'count', optional: true, help: true },
    ],
    list: {
      name: 'members',
      scope: 'member',
      min: 1,
      max: 12,
      fields: [
        memberName,
        birthDate,
        {
          path: 'disabilityCertified',
          type: 'checkbox',
          default: false,
          when: isKoki,
        },
      ],
      nested: bills,
    },
  },
  meals: {
    kind: 'meals',
    fields: [
      scheme,
      {
        path: 'category',
        type: 'select',
        options: mealCategorySchema.options,
        optionsKey: 'meal',
        default: 'standard',
        help: true,
      },
      { path: 'admission', type: 'date' },
      { path: 'discharge', type: 'date' },
      { path: 'firstDayMeals', type: 'count', optional: true, default: '3' },
      { path: 'lastDayMeals', type: 'count', optional: true, default: '3' },
    ],
  },
  deadlines: {
    kind: 'deadlines',
    fields: [scheme, { path: 'notificationEventDate', type: 'date', optional: true, help: true }],
    list: {
      name: 'claims',
      scope: 'claim',
      min: 0,
      max: 20,
      fields: [
        {
          path: 'benefit',
          type: 'select',
          options: claimBenefitSchema.options,
          optionsKey: 'benefit',
          default: 'high-cost',
        },
        { path: 'date', type: 'date', help: true },
        {
          path: 'paidOn',
          type: 'date',
          optional: true,
          help: true,
          when: (item) => item('benefit') === 'high-cost',
        },
      ],
    },
  },
  eligibility: {
    kind: 'eligibility',
    fields: [
      { path: 'date', type: 'date' },
      { path: 'birthDate', type: 'date' },
      { path: 'nationality', type: 'text', optional: true, help: true },
      {
        path: 'residenceStatus',
        type: 'select',
        options: [...residenceStatusSchema.options, 'none'],
        optionsKey: 'residence',
        default: 'other',
        help: true,
      },
      {
        path: 'designatedActivity',
        type: 'select',
        options: designatedActivitySchema.options,
        optionsKey: 'designated',
        optional: true,
        when: (_item, top) => top('residenceStatus') === 'designated-activities',
      },
      { path: 'stayOverThreeMonths', type: 'checkbox', default: true },
      { path: 'documentsShowLongerStay', type: 'checkbox', default: false },
      { path: 'employeeInsurance', type: 'checkbox', default: false },
      { path: 'publicAssistance', type: 'checkbox', default: false },
      { path: 'agreementCertificate', type: 'checkbox', default: false, help: true },
    ],
  },
  income: {
    kind: 'income',
    fields: [{ path: 'incomeYear', type: 'year', help: true }, birthDate, ...income],
  },
  'high-cost-annual-outpatient': {
    kind: 'high-cost-annual-outpatient',
    fields: [
      scheme,
      { path: 'periodEndYear', type: 'year', help: true },
      {
        path: 'category',
        type: 'select',
        options: from70CategorySchema.options,
        optionsKey: 'from70',
        default: 'general',
      },
      { path: 'outpatientCopay', type: 'yen', help: true },
    ],
  },
  'combined-care': {
    kind: 'combined-care',
    fields: [
      scheme,
      { path: 'periodEndYear', type: 'year', help: true },
      under70CategoryField,
      {
        path: 'from70Category',
        type: 'select',
        options: from70CategorySchema.options,
        optionsKey: 'from70',
        optional: true,
      },
      { path: 'medicalCopay', type: 'yen', help: true },
      { path: 'careCopay', type: 'yen', help: true },
    ],
  },
};

/** The kinds whose form has a region and fiscal year (the others ask for a scheme, or nothing). */
export function usesRegion(kind: CalcKind): boolean {
  return KIND_SPECS[kind].regionSource !== undefined;
}

export function usesScheme(kind: CalcKind): boolean {
  return KIND_SPECS[kind].fields.some((field) => field.path === 'scheme');
}
