import { z } from 'zod';

export const CATEGORIES = [
  'scheme',
  'organization',
  'people',
  'residence',
  'procedure',
  'document',
  'benefit',
  'premium',
  'income',
  'tax',
  'category',
  'payment',
  'health',
] as const;

export const SCHEMES = ['kokuho', 'koki', 'both', 'general'] as const;

/** The calculators a term can link to (the popup opens the one named here). */
export const CALC_KINDS = [
  'koki-premium',
  'kokuho-premium',
  'koki-copay',
  'high-cost',
  'meals',
  'deadlines',
  'eligibility',
  'income',
] as const;

const hiragana = /^[\u3041-\u3096\u30fc]+$/;
const kebabId = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const senseSchema = z.strictObject({
  id: z.string().regex(kebabId),
  /** Words near the term (or on the page) that select this sense. */
  cues: z.array(z.string().min(1)).min(1),
  /**
   * True when this sense is not about health insurance (均等割 of resident tax): such a match does
   * not make the page an insurance page, so weak terms stay unpainted on it.
   */
  outsideInsurance: z.boolean().optional(),
});

export const termSchema = z.strictObject({
  /** Stable romanized id; explanations and links are keyed by it, so it never changes. */
  id: z.string().regex(kebabId),
  ja: z.string().min(1),
  reading: z.string().regex(hiragana, 'Readings are written in hiragana'),
  /** Other spellings found on municipal pages; width, middle dots and spaces are folded anyway. */
  variants: z.array(z.string().min(1)),
  category: z.enum(CATEGORIES),
  schemes: z.array(z.enum(SCHEMES)).min(1),
  related: z.array(z.string().regex(kebabId)),
  calc: z.enum(CALC_KINDS).optional(),
  /** Two or more meanings, told apart by cue words near the term. */
  senses: z.array(senseSchema).min(2).optional(),
  /**
   * An everyday word (世帯, 年度, 口座振替) that is only worth explaining on a page that is about
   * health insurance: it is reported only when the same text holds at least one strong term.
   */
  weak: z.boolean().optional(),
});

export const catalogueSchema = z.array(termSchema);

export type GlossaryTerm = z.infer<typeof termSchema>;
export type TermSense = z.infer<typeof senseSchema>;
export type Category = (typeof CATEGORIES)[number];
export type CalcKind = (typeof CALC_KINDS)[number];
