import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  migrateSettingsV1,
  migrateSettingsV2,
  readSettings,
  replaceSettings,
  settingsItem,
  updateSettings,
} from '../../src/settings';

describe('settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads the defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual({ settings: DEFAULT_SETTINGS, recovered: false });
  });

  it('stores a valid patch and reads it back', async () => {
    await updateSettings({ language: 'vi', enabled: false, detail: 'long', fontSize: 'larger' });
    expect((await readSettings()).settings).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'vi',
      enabled: false,
      detail: 'long',
      fontSize: 'larger',
    });
  });

  it('rejects an invalid patch and keeps what was stored', async () => {
    await updateSettings({ language: 'ko' });
    await expect(updateSettings({ language: 'fr' as never })).rejects.toThrow();
    await expect(updateSettings({ enabled: 'yes' as never })).rejects.toThrow();
    await expect(updateSettings({ highlightStyle: 'blink' as never })).rejects.toThrow();
    await expect(updateSettings({ sites: ['javascript:alert(1)'] })).rejects.toThrow();
    expect((await readSettings()).settings.language).toBe('ko');
  });

  it('keeps both of two changes made at the same moment', async () => {
    await Promise.all([
      updateSettings({ theme: 'dark' }),
      updateSettings({ fontSize: 'large' }),
      updateSettings({ detail: 'long' }),
    ]);
    expect((await readSettings()).settings).toMatchObject({
      theme: 'dark',
      fontSize: 'large',
      detail: 'long',
    });
  });

  it('accepts whole-origin site patterns only', async () => {
    await updateSettings({ sites: ['https://www.example.jp/*', 'http://*.city.example.jp/*'] });
    expect((await readSettings()).settings.sites).toHaveLength(2);
    for (const bad of [
      'https://example.jp/path/*',
      '<all_urls>',
      'ftp://example.jp/*',
      '*://a/*',
    ]) {
      await expect(updateSettings({ sites: [bad] })).rejects.toThrow();
    }
  });

  it('replaces every setting at once, and refuses an incomplete replacement', async () => {
    await replaceSettings({ ...DEFAULT_SETTINGS, theme: 'dark', showReadings: false });
    expect((await readSettings()).settings).toMatchObject({ theme: 'dark', showReadings: false });
    await expect(replaceSettings({ theme: 'light' } as never)).rejects.toThrow();
    expect((await readSettings()).settings.theme).toBe('dark');
  });

  it('falls back to the defaults, and says so, when the stored value is corrupted', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 42, enabled: 'maybe' } });
    expect(await readSettings()).toEqual({ settings: DEFAULT_SETTINGS, recovered: true });
  });

  it('falls back to the defaults when a v3 value holds one bad field', async () => {
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, fontSize: 'huge' },
      settings$: { v: 3 },
    });
    expect(await readSettings()).toEqual({ settings: DEFAULT_SETTINGS, recovered: true });
  });

  it('migrates a version-1 value stored by the first release all the way to v3', async () => {
    await fakeBrowser.storage.local.set({
      settings: { language: 'zh-TW', enabled: false },
      settings$: { v: 1 },
    });
    await settingsItem.migrate();
    expect(await readSettings()).toEqual({
      settings: { ...DEFAULT_SETTINGS, language: 'zh-Hant', enabled: false },
      recovered: false,
    });
  });

  it('migrates a version-2 value, keeping language, on/off and theme', async () => {
    await fakeBrowser.storage.local.set({
      settings: { language: 'ne', enabled: false, theme: 'dark' },
      settings$: { v: 2 },
    });
    await settingsItem.migrate();
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: {
        language: 'ne',
        enabled: false,
        theme: 'dark',
        highlightStyle: 'tint',
        showReadings: true,
        detail: 'short',
        fontSize: 'normal',
        sites: [],
      },
    });
  });

  it('reads an unmigrated v2 value as its v3 equivalent, not as corrupted', async () => {
    await fakeBrowser.storage.local.set({
      settings: { language: 'zh-Hans', enabled: true, theme: 'light' },
    });
    expect(await readSettings()).toEqual({
      settings: { ...DEFAULT_SETTINGS, language: 'zh-Hans', theme: 'light' },
      recovered: false,
    });
  });

  it('migrates v1 values field by field', () => {
    expect(migrateSettingsV1({ language: null, enabled: true })).toEqual({
      language: null,
      enabled: true,
      theme: 'system',
    });
    expect(migrateSettingsV1({ language: 'fr', enabled: true }).language).toBeNull();
    expect(migrateSettingsV1('garbage')).toEqual({
      language: null,
      enabled: true,
      theme: 'system',
    });
  });

  it('migrates v2 values to the v3 defaults for the new settings, and garbage to the defaults', () => {
    expect(migrateSettingsV2({ language: 'ko', enabled: true, theme: 'light' })).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'ko',
      theme: 'light',
    });
    expect(migrateSettingsV2({ language: 'ko', enabled: 'no', theme: 'light' })).toEqual(
      DEFAULT_SETTINGS,
    );
    expect(migrateSettingsV2(null)).toEqual(DEFAULT_SETTINGS);
  });
});
