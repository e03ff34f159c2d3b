import { ruleFileSchema, type RuleFile } from './schema';

export * from './schema';

export interface RuleSet {
  readonly rules: readonly RuleFile[];
}

const files = import.meta.glob<unknown>('./data/**/*.json', { eager: true, import: 'default' });

/** The shipped rule files, keyed by their path under `src/rules/data/`. */
export const shippedRuleFiles: Readonly<Record<string, unknown>> = Object.fromEntries(
  Object.entries(files).map(([path, data]) => [path.replace('./data/', ''), data]),
);

/** Parses raw rule documents; throws a ZodError naming the first bad file. */
export function parseRuleSet(documents: readonly unknown[]): RuleSet {
  return { rules: documents.map((document) => ruleFileSchema.parse(document)) };
}

let shipped: RuleSet | undefined;
export function shippedRules(): RuleSet {
  shipped ??= parseRuleSet(Object.values(shippedRuleFiles));
  return shipped;
}

export type RuleKind = RuleFile['kind'];
export type RuleOfKind<K extends RuleKind> = Extract<RuleFile, { kind: K }>;

/**
 * The rule of a kind in force on `date` (ISO) for a region and scheme. National tables are found
 * whatever the region asked for.
 */
export function findRule<K extends RuleKind>(
  set: RuleSet,
  query: { kind: K; scheme: RuleFile['scheme']; region: string; date: string },
): RuleOfKind<K> | undefined {
  return set.rules.find(
    (rule): rule is RuleOfKind<K> =>
      rule.kind === query.kind &&
      rule.scheme === query.scheme &&
      (rule.region === query.region || rule.region === 'national') &&
      rule.validFrom <= query.date &&
      query.date <= rule.validTo,
  );
}

/** Regions with a rule of this kind and scheme, with the fiscal years they cover. */
export function regionsWith(set: RuleSet, kind: RuleKind, scheme: RuleFile['scheme']): string[] {
  return [
    ...new Set(
      set.rules.filter((r) => r.kind === kind && r.scheme === scheme).map((r) => r.region),
    ),
  ].sort();
}
