import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { calculate, type Calculation, type KokuhoPremiumResult } from '../../src/calc';
import {
  clearCustomRules,
  exportCustomRules,
  importCustomRules,
  kokuhoRuleFromForm,
  parseRuleFileText,
  percentToPpm,
  rateFormPlace,
  readCustomRules,
  removeCustomRule,
  withCustomRules,
  type KokuhoRateForm,
} from '../../src/custom-rules';
import { ruleFileSchema } from '../../src/rules';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/popup', name), 'utf8');

const setagayaRequest = {
  kind: 'kokuho-premium',
  region: 'tokyo/setagaya',
  fiscalYear: 2025,
  members: [
    {
      id: 'head',
      birthDate: '1980-01-01',
      insured: true,
      householdHead: true,
      income: { salary: 3_000_000 },
    },
  ],
};

describe('custom rates: import and export', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('accepts a valid rules file, stores it on the device, and the calculator uses it', async () => {
    const outcome = await importCustomRules(fixture('rates-good.json'));
    expect(outcome).toMatchObject({ ok: true, added: 1 });
    const stored = await readCustomRules();
    expect(stored.map((rule) => rule.id)).toEqual(['custom-kokuho-tokyo-setagaya-fy2025']);
    expect(calculate(setagayaRequest).ok).toBe(false);
    const result = calculate(setagayaRequest, withCustomRules(stored));
    expect(result.ok).toBe(true);
    const calc = (result as { calculation: Calculation<KokuhoPremiumResult> }).calculation;
    // The fixture carries Minato's FY2025 rates, which share the wards' unified medical rate.
    expect(calc.result.total).toBeGreaterThan(0);
    expect(calc.warnings).toContainEqual({
      key: 'warnings.unverifiedRule',
      values: { rule: 'custom-kokuho-tokyo-setagaya-fy2025' },
    });
  });

  it('rejects a file with one bad rule among good ones and changes nothing', async () => {
    await importCustomRules(fixture('rates-good.json'));
    const before = await fakeBrowser.storage.local.get('customRules');
    const outcome = await importCustomRules(fixture('rates-bad.json'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.every((p) => p.index === 1)).toBe(true);
    expect(outcome.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['sources', 'parts.medical.incomeRatePpm']),
    );
    expect(await fakeBrowser.storage.local.get('customRules')).toEqual(before);
  });

  it('rejects text that is not JSON, an empty list, and two rules with the same id', () => {
    expect(parseRuleFileText('{ not json')).toMatchObject({
      ok: false,
      problems: [{ index: null }],
    });
    expect(parseRuleFileText('[]')).toMatchObject({ ok: false });
    const rule = JSON.parse(fixture('rates-good.json'))[0];
    const twice = parseRuleFileText(JSON.stringify([rule, rule]));
    expect(twice).toMatchObject({ ok: false, problems: [{ index: 1, path: 'id' }] });
  });

  it('accepts one rule object, a list, or { "rules": [...] }', () => {
    const rule = JSON.parse(fixture('rates-good.json'))[0];
    for (const text of [
      JSON.stringify(rule),
      JSON.stringify([rule]),
      JSON.stringify({ rules: [rule] }),
    ]) {
      expect(parseRuleFileText(text)).toMatchObject({ ok: true, added: 1 });
    }
  });

  it('exports what it stores, in a form it imports again unchanged', async () => {
    await importCustomRules(fixture('rates-good.json'));
    const exported = await exportCustomRules();
    await clearCustomRules();
    expect(await readCustomRules()).toEqual([]);
    await importCustomRules(exported);
    expect(await exportCustomRules()).toBe(exported);
  });

  it('replaces a stored rule with the same id and removes one by id', async () => {
    const rule = JSON.parse(fixture('rates-good.json'))[0];
    await importCustomRules(JSON.stringify(rule));
    await importCustomRules(JSON.stringify({ ...rule, notes: 'second' }));
    const stored = await readCustomRules();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.notes).toBe('second');
    expect(await removeCustomRule(rule.id)).toEqual([]);
  });
});

describe('custom rates: the rate form', () => {
  const form: KokuhoRateForm = {
    region: 'tokyo/setagaya',
    fiscalYear: 2025,
    levyType: 'premium',
    parts: {
      medical: { incomeRatePercent: '7.71', perCapita: 47_300, perHousehold: 0, cap: 660_000 },
      support: { incomeRatePercent: '2.69', perCapita: 16_800, perHousehold: 0, cap: 260_000 },
      care: { incomeRatePercent: '2.25', perCapita: 16_600, perHousehold: 0, cap: 170_000 },
    },
    sourceUrl: 'https://www.city.setagaya.lg.jp/example',
    sourceTitle: 'Example page',
    checked: '2026-11-24',
  };

  it('reads percentages exactly: 7.71% is 77,100 ppm, and junk is refused', () => {
    expect(percentToPpm('7.71')).toBe(77_100);
    expect(percentToPpm('１０')).toBe(100_000);
    expect(percentToPpm('7,71')).toBeNaN();
  });

  it('makes an unverified rule that passes the rule-file schema and says its rounding is assumed', () => {
    const parsed = ruleFileSchema.safeParse(kokuhoRuleFromForm(form));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      status: 'unverified',
      validFrom: '2025-04-01',
      validTo: '2026-03-31',
      rounding: { stated: false },
    });
  });

  it('gives the same premium as the shipped Minato rule when the same rates are typed in', () => {
    const rule = ruleFileSchema.parse(kokuhoRuleFromForm(form));
    const custom = calculate(setagayaRequest, withCustomRules([rule]));
    const minato = calculate({ ...setagayaRequest, region: 'tokyo/minato' });
    if (!custom.ok || !minato.ok) throw new Error('expected results');
    expect((custom.calculation.result as KokuhoPremiumResult).total).toBe(
      (minato.calculation.result as KokuhoPremiumResult).total,
    );
  });

  it('names the form field behind each schema issue, so the message can be localized', () => {
    expect(rateFormPlace(['parts', 'care', 'incomeRatePpm'])).toEqual({
      field: 'incomeRatePercent',
      part: 'care',
      issue: 'percent',
    });
    expect(rateFormPlace(['sources', '0', 'url'])).toEqual({ field: 'sourceUrl', issue: 'url' });
    expect(rateFormPlace(['validFrom'])).toEqual({ field: 'fiscalYear', issue: 'fiscalYear' });
    expect(rateFormPlace(['rounding'])).toBeUndefined();
  });

  it('fails the schema for a bad web address or rate', () => {
    const bad = kokuhoRuleFromForm({
      ...form,
      sourceUrl: 'javascript:alert(1)',
      parts: { ...form.parts, care: { ...form.parts.care, incomeRatePercent: 'abc' } },
    });
    const parsed = ruleFileSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['sources.0.url', 'parts.care.incomeRatePpm']));
  });
});
