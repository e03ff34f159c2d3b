import type { Plugin } from 'vite';

/** `locales/<lang>/<file>.json`, as Vite names an asset's source (relative to the project root). */
const LOCALE_FILE = /(?:^|\/)locales\/[^/]+\/[^/]+\.json$/;

function isLocaleFile(originalFileNames: readonly string[] | undefined): boolean {
  return (originalFileNames ?? []).some((name) => LOCALE_FILE.test(name.replaceAll('\\', '/')));
}

const LOCALE_ASSET_NAME = 'assets/[name]-[hash][extname]';

/**
 * Build plugin for the locale files, which reach every build as JSON assets (see resources.ts):
 *  - names them the same way in every build. WXT builds the background on its own and names its
 *    assets after the entrypoint (`background2.json`); with content-hashed names the background
 *    and the extension pages share one copy of each file instead of shipping two.
 *  - strips their whitespace, as a script bundler would have.
 */
export function localeAssets(): Plugin {
  return {
    name: 'hokenlens:locale-assets',
    apply: 'build',
    outputOptions(options) {
      const original = options.assetFileNames;
      return {
        ...options,
        assetFileNames: (info) => {
          if (isLocaleFile(info.originalFileNames)) return LOCALE_ASSET_NAME;
          if (typeof original === 'function') return original(info);
          return original ?? LOCALE_ASSET_NAME;
        },
      };
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !isLocaleFile(file.originalFileNames)) continue;
        const text =
          typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
        file.source = JSON.stringify(JSON.parse(text));
      }
    },
  };
}
