import { z } from 'zod';

export const CATEGORIES = [
  'scheme',
  'people',
  'document',
  'benefit',
  'premium',
  'income',
  'category',
  'payment',
  'health',
] as const;

export const SCHEMES = ['kokuho', 'koki', 'both', 'general'] as const;

const hiragana = /^[\u3041-\u3096\u30fc\u3099\u309a ・]+$/;

export const senseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Words near the term (or on the page) that select this sense. */
  cues: z.array(z.string().min(1)),
});

export const termSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  ja: z.string().min(1),
  reading: z.string().regex(hiragana, 'Readings are written in hiragana'),
  variants: z.array(z.string().min(1)),
  category: z.enum(CATEGORIES),
  schemes: z.array(z.enum(SCHEMES)).min(1),
  related: z.array(z.string()),
  calc: z.string().optional(),
  senses: z.array(senseSchema).optional(),
});

export const catalogueSchema = z.array(termSchema);

export type GlossaryTerm = z.infer<typeof termSchema>;
export type Category = (typeof CATEGORIES)[number];
