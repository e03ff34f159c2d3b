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
 * - v3: adds `highlightStyle`, `showReadings`, `detail`, `fontSize` and `sites`.
 *
 * Each setting exists because two groups of readers need different behaviour (see the comments);
 * anything else stays a fixed, well-chosen default.
 */
export const SETTINGS_VERSION = 3;

export const themeSchema = z.enum(['system', 'light', 'dark']);

/**
 * `tint`: dotted underline plus a background colour per category, so a reader can tell documents
 * from premiums at a glance. `underline`: the underline alone, for readers who find coloured
 * backgrounds hard to read through (low vision, dyslexia) and for pages that already use colour.
 */
export const HIGHLIGHT_STYLES = ['tint', 'underline'] as const;

/**
 * Readings (ふりがな) help readers who are still learning kanji; readers of Japanese and
 * volunteers who already know the terms find them noise.
 */
export const showReadingsSchema = z.boolean();

/**
 * `short`: one sentence first, more on demand (most readers, small screens). `long`: the full
 * explanation and what to do, opened at once (volunteers answering questions for others).
 */
export const DETAIL_LEVELS = ['short', 'long'] as const;

/** Text size of the popover and the extension pages, on top of the browser's own zoom. */
export const FONT_SIZES = ['normal', 'large', 'larger'] as const;
export const FONT_SCALE: Record<(typeof FONT_SIZES)[number], number> = {
  normal: 1,
  large: 1.25,
  larger: 1.5,
};

/** At most this many user-enabled sites; more is a corrupted or hostile value. */
export const MAX_SITES = 200;

/**
 * A site the reader enabled beyond the default government domains, as the match pattern of its
 * origin (`https://www.example.jp/*`). Only whole origins: the optional host permission is
 * requested per origin, and a path-limited grant would surprise the reader.
 */
export const sitePatternSchema = z
  .string()
  .max(300)
  .regex(/^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?\/\*$/, 'Not a site pattern');

export const settingsSchema = z.strictObject({
  /** Chosen language; `null` follows the browser's UI language. */
  language: z.enum(LANGUAGE_CODES).nullable(),
  /** Paint and explain terms on allowed sites. */
  enabled: z.boolean(),
  theme: themeSchema,
  highlightStyle: z.enum(HIGHLIGHT_STYLES),
  showReadings: showReadingsSchema,
  detail: z.enum(DETAIL_LEVELS),
  fontSize: z.enum(FONT_SIZES),
  /** Sites the reader enabled; each needs its optional host permission granted too. */
  sites: z.array(sitePatternSchema).max(MAX_SITES),
});
export type Settings = z.infer<typeof settingsSchema>;
export type HighlightStyle = Settings['highlightStyle'];
export type DetailLevel = Settings['detail'];
export type FontSize = Settings['fontSize'];

export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  language: null,
  enabled: true,
  theme: 'system',
  highlightStyle: 'tint',
  showReadings: true,
  detail: 'short',
  fontSize: 'normal',
  sites: [],
});

function defaults(): Settings {
  return { ...DEFAULT_SETTINGS, sites: [] };
}

const settingsV1Schema = z.object({
  language: z.string().nullable().optional(),
  enabled: z.boolean().optional(),
});

const settingsV2Schema = z.strictObject({
  language: z.enum(LANGUAGE_CODES).nullable(),
  enabled: z.boolean(),
  theme: themeSchema,
});

type SettingsV2 = z.infer<typeof settingsV2Schema>;

/** v1 → v2. Pure, so it can be tested on its own. Unknown shapes become the defaults. */
export function migrateSettingsV1(old: unknown): SettingsV2 {
  const parsed = settingsV1Schema.safeParse(old);
  if (!parsed.success) {
    return { language: null, enabled: DEFAULT_SETTINGS.enabled, theme: DEFAULT_SETTINGS.theme };
  }
  return {
    language: mapBrowserLanguage(parsed.data.language ?? undefined) ?? null,
    enabled: parsed.data.enabled ?? DEFAULT_SETTINGS.enabled,
    theme: DEFAULT_SETTINGS.theme,
  };
}

/**
 * v2 → v3: keeps language, on/off and theme, and adds the new settings at their defaults (which
 * are what v2 did: tinted highlights, readings shown, short explanations, normal size, no extra
 * sites). A value that is not a valid v2 value becomes the defaults.
 */
export function migrateSettingsV2(old: unknown): Settings {
  const parsed = settingsV2Schema.safeParse(old);
  if (!parsed.success) return defaults();
  return { ...defaults(), ...parsed.data };
}

export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsV1, 3: migrateSettingsV2 },
});

export interface SettingsRead {
  settings: Settings;
  /** True when the stored value was unreadable and the defaults are shown instead. */
  recovered: boolean;
}

/**
 * Reads the stored settings. A valid v2 value that has not been migrated yet (the migration runs
 * when the background starts; another context may read first) is migrated on the fly.
 */
export async function readSettings(): Promise<SettingsRead> {
  let raw: unknown;
  try {
    raw = await settingsItem.getValue();
  } catch {
    return { settings: defaults(), recovered: true };
  }
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, recovered: false };
  if (settingsV2Schema.safeParse(raw).success) {
    return { settings: migrateSettingsV2(raw), recovered: false };
  }
  return { settings: defaults(), recovered: true };
}

/**
 * Writes one after another. A patch is read-modify-write; two quick changes (a theme, then a text
 * size) must not both read the old value and the second write lose the first.
 */
let writeQueue: Promise<unknown> = Promise.resolve();

function serialized<T>(write: () => Promise<T>): Promise<T> {
  const result = writeQueue.then(write, write);
  writeQueue = result.catch(() => undefined);
  return result;
}

/** Applies a validated patch. Throws a ZodError for an invalid patch; nothing is written then. */
export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  const validPatch = settingsPatchSchema.parse(patch);
  return serialized(async () => {
    const { settings } = await readSettings();
    const next = settingsSchema.parse({ ...settings, ...validPatch });
    await settingsItem.setValue(next);
    return next;
  });
}

/** Replaces every setting (import, reset). Throws a ZodError for an invalid value. */
export async function replaceSettings(settings: Settings): Promise<Settings> {
  const next = settingsSchema.parse(settings);
  return serialized(async () => {
    await settingsItem.setValue(next);
    return next;
  });
}
