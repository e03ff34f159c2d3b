import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { LANGUAGE_CODES, mapBrowserLanguage } from './i18n/languages';

/**
 * User settings, one versioned storage item. Every read is validated: a corrupted value never
 * reaches the faces, it falls back to the defaults and the caller is told (`recovered`).
 *
 * Version history
 * - v1: `{ language, enabled }`.
 * - v2: adds `theme`; v1 languages that were stored as raw browser tags are mapped to our codes.
 */
export const SETTINGS_VERSION = 2;

export const themeSchema = z.enum(['system', 'light', 'dark']);

export const settingsSchema = z.strictObject({
  /** Chosen language; `null` follows the browser's UI language. */
  language: z.enum(LANGUAGE_CODES).nullable(),
  /** Paint and explain terms on allowed sites. */
  enabled: z.boolean(),
  theme: themeSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  language: null,
  enabled: true,
  theme: 'system',
});

const settingsV1Schema = z.object({
  language: z.string().nullable().optional(),
  enabled: z.boolean().optional(),
});

/** v1 → v2. Pure, so it can be tested on its own. Unknown shapes become the defaults. */
export function migrateSettingsV1(old: unknown): Settings {
  const parsed = settingsV1Schema.safeParse(old);
  if (!parsed.success) return { ...DEFAULT_SETTINGS };
  return {
    language: mapBrowserLanguage(parsed.data.language ?? undefined) ?? null,
    enabled: parsed.data.enabled ?? DEFAULT_SETTINGS.enabled,
    theme: DEFAULT_SETTINGS.theme,
  };
}

export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsV1 },
});

export interface SettingsRead {
  settings: Settings;
  /** True when the stored value was unreadable and the defaults are shown instead. */
  recovered: boolean;
}

export async function readSettings(): Promise<SettingsRead> {
  let raw: unknown;
  try {
    raw = await settingsItem.getValue();
  } catch {
    return { settings: { ...DEFAULT_SETTINGS }, recovered: true };
  }
  const parsed = settingsSchema.safeParse(raw);
  return parsed.success
    ? { settings: parsed.data, recovered: false }
    : { settings: { ...DEFAULT_SETTINGS }, recovered: true };
}

/** Applies a validated patch. Throws a ZodError for an invalid patch; nothing is written then. */
export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  const validPatch = settingsPatchSchema.parse(patch);
  const { settings } = await readSettings();
  const next = settingsSchema.parse({ ...settings, ...validPatch });
  await settingsItem.setValue(next);
  return next;
}
