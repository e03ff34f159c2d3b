// Release checks run by CI after both builds: the content-script size budget and `web-ext lint`
// on the Firefox build (zero errors; warnings are listed and explained in the README).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTENT_SCRIPT_BUDGET = 60 * 1024;
let failed = false;

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function dirSize(dir) {
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return sum + (stat.isDirectory() ? dirSize(path) : stat.size);
  }, 0);
}

for (const target of ['chrome-mv3', 'firefox-mv3']) {
  const dir = join('.output', target);
  const content = readFileSync(join(dir, 'content-scripts/content.js'));
  const gz = gzipSync(content, { level: 9 }).length;
  const ok = gz <= CONTENT_SCRIPT_BUDGET;
  failed ||= !ok;
  console.log(
    `${target}: content script ${kb(gz)} gzip (budget ${kb(CONTENT_SCRIPT_BUDGET)}) ${ok ? 'ok' : 'OVER BUDGET'}; whole build ${kb(dirSize(dir))}`,
  );
}

for (const name of readdirSync('.output').filter((file) => file.endsWith('.zip'))) {
  console.log(`zip ${name}: ${kb(statSync(join('.output', name)).size)}`);
}

const lint = JSON.parse(
  execFileSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json', '--no-input'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  ),
);
console.log(
  `web-ext lint: ${lint.summary.errors} errors, ${lint.summary.warnings} warnings, ${lint.summary.notices} notices`,
);
for (const kind of ['errors', 'warnings']) {
  for (const message of lint[kind]) {
    console.log(`  ${kind.slice(0, -1)} ${message.code} ${message.file ?? ''}: ${message.message}`);
  }
}
if (lint.summary.errors > 0) failed = true;
process.exit(failed ? 1 : 0);
