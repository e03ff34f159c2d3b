import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { PageScheme } from './page-context';

/**
 * "Open the calculator for this term": the popover asks the background, which stores the intent
 * here (session storage, never synced or persisted) and opens the popup. The popup reads it on
 * start and preselects the calculator, region and scheme.
 */
export interface CalcIntent {
  /** Calculator id from the glossary term (`term.calc`). */
  calc: string;
  termId: string;
  /** Rule-set region detected from the page host, e.g. `fukuoka/fukuoka`. */
  region?: string;
  scheme?: PageScheme;
  /** The page the reader was on. */
  url: string;
  /** When the intent was made (ms since epoch); the popup ignores intents older than 10 minutes. */
  at: number;
}

export const CALC_INTENT_MAX_AGE_MS = 10 * 60 * 1000;

const calcIntentSchema = z.strictObject({
  calc: z.string().min(1).max(60),
  termId: z.string().min(1).max(80),
  region: z.string().max(80).optional(),
  scheme: z.enum(['kokuho', 'koki']).optional(),
  url: z.string().max(4000),
  at: z.number().finite(),
});

export const calcIntentItem = storage.defineItem<CalcIntent | null>('session:calcIntent', {
  fallback: null,
});

/** The stored intent if it is recent, else null. Reading does not clear it. */
export async function readCalcIntent(now = Date.now()): Promise<CalcIntent | null> {
  // Validated like every stored value: anything malformed is ignored, never trusted.
  const parsed = calcIntentSchema.safeParse(await calcIntentItem.getValue());
  const intent = parsed.success ? (parsed.data as CalcIntent) : null;
  return intent && now - intent.at <= CALC_INTENT_MAX_AGE_MS ? intent : null;
}
