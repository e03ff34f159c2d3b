/**
 * The day of someone's nth birthday. 後期高齢者医療 starts on the 75th birthday itself (not the
 * day before, when the legal age changes). A February 29 birthday falls on March 1 in other years.
 */
export function nthBirthday(birthDate: string, age: number): string {
  const [y, m, d] = birthDate.split('-').map(Number);
  const date = new Date(Date.UTC((y ?? 0) + age, (m ?? 1) - 1, d ?? 1));
  return date.toISOString().slice(0, 10);
}
