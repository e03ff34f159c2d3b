// Fails loudly when the browser tests cannot run: they are never skipped silently.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    [
      '',
      `HokenLens browser tests need Chromium at ${path}, and it is missing.`,
      "Install Debian's Chromium and CJK fonts, then run the tests again:",
      '',
      '  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk',
      '',
      'Or point CHROMIUM_PATH at another Chromium or Chrome binary.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
