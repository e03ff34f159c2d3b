import { describe, expect, it } from 'vitest';
import { calculate, type Calculation, type KokiPremiumResult } from '../../src/calc';
import { shippedRules } from '../../src/rules';
import {
  addItem,
  buildRequest,
  checkValue,
  convertField,
  fieldId,
  initialState,
  matchRegion,
  regionYears,
  removeItem,
  shownPaths,
  type FormState,
} from '../../src/ui/calc/form-model';
import { CALC_KINDS, KIND_SPECS } from '../../src/ui/calc/spec';

const rules = shippedRules();
const TODAY = '2026-11-24';

function withValues(state: FormState, values: Record<string, string | boolean>): FormState {
  return { ...state, values: { ...state.values, ...values } };
}

describe('popup form model: building requests', () => {
  it('builds the seed 後期 request from typed text: "2,200,000" and full-width digits become whole yen', () => {
    const state = withValues(initialState('koki-premium', rules, { region: 'fukuoka' }, TODAY), {
      fiscalYear: '2024',
      'members.0.birthDate': '1947-06-15',
      'members.0.income.publicPension': '２,２００,０００円',
    });
    const { request, issues } = buildRequest(state);
    expect(issues).toEqual([]);
    expect(request).toEqual({
      kind: 'koki-premium',
      region: 'fukuoka',
      fiscalYear: 2024,
      members: [
        {
          id: '1',
          birthDate: '1947-06-15',
          insured: true,
          householdHead: true,
          income: { publicPension: 2_200_000, salary: 0, other: 0 },
          formerDependant: false,
        },
      ],
    });
    const outcome = calculate(request, rules);
    expect(outcome.ok && (outcome.calculation as Calculation<KokiPremiumResult>).result.total).toBe(
      127_260,
    );
  });

  it('reports a decimal amount at its field, with the ui error key, and sends nothing', () => {
    const state = withValues(initialState('koki-premium', rules, {}, TODAY), {
      'members.0.birthDate': '1947-06-15',
      'members.0.income.publicPension': '2200000.5',
    });
    expect(buildRequest(state).issues).toEqual([
      { path: 'members.0.income.publicPension', key: 'ui:errors.notWholeYen' },
    ]);
  });

  it('asks for a required date but leaves an empty optional one out of the request', () => {
    const state = initialState('koki-premium', rules, {}, TODAY);
    const { request, issues } = buildRequest(state);
    expect(issues).toEqual([{ path: 'members.0.birthDate', key: 'ui:calcForms.issues.required' }]);
    const member = (request.members as Record<string, unknown>[])[0]!;
    expect('disabilityCertifiedOn' in member).toBe(false);
  });

  it('nests bills inside members for 高額療養費 and sends the 区分 only for 国保', () => {
    let state = initialState('high-cost', rules, { scheme: 'kokuho' }, TODAY);
    state = withValues(state, {
      month: '2022-11',
      under70Category: 'e',
      'members.0.birthDate': '1980-04-01',
      'members.0.bills.0.institution': 'Clinic X',
      'members.0.bills.0.medicalCost': '500000',
      'members.0.bills.0.copay': '150000',
    });
    const built = buildRequest(state);
    expect(built.issues).toEqual([]);
    expect(built.request).toMatchObject({
      kind: 'high-cost',
      scheme: 'kokuho',
      under70Category: 'e',
      members: [
        {
          birthDate: '1980-04-01',
          bills: [
            {
              institution: 'Clinic X',
              setting: 'outpatient',
              medicalCost: 500_000,
              copay: 150_000,
            },
          ],
        },
      ],
    });
    const koki = buildRequest(withValues(state, { scheme: 'koki' })).request;
    expect('under70Category' in koki).toBe(false);
  });

  it('sends the childbirth object only when a birth month is given', () => {
    const base = withValues(initialState('kokuho-premium', rules, {}, TODAY), {
      'members.0.birthDate': '1990-01-01',
    });
    const without = buildRequest(base).request.members as Record<string, unknown>[];
    expect(without[0]).not.toHaveProperty('childbirth');
    const withBirth = buildRequest(
      withValues(base, {
        'members.0.childbirth.month': '2025-08',
        'members.0.childbirth.multiple': true,
      }),
    ).request.members as Record<string, unknown>[];
    expect(withBirth[0]).toMatchObject({ childbirth: { month: '2025-08', multiple: true } });
  });

  it('produces a request the calculator accepts for every kind once the required fields are filled', () => {
    const filled: Record<string, Record<string, string>> = {
      'koki-premium': { 'members.0.birthDate': '1947-06-15' },
      'kokuho-premium': { 'members.0.birthDate': '1980-01-01' },
      'koki-copay': { date: '2025-09-01', 'members.0.birthDate': '1945-01-01' },
      'high-cost': {
        month: '2024-05',
        'members.0.birthDate': '1980-01-01',
        'members.0.bills.0.institution': 'A',
        under70Category: 'u',
      },
      meals: { admission: '2025-06-01', discharge: '2025-06-03' },
      deadlines: { notificationEventDate: '2025-04-01' },
      eligibility: { date: '2026-01-10', birthDate: '1990-01-01' },
      income: { incomeYear: '2024', birthDate: '1950-01-01', 'income.publicPension': '1000000' },
      'high-cost-annual-outpatient': { periodEndYear: '2025', outpatientCopay: '200000' },
      'combined-care': {
        periodEndYear: '2025',
        under70Category: 'e',
        medicalCopay: '1',
        careCopay: '1',
      },
    };
    for (const kind of CALC_KINDS) {
      const state = withValues(initialState(kind, rules, {}, TODAY), filled[kind] ?? {});
      const built = buildRequest(state);
      expect({ kind, issues: built.issues }).toEqual({ kind, issues: [] });
      const outcome = calculate(built.request, rules);
      expect({ kind, answered: outcome.ok || outcome.error.code === 'no-rule' }).toEqual({
        kind,
        answered: true,
      });
    }
  });
});

describe('popup form model: household builder', () => {
  it('adds people who are not the head of household, up to the limit of 12', () => {
    const list = KIND_SPECS['koki-premium'].list!;
    let state = initialState('koki-premium', rules, {}, TODAY);
    state = addItem(state, list, 'members', (n) => `Person ${n}`);
    expect(state.counts.members).toBe(2);
    expect(state.values['members.1.id']).toBe('Person 2');
    expect(state.values['members.1.householdHead']).toBe(false);
    for (let i = 0; i < 20; i += 1) state = addItem(state, list, 'members');
    expect(state.counts.members).toBe(12);
  });

  it('keeps one head of household: ticking the box for one person unticks it for the others', () => {
    const list = KIND_SPECS['kokuho-premium'].list!;
    const state = addItem(initialState('kokuho-premium', rules, {}, TODAY), list, 'members');
    const values = checkValue(state, 'members.1.householdHead', 'householdHead', true);
    expect(values['members.0.householdHead']).toBe(false);
    expect(values['members.1.householdHead']).toBe(true);
    const insured = checkValue(state, 'members.1.insured', 'insured', true);
    expect(insured['members.0.insured']).toBe(true);
  });

  it('removes a person and moves the later people and their bills up', () => {
    const list = KIND_SPECS['high-cost'].list!;
    let state = initialState('high-cost', rules, {}, TODAY);
    state = addItem(state, list, 'members');
    state = addItem(state, list, 'members');
    state = withValues(state, {
      'members.0.birthDate': '1950-01-01',
      'members.1.birthDate': '1960-01-01',
      'members.2.birthDate': '1970-01-01',
      'members.2.bills.0.institution': 'Third',
    });
    state = removeItem(state, 'members', 1);
    expect(state.counts.members).toBe(2);
    expect(state.values['members.1.birthDate']).toBe('1970-01-01');
    expect(state.values['members.1.bills.0.institution']).toBe('Third');
    expect(state.counts['members.1.bills']).toBe(1);
    expect(state.counts['members.2.bills']).toBeUndefined();
  });

  it('shows a path for every field, list and item, so each issue has a place', () => {
    const state = initialState('high-cost', rules, {}, TODAY);
    const paths = shownPaths(state);
    for (const path of [
      'scheme',
      'members',
      'members.0',
      'members.0.bills',
      'members.0.bills.0.copay',
    ]) {
      expect({ path, shown: paths.has(path) }).toEqual({ path, shown: true });
    }
  });
});

describe('popup form model: region and scheme from the page', () => {
  it('lists the 後期 regions and years from the rule files', () => {
    const regions = regionYears(rules, { kind: 'premium', scheme: 'koki' });
    expect(regions.get('fukuoka')).toEqual(expect.arrayContaining([2022, 2023, 2024, 2025]));
  });

  it('maps a page on a municipality to its prefecture for 後期, and keeps it for 国保', () => {
    expect(matchRegion('fukuoka/kurume', ['fukuoka', 'tokyo'])).toBe('fukuoka');
    expect(matchRegion('fukuoka/fukuoka', ['fukuoka/fukuoka', 'tokyo/adachi'])).toBe(
      'fukuoka/fukuoka',
    );
    expect(matchRegion('tokyo', ['hokkaido/chitose', 'tokyo/adachi'])).toBe('tokyo/adachi');
    expect(matchRegion('okinawa', ['fukuoka'])).toBeUndefined();
  });

  it('preselects the detected region and scheme, and the latest year not after today', () => {
    const kokuho = initialState('kokuho-premium', rules, { region: 'tokyo/minato' }, '2025-06-01');
    expect(kokuho.values.region).toBe('tokyo/minato');
    expect(kokuho.values.fiscalYear).toBe('2025');
    const meals = initialState('meals', rules, { scheme: 'koki' }, TODAY);
    expect(meals.values.scheme).toBe('koki');
  });

  it('turns paths into element ids', () => {
    expect(fieldId('members.0.income.publicPension')).toBe('members-0-income-public-pension');
    expect(fieldId('fiscalYear')).toBe('fiscal-year');
  });

  it('rejects a year typed with letters instead of guessing', () => {
    expect(convertField({ path: 'incomeYear', type: 'year' }, '2O24')).toEqual({
      ok: false,
      key: 'ui:calcForms.issues.wholeNumber',
    });
  });
});
