import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { CALC_KINDS } from './ui/calc/spec';

/**
 * Households a volunteer saved in the popup to come back to. They stay on this device
 * (`local:` storage, never synced) and one action removes them all.
 */
export const savedHouseholdSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  kind: z.enum(CALC_KINDS),
  values: z.record(z.string().max(120), z.union([z.string().max(200), z.boolean()])),
  counts: z.record(z.string().max(120), z.number().int().min(0).max(40)),
  savedAt: z.iso.datetime(),
});
export type SavedHousehold = z.infer<typeof savedHouseholdSchema>;

export const MAX_HOUSEHOLDS = 50;

const householdsItem = storage.defineItem<unknown>('local:households', { fallback: [] });

/** The saved households; entries that no longer fit the schema are skipped, never thrown on. */
export async function listHouseholds(): Promise<SavedHousehold[]> {
  const stored = await householdsItem.getValue();
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = savedHouseholdSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Saves a household under its name, replacing one saved earlier under the same name. */
export async function saveHousehold(household: SavedHousehold): Promise<SavedHousehold[]> {
  const valid = savedHouseholdSchema.parse(household);
  const others = (await listHouseholds()).filter((h) => h.name !== valid.name);
  if (others.length >= MAX_HOUSEHOLDS) throw new RangeError('Too many saved households');
  const next = [...others, valid].sort((a, b) => a.name.localeCompare(b.name));
  await householdsItem.setValue(next);
  return next;
}

export async function deleteHousehold(name: string): Promise<SavedHousehold[]> {
  const next = (await listHouseholds()).filter((h) => h.name !== name);
  await householdsItem.setValue(next);
  return next;
}

/** Removes every saved household from the device. */
export async function clearHouseholds(): Promise<void> {
  await householdsItem.removeValue();
}
