import type { Rounding } from '../rules/schema';

const MILLION = 1_000_000n;

/** `amount × ratePpm / 1e6`, exact, then rounded down to whole yen. */
export function applyRateFloor(amount: number, ratePpm: number): number {
  return Number((BigInt(amount) * BigInt(ratePpm)) / MILLION);
}

/** `amount × ratePpm / 1e6`, exact, then rounded up to whole yen. */
export function applyRateCeil(amount: number, ratePpm: number): number {
  const product = BigInt(amount) * BigInt(ratePpm);
  return Number((product + MILLION - 1n) / MILLION);
}

/** Rounds a non-negative amount of yen to the rule's unit (e.g. 10円未満切り捨て). */
export function roundYen(amount: number, rounding: Rounding): number {
  const unit = rounding.unit;
  return rounding.mode === 'floor'
    ? Math.floor(amount / unit) * unit
    : Math.ceil(amount / unit) * unit;
}

/** Formats a ppm rate as a percentage string without floating-point noise: 118300 → "11.83". */
export function ppmToPercent(ratePpm: number): string {
  const whole = Math.floor(ratePpm / 10_000);
  const fraction = (ratePpm % 10_000).toString().padStart(4, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}
