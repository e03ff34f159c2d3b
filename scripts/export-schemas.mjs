// Regenerates src/rules/rule-file.schema.json and docs/calc-request.schema.json from the zod
// schemas. The schemas live in TypeScript modules that need Vite (import.meta.glob), so the export
// runs inside Vitest: the JSON Schema test writes the files when UPDATE_JSON_SCHEMAS=1.
//
//   node scripts/export-schemas.mjs           regenerate the two JSON Schema files
//   node scripts/export-schemas.mjs --rules   also rewrite every rule file in canonical form
import { spawnSync } from 'node:child_process';

const formatRules = process.argv.includes('--rules');
const tests = ['tests/unit/rules-json-schema.test.ts'];
if (formatRules) tests.push('tests/unit/rules-data.test.ts');

const result = spawnSync('npx', ['vitest', 'run', '--project', 'unit', ...tests], {
  stdio: 'inherit',
  env: {
    ...process.env,
    UPDATE_JSON_SCHEMAS: '1',
    ...(formatRules ? { FORMAT_RULE_FILES: '1' } : {}),
  },
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
