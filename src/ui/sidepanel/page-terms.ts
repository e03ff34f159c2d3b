import type { PageSummary } from '../../page/protocol';
import { groupByCategory, type TermCount, type TermGroup } from '../explain/term-text';

/**
 * The side panel's view of a page summary: its terms grouped by category, with occurrence counts
 * where the page layer sends them (0 means "not counted", and the list shows no count then).
 */
export function pageTermGroups(summary: Pick<PageSummary, 'terms' | 'counts'>): TermGroup[] {
  const counts: TermCount[] = summary.terms.map((id) => ({ id, count: summary.counts?.[id] ?? 0 }));
  return groupByCategory(counts);
}

/** A short, readable form of the page's address for headings: host and path, no query. */
export function displayAddress(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname;
    return `${parsed.host}${path}`;
  } catch {
    return url;
  }
}
