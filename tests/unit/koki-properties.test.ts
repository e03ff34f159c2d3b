import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculate,
  type Calculation,
  type IncomeResult,
  type KokiPremiumResult,
} from '../../src/calc';
import { shippedRules, type RuleSet } from '../../src/rules';

/** Every (region, fiscal year) with shipped 後期 premium rates. */
const covered = shippedRules()
  .rules.filter((r) => r.kind === 'premium' && r.scheme === 'koki')
  .map((r) => ({ region: r.region, fiscalYear: Number(r.validFrom.slice(0, 4)) }));

const money = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 3_000_000 }),
  fc.integer({ min: 0, max: 40_000_000 }),
);

const incomeArb = fc.record({ publicPension: money, salary: money, other: money });

const memberArb = fc.record({
  birthDate: fc
    .date({
      min: new Date('1915-01-01T00:00:00Z'),
      max: new Date('1951-03-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  insured: fc.boolean(),
  income: incomeArb,
  formerDependant: fc.boolean(),
  disabled: fc.boolean(),
});

const requestArb = fc
  .record({
    where: fc.constantFrom(...covered),
    members: fc.array(memberArb, { minLength: 1, maxLength: 4 }),
    head: fc.nat(),
  })
  .map(({ where, members, head }) => {
    const headIndex = head % members.length;
    return {
      kind: 'koki-premium' as const,
      region: where.region,
      fiscalYear: where.fiscalYear,
      members: members.map((m, index) => ({
        id: `m${index}`,
        birthDate: m.birthDate,
        // At least the first member is insured.
        insured: index === 0 ? true : m.insured,
        householdHead: index === headIndex,
        income: m.income,
        formerDependant: m.formerDependant,
        ...(m.disabled ? { disabilityCertifiedOn: '2020-04-01' } : {}),
      })),
    };
  });

/** The parts of a request that select its rule. */
interface RuleSelector {
  region: string;
  fiscalYear: number;
}

/** One 70-year-old in Fukuoka, FY2022, with a salary of 980,001 yen and the given pension. */
const salariedWithPension = (publicPension: number) => ({
  kind: 'koki-premium' as const,
  region: 'fukuoka',
  fiscalYear: 2022,
  members: [
    {
      id: 'm0',
      birthDate: '1951-03-31',
      insured: true,
      householdHead: true,
      income: { publicPension, salary: 980_001, other: 0 },
      formerDependant: false,
    },
  ],
});

function premium(request: unknown, rules?: RuleSet): Calculation<KokiPremiumResult> {
  const outcome = calculate(request, rules);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<KokiPremiumResult>;
}

function maximumFor(request: RuleSelector): number {
  const rule = shippedRules().rules.find(
    (r) =>
      r.kind === 'premium' &&
      r.scheme === 'koki' &&
      r.region === request.region &&
      r.validFrom === `${request.fiscalYear}-04-01`,
  );
  if (!rule || rule.kind !== 'premium') throw new Error('rule not found');
  return rule.cap + (rule.childSupport?.cap ?? 0);
}

const isYen = (value: number) => Number.isSafeInteger(value) && value >= 0;

describe('後期 premium properties (fast-check)', () => {
  it('never throws and gives whole, non-negative yen within the cap for 10,000 random households', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const calc = premium(request);
        expect(isYen(calc.result.total)).toBe(true);
        const cap = maximumFor(request);
        for (const member of calc.result.members) {
          for (const value of [
            member.perCapitaLevy,
            member.incomeLevy,
            member.childSupport,
            member.premium,
          ]) {
            expect(isYen(value)).toBe(true);
          }
          expect(member.premium).toBeLessThanOrEqual(cap);
        }
        expect(calc.result.total).toBe(calc.result.members.reduce((sum, m) => sum + m.premium, 0));
        for (const step of calc.steps) {
          if (step.amount !== undefined) expect(Number.isSafeInteger(step.amount)).toBe(true);
        }
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('can fall when a small pension is added beside a salary, as the law has it', () => {
    // 所得金額調整控除 takes the pension income (here 1 yen) off the salary income, and the
    // reduction test then takes the 高齢者特別控除 (up to 150,000 yen) off the same pension income
    // again: the test income drops from 430,001 to 430,000 yen and meets the 70 % tier.
    expect(premium(salariedWithPension(0)).result.total).toBe(28_210);
    expect(premium(salariedWithPension(1_100_001)).result.total).toBe(16_930);
  });

  it('never falls when one person’s income rises (single-person households)', () => {
    fc.assert(
      fc.property(
        requestArb,
        fc.constantFrom('publicPension', 'salary', 'other'),
        fc.integer({ min: 1, max: 5_000_000 }),
        (request, source, increase) => {
          // A pension added beside a salary is the one case where the law itself makes the
          // premium fall: see the example test below.
          fc.pre(source !== 'publicPension' || request.members[0]!.income.salary === 0);
          const alone = { ...request, members: [{ ...request.members[0]!, householdHead: true }] };
          const richer = {
            ...alone,
            members: [
              {
                ...alone.members[0]!,
                income: {
                  ...alone.members[0]!.income,
                  [source]: alone.members[0]!.income[source] + increase,
                },
              },
            ],
          };
          expect(premium(richer).result.total).toBeGreaterThanOrEqual(premium(alone).result.total);
        },
      ),
      { numRuns: 2_000 },
    );
  }, 30_000);

  it('never rises because of a reduction (same households with the reduction tiers removed)', () => {
    const withoutReductions: RuleSet = {
      rules: shippedRules().rules.map((rule) =>
        rule.kind === 'reduction-thresholds' ? { ...rule, tiers: [] } : rule,
      ),
    };
    fc.assert(
      fc.property(requestArb, (request) => {
        const reduced = premium(request).result;
        const full = premium(request, withoutReductions).result;
        expect(reduced.total).toBeLessThanOrEqual(full.total);
        reduced.members.forEach((member, index) => {
          expect(member.premium).toBeLessThanOrEqual(full.members[index]!.premium);
        });
      }),
      { numRuns: 2_000 },
    );
  }, 30_000);

  it('never rises when a member is a former dependant (被扶養者軽減)', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const plain = {
          ...request,
          members: request.members.map((m) => ({ ...m, formerDependant: false })),
        };
        const dependant = {
          ...request,
          members: request.members.map((m, i) => ({ ...m, formerDependant: i === 0 })),
        };
        expect(premium(dependant).result.members[0]!.premium).toBeLessThanOrEqual(
          premium(plain).result.members[0]!.premium,
        );
      }),
      { numRuns: 2_000 },
    );
  }, 30_000);
});

function runIncome(request: unknown): IncomeResult {
  const outcome = calculate(request);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation.result as IncomeResult;
}

describe('income properties (fast-check)', () => {
  const incomeRequestArb = fc.record({
    kind: fc.constant('income' as const),
    incomeYear: fc.integer({ min: 2020, max: 2025 }),
    birthDate: fc
      .date({
        min: new Date('1920-01-01T00:00:00Z'),
        max: new Date('2005-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
    income: incomeArb,
  });

  it('gives whole, non-negative yen no larger than the revenue', () => {
    fc.assert(
      fc.property(incomeRequestArb, (request) => {
        const result = runIncome(request);
        for (const value of [
          result.pensionIncome,
          result.salaryIncome,
          result.totalIncome,
          result.incomeBase,
        ]) {
          expect(isYen(value)).toBe(true);
        }
        const revenue = request.income.publicPension + request.income.salary + request.income.other;
        expect(result.totalIncome).toBeLessThanOrEqual(revenue);
      }),
      { numRuns: 3_000 },
    );
  }, 30_000);

  it('never falls when any revenue rises', () => {
    fc.assert(
      fc.property(
        incomeRequestArb,
        fc.constantFrom('publicPension', 'salary', 'other'),
        fc.integer({ min: 1, max: 2_000_000 }),
        (request, source, increase) => {
          const richer = {
            ...request,
            income: { ...request.income, [source]: request.income[source] + increase },
          };
          expect(runIncome(richer).totalIncome).toBeGreaterThanOrEqual(
            runIncome(request).totalIncome,
          );
        },
      ),
      { numRuns: 3_000 },
    );
  }, 30_000);
});

function ratioOf(request: unknown): number {
  const outcome = calculate(request);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return (outcome.calculation.result as { ratioTenths: number }).ratioTenths;
}

describe('copay share properties (fast-check)', () => {
  const copayMemberArb = fc.record({
    birthDate: fc
      .date({
        min: new Date('1925-01-01T00:00:00Z'),
        max: new Date('1990-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
    insured: fc.boolean(),
    taxableIncome: money,
    income: fc.record({ publicPension: money, salary: fc.constant(0), other: money }),
  });
  const copayArb = fc.record({
    kind: fc.constant('koki-copay' as const),
    date: fc.constantFrom('2022-10-01', '2023-08-01', '2024-07-31', '2025-10-01', '2026-08-01'),
    applyRevenueFallback: fc.boolean(),
    members: fc
      .array(copayMemberArb, { minLength: 1, maxLength: 4 })
      .map((members) =>
        members.map((m, index) => ({ ...m, id: `m${index}`, insured: index === 0 || m.insured })),
      ),
  });

  it('always gives 1, 2 or 3 tenths, and never less when an insured member’s taxable income rises', () => {
    fc.assert(
      fc.property(copayArb, fc.integer({ min: 1, max: 5_000_000 }), (request, increase) => {
        const before = ratioOf(request);
        expect([1, 2, 3]).toContain(before);
        const richer = {
          ...request,
          members: request.members.map((m, i) =>
            i === 0 ? { ...m, taxableIncome: m.taxableIncome + increase } : m,
          ),
        };
        expect(ratioOf(richer)).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 2_000 },
    );
  }, 30_000);
});
