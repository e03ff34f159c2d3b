import { z } from 'zod';
import { SETTINGS_VERSION, settingsSchema, type Settings } from './settings';

/**
 * The settings as a file a reader can keep or move to another browser. Importing is all or
 * nothing: a file that is too large, is not JSON, is another kind of file or holds one invalid
 * value changes nothing, and the reader is told which of those it was.
 */

/** Far above any real settings file (a few hundred bytes, a few KB with many sites). */
export const MAX_SETTINGS_FILE_BYTES = 64 * 1024;

export const SETTINGS_FILE_FORMAT = 'hokenlens-settings';

export const settingsFileSchema = z.strictObject({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.literal(SETTINGS_VERSION),
  settings: settingsSchema,
});
export type SettingsFile = z.infer<typeof settingsFileSchema>;

export type SettingsImportError =
  | { code: 'too-large'; maxBytes: number }
  | { code: 'not-json' }
  | { code: 'wrong-format' }
  | { code: 'unsupported-version'; version: unknown }
  | { code: 'invalid'; issues: { path: string; message: string }[] };

export type SettingsImport =
  { ok: true; settings: Settings } | { ok: false; error: SettingsImportError };

/** The file's text: stable key order and indentation, so two exports of the same settings match. */
export function exportSettings(settings: Settings): string {
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_VERSION,
    settings: settingsSchema.parse(settings),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Parses an exported settings file. Never throws; never returns part of a file. */
export function parseSettingsFile(text: string): SettingsImport {
  if (byteLength(text) > MAX_SETTINGS_FILE_BYTES) {
    return { ok: false, error: { code: 'too-large', maxBytes: MAX_SETTINGS_FILE_BYTES } };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'not-json' } };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: { code: 'wrong-format' } };
  }
  const record = data as Record<string, unknown>;
  if (record.format !== SETTINGS_FILE_FORMAT) return { ok: false, error: { code: 'wrong-format' } };
  if (record.version !== SETTINGS_VERSION) {
    return { ok: false, error: { code: 'unsupported-version', version: record.version } };
  }
  const parsed = settingsFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid',
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        })),
      },
    };
  }
  return { ok: true, settings: parsed.data.settings };
}
