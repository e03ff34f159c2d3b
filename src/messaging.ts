import { defineExtensionMessaging } from '@webext-core/messaging';
import type { LanguageCode } from './i18n/languages';
import type { Namespace, ResourceBundle } from './i18n/resources';
import type { Settings, SettingsPatch } from './settings';

/**
 * Every message between the extension's contexts, in one map. This module holds only types and
 * the typed send/receive functions, so the content script does not bundle the schemas; the
 * receiving side validates every payload (`src/message-handlers.ts`).
 */
export interface ProtocolMap {
  getSettings(): Result<SettingsResponse>;
  updateSettings(patch: SettingsPatch): Result<SettingsResponse>;
  /** Replaces every setting at once: an imported settings file, or a reset to the defaults. */
  replaceSettings(settings: Settings): Result<SettingsResponse>;
  getLocaleBundle(request: {
    language: LanguageCode;
    namespace: Namespace;
  }): Result<ResourceBundle>;
  reportError(report: { where: string; message: string }): Result<null>;
  /** From the popover: open the calculator for a term with the page's region (see src/page/calc-intent.ts). */
  openCalculator(request: OpenCalculatorRequest): Result<{ opened: 'popup' | 'tab' }>;
  /** Languages that ship explanations (the popover offers them to switch to). */
  listLanguages(): Result<LanguageCode[]>;
  /** Figures that glossary explanations quote (`{{notifyDays}}`), from the rules in force today. */
  getExplanationFacts(): Result<Record<string, string>>;
}

export interface OpenCalculatorRequest {
  calc: string;
  termId: string;
  region?: string;
  scheme?: 'kokuho' | 'koki';
  url: string;
}

export interface SettingsResponse {
  settings: Settings;
  /** The language to show: the chosen one, else the browser's, else English. */
  language: LanguageCode;
  /** The stored settings were unreadable; defaults are in use. */
  recovered: boolean;
}

export interface MessageIssue {
  path: string;
  message: string;
}

export type MessageError =
  | { code: 'invalid-request'; message: string; issues: MessageIssue[] }
  | { code: 'not-found'; message: string }
  | { code: 'internal'; message: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: MessageError };

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
