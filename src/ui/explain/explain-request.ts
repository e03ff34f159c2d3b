import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * Text the context menu hands to the side panel or the explain page. Session storage: it is
 * gone when the browser closes, and it never leaves the device.
 */
export interface ExplainRequest {
  text: string;
  at: number;
}

export const MAX_REQUEST_CHARS = 20_000;

export const explainRequestSchema = z.strictObject({
  text: z.string().max(MAX_REQUEST_CHARS),
  at: z.number().int().nonnegative(),
});

export const explainRequestItem = storage.defineItem<ExplainRequest | null>(
  'session:explainRequest',
  {
    fallback: null,
  },
);

/** The pending request, if it is valid and recent; a stale one is not shown again after hours. */
export async function readExplainRequest(
  now = Date.now(),
  maxAgeMs = 60 * 60 * 1000,
): Promise<ExplainRequest | undefined> {
  const parsed = explainRequestSchema.safeParse(await explainRequestItem.getValue());
  if (!parsed.success || now - parsed.data.at > maxAgeMs) return undefined;
  return parsed.data;
}
