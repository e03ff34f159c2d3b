import { describe, expect, it } from 'vitest';
import { calculate } from '../../src/calc';
import { mapCalcIssues, placeIssues } from '../../src/ui/calc/issues';

const known = new Set([
  'calc:errors.oneHouseholdHead',
  'calc:errors.negativeAmount',
  'calc:kokuho.errors.insuredAged75',
]);
const hasKey = (key: string) => known.has(key);

describe('popup issue messages', () => {
  it('keeps our own message keys from the calculator schemas, in the calc namespace', () => {
    expect(
      mapCalcIssues(
        [{ path: 'members', message: 'errors.oneHouseholdHead', code: 'custom' }],
        hasKey,
      ),
    ).toEqual([{ path: 'members', key: 'calc:errors.oneHouseholdHead' }]);
  });

  it("replaces zod's English messages with a localized one chosen by the issue code", () => {
    const mapped = mapCalcIssues(
      [
        {
          path: 'fiscalYear',
          message: 'Too small: expected number to be >=2008',
          code: 'too_small',
        },
        { path: 'admission', message: 'Invalid ISO date', code: 'invalid_format' },
        { path: 'scheme', message: 'Invalid option', code: 'invalid_value' },
        { path: 'x', message: 'errors.unknownKey', code: 'custom' },
      ],
      hasKey,
    );
    expect(mapped.map((m) => m.key)).toEqual([
      'ui:calcForms.issues.tooSmall',
      'ui:calcForms.issues.format',
      'ui:calcForms.issues.choose',
      'ui:calcForms.issues.invalid',
    ]);
  });

  it('maps a real invalid 国保 request: two heads of household are reported on the members list', () => {
    const outcome = calculate({
      kind: 'kokuho-premium',
      region: 'tokyo/adachi',
      fiscalYear: 2025,
      members: [
        { id: 'a', birthDate: '1980-01-01', insured: true, householdHead: true, income: {} },
        { id: 'b', birthDate: '1981-01-01', insured: true, householdHead: true, income: {} },
      ],
    });
    if (outcome.ok || outcome.error.code !== 'invalid-request') throw new Error('expected issues');
    const mapped = mapCalcIssues(outcome.error.issues, hasKey);
    expect(mapped).toContainEqual({ path: 'members', key: 'calc:errors.oneHouseholdHead' });
  });

  it('places an issue at its field, else at the nearest list or item shown, else at the top', () => {
    const shown = new Set(['members', 'members.0', 'members.0.birthDate']);
    const placed = placeIssues(
      [
        { path: 'members.0.birthDate', key: 'a' },
        { path: 'members.0.childbirth.month', key: 'b' },
        { path: 'members', key: 'c' },
        { path: 'specificHousehold', key: 'd' },
        { path: '', key: 'e' },
      ],
      shown,
    );
    expect(placed.get('members.0.birthDate')).toEqual(['a']);
    expect(placed.get('members.0')).toEqual(['b']);
    expect(placed.get('members')).toEqual(['c']);
    expect(placed.get('')).toEqual(['d', 'e']);
  });
});
