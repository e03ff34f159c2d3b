import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageScheme } from './page-context';
import type { PageRegion } from './regions';

/** Keyboard commands of the manifest that act on the page. */
export const PAGE_COMMANDS = ['next-term', 'previous-term', 'toggle-highlighting'] as const;
export type PageCommand = (typeof PAGE_COMMANDS)[number];

export function isPageCommand(value: unknown): value is PageCommand {
  return typeof value === 'string' && (PAGE_COMMANDS as readonly string[]).includes(value);
}

/** What the page layer found on a page; the popup reads it to preselect a calculator. */
export interface PageSummary {
  url: string;
  region?: PageRegion;
  scheme?: PageScheme;
  /** Term ids seen on the page, most frequent first. */
  terms: string[];
  highlighting: boolean;
  /** Occurrences per term id (the side panel shows them); optional until every layer sends it. */
  counts?: Record<string, number>;
  /** The page's title, for the side panel's heading and the cheat sheet. */
  title?: string;
}

/**
 * Messages sent *to* a tab's content script (by the background or the popup, with a tab id).
 * They travel on their own channel so the content script does not register the background's
 * handlers, and it checks every payload by hand (no schema library in the content script).
 */
export interface PageProtocolMap {
  pageCommand(request: { command: PageCommand }): boolean;
  getPageSummary(): PageSummary | null;
  /**
   * From the side panel: scroll to the next occurrence of a term (after the one shown, else the
   * first) and open its popover. False when the term is not on the page.
   */
  showTerm(request: { termId: string }): boolean;
}

export const { sendMessage: sendPageMessage, onMessage: onPageMessage } =
  defineExtensionMessaging<PageProtocolMap>();
