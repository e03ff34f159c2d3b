/**
 * Reads an amount of yen typed by a person: full-width digits, commas, spaces and a trailing 円 are
 * accepted ("２,２００,０００円" → 2200000). Returns an error key instead of guessing.
 */
export type ParsedYen = { ok: true; value: number } | { ok: false; error: string };

export function parseYenInput(raw: string, { required = false } = {}): ParsedYen {
  const cleaned = raw.normalize('NFKC').replace(/[\s,，円¥]/g, '');
  if (cleaned === '')
    return required ? { ok: false, error: 'errors.required' } : { ok: true, value: 0 };
  if (cleaned.startsWith('-')) return { ok: false, error: 'errors.negative' };
  if (!/^\d+$/.test(cleaned)) return { ok: false, error: 'errors.notWholeYen' };
  const value = Number(cleaned);
  if (!Number.isSafeInteger(value) || value > 1e12) return { ok: false, error: 'errors.tooLarge' };
  return { ok: true, value };
}
