import { describe, expect, it } from 'vitest';
import {
  calculate,
  type AnnualOutpatientResult,
  type Calculation,
  type CombinedCareResult,
} from '../../src/calc';
import { loadBundle } from '../../src/i18n/resources';

function run<T>(request: Record<string, unknown>): Calculation<T> {
  const outcome = calculate(request);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<T>;
}

const annual = (category: string, outpatientCopay: number, periodEndYear = 2025) =>
  run<AnnualOutpatientResult>({
    kind: 'high-cost-annual-outpatient',
    scheme: 'koki',
    periodEndYear,
    category,
    outpatientCopay,
  });

const combined = (request: Record<string, unknown>) =>
  run<CombinedCareResult>({
    kind: 'combined-care',
    scheme: 'kokuho',
    periodEndYear: 2025,
    ...request,
  });

describe('yearly outpatient cap (外来年間合算)', () => {
  it('refunds outpatient copays above 144,000 yen for 一般 over August–July', () => {
    // 掛川市 https://www.city.kakegawa.shizuoka.jp/gyosei/mobile/docs/7403.html (年間上限額144,000円)
    expect(annual('general', 150_000).result).toEqual({ cap: 144_000, refund: 6_000 });
    expect(annual('general', 144_000).result.refund).toBe(0);
    expect(annual('general-ii', 144_001).result.refund).toBe(1);
  });

  it('does not apply to 現役並み', () => {
    expect(annual('active-1', 300_000).result).toEqual({ cap: null, refund: 0 });
  });

  it('has no rule for the period ending July 2027 (after the August 2026 revision)', () => {
    const outcome = calculate({
      kind: 'high-cost-annual-outpatient',
      scheme: 'koki',
      periodEndYear: 2027,
      category: 'general',
      outpatientCopay: 150_000,
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'no-rule', date: '2027-07-31' } });
  });
});

describe('高額医療・高額介護合算', () => {
  it('refunds the excess over the yearly limit: 区分エ 60万', () => {
    // 鈴鹿市 https://www.city.suzuka.lg.jp/life/benri/6111.html (一般(エ) 60万円)
    expect(
      combined({ under70Category: 'e', medicalCopay: 400_000, careCopay: 300_000 }).result,
    ).toEqual({
      limit: 600_000,
      total: 700_000,
      refund: 100_000,
    });
  });

  it('uses 56万 for 一般 aged 70+, and 19万 for 低所得Ⅰ', () => {
    expect(
      combined({ from70Category: 'general', medicalCopay: 300_000, careCopay: 300_000 }).result
        .refund,
    ).toBe(40_000);
    expect(
      combined({ from70Category: 'low-1', medicalCopay: 100_000, careCopay: 100_000 }).result
        .refund,
    ).toBe(10_000);
  });

  it('pays nothing when one of the two parts is zero', () => {
    expect(
      combined({ under70Category: 'o', medicalCopay: 900_000, careCopay: 0 }).result.refund,
    ).toBe(0);
  });

  it('asks for exactly one category', () => {
    const outcome = calculate({
      kind: 'combined-care',
      scheme: 'kokuho',
      periodEndYear: 2025,
      under70Category: 'e',
      from70Category: 'general',
      medicalCopay: 1,
      careCopay: 1,
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { issues: [{ message: 'errors.oneCategory' }] },
    });
  });

  it.each(['en', 'ja', 'zh-Hans'] as const)('explains every step in %s', async (language) => {
    const bundle = await loadBundle(language, 'calc');
    const calcs = [
      annual('general', 150_000),
      annual('active-1', 1),
      combined({ under70Category: 'e', medicalCopay: 1, careCopay: 1 }),
      combined({ under70Category: 'e', medicalCopay: 1, careCopay: 0 }),
    ];
    const keys = calcs.flatMap((c) => [
      ...c.steps.map((s) => s.key),
      ...c.warnings.map((w) => w.key),
    ]);
    const missing = keys.filter((key) => {
      const value = key
        .split('.')
        .reduce<unknown>(
          (node, part) => (node as Record<string, unknown> | undefined)?.[part],
          bundle,
        );
      return typeof value !== 'string';
    });
    expect(missing).toEqual([]);
  });
});
