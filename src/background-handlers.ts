import { browser } from 'wxt/browser';
import { explanationFacts } from './glossary/facts';
import { openCalculator } from './page/activation';
import { resolveLanguage } from './i18n/languages';
import { SHIPPED_BUNDLES, type BundleStore } from './i18n/resources';
import { NotFoundError, type Handlers } from './message-handlers';
import type { SettingsResponse } from './messaging';
import { readSettings, replaceSettings, updateSettings, type Settings } from './settings';

function browserLanguages(): string[] {
  const languages = [...(globalThis.navigator?.languages ?? [])];
  try {
    const ui = browser.i18n?.getUILanguage?.();
    if (ui) languages.unshift(ui);
  } catch {
    // i18n is unavailable in some test environments; navigator.languages is enough then.
  }
  return languages;
}

/**
 * The background's answers to every message. Inputs arrive already validated (see dispatch).
 * `bundles` holds the locale files; a language's are read the first time a face asks for them.
 */
export function createBackgroundHandlers(bundles: BundleStore = SHIPPED_BUNDLES): Handlers {
  const respond = (settings: Settings, recovered: boolean): SettingsResponse => ({
    settings,
    language: resolveLanguage(settings.language, browserLanguages(), bundles.languages),
    recovered,
  });
  return {
    async getSettings() {
      const { settings, recovered } = await readSettings();
      return respond(settings, recovered);
    },
    async updateSettings(patch) {
      return respond(await updateSettings(patch), false);
    },
    async replaceSettings(settings) {
      return respond(await replaceSettings(settings), false);
    },
    async getLocaleBundle({ language, namespace }) {
      const bundle = await bundles.load(language, namespace);
      if (!bundle) throw new NotFoundError(`No ${namespace} resources for ${language}`);
      return bundle;
    },
    async reportError({ where, message }) {
      console.warn(`[HokenLens] ${where}: ${message}`);
      return null;
    },
    async getExplanationFacts() {
      const today = new Date();
      const iso = new Date(today.getTime() - today.getTimezoneOffset() * 60_000)
        .toISOString()
        .slice(0, 10);
      return { ...explanationFacts(iso).values };
    },
    async listLanguages() {
      return [...bundles.languages];
    },
    async openCalculator(request) {
      return { opened: await openCalculator(request) };
    },
  };
}
