import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate, type Calculation, type KokuhoPremiumResult } from '../../src/calc';
import { addDays } from '../../src/calc/dates';
import { shippedRules } from '../../src/rules';

/**
 * Random valid household requests for every shipped municipality and year. The generators only
 * build households the request schema accepts, so every run exercises the calculator itself.
 */
const covered = shippedRules()
  .rules.filter((rule) => rule.kind === 'kokuho-premium')
  .map((rule) => ({ region: rule.region, fiscalYear: Number(rule.validFrom.slice(0, 4)) }));

interface Member {
  id: string;
  birthDate: string;
  insured: boolean;
  householdHead: boolean;
  movedToKoki: boolean;
  income: { publicPension: number; salary: number; other: number };
  incomeDeclared: boolean;
  involuntaryUnemployment: boolean;
  childbirth?: { month: string; multiple: boolean };
}

interface Request {
  kind: 'kokuho-premium';
  region: string;
  fiscalYear: number;
  members: Member[];
  specificHousehold: 'none' | 'specific' | 'continuing';
}

const incomeArb = fc.record({
  publicPension: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6_000_000 })),
  salary: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 15_000_000 })),
  other: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30_000_000 })),
});

const memberArb = fc.record({
  /** Days before April 1 of the fiscal year: −364 (born during the year) to about 73 years. */
  daysOld: fc.integer({ min: -364, max: 73 * 365 }),
  income: incomeArb,
  /** Mostly declared: an undeclared income switches every reduction off. */
  incomeDeclared: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
  involuntaryUnemployment: fc.boolean(),
  childbirth: fc.option(
    fc.record({ monthOffset: fc.integer({ min: -3, max: 14 }), multiple: fc.boolean() }),
    { nil: undefined },
  ),
});

/** `YYYY-MM` of the month `offset` months after April of fiscal year `fy`. */
const monthOf = (fy: number, offset: number) => {
  const total = fy * 12 + 3 + offset;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
};

const requestArb: fc.Arbitrary<Request> = fc
  .record({
    place: fc.constantFrom(...covered),
    members: fc.array(memberArb, { minLength: 1, maxLength: 5 }),
    headInsured: fc.boolean(),
    formerMembers: fc.integer({ min: 0, max: 2 }),
    specific: fc.constantFrom('none', 'specific', 'continuing') as fc.Arbitrary<
      Request['specificHousehold']
    >,
  })
  .map(({ place, members, headInsured, formerMembers, specific }) => {
    const start = `${place.fiscalYear}-04-01`;
    const insured: Member[] = members.map((m, index) => {
      const birthDate = addDays(start, -m.daysOld);
      return {
        id: `m${index}`,
        birthDate,
        insured: true,
        householdHead: index === 0,
        movedToKoki: false,
        income: m.income,
        incomeDeclared: m.incomeDeclared,
        involuntaryUnemployment: m.involuntaryUnemployment,
        ...(m.childbirth
          ? {
              childbirth: {
                month: monthOf(place.fiscalYear, m.childbirth.monthOffset),
                multiple: m.childbirth.multiple,
              },
            }
          : {}),
      };
    });
    const head = insured[0]!;
    if (!headInsured && insured.length > 1) {
      head.insured = false;
      head.involuntaryUnemployment = false;
      delete head.childbirth;
    }
    const former: Member[] = Array.from({ length: formerMembers }, (_, index) => ({
      id: `k${index}`,
      birthDate: addDays(start, -(76 + index) * 365),
      insured: false,
      householdHead: false,
      movedToKoki: true,
      income: { publicPension: 1_500_000 * index, salary: 0, other: 0 },
      incomeDeclared: true,
      involuntaryUnemployment: false,
    }));
    const all = [...insured, ...former];
    const single = all.filter((m) => m.insured).length === 1 && former.length > 0;
    return {
      kind: 'kokuho-premium' as const,
      region: place.region,
      fiscalYear: place.fiscalYear,
      members: all,
      specificHousehold: single ? specific : 'none',
    };
  });

function run(request: Request): Calculation<KokuhoPremiumResult> {
  const outcome = calculate(request);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<KokuhoPremiumResult>;
}

const isYen = (value: number) => Number.isSafeInteger(value) && value >= 0;

describe('国保 premium: properties over random households', () => {
  it('gives finite, non-negative whole-yen amounts within every part’s cap for 10,000 random valid households', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const calc = run(request);
        const { total, parts, members } = calc.result;
        expect(isYen(total)).toBe(true);
        expect(parts.reduce((sum, p) => sum + p.amount, 0)).toBe(total);
        for (const p of parts) {
          for (const value of [
            p.incomeLevy,
            p.assetLevy,
            p.perCapitaLevy,
            p.perHouseholdLevy,
            p.amount,
          ]) {
            expect(isYen(value)).toBe(true);
          }
          expect(p.amount).toBeLessThanOrEqual(p.cap);
        }
        for (const m of members) {
          for (const p of Object.values(m.parts)) {
            expect(
              isYen(p.incomeLevy) && isYen(p.perCapitaLevy) && p.months >= 0 && p.months <= 12,
            ).toBe(true);
          }
        }
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('never falls when a member’s business or other income rises', () => {
    // Salary and pension are left alone: crossing 55万 salary makes someone a 給与所得者等 and
    // raises the reduction thresholds by law, which can lower a premium.
    fc.assert(
      fc.property(requestArb, fc.nat({ max: 20_000_000 }), fc.nat(), (request, extra, pick) => {
        const before = run(request).result.total;
        const richer = structuredClone(request);
        const member = richer.members[pick % richer.members.length]!;
        member.income.other += extra;
        expect(run(richer).result.total).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it('never raises the premium when a reduction or exemption is added', () => {
    fc.assert(
      fc.property(requestArb, fc.nat(), (request, pick) => {
        const base = run(request).result.total;
        const insured = request.members.filter((m) => m.insured);
        const target = insured[pick % insured.length]!;

        const unemployed = structuredClone(request);
        unemployed.members.find((m) => m.id === target.id)!.involuntaryUnemployment = true;
        const withoutUnemployment = structuredClone(request);
        withoutUnemployment.members.find((m) => m.id === target.id)!.involuntaryUnemployment =
          false;
        expect(run(unemployed).result.total).toBeLessThanOrEqual(
          run(withoutUnemployment).result.total,
        );

        const birth = structuredClone(request);
        birth.members.find((m) => m.id === target.id)!.childbirth = {
          month: `${request.fiscalYear}-09`,
          multiple: pick % 2 === 0,
        };
        const noBirth = structuredClone(request);
        delete noBirth.members.find((m) => m.id === target.id)!.childbirth;
        expect(run(birth).result.total).toBeLessThanOrEqual(run(noBirth).result.total);

        const declared = structuredClone(request);
        for (const m of declared.members) m.incomeDeclared = true;
        expect(run(declared).result.total).toBeLessThanOrEqual(base);

        if (request.specificHousehold !== 'none') {
          const totals = (['specific', 'continuing', 'none'] as const).map(
            (specificHousehold) => run({ ...request, specificHousehold }).result.total,
          );
          expect(totals[0]).toBeLessThanOrEqual(totals[1]!);
          expect(totals[1]).toBeLessThanOrEqual(totals[2]!);
        }
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);
});
