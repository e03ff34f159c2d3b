import * as fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calculate, type CalcOutcome, type HighCostResult, type MealsResult } from '../../src/calc';
import { loadBundle } from '../../src/i18n/resources';

const usedKeys = new Set<string>();
// Error and warning keys written literally in the benefits calculators.
for (const file of ['high-cost', 'high-cost-annual', 'meals', 'deadlines', 'eligibility']) {
  const source = readFileSync(new URL(`../../src/calc/${file}.ts`, import.meta.url), 'utf8');
  for (const match of source.matchAll(/'((?:errors|warnings)\.[A-Za-z0-9]+)'/g))
    usedKeys.add(match[1]!);
}

function record(outcome: CalcOutcome): void {
  if (outcome.ok) {
    for (const step of outcome.calculation.steps) usedKeys.add(step.key);
    for (const warning of outcome.calculation.warnings) usedKeys.add(warning.key);
  } else if (outcome.error.code === 'invalid-request') {
    for (const issue of outcome.error.issues) {
      if (/^errors\.[A-Za-z]+$/.test(issue.message)) usedKeys.add(issue.message);
    }
  }
}

const careMonth = fc
  .record({ year: fc.integer({ min: 2018, max: 2026 }), month: fc.integer({ min: 1, max: 12 }) })
  .filter(({ year, month: m }) => (year > 2018 || m >= 8) && (year < 2026 || m <= 7))
  .map(({ year, month: m }) => ({ year, text: `${year}-${String(m).padStart(2, '0')}` }));

const bill = fc
  .record({
    institution: fc.constantFrom('A', 'B', 'C'),
    setting: fc.constantFrom('inpatient', 'outpatient', 'dental-inpatient', 'dental-outpatient'),
    medicalCost: fc.integer({ min: 0, max: 5_000_000 }),
    share: fc.integer({ min: 0, max: 100 }),
  })
  .map(({ share, ...rest }) => ({ ...rest, copay: Math.floor((rest.medicalCost * share) / 100) }));

function birthDate(year: number, offset: fc.Arbitrary<number>) {
  return fc
    .record({
      age: offset,
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map(
      ({ age, month, day }) =>
        `${year - age}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    );
}

/** Valid requests: 国保 members are 1–73 in the year of care, 後期 members 76–100. */
const highCostRequest = careMonth.chain(({ year, text }) =>
  fc.oneof(
    fc.record({
      kind: fc.constant('high-cost'),
      scheme: fc.constant('kokuho'),
      month: fc.constant(text),
      under70Category: fc.constantFrom('a', 'i', 'u', 'e', 'o'),
      from70Category: fc.constantFrom(
        'active-3',
        'active-2',
        'active-1',
        'general',
        'low-2',
        'low-1',
      ),
      previousHighCostMonths: fc.integer({ min: 0, max: 11 }),
      members: fc.uniqueArray(
        fc.record({
          id: fc.constantFrom('m1', 'm2', 'm3', 'm4'),
          birthDate: birthDate(year, fc.integer({ min: 1, max: 73 })),
          bills: fc.array(bill, { maxLength: 6 }),
        }),
        { minLength: 1, maxLength: 4, selector: (m) => m.id },
      ),
    }),
    fc.record({
      kind: fc.constant('high-cost'),
      scheme: fc.constant('koki'),
      month: fc.constant(text),
      from70Category: fc.constantFrom(
        'active-3',
        'active-2',
        'active-1',
        'general-ii',
        'general',
        'low-2',
        'low-1',
      ),
      previousHighCostMonths: fc.integer({ min: 0, max: 11 }),
      members: fc.uniqueArray(
        fc.record({
          id: fc.constantFrom('m1', 'm2', 'm3'),
          birthDate: birthDate(year, fc.integer({ min: 76, max: 100 })),
          bills: fc.array(bill, { maxLength: 6 }),
        }),
        { minLength: 1, maxLength: 3, selector: (m) => m.id },
      ),
    }),
  ),
);

const isNonNegativeInteger = (value: number) => Number.isSafeInteger(value) && value >= 0;

describe('高額療養費 properties', () => {
  it('never throws on 10,000 valid requests; amounts are non-negative integers and the refund never exceeds what was paid', () => {
    fc.assert(
      fc.property(highCostRequest, (request) => {
        const outcome = calculate(request);
        record(outcome);
        if (!outcome.ok) {
          // Only 一般Ⅱ before it existed (2022-10) has no table.
          expect(outcome.error).toMatchObject({
            code: 'no-rule',
            ruleKind: 'high-cost:general-ii',
          });
          return;
        }
        const result = outcome.calculation.result as HighCostResult;
        const paid = request.members.flatMap((m) => m.bills).reduce((s, b) => s + b.copay, 0);
        expect(result.totalCopay).toBe(paid);
        for (const value of [result.refund, result.netCopay, ...Object.values(result.stages)]) {
          expect(isNonNegativeInteger(value)).toBe(true);
        }
        expect(result.refund).toBeLessThanOrEqual(paid);
        expect(result.netCopay).toBe(paid - result.refund);
        for (const step of outcome.calculation.steps) {
          for (const [name, value] of Object.entries(step.values)) {
            if (name.endsWith('Yen')) expect(isNonNegativeInteger(value as number)).toBe(true);
          }
        }
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('a household with no copay gets no refund, and more medical cost under the same copay never raises the refund', () => {
    fc.assert(
      fc.property(highCostRequest, fc.integer({ min: 1, max: 1_000_000 }), (request, extraCost) => {
        const first = calculate(request);
        const raised = calculate({
          ...request,
          members: request.members.map((m) => ({
            ...m,
            bills: m.bills.map((b) => ({ ...b, medicalCost: b.medicalCost + extraCost })),
          })),
        });
        if (!first.ok || !raised.ok) return;
        const a = first.calculation.result as HighCostResult;
        const b = raised.calculation.result as HighCostResult;
        if (a.totalCopay === 0) expect(a.refund).toBe(0);
        // A higher medical cost can only raise a 1%-formula limit, so the same copays get back no more.
        expect(b.refund).toBeLessThanOrEqual(a.refund);
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);
});

describe('meals, deadlines and eligibility properties', () => {
  const isoDay = fc
    .date({
      min: new Date('2024-04-01T00:00:00Z'),
      max: new Date('2026-05-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('meal charges are whole yen and equal meals × charge per period', () => {
    fc.assert(
      fc.property(
        isoDay,
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom(
          'standard',
          'designated-disease',
          'low-income',
          'low-income-long-stay',
          'low-income-1',
        ),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (admission, days, category, firstDayMeals, lastDayMeals) => {
          const discharge = new Date(Date.parse(admission) + days * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const outcome = calculate({
            kind: 'meals',
            scheme: 'kokuho',
            category,
            admission,
            discharge,
            firstDayMeals,
            lastDayMeals,
          });
          record(outcome);
          if (!outcome.ok) {
            // Only the unverified June 2026 table lacks rows.
            expect(outcome.error.code).toBe('no-rule');
            return;
          }
          const result = outcome.calculation.result as MealsResult;
          expect(isNonNegativeInteger(result.total)).toBe(true);
          expect(result.total).toBe(result.periods.reduce((s, p) => s + p.meals * p.perMeal, 0));
          expect(result.meals).toBeLessThanOrEqual((days + 1) * 3);
        },
      ),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it('deadlines always fall after the event, and the claim limit ends within two years of its start', () => {
    fc.assert(
      fc.property(
        isoDay,
        fc.constantFrom('medical-expenses', 'high-cost', 'childbirth', 'funeral', 'transport'),
        (date, benefit) => {
          const outcome = calculate({
            kind: 'deadlines',
            notificationEventDate: date,
            claims: [{ benefit, date }],
          });
          record(outcome);
          expect(outcome.ok).toBe(true);
          if (!outcome.ok) return;
          const result = outcome.calculation.result as {
            notifyBy: string;
            claims: { periodStarts: string; lastDay: string }[];
          };
          expect(result.notifyBy > date).toBe(true);
          const claim = result.claims[0]!;
          expect(claim.periodStarts > date).toBe(true);
          const days = (Date.parse(claim.lastDay) - Date.parse(claim.periodStarts)) / 86_400_000;
          expect(days).toBeGreaterThanOrEqual(729);
          expect(days).toBeLessThanOrEqual(730);
        },
      ),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it('eligibility always answers yes or no with at least one reason', () => {
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constant('eligibility'),
          date: fc.constantFrom('2025-12-01', '2026-04-01', '2026-11-24'),
          birthDate: fc.constantFrom('1940-01-01', '1951-04-02', '1990-07-07', '2020-02-29'),
          nationality: fc.constantFrom('US', 'AT', 'DE', 'CN', 'VN'),
          residenceStatus: fc.constantFrom(
            'short-term-stay',
            'diplomat',
            'official',
            'entertainer',
            'technical-intern',
            'dependent',
            'other',
            'none',
          ),
          stayOverThreeMonths: fc.boolean(),
          documentsShowLongerStay: fc.boolean(),
          employeeInsurance: fc.boolean(),
          publicAssistance: fc.boolean(),
          agreementCertificate: fc.boolean(),
        }),
        (request) => {
          const outcome = calculate(request);
          record(outcome);
          expect(outcome.ok).toBe(true);
          if (!outcome.ok) return;
          const result = outcome.calculation.result as { eligible: boolean; reasons: unknown[] };
          expect(result.reasons.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2_000 },
    );
  }, 60_000);
});

describe('benefits texts', () => {
  it.each(['en', 'ja', 'zh-Hans'] as const)(
    'every step, warning and error key the benefits calculators produced exists in %s',
    async (language) => {
      const bundle = await loadBundle(language, 'calc');
      const missing = [...usedKeys].filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>(
            (node, part) =>
              node && typeof node === 'object'
                ? (node as Record<string, unknown>)[part]
                : undefined,
            bundle,
          );
        return typeof value !== 'string';
      });
      expect(usedKeys.size).toBeGreaterThan(30);
      expect(missing).toEqual([]);
    },
  );
});
