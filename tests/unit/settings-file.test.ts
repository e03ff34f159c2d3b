import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings';
import {
  exportSettings,
  MAX_SETTINGS_FILE_BYTES,
  parseSettingsFile,
} from '../../src/settings-file';

const custom: Settings = {
  ...DEFAULT_SETTINGS,
  language: 'pt-BR',
  theme: 'dark',
  highlightStyle: 'underline',
  showReadings: false,
  detail: 'long',
  fontSize: 'large',
  sites: ['https://www.example.jp/*'],
};

describe('settings file', () => {
  it('round-trips every setting through export and import', () => {
    expect(parseSettingsFile(exportSettings(custom))).toEqual({ ok: true, settings: custom });
  });

  it('exports the same text for the same settings', () => {
    expect(exportSettings({ ...custom })).toBe(exportSettings(custom));
    expect(JSON.parse(exportSettings(custom))).toMatchObject({
      format: 'hokenlens-settings',
      version: 3,
    });
  });

  it('rejects a file that is not JSON', () => {
    expect(parseSettingsFile('{ "format": ')).toEqual({ ok: false, error: { code: 'not-json' } });
  });

  it('rejects a file larger than the limit before parsing it', () => {
    const padded = exportSettings(custom).replace(
      '{',
      `{"pad":"${'x'.repeat(MAX_SETTINGS_FILE_BYTES)}",`,
    );
    expect(parseSettingsFile(padded)).toEqual({
      ok: false,
      error: { code: 'too-large', maxBytes: MAX_SETTINGS_FILE_BYTES },
    });
  });

  it.each([
    ['an array', '[]'],
    ['a number', '3'],
    ['another kind of file', '{"format":"hokenlens-rates","version":3,"settings":{}}'],
    ['an object without a format', JSON.stringify({ settings: DEFAULT_SETTINGS })],
  ])('rejects %s as the wrong format', (_, text) => {
    expect(parseSettingsFile(text)).toEqual({ ok: false, error: { code: 'wrong-format' } });
  });

  it('rejects a version it does not know', () => {
    const text = JSON.stringify({ format: 'hokenlens-settings', version: 99, settings: custom });
    expect(parseSettingsFile(text)).toEqual({
      ok: false,
      error: { code: 'unsupported-version', version: 99 },
    });
  });

  it('rejects the whole file when one value is invalid, and names the field', () => {
    const file = JSON.parse(exportSettings(custom)) as { settings: Record<string, unknown> };
    file.settings.fontSize = 'gigantic';
    const result = parseSettingsFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.code === 'invalid') {
      expect(result.error.issues.map((issue) => issue.path)).toEqual(['settings.fontSize']);
    } else {
      throw new Error(`expected an invalid-file error, got ${JSON.stringify(result)}`);
    }
  });

  it('rejects unknown fields instead of silently dropping them', () => {
    const file = JSON.parse(exportSettings(custom)) as Record<string, unknown>;
    const withExtra = { ...file, settings: { ...custom, telemetry: true } };
    expect(parseSettingsFile(JSON.stringify(withExtra)).ok).toBe(false);
  });

  it('rejects a file with more sites than allowed', () => {
    const sites = Array.from({ length: 201 }, (_, i) => `https://s${i}.example.jp/*`);
    expect(
      parseSettingsFile(
        JSON.stringify({
          format: 'hokenlens-settings',
          version: 3,
          settings: { ...custom, sites },
        }),
      ).ok,
    ).toBe(false);
  });
});
