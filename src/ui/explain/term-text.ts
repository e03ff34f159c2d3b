import type { TFunction } from 'i18next';
import { catalogue, termById } from '../../glossary/catalogue';
import { explanationFacts, type ExplanationValues } from '../../glossary/facts';
import { createMatcher, type Matcher, type TermMatch } from '../../glossary/matcher';
import { CATEGORIES, type GlossaryTerm } from '../../glossary/schema';
import type { TermExplanation } from '../TermCard';

/**
 * The glossary as the extension pages use it: terms found in a text, grouped for a list, their
 * explanations in a chosen language, and the plain-text cheat sheet a volunteer sends on.
 * Pure functions, no DOM.
 */

let sharedMatcher: Matcher | undefined;

function matcher(): Matcher {
  sharedMatcher ??= createMatcher(catalogue);
  return sharedMatcher;
}

/** Every term in `text`, in reading order, as the page layer would find it on a page. */
export function findTermsInText(text: string): TermMatch[] {
  return matcher().findTerms(text);
}

export interface TermCount {
  id: string;
  count: number;
}

export interface TermGroup {
  category: GlossaryTerm['category'];
  /** Distinct terms, most frequent first, then in glossary order. */
  terms: TermCount[];
  /** Occurrences of all its terms together. */
  occurrences: number;
}

/** Counts term occurrences, keeping the order in which terms first appear. */
export function countTerms(matches: readonly { id: string }[]): TermCount[] {
  const counts = new Map<string, number>();
  for (const match of matches) counts.set(match.id, (counts.get(match.id) ?? 0) + 1);
  return [...counts].map(([id, count]) => ({ id, count }));
}

/** Groups terms by glossary category, in the glossary's category order; unknown ids are dropped. */
export function groupByCategory(counts: readonly TermCount[]): TermGroup[] {
  const byCategory = new Map<string, TermCount[]>();
  for (const item of counts) {
    const term = termById(item.id);
    if (!term) continue;
    byCategory.set(term.category, [...(byCategory.get(term.category) ?? []), item]);
  }
  return CATEGORIES.filter((category) => byCategory.has(category)).map((category) => {
    const terms = [...byCategory.get(category)!].sort((a, b) => b.count - a.count);
    return { category, terms, occurrences: terms.reduce((sum, t) => sum + t.count, 0) };
  });
}

/** Today's date in the reader's time zone, as the glossary figures are chosen by date. */
export function localIsoDate(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

let cachedFacts: { date: string; values: ExplanationValues } | undefined;

/** The rule-set figures the explanations quote (`{{notifyDays}}` …), for today. */
export function factValues(date = localIsoDate()): ExplanationValues {
  if (cachedFacts?.date !== date) cachedFacts = { date, values: explanationFacts(date).values };
  return cachedFacts.values;
}

/**
 * A term's explanation from a `glossary`-namespace translator, with the figures filled in; the
 * sense-specific text wins where the match has a sense. Undefined when no language has one.
 */
export function explain(
  t: TFunction,
  id: string,
  sense?: string,
  values: Record<string, string> = factValues(),
): TermExplanation | undefined {
  const read = (path: string): string | undefined => {
    const key = `glossary:${path}`;
    const text = t(key, { ...values, defaultValue: '' });
    return typeof text === 'string' && text !== '' && text !== key ? text : undefined;
  };
  const pick = (field: 'short' | 'long' | 'action') =>
    (sense ? read(`${id}.senses.${sense}.${field}`) : undefined) ?? read(`${id}.${field}`);
  const short = pick('short');
  if (!short) return undefined;
  const long = pick('long');
  const action = pick('action');
  return { short, ...(long ? { long } : {}), ...(action ? { action } : {}) };
}

export interface CheatSheetEntry {
  ja: string;
  reading: string;
  explanation: TermExplanation | undefined;
  count?: number;
}

export interface CheatSheetOptions {
  title: string;
  /** Where the terms were found (a page address), if anywhere. */
  source?: string;
  sourceLabel: string;
  missing: string;
  /** Include the longer explanation and what to do, not only the one-line summary. */
  long?: boolean;
}

/**
 * The plain text a volunteer pastes into a chat or e-mail: each Japanese term with its reading
 * (so the reader can say it at the counter), then what it means.
 */
export function cheatSheet(
  entries: readonly CheatSheetEntry[],
  options: CheatSheetOptions,
): string {
  const lines = [options.title];
  if (options.source) lines.push(`${options.sourceLabel}: ${options.source}`);
  for (const entry of entries) {
    lines.push('', `■ ${entry.ja}（${entry.reading}）`);
    const explanation = entry.explanation;
    if (!explanation) {
      lines.push(options.missing);
      continue;
    }
    lines.push(explanation.short);
    if (options.long) {
      if (explanation.long) lines.push(explanation.long);
      if (explanation.action) lines.push(`→ ${explanation.action}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
