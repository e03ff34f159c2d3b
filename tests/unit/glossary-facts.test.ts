import { describe, expect, it } from 'vitest';
import { FACT_NAMES, explanationFacts } from '../../src/glossary/facts';
import { findRule, shippedRules, type RuleSet } from '../../src/rules';

const set = shippedRules();

function national<K extends Parameters<typeof findRule>[1]['kind']>(
  kind: K,
  scheme: 'kokuho' | 'koki',
  date: string,
) {
  const rule = findRule(set, { kind, scheme, region: 'national', date });
  if (!rule) throw new Error(`no ${kind} rule on ${date}`);
  return rule;
}

describe('explanation facts', () => {
  it('supplies a value for every variable name', () => {
    const { values } = explanationFacts('2025-06-01');
    const malformed = FACT_NAMES.filter((name) => !/^\d[\d,.]*$/.test(values[name]));
    expect(malformed).toEqual([]);
  });

  it('takes the notification and claim deadlines from the deadlines rule', () => {
    const rule = national('deadlines', 'kokuho', '2025-06-01');
    const { values } = explanationFacts('2025-06-01');
    expect(values.notifyDays).toBe(String(rule.notificationDays));
    expect(values.claimYears).toBe(String(rule.claimLimitYears));
  });

  it('formats the childbirth lump sum with thousands separators', () => {
    const rule = national('childbirth-lump-sum', 'kokuho', '2025-06-01');
    const { values } = explanationFacts('2025-06-01');
    expect(values.childbirthAmount).toBe(rule.amountWithCompensationScheme.toLocaleString('en-US'));
    expect(values.childbirthAmountOther).toBe(rule.amountOtherwise.toLocaleString('en-US'));
  });

  it('turns the reduction tiers into percentages, largest first', () => {
    const rule = national('reduction-thresholds', 'kokuho', '2025-06-01');
    const shares = rule.tiers.map((tier) => tier.reductionPpm / 10_000).sort((a, b) => b - a);
    const { values } = explanationFacts('2025-06-01');
    expect([values.reductionTop, values.reductionMiddle, values.reductionLow]).toEqual(
      shares.map(String),
    );
  });

  it('quotes the meal charge in force on the date asked for', () => {
    const before = national('meal-costs', 'kokuho', '2024-05-01');
    const after = national('meal-costs', 'kokuho', '2025-06-01');
    const standard = (rule: typeof before) =>
      rule.perMeal.find((meal) => meal.category === 'standard')!.amount.toLocaleString('en-US');
    expect(explanationFacts('2024-05-01').values.mealCost).toBe(standard(before));
    expect(explanationFacts('2025-06-01').values.mealCost).toBe(standard(after));
  });

  it('follows the rule set it is given, not a copy of its own', () => {
    const changed: RuleSet = {
      rules: set.rules.map((rule) =>
        rule.kind === 'deadlines' ? { ...rule, notificationDays: 30 } : rule,
      ),
    };
    expect(explanationFacts('2025-06-01', changed).values.notifyDays).toBe('30');
  });

  it('names the rule files it used, so the UI can cite them', () => {
    const { ruleIds } = explanationFacts('2025-06-01');
    expect(ruleIds).toContain(national('deadlines', 'kokuho', '2025-06-01').id);
  });

  it('throws when the rule set lacks a kind the explanations need', () => {
    const without: RuleSet = { rules: set.rules.filter((rule) => rule.kind !== 'eligibility') };
    expect(() => explanationFacts('2025-06-01', without)).toThrow(/eligibility/);
  });
});
