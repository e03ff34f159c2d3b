import type { RuleSet } from '../../rules';
import { parseYenInput } from '../popup/parse-input';
import {
  KIND_SPECS,
  type CalcKind,
  type FieldSpec,
  type FieldValue,
  type Getter,
  type ListSpec,
  type RegionSource,
} from './spec';

/**
 * What the person typed, kept exactly as typed so that nothing is lost on an error. Values are
 * keyed by their full request path (`members.0.income.salary`); `counts` says how many items each
 * list has (`members`, `members.0.bills`, `claims`).
 */
export interface FormState {
  kind: CalcKind;
  values: Record<string, FieldValue>;
  counts: Record<string, number>;
}

/** A problem found before or by the calculator: an i18n key (ui or calc namespace) and its path. */
export interface FormIssue {
  path: string;
  /** `ui:…` or `calc:…` key. */
  key: string;
}

export interface Preselection {
  region?: string;
  scheme?: 'kokuho' | 'koki';
}

/** Region ids and the fiscal years each has a rule for, from the rules the calculator will use. */
export function regionYears(rules: RuleSet, source: RegionSource): Map<string, number[]> {
  const regions = new Map<string, number[]>();
  for (const rule of rules.rules) {
    if (rule.kind !== source.kind || rule.scheme !== source.scheme) continue;
    const year = Number(rule.validFrom.slice(0, 4));
    const years = regions.get(rule.region) ?? [];
    if (!years.includes(year)) years.push(year);
    regions.set(
      rule.region,
      years.sort((a, b) => a - b),
    );
  }
  return new Map([...regions.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The region of the page maps onto the rule regions: a municipality (`fukuoka/fukuoka`) is used
 * as is when it has rules, else its prefecture (後期 rules are per prefecture).
 */
export function matchRegion(
  detected: string | undefined,
  available: readonly string[],
): string | undefined {
  if (!detected) return undefined;
  if (available.includes(detected)) return detected;
  const prefecture = detected.split('/')[0] ?? '';
  if (available.includes(prefecture)) return prefecture;
  return available.find((region) => region.startsWith(`${prefecture}/`));
}

/** The name a new household member gets until the person types one ("Person 2"). */
export type MemberName = (position: number) => string;
const numbered: MemberName = (position) => String(position);

function itemDefaults(
  list: ListSpec,
  prefix: string,
  index: number,
  name: MemberName = numbered,
): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const field of list.fields) {
    if (field.default !== undefined) values[`${prefix}.${field.path}`] = field.default;
  }
  // Members get a name the person can change; the first one is the head of household.
  if (list.name === 'members') {
    values[`${prefix}.id`] = name(index + 1);
    if (list.fields.some((f) => f.path === 'householdHead')) {
      values[`${prefix}.householdHead`] = index === 0;
    }
  }
  return values;
}

/** A fresh form for a kind, with the page's region and scheme where the form has them. */
export function initialState(
  kind: CalcKind,
  rules: RuleSet,
  preselect: Preselection = {},
  today = new Date().toISOString().slice(0, 10),
  name: MemberName = numbered,
): FormState {
  const spec = KIND_SPECS[kind];
  const values: Record<string, FieldValue> = {};
  const counts: Record<string, number> = {};
  for (const field of spec.fields) {
    if (field.default !== undefined) values[field.path] = field.default;
    if (field.path === 'scheme') values.scheme = preselect.scheme ?? 'kokuho';
    if (field.type === 'date' && field.path === 'date' && kind !== 'deadlines') values.date = today;
  }
  if (spec.regionSource) {
    const regions = regionYears(rules, spec.regionSource);
    const ids = [...regions.keys()];
    const region = matchRegion(preselect.region, ids) ?? ids[0] ?? '';
    values.region = region;
    const years = regions.get(region) ?? [];
    values.fiscalYear = String(latestNotAfter(years, Number(today.slice(0, 4))) ?? '');
  }
  if (spec.list) {
    counts[spec.list.name] = spec.list.min;
    for (let i = 0; i < spec.list.min; i += 1) {
      Object.assign(values, itemDefaults(spec.list, `${spec.list.name}.${i}`, i, name));
      if (spec.list.nested) counts[`${spec.list.name}.${i}.${spec.list.nested.name}`] = 1;
      if (spec.list.nested) {
        Object.assign(
          values,
          itemDefaults(spec.list.nested, `${spec.list.name}.${i}.${spec.list.nested.name}.0`, 0),
        );
      }
    }
  }
  return { kind, values, counts };
}

/** The latest year not after `year`, else the earliest: a fiscal year someone is likely asking about. */
export function latestNotAfter(years: readonly number[], year: number): number | undefined {
  const earlier = years.filter((y) => y <= year);
  return earlier.length > 0 ? earlier[earlier.length - 1] : years[0];
}

/** Adds an item at the end of the list at `listPath` (e.g. `members`, `members.1.bills`). */
export function addItem(
  state: FormState,
  list: ListSpec,
  listPath: string,
  name: MemberName = numbered,
): FormState {
  const count = state.counts[listPath] ?? 0;
  if (count >= list.max) return state;
  const prefix = `${listPath}.${count}`;
  const values = { ...state.values, ...itemDefaults(list, prefix, count, name) };
  if (list.name === 'members' && list.fields.some((f) => f.path === 'householdHead')) {
    values[`${prefix}.householdHead`] = false;
  }
  const counts = { ...state.counts, [listPath]: count + 1 };
  if (list.nested) {
    counts[`${prefix}.${list.nested.name}`] = 1;
    Object.assign(values, itemDefaults(list.nested, `${prefix}.${list.nested.name}.0`, 0));
  }
  return { ...state, values, counts };
}

/** Removes item `index` of a list and moves the later items (values and nested lists) up by one. */
export function removeItem(state: FormState, listPath: string, index: number): FormState {
  const count = state.counts[listPath] ?? 0;
  if (index < 0 || index >= count) return state;
  const shift = <T>(record: Record<string, T>): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const [key, value] of Object.entries(record)) {
      if (!key.startsWith(`${listPath}.`)) {
        out[key] = value;
        continue;
      }
      const rest = key.slice(listPath.length + 1);
      const dot = rest.indexOf('.');
      const position = Number(dot === -1 ? rest : rest.slice(0, dot));
      const tail = dot === -1 ? '' : rest.slice(dot);
      if (position === index) continue;
      const next = position > index ? position - 1 : position;
      out[`${listPath}.${next}${tail}`] = value;
    }
    return out;
  };
  const counts = shift(state.counts);
  counts[listPath] = count - 1;
  return { ...state, values: shift(state.values), counts };
}

function setIn(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

type Converted =
  { ok: true; value: unknown } | { ok: true; omit: true } | { ok: false; key: string };

/** Turns one typed value into what the request schema expects, or says what is wrong with it. */
export function convertField(field: FieldSpec, raw: FieldValue | undefined): Converted {
  if (field.type === 'checkbox') return { ok: true, value: raw === true };
  const text = typeof raw === 'string' ? raw.normalize('NFKC').trim() : '';
  if (text === '') {
    if (field.optional) return { ok: true, omit: true };
    if (field.type === 'yen') return { ok: true, value: 0 };
    return { ok: false, key: 'ui:calcForms.issues.required' };
  }
  switch (field.type) {
    case 'yen': {
      const parsed = parseYenInput(text);
      return parsed.ok
        ? { ok: true, value: parsed.value }
        : { ok: false, key: `ui:${parsed.error}` };
    }
    case 'year':
    case 'fiscal-year':
    case 'count':
      return /^\d{1,4}$/.test(text)
        ? { ok: true, value: Number(text) }
        : { ok: false, key: 'ui:calcForms.issues.wholeNumber' };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? { ok: true, value: text }
        : { ok: false, key: 'ui:calcForms.issues.date' };
    case 'month':
      return /^\d{4}-\d{2}$/.test(text)
        ? { ok: true, value: text }
        : { ok: false, key: 'ui:calcForms.issues.month' };
    case 'text':
      return { ok: true, value: field.path === 'nationality' ? text.toUpperCase() : text };
    default:
      return { ok: true, value: text };
  }
}

export interface BuiltRequest {
  request: Record<string, unknown>;
  /** Problems found while reading the fields; the request is not sent while there are any. */
  issues: FormIssue[];
}

/** The fields of `list` (and its nested lists) that are shown, with their full paths. */
export function visibleFields(state: FormState): Array<{ path: string; field: FieldSpec }> {
  const spec = KIND_SPECS[state.kind];
  const top: Getter = (path) => state.values[path];
  const out: Array<{ path: string; field: FieldSpec }> = [];
  for (const field of spec.fields) {
    if (!field.when || field.when(top, top)) out.push({ path: field.path, field });
  }
  const walk = (list: ListSpec, listPath: string) => {
    const count = state.counts[listPath] ?? 0;
    for (let i = 0; i < count; i += 1) {
      const prefix = `${listPath}.${i}`;
      const item: Getter = (path) => state.values[`${prefix}.${path}`];
      for (const field of list.fields) {
        if (!field.when || field.when(item, top))
          out.push({ path: `${prefix}.${field.path}`, field });
      }
      if (list.nested) walk(list.nested, `${prefix}.${list.nested.name}`);
    }
  };
  if (spec.list) walk(spec.list, spec.list.name);
  return out;
}

/** Builds the calculator request from the form; the calculator's zod schema checks the rest. */
export function buildRequest(state: FormState): BuiltRequest {
  const spec = KIND_SPECS[state.kind];
  const request: Record<string, unknown> = { kind: state.kind };
  const issues: FormIssue[] = [];
  const walkList = (list: ListSpec, listPath: string) => {
    const count = state.counts[listPath] ?? 0;
    setIn(request, listPath, []);
    for (let i = 0; i < count; i += 1) {
      setIn(request, `${listPath}.${i}`, {});
      if (list.nested) walkList(list.nested, `${listPath}.${i}.${list.nested.name}`);
    }
  };
  if (spec.list) walkList(spec.list, spec.list.name);
  for (const { path, field } of visibleFields(state)) {
    const converted = convertField(field, state.values[path]);
    if (!converted.ok) issues.push({ path, key: converted.key });
    else if ('value' in converted) setIn(request, path, converted.value);
  }
  return { request, issues };
}

/** Turns `members.0.income.publicPension` into an element id (`members-0-income-public-pension`). */
export function fieldId(path: string): string {
  return path
    .split('.')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase())
    .join('-');
}

/** Every path the form has a place for: its fields, its lists and their items. */
export function shownPaths(state: FormState): Set<string> {
  const paths = new Set(visibleFields(state).map(({ path }) => path));
  const spec = KIND_SPECS[state.kind];
  const walk = (list: ListSpec, listPath: string) => {
    paths.add(listPath);
    const count = state.counts[listPath] ?? 0;
    for (let i = 0; i < count; i += 1) {
      paths.add(`${listPath}.${i}`);
      if (list.nested) walk(list.nested, `${listPath}.${i}.${list.nested.name}`);
    }
  };
  if (spec.list) walk(spec.list, spec.list.name);
  return paths;
}

/** Region, fiscal year and scheme of a request, for headings and summaries. */
export function requestContext(request: Record<string, unknown>): {
  region?: string;
  fiscalYear?: number;
  scheme?: string;
} {
  return {
    ...(typeof request.region === 'string' ? { region: request.region } : {}),
    ...(typeof request.fiscalYear === 'number' ? { fiscalYear: request.fiscalYear } : {}),
    ...(typeof request.scheme === 'string' ? { scheme: request.scheme } : {}),
  };
}

/**
 * A household has one head: ticking "head of household" for one person unticks it for the
 * others, so the person never has to hunt for the box to clear.
 */
export function checkValue(
  state: FormState,
  path: string,
  fieldPath: string,
  checked: boolean,
): Record<string, FieldValue> {
  const values = { ...state.values, [path]: checked };
  if (fieldPath === 'householdHead' && checked) {
    for (const key of Object.keys(values)) {
      if (key !== path && /^members\.\d+\.householdHead$/.test(key)) values[key] = false;
    }
  }
  return values;
}

/**
 * A note when the calculation is about a period that has not begun: rates for it may be published
 * or changed later, whatever the rule files say today.
 */
export function futureNotes(
  request: Record<string, unknown>,
  today: string,
): Array<{ key: string; values: Record<string, string | number> }> {
  const starts: string[] = [];
  if (typeof request.fiscalYear === 'number') starts.push(`${request.fiscalYear}-04-01`);
  if (typeof request.month === 'string') starts.push(`${request.month}-01`);
  if (typeof request.date === 'string') starts.push(request.date);
  if (typeof request.admission === 'string') starts.push(request.admission);
  if (typeof request.periodEndYear === 'number') starts.push(`${request.periodEndYear - 1}-08-01`);
  const future = starts.filter((start) => start > today).sort();
  return future.length > 0 ? [{ key: 'ui:popup.futurePeriod', values: { date: future[0]! } }] : [];
}
