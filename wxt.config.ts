import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { localeAssets } from './src/i18n/locale-assets';

/**
 * Hosts the e2e build may also run on: the test server on loopback. They are added only in
 * `--mode e2e` builds so the shipped manifest never asks for them.
 */
const E2E_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  zip: {
    // AMO's sources zip: what builds the extension, without generated benchmark pages or screenshots.
    excludeSources: ['tests/fixtures/page-generated/**', 'docs/screenshots/**', '.output/**'],
  },
  vite: () => ({
    plugins: [preact(), localeAssets()],
    build: { target: 'es2022', ...(process.env.HOKENLENS_NO_MINIFY ? { minify: false } : {}) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'HokenLens',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab + scripting: run the page layer on any other site when the user asks (toolbar,
    // context menu, shortcut). Sites the user enables for good are optional host permissions,
    // requested one origin at a time.
    // contextMenus: the "Explain with HokenLens" item on selected text; the selection comes with
    // the click, so it needs no access to the page. (sidePanel is added by WXT for the side panel
    // entrypoint on Chrome; Firefox gets sidebar_action instead, which needs no permission.)
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'next-term': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next insurance term and explain it',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous insurance term and explain it',
      },
      'toggle-highlighting': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Turn term highlighting on this page on or off',
      },
    },
    action: { default_title: 'HokenLens' },
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'hoken-lens@hokenlens.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...E2E_HOSTS];
      }
    },
  },
});
