import { describe, expect, it } from 'vitest';
import { calculate, type CalcOutcome } from '../../src/calc';
import en from '../../locales/en/calc.json';
import ja from '../../locales/ja/calc.json';
import zh from '../../locales/zh-Hans/calc.json';

const valid = {
  kind: 'koki-premium',
  region: 'fukuoka',
  fiscalYear: 2025,
  members: [
    {
      id: 'self',
      birthDate: '1947-06-15',
      insured: true,
      householdHead: true,
      income: { publicPension: 2_200_000, salary: 0, other: 0 },
    },
  ],
};

function withMember(patch: Record<string, unknown>) {
  return { ...valid, members: [{ ...valid.members[0], ...patch }] };
}

function issues(outcome: CalcOutcome) {
  if (outcome.ok || outcome.error.code !== 'invalid-request') {
    throw new Error(`expected an invalid request, got ${JSON.stringify(outcome)}`);
  }
  return outcome.error.issues;
}

function lookup(bundle: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], bundle);
}

describe('invalid requests are rejected with messages the UI can translate', () => {
  const cases: Array<[string, unknown, string, string]> = [
    [
      'negative income',
      withMember({ income: { publicPension: -1 } }),
      'members.0.income.publicPension',
      'errors.negativeAmount',
    ],
    [
      'NaN income',
      withMember({ income: { salary: Number.NaN } }),
      'members.0.income.salary',
      'errors.notANumber',
    ],
    [
      'fractional yen',
      withMember({ income: { other: 10.5 } }),
      'members.0.income.other',
      'errors.wholeYen',
    ],
    [
      'an age of 200',
      withMember({ birthDate: '1826-01-01' }),
      'members.0.birthDate',
      'errors.birthDateTooEarly',
    ],
    [
      'a birth after the fiscal year',
      withMember({ birthDate: '2030-01-01' }),
      'members.0.birthDate',
      'errors.bornAfterPeriod',
    ],
    ['no members', { ...valid, members: [] }, 'members', 'errors.noMembers'],
    ['missing members', { ...valid, members: undefined }, 'members', 'errors.noMembers'],
    ['a malformed region', { ...valid, region: 'Fukuoka City' }, 'region', 'errors.regionFormat'],
    ['a fiscal year as text', { ...valid, fiscalYear: '2025' }, 'fiscalYear', 'errors.notANumber'],
    [
      'two heads of household',
      { ...valid, members: [valid.members[0], { ...valid.members[0], id: 'b' }] },
      'members',
      'errors.oneHouseholdHead',
    ],
    [
      'a NaN income year',
      { kind: 'income', incomeYear: Number.NaN, birthDate: '1950-01-01', income: {} },
      'incomeYear',
      'errors.notANumber',
    ],
    [
      'an income year before 2020',
      { kind: 'income', incomeYear: 2019, birthDate: '1950-01-01', income: {} },
      'incomeYear',
      'errors.incomeYearTooEarly',
    ],
  ];

  for (const [name, request, path, message] of cases) {
    it(`rejects ${name} (${message} at ${path})`, () => {
      const found = issues(calculate(request));
      expect(found).toContainEqual(expect.objectContaining({ path, message }));
    });
  }

  it('has every custom message in English, Japanese and Chinese', () => {
    for (const [, , , message] of cases) {
      for (const bundle of [en, ja, zh]) {
        expect({ message, text: typeof lookup(bundle, message) }).toEqual({
          message,
          text: 'string',
        });
      }
    }
  });

  it('answers a well-formed but unknown region with a missing-rule outcome, never a number', () => {
    expect(calculate({ ...valid, region: 'atlantis' })).toEqual({
      ok: false,
      error: { code: 'no-rule', ruleKind: 'premium', region: 'atlantis', date: '2025-04-01' },
    });
  });

  it('rejects an unknown calculation kind and anything that is not an object', () => {
    expect(calculate({ kind: 'horoscope' }).ok).toBe(false);
    expect(calculate(null).ok).toBe(false);
    expect(calculate('koki-premium').ok).toBe(false);
  });
});

describe('every step and warning key the calculators produce is translated', () => {
  const requests = [
    valid,
    { ...valid, fiscalYear: 2024, members: [{ ...valid.members[0], formerDependant: true }] },
    { ...valid, region: 'tokyo', fiscalYear: 2026 },
    withMember({
      birthDate: '1949-05-01',
      income: { publicPension: 30_000_000, salary: 3_003_999, other: 5 },
    }),
    withMember({
      birthDate: '1949-05-01',
      income: { publicPension: 2_000_000, salary: 1_620_500 },
    }),
    withMember({ birthDate: '1975-01-01' }),
    withMember({ birthDate: '1950-06-01' }),
    {
      kind: 'income',
      incomeYear: 2024,
      birthDate: '1950-01-01',
      income: { salary: 900_000, publicPension: 1_500_000 },
    },
    { kind: 'income', incomeYear: 2020, birthDate: '1980-01-01', income: { salary: 100_000 } },
    {
      kind: 'koki-copay',
      date: '2025-10-01',
      members: [
        {
          id: 'a',
          birthDate: '1945-01-01',
          insured: true,
          taxableIncome: 1_500_000,
          income: { publicPension: 3_000_000 },
        },
      ],
    },
    {
      kind: 'koki-copay',
      date: '2025-10-01',
      applyRevenueFallback: false,
      members: [
        {
          id: 'a',
          birthDate: '1945-01-01',
          insured: true,
          taxableIncome: 1_500_000,
          income: { publicPension: 3_000_000 },
        },
      ],
    },
    {
      kind: 'koki-copay',
      date: '2025-10-01',
      members: [
        {
          id: 'a',
          birthDate: '1945-01-01',
          insured: true,
          taxableIncome: 300_000,
          income: { publicPension: 1_000_000 },
        },
      ],
    },
    {
      kind: 'koki-copay',
      date: '2025-10-01',
      householdResidentTaxExempt: true,
      members: [
        { id: 'a', birthDate: '1945-01-01', insured: true, income: { publicPension: 700_000 } },
      ],
    },
    {
      kind: 'koki-copay',
      date: '2025-10-01',
      householdResidentTaxExempt: true,
      members: [
        { id: 'a', birthDate: '1945-01-01', insured: true, income: { publicPension: 900_000 } },
      ],
    },
  ];

  it('finds each key in en, ja and zh-Hans calc.json', () => {
    const keys = new Set<string>();
    for (const request of requests) {
      const outcome = calculate(request);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      for (const step of outcome.calculation.steps) keys.add(step.key);
      for (const warning of outcome.calculation.warnings) keys.add(warning.key);
      const result = outcome.calculation.result as { category?: string };
      if (result.category) keys.add(`kokiCopay.category.${result.category}`);
    }
    expect(keys.size).toBeGreaterThan(25);
    for (const key of keys) {
      for (const bundle of [en, ja, zh]) {
        expect({ key, text: typeof lookup(bundle, key) }).toEqual({ key, text: 'string' });
      }
    }
  });
});
