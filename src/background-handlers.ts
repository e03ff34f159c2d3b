import { browser } from 'wxt/browser';
import { explanationFacts } from './glossary/facts';
import { openCalculator } from './page/activation';
import { resolveLanguage } from './i18n/languages';
import { loadBundle, SHIPPED_LANGUAGES } from './i18n/resources';
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

function respond(settings: Settings, recovered: boolean): SettingsResponse {
  return {
    settings,
    language: resolveLanguage(settings.language, browserLanguages(), SHIPPED_LANGUAGES),
    recovered,
  };
}

/** The background's answers to every message. Inputs arrive already validated (see dispatch). */
export function createBackgroundHandlers(): Handlers {
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
      const bundle = await loadBundle(language, namespace);
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
      return [...SHIPPED_LANGUAGES];
    },
    async openCalculator(request) {
      return { opened: await openCalculator(request) };
    },
  };
}
