import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  findRule,
  parseRuleSet,
  ruleFileSchema,
  shippedRules,
  type RuleFile,
} from '../../src/rules';

/**
 * Meta-tests for the shipped rule set: a volunteer who adds a municipality learns here exactly
 * what is wrong with their file.
 */
const dataDir = resolve(__dirname, '../../src/rules/data');

function listJson(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listJson(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

const files = listJson(dataDir).map((path) => ({
  path,
  name: relative(dataDir, path),
  text: readFileSync(path, 'utf8'),
}));

/**
 * The one canonical text of a rule document: `JSON.stringify(…, null, 2)` as Prettier prints it
 * (so `prettier --check` agrees). `node scripts/export-schemas.mjs --rules` rewrites every file
 * this way (this test does it when FORMAT_RULE_FILES=1).
 */
async function canonicalText(document: unknown, path: string): Promise<string> {
  const options = (await resolveConfig(path)) ?? {};
  return format(`${JSON.stringify(document, null, 2)}\n`, { ...options, parser: 'json' });
}

describe('every shipped rule file', () => {
  it('is found', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const { path, name, text } of files) {
    describe(`rule file ${name}`, () => {
      const raw: unknown = JSON.parse(text);

      it('matches the rule-file schema exactly (no unknown or defaulted fields)', () => {
        const parsed = ruleFileSchema.safeParse(raw);
        expect(parsed.error?.issues ?? []).toEqual([]);
        expect(parsed.data).toEqual(raw);
      });

      it('is canonically formatted (parse, print with 2 spaces, re-read: identical)', async () => {
        const canonical = await canonicalText(raw, path);
        if (process.env.FORMAT_RULE_FILES === '1') writeFileSync(path, canonical);
        expect(text, 'run `node scripts/export-schemas.mjs --rules`').toBe(canonical);
      });

      it('points editors at the exported JSON Schema', () => {
        expect((raw as { $schema?: string }).$schema).toBe('../../rule-file.schema.json');
      });

      it('has a validity period that starts before it ends', () => {
        const rule = ruleFileSchema.parse(raw);
        expect(rule.validFrom <= rule.validTo).toBe(true);
      });

      it('names its sources with a check date, and unverified files say why in notes', () => {
        const rule = ruleFileSchema.parse(raw);
        expect(rule.sources.length).toBeGreaterThan(0);
        for (const source of rule.sources) {
          expect(source.url).toMatch(/^https?:\/\//);
          expect(source.checked >= '2026-01-01').toBe(true);
        }
        if (rule.status === 'unverified') expect(rule.notes ?? '').not.toBe('');
        // A file that rests only on secondary sources cannot claim to be verified.
        if (rule.sources.every((s) => s.status === 'secondary')) {
          expect(rule.status).toBe('unverified');
        }
      });
    });
  }
});

describe('the rule set as a whole', () => {
  const rules = shippedRules().rules;

  it('has unique ids', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never has two files of the same kind, scheme and region in force on the same day', () => {
    const overlaps: string[] = [];
    const groups = new Map<string, RuleFile[]>();
    for (const rule of rules) {
      const key = `${rule.kind}|${rule.scheme}|${rule.region}`;
      groups.set(key, [...(groups.get(key) ?? []), rule]);
    }
    for (const group of groups.values()) {
      const sorted = [...group].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      for (let i = 1; i < sorted.length; i += 1) {
        const previous = sorted[i - 1]!;
        const current = sorted[i]!;
        if (current.validFrom <= previous.validTo) overlaps.push(`${previous.id} / ${current.id}`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('covers the 後期 premium for the seed regions in FY2024 and FY2025', () => {
    for (const region of ['fukuoka', 'hokkaido']) {
      for (const date of ['2024-04-01', '2025-04-01']) {
        expect(
          findRule(shippedRules(), { kind: 'premium', scheme: 'koki', region, date }),
        ).toBeDefined();
      }
    }
  });

  it('has 後期 reduction thresholds for every fiscal year that has premium rates', () => {
    for (const rule of rules.filter((r) => r.kind === 'premium' && r.scheme === 'koki')) {
      const thresholds = findRule(shippedRules(), {
        kind: 'reduction-thresholds',
        scheme: 'koki',
        region: rule.region,
        date: rule.validFrom,
      });
      expect({ id: rule.id, found: thresholds !== undefined }).toEqual({
        id: rule.id,
        found: true,
      });
    }
  });

  it('holds every rate as an integer number of parts per million', () => {
    for (const rule of rules) {
      if (rule.kind !== 'premium' || rule.scheme !== 'koki') continue;
      expect(Number.isInteger(rule.incomeRatePpm)).toBe(true);
      expect(rule.incomeRatePpm).toBeLessThan(200_000);
    }
  });

  it('rejects a rule file with a rate given as a fraction, naming the field', () => {
    const fukuoka = rules.find((r) => r.id === 'koki-fukuoka-fy2025')!;
    const result = ruleFileSchema.safeParse({ ...fukuoka, incomeRatePpm: 0.1183 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['incomeRatePpm']);
  });

  it('accepts a user-supplied region exactly like a shipped one', () => {
    const fukuoka = rules.find((r) => r.id === 'koki-fukuoka-fy2025')!;
    const own = parseRuleSet([{ ...fukuoka, id: 'my-town', region: 'kumamoto' }]);
    expect(
      findRule(own, { kind: 'premium', scheme: 'koki', region: 'kumamoto', date: '2025-06-01' }),
    ).toMatchObject({ id: 'my-town' });
  });
});
