import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findRule,
  ruleFileSchema,
  shippedRules,
  type KokuhoNationalRule,
  type KokuhoPremiumRule,
} from '../../src/rules';

const directory = join(__dirname, '../../src/rules/data/kokuho');
const files = readdirSync(directory).filter((name) => name.endsWith('.json'));
const rules = shippedRules();
const kokuho = rules.rules.filter((rule) => rule.scheme === 'kokuho');
const premiums = kokuho.filter((rule): rule is KokuhoPremiumRule => rule.kind === 'kokuho-premium');

describe('国保 rule files', () => {
  it.each(files)(
    '%s parses as a 国保 rule (formatting is checked in rules-data.test.ts)',
    (name) => {
      const parsed = ruleFileSchema.parse(JSON.parse(readFileSync(join(directory, name), 'utf8')));
      expect(parsed.scheme).toBe('kokuho');
    },
  );

  it('ships the required municipalities: Sapporo, two more in Hokkaido, Fukuoka City and Tokyo wards', () => {
    const regions = new Set(premiums.map((rule) => rule.region));
    expect(regions.has('hokkaido/sapporo')).toBe(true);
    expect(
      [...regions].filter((r) => r.startsWith('hokkaido/') && r !== 'hokkaido/sapporo').length,
    ).toBeGreaterThanOrEqual(2);
    expect(regions.has('fukuoka/fukuoka')).toBe(true);
    expect([...regions].some((r) => r.startsWith('tokyo/'))).toBe(true);
  });

  it('has no two rules of one kind for the same region with overlapping dates', () => {
    const overlaps: string[] = [];
    for (const a of kokuho) {
      for (const b of kokuho) {
        if (a === b || a.kind !== b.kind || a.region !== b.region) continue;
        if (a.validFrom <= b.validTo && b.validFrom <= a.validTo)
          overlaps.push(`${a.id} × ${b.id}`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('keeps every municipal cap at or below the statutory cap of its year, with the child part from FY2026 only', () => {
    const problems: string[] = [];
    for (const rule of premiums) {
      const national = findRule(rules, {
        kind: 'kokuho-national',
        scheme: 'kokuho',
        region: 'national',
        date: rule.validFrom,
      }) as KokuhoNationalRule | undefined;
      if (!national) {
        problems.push(`${rule.id}: no national rule`);
        continue;
      }
      const caps = national.statutoryCaps;
      for (const part of ['medical', 'support', 'care', 'childSupport'] as const) {
        const cap = rule.parts[part]?.cap;
        const statutory = caps[part];
        if ((cap === undefined) !== (statutory === undefined))
          problems.push(`${rule.id}: ${part} presence`);
        if (cap !== undefined && statutory !== undefined && cap > statutory) {
          problems.push(`${rule.id}: ${part} cap ${cap} > ${statutory}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has the national rules and reduction thresholds every municipal rule needs', () => {
    const missing: string[] = [];
    for (const rule of premiums) {
      for (const date of [rule.validFrom, rule.validTo]) {
        const query = { scheme: 'kokuho' as const, region: rule.region, date };
        if (!findRule(rules, { ...query, kind: 'kokuho-national' }))
          missing.push(`${rule.id} national ${date}`);
        if (!findRule(rules, { ...query, kind: 'reduction-thresholds' })) {
          missing.push(`${rule.id} thresholds ${date}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('backs every verified file with an official source, and says why in the notes when unverified', () => {
    const problems = kokuho
      .filter((rule) =>
        rule.status === 'verified'
          ? !rule.sources.some((s) => s.status === 'official')
          : (rule.notes ?? '') === '',
      )
      .map((rule) => rule.id);
    expect(problems).toEqual([]);
  });

  it('covers one whole fiscal year per municipal file', () => {
    const odd = premiums
      .filter((rule) => {
        const year = Number(rule.validFrom.slice(0, 4));
        return rule.validFrom !== `${year}-04-01` || rule.validTo !== `${year + 1}-03-31`;
      })
      .map((rule) => rule.id);
    expect(odd).toEqual([]);
  });
});
