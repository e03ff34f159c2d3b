import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  migrateSettingsV1,
  readSettings,
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
    await updateSettings({ language: 'vi', enabled: false });
    expect((await readSettings()).settings).toEqual({
      language: 'vi',
      enabled: false,
      theme: 'system',
    });
  });

  it('rejects an invalid patch and keeps what was stored', async () => {
    await updateSettings({ language: 'ko' });
    await expect(updateSettings({ language: 'fr' as never })).rejects.toThrow();
    await expect(updateSettings({ enabled: 'yes' as never })).rejects.toThrow();
    expect((await readSettings()).settings.language).toBe('ko');
  });

  it('falls back to the defaults, and says so, when the stored value is corrupted', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 42, enabled: 'maybe' } });
    expect(await readSettings()).toEqual({ settings: DEFAULT_SETTINGS, recovered: true });
  });

  it('migrates a version-1 value stored by the first release', async () => {
    await fakeBrowser.storage.local.set({
      settings: { language: 'zh-TW', enabled: false },
      settings$: { v: 1 },
    });
    await settingsItem.migrate();
    expect(await readSettings()).toEqual({
      settings: { language: 'zh-Hant', enabled: false, theme: 'system' },
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
    expect(migrateSettingsV1('garbage')).toEqual(DEFAULT_SETTINGS);
  });
});
