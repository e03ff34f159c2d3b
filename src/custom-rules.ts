import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { ruleFileSchema, shippedRules, type RuleFile, type RuleSet } from './rules';

/**
 * Rates a person entered for a municipality we do not ship (or a newer year). They are stored on
 * this device only, checked with the same schema as the shipped rule files, and take precedence
 * over shipped rules for the same kind, region and date.
 */
const customRulesItem = storage.defineItem<unknown>('local:customRules', { fallback: [] });

export const MAX_CUSTOM_RULES = 100;

export interface RuleProblem {
  /** Which rule in the file (0-based), or null for the file as a whole. */
  index: number | null;
  path: string;
  message: string;
}

export type ImportOutcome =
  { ok: true; rules: RuleFile[]; added: number } | { ok: false; problems: RuleProblem[] };

/** The stored rules; any that stopped fitting the schema are left out. */
export async function readCustomRules(): Promise<RuleFile[]> {
  const stored = await customRulesItem.getValue();
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = ruleFileSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The rules the calculator uses: the person's own first, so they win over shipped ones. */
export function withCustomRules(
  custom: readonly RuleFile[],
  shipped: RuleSet = shippedRules(),
): RuleSet {
  return custom.length === 0 ? shipped : { rules: [...custom, ...shipped.rules] };
}

function problemsOf(error: z.ZodError, index: number | null): RuleProblem[] {
  return error.issues.map((issue) => ({
    index,
    path: issue.path.join('.'),
    message: issue.message,
  }));
}

/**
 * Checks a file's text: one rule object, an array of them, or `{ "rules": [...] }`. Every rule
 * must pass the rule-file schema; the first problem anywhere rejects the whole file.
 */
export function parseRuleFileText(text: string): ImportOutcome {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ index: null, path: '', message: `JSON: ${message}` }] };
  }
  const list = Array.isArray(data)
    ? data
    : typeof data === 'object' &&
        data !== null &&
        Array.isArray((data as { rules?: unknown }).rules)
      ? (data as { rules: unknown[] }).rules
      : [data];
  if (list.length === 0) {
    return {
      ok: false,
      problems: [{ index: null, path: '', message: 'The file holds no rules.' }],
    };
  }
  if (list.length > MAX_CUSTOM_RULES) {
    return {
      ok: false,
      problems: [{ index: null, path: '', message: 'Too many rules in one file.' }],
    };
  }
  const rules: RuleFile[] = [];
  const problems: RuleProblem[] = [];
  list.forEach((entry, index) => {
    const parsed = ruleFileSchema.safeParse(entry);
    if (parsed.success) rules.push(parsed.data);
    else problems.push(...problemsOf(parsed.error, index));
  });
  const ids = rules.map((rule) => rule.id);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) {
      problems.push({ index, path: 'id', message: `The id "${id}" is used twice.` });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules, added: rules.length };
}

/** Adds rules (replacing stored ones with the same id). Nothing is stored when any rule is bad. */
export async function importCustomRules(text: string): Promise<ImportOutcome> {
  const outcome = parseRuleFileText(text);
  if (!outcome.ok) return outcome;
  return addCustomRules(outcome.rules);
}

export async function addCustomRules(rules: readonly RuleFile[]): Promise<ImportOutcome> {
  const incoming = new Set(rules.map((rule) => rule.id));
  const kept = (await readCustomRules()).filter((rule) => !incoming.has(rule.id));
  const next = [...kept, ...rules];
  if (next.length > MAX_CUSTOM_RULES) {
    return { ok: false, problems: [{ index: null, path: '', message: 'Too many custom rules.' }] };
  }
  await customRulesItem.setValue(next);
  return { ok: true, rules: next, added: rules.length };
}

/** The stored rules as a file another person can import. */
export async function exportCustomRules(): Promise<string> {
  return `${JSON.stringify(await readCustomRules(), null, 2)}\n`;
}

export async function removeCustomRule(id: string): Promise<RuleFile[]> {
  const next = (await readCustomRules()).filter((rule) => rule.id !== id);
  await customRulesItem.setValue(next);
  return next;
}

export async function clearCustomRules(): Promise<void> {
  await customRulesItem.removeValue();
}

/** What the rate form asks for: one municipality's 国保 rates for one fiscal year. */
export interface KokuhoRateForm {
  region: string;
  fiscalYear: number;
  levyType: 'premium' | 'tax';
  parts: Record<
    'medical' | 'support' | 'care',
    {
      incomeRatePercent: string;
      perCapita: number;
      perHousehold: number;
      cap: number;
    }
  >;
  sourceUrl: string;
  sourceTitle: string;
  checked: string;
}

/** 7.71 (%) → 77100 ppm, exactly; anything but a plain decimal number is NaN (the schema rejects it). */
export function percentToPpm(percent: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(percent.normalize('NFKC').trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
}

/**
 * A 国保 rule from the rate form. It is marked unverified (a person typed it), rounds down to the
 * yen with `stated: false`, so every result that uses it says so.
 */
export function kokuhoRuleFromForm(form: KokuhoRateForm): unknown {
  const slug = form.region.replace(/\//g, '-');
  const part = (p: KokuhoRateForm['parts']['medical']) => ({
    incomeRatePpm: percentToPpm(p.incomeRatePercent),
    assetRatePpm: 0,
    perCapita: p.perCapita,
    perHousehold: p.perHousehold,
    cap: p.cap,
  });
  const floor = { unit: 1, mode: 'floor' };
  return {
    schemaVersion: 1,
    id: `custom-kokuho-${slug}-fy${form.fiscalYear}`,
    region: form.region,
    validFrom: `${form.fiscalYear}-04-01`,
    validTo: `${form.fiscalYear + 1}-03-31`,
    status: 'unverified',
    sources: [
      { url: form.sourceUrl, title: form.sourceTitle, checked: form.checked, status: 'official' },
    ],
    notes: 'Entered by the user in the HokenLens popup.',
    scheme: 'kokuho',
    kind: 'kokuho-premium',
    levyType: form.levyType,
    parts: {
      medical: part(form.parts.medical),
      support: part(form.parts.support),
      care: part(form.parts.care),
    },
    rounding: { incomeLevy: floor, reducedFlat: floor, part: floor, stated: false },
  };
}

/** Which field of the rate form a schema issue is about, and what to say about it. */
export function rateFormPlace(
  path: readonly string[],
): { field: string; part?: string; issue: string } | undefined {
  const [first, second, third] = path;
  if (first === 'region') return { field: 'region', issue: 'region' };
  if (first === 'validFrom' || first === 'validTo' || first === 'id') {
    return { field: 'fiscalYear', issue: 'fiscalYear' };
  }
  if (first === 'parts' && second && third === 'incomeRatePpm') {
    return { field: 'incomeRatePercent', part: second, issue: 'percent' };
  }
  if (first === 'parts' && second && third) return { field: third, part: second, issue: 'amount' };
  if (first === 'sources' && third === 'url') return { field: 'sourceUrl', issue: 'url' };
  if (first === 'sources' && third === 'title') return { field: 'sourceTitle', issue: 'required' };
  return undefined;
}
