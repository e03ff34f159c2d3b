import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { LANGUAGE_CODES } from '../../i18n/languages';
import { CALC_KINDS } from './spec';

/**
 * The calculation the printable summary page shows. The popup stores the request (never the
 * result: the page runs the calculator again on the same rules) in session storage, which is kept
 * in memory and cleared when the browser closes.
 */
export const printRequestSchema = z.strictObject({
  kind: z.enum(CALC_KINDS),
  request: z.record(z.string(), z.unknown()),
  language: z.enum(LANGUAGE_CODES),
  at: z.number().int(),
});
export type PrintRequest = z.infer<typeof printRequestSchema>;

export const printRequestItem = storage.defineItem<unknown>('session:printSummary', {
  fallback: null,
});

export async function readPrintRequest(): Promise<PrintRequest | null> {
  const parsed = printRequestSchema.safeParse(await printRequestItem.getValue());
  return parsed.success ? parsed.data : null;
}
