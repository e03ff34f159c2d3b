import { describe, expect, it } from 'vitest';
import { calculate, type Calculation, type EligibilityResult } from '../../src/calc';

const base = {
  kind: 'eligibility',
  date: '2026-04-01',
  birthDate: '1995-05-05',
  residenceStatus: 'other',
  stayOverThreeMonths: true,
};

function eligibility(request: Record<string, unknown>): Calculation<EligibilityResult> {
  const outcome = calculate({ ...base, ...request });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<EligibilityResult>;
}

const keys = (calc: Calculation<EligibilityResult>) => calc.result.reasons.map((r) => r.key);

describe('国保 eligibility of a foreign resident', () => {
  it('covers a resident staying more than 3 months with a status of residence', () => {
    const calc = eligibility({});
    expect(calc.result.eligible).toBe(true);
    expect(keys(calc)).toEqual(['eligibility.yes.resident']);
  });

  it('leaves out stays of 3 months or less', () => {
    expect(eligibility({ stayOverThreeMonths: false }).result.eligible).toBe(false);
  });

  it('covers a 技能実習 trainee with a shorter period if documents show a longer stay', () => {
    const calc = eligibility({
      residenceStatus: 'technical-intern',
      stayOverThreeMonths: false,
      documentsShowLongerStay: true,
    });
    expect(calc.result.eligible).toBe(true);
    expect(keys(calc)).toEqual(['eligibility.yes.shortStayException']);
  });

  it('excludes 短期滞在 and 外交 whatever the stay', () => {
    expect(eligibility({ residenceStatus: 'short-term-stay' }).result.eligible).toBe(false);
    expect(keys(eligibility({ residenceStatus: 'diplomat' }))).toEqual([
      'eligibility.no.status.diplomat',
    ]);
  });

  it('excludes 特定活動 for medical stays and long-stay tourism, but not other 特定活動', () => {
    for (const designatedActivity of [
      'medical-stay',
      'medical-stay-attendant',
      'long-stay-tourism',
      'long-stay-tourism-spouse',
    ]) {
      const calc = eligibility({ residenceStatus: 'designated-activities', designatedActivity });
      expect(calc.result.eligible).toBe(false);
      expect(keys(calc)).toEqual([`eligibility.no.designated.${designatedActivity}`]);
    }
    expect(
      eligibility({ residenceStatus: 'designated-activities', designatedActivity: 'other' }).result
        .eligible,
    ).toBe(true);
  });

  it('excludes people in employee insurance, on public assistance or without a status', () => {
    expect(keys(eligibility({ employeeInsurance: true }))).toEqual([
      'eligibility.no.employeeInsurance',
    ]);
    expect(keys(eligibility({ publicAssistance: true }))).toEqual([
      'eligibility.no.publicAssistance',
    ]);
    expect(keys(eligibility({ residenceStatus: 'none' }))).toEqual(['eligibility.no.noStatus']);
  });

  it('sends people to 後期高齢者医療 from their 75th birthday itself', () => {
    expect(eligibility({ birthDate: '1951-04-01' }).result.eligible).toBe(false);
    expect(keys(eligibility({ birthDate: '1951-04-01' }))).toEqual(['eligibility.no.koki']);
    expect(eligibility({ birthDate: '1951-04-02' }).result.eligible).toBe(true);
  });

  it('exempts a US national holding a certificate of coverage', () => {
    const calc = eligibility({ nationality: 'US', agreementCertificate: true });
    expect(calc.result.eligible).toBe(false);
    expect(calc.result.reasons[0]).toEqual({
      key: 'eligibility.no.agreementCertificate',
      values: { country: 'US', from: '2005-10-01' },
    });
  });

  it('does not exempt a German national: that agreement covers pensions only', () => {
    expect(eligibility({ nationality: 'DE', agreementCertificate: true }).result.eligible).toBe(
      true,
    );
  });

  it('exempts Austrians with a certificate from 2025-12-01, not before', () => {
    expect(
      eligibility({ nationality: 'AT', agreementCertificate: true, date: '2025-12-01' }).result
        .eligible,
    ).toBe(false);
    const before = calculate({
      ...base,
      nationality: 'AT',
      agreementCertificate: true,
      date: '2025-11-30',
    });
    expect(before).toMatchObject({
      ok: false,
      error: { code: 'no-rule', ruleKind: 'eligibility' },
    });
  });

  it('rejects 特定活動 without its designation and a malformed country', () => {
    const outcome = calculate({
      ...base,
      residenceStatus: 'designated-activities',
      nationality: 'usa',
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok && outcome.error.code === 'invalid-request') {
      expect(outcome.error.issues.map((i) => i.message).sort()).toEqual([
        'errors.countryCode',
        'errors.designatedActivityMissing',
      ]);
    }
  });
});
