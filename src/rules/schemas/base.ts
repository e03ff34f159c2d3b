import { z } from 'zod';

/**
 * Building blocks shared by every rule schema. They live in their own module so that the
 * per-topic schema files (e.g. `benefits.ts`) can use them while `../schema.ts` imports those
 * files for the `ruleFileSchema` union, without an import cycle.
 */
export const RULE_SCHEMA_VERSION = 1;

export const yen = z.number().int().min(0).max(1e12);
export const signedYen = z.number().int().min(-1e12).max(1e12);
export const ppm = z.number().int().min(0).max(1_000_000);
export const isoDate = z.iso.date();

export const sourceSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().min(1),
  /** When someone last checked the figure against this source. */
  checked: isoDate,
  status: z.enum(['official', 'secondary']),
});
export type Source = z.infer<typeof sourceSchema>;

export const roundingSchema = z.strictObject({
  /** Round down (切り捨て) to a multiple of this many yen. */
  unit: z.union([z.literal(1), z.literal(10), z.literal(100), z.literal(1000)]),
  mode: z.enum(['floor', 'ceil']),
});
export type Rounding = z.infer<typeof roundingSchema>;

/** Region ids: `national`, a prefecture slug (`fukuoka`) or `prefecture/municipality`. */
export const regionIdSchema = z
  .string()
  .regex(/^(national|[a-z]+(\/[a-z-]+)?)$/, 'Region ids look like "fukuoka" or "hokkaido/sapporo"');

export const ruleBase = {
  $schema: z.string().optional(),
  schemaVersion: z.literal(RULE_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9-]+$/),
  region: regionIdSchema,
  validFrom: isoDate,
  validTo: isoDate,
  status: z.enum(['verified', 'unverified']),
  sources: z.array(sourceSchema).min(1),
  notes: z.string().optional(),
};
