// Fails loudly when the Firefox smoke test cannot run: it is never skipped silently.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const MIN_MAJOR = 140; // browser_specific_settings.gecko.strict_min_version in wxt.config.ts
const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

function fail(problem) {
  console.error(
    [
      '',
      problem,
      "Install Debian's Firefox ESR, then run the tests again:",
      '',
      '  sudo apt-get update && sudo apt-get install -y firefox-esr',
      '',
      `Or point FIREFOX_PATH at another Firefox ${MIN_MAJOR} or newer.`,
      '',
    ].join('\n'),
  );
  process.exit(1);
}

if (!existsSync(path)) {
  fail(`The HokenLens Firefox smoke test needs Firefox ESR at ${path}, and it is missing.`);
}
// "Mozilla Firefox 153.7.0esr"
const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
const major = Number(/(\d+)\.\d+/.exec(version)?.[1] ?? 0);
if (major < MIN_MAJOR) {
  fail(
    `The HokenLens Firefox smoke test needs Firefox ${MIN_MAJOR} or newer; ${path} is "${version}".`,
  );
}
