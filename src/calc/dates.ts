/** ISO date helpers. Dates are plain `YYYY-MM-DD` strings; no time zones are involved. */

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

/** Age in completed years on `date`, counted the ordinary way (birthday = new age). */
function ordinaryAge(birthDate: string, date: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(date);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  const time = Date.UTC(y, m - 1, d) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Age on `date` as Japanese law counts it: a person reaches a new age at the end of the day
 * before their birthday (年齢計算ニ関スル法律), so someone born on January 1 is already 65 on the
 * December 31 before their 65th birthday.
 */
export function legalAge(birthDate: string, date: string): number {
  return ordinaryAge(birthDate, addDays(date, 1));
}

/** The fiscal year (年度, April–March) that contains `date`. */
export function fiscalYearOf(date: string): number {
  const [y, m] = parts(date);
  return m >= 4 ? y : y - 1;
}
