import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calcRequestSchema } from '../../src/calc';
import { ruleFileSchema } from '../../src/rules';

/**
 * The JSON Schemas in the repository are generated from the zod schemas, so editors can offer
 * completion to someone adding a municipality. `node scripts/export-schemas.mjs` regenerates them
 * (it runs this file with UPDATE_JSON_SCHEMAS=1); without it, this test fails when they are stale.
 */
const exports = [
  {
    file: 'src/rules/rule-file.schema.json',
    title: 'HokenLens rule file',
    schema: ruleFileSchema,
  },
  {
    file: 'docs/calc-request.schema.json',
    title: 'HokenLens calculation request',
    schema: calcRequestSchema,
  },
];

/** The JSON Schema as the repository's Prettier settings would format it. */
async function render(schema: z.ZodType, title: string, path: string): Promise<string> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  const options = (await resolveConfig(path)) ?? {};
  return format(JSON.stringify({ title, ...json }), { ...options, parser: 'json' });
}

describe('exported JSON Schemas', () => {
  for (const { file, title, schema } of exports) {
    it(`keeps ${file} in step with the zod schema`, async () => {
      const path = resolve(__dirname, '../..', file);
      const expected = await render(schema, title, path);
      if (process.env.UPDATE_JSON_SCHEMAS === '1') writeFileSync(path, expected);
      expect(readFileSync(path, 'utf8'), 'run `node scripts/export-schemas.mjs`').toBe(expected);
    });
  }
});
