import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearHouseholds,
  deleteHousehold,
  listHouseholds,
  saveHousehold,
  type SavedHousehold,
} from '../../src/households';

const tanaka: SavedHousehold = {
  name: 'Tanaka',
  kind: 'koki-premium',
  values: { region: 'fukuoka', 'members.0.birthDate': '1947-06-15', 'members.0.insured': true },
  counts: { members: 1 },
  savedAt: '2026-11-24T04:00:00.000Z',
};

describe('saved households', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('stores households in local storage on the device, never in sync storage', async () => {
    await saveHousehold(tanaka);
    expect(await fakeBrowser.storage.local.get('households')).toEqual({ households: [tanaka] });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('replaces a household saved under the same name and lists them by name', async () => {
    await saveHousehold(tanaka);
    await saveHousehold({ ...tanaka, name: 'Abe' });
    await saveHousehold({ ...tanaka, values: { region: 'tokyo' } });
    const list = await listHouseholds();
    expect(list.map((h) => h.name)).toEqual(['Abe', 'Tanaka']);
    expect(list[1]!.values).toEqual({ region: 'tokyo' });
  });

  it('refuses a household without a name or with an unknown calculation', async () => {
    await expect(saveHousehold({ ...tanaka, name: '  ' })).rejects.toThrow();
    await expect(
      saveHousehold({ ...tanaka, kind: 'lottery' as SavedHousehold['kind'] }),
    ).rejects.toThrow();
    expect(await listHouseholds()).toEqual([]);
  });

  it('skips stored entries that no longer fit the schema instead of failing', async () => {
    await fakeBrowser.storage.local.set({ households: [tanaka, { name: 42 }, 'junk'] });
    expect(await listHouseholds()).toEqual([tanaka]);
    await fakeBrowser.storage.local.set({ households: 'not a list' });
    expect(await listHouseholds()).toEqual([]);
  });

  it('deletes one household, and all of them with one action', async () => {
    await saveHousehold(tanaka);
    await saveHousehold({ ...tanaka, name: 'Abe' });
    expect((await deleteHousehold('Abe')).map((h) => h.name)).toEqual(['Tanaka']);
    await clearHouseholds();
    expect(await listHouseholds()).toEqual([]);
    expect(await fakeBrowser.storage.local.get('households')).toEqual({});
  });
});
