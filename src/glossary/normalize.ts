/**
 * Folds text so that spelling variants meet: full-width ASCII and half-width katakana fold to
 * their usual forms (NFKC), voiced-mark pairs such as ｶﾞ become ガ, and characters that do not
 * change a term — spaces, line breaks and middle dots (・ ･ · ‧) — are dropped. The offset map
 * ties every folded character back to the original text so matches can be painted exactly.
 */

/** Separates blocks of a page; never dropped, so a term cannot run across two paragraphs. */
export const BLOCK_BREAK = '\u2029';

const DROPPED = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '\f',
  '\v',
  '\u00a0',
  '\u3000', // ideographic space
  '\u200b', // zero-width space
  '\u00ad', // soft hyphen
  '\u30fb', // ・
  '\uff65', // ･
  '\u00b7', // ·
  '\u2027', // ‧
  '\u2022', // •
  '\u2219', // ∙
  '\u22c5', // ⋅
]);

const HALFWIDTH_VOICED = 0xff9e; // ﾞ
const HALFWIDTH_SEMIVOICED = 0xff9f; // ﾟ

export interface Normalized {
  text: string;
  /** `starts[i]` is the offset in the input of the character that produced `text[i]`. */
  starts: Uint32Array;
  /** `ends[i]` is the offset just past the input characters that produced `text[i]`. */
  ends: Uint32Array;
}

const foldCache = new Map<string, string>();

function fold(chars: string): string {
  let folded = foldCache.get(chars);
  if (folded === undefined) {
    folded = chars.normalize('NFKC');
    if (foldCache.size < 10_000) foldCache.set(chars, folded);
  }
  return folded;
}

/** True for code points that pass through NFKC unchanged and need no lookup (the common case). */
function isPlain(code: number): boolean {
  return (
    (code >= 0x3041 && code <= 0x3096) || // hiragana
    (code >= 0x30a1 && code <= 0x30fa) || // katakana
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x61 && code <= 0x7a) || // a–z
    (code >= 0x30 && code <= 0x39) // 0–9
  );
}

export function normalize(input: string): Normalized {
  const length = input.length;
  const out: string[] = [];
  const starts = new Uint32Array(length + 1);
  const ends = new Uint32Array(length + 1);
  let n = 0;
  let i = 0;
  while (i < length) {
    const code = input.charCodeAt(i);
    if (isPlain(code)) {
      out.push(input[i]!);
      starts[n] = i;
      ends[n] = i + 1;
      n += 1;
      i += 1;
      continue;
    }
    const char = input[i]!;
    if (DROPPED.has(char)) {
      i += 1;
      continue;
    }
    let width = code >= 0xd800 && code <= 0xdbff && i + 1 < length ? 2 : 1;
    // Half-width katakana followed by a half-width (semi-)voiced mark fold together.
    const next = input.charCodeAt(i + width);
    if (
      code >= 0xff66 &&
      code <= 0xff9d &&
      (next === HALFWIDTH_VOICED || next === HALFWIDTH_SEMIVOICED)
    ) {
      width += 1;
    }
    const folded = fold(input.slice(i, i + width));
    for (const piece of folded) {
      if (DROPPED.has(piece)) continue;
      out.push(piece);
      starts[n] = i;
      ends[n] = i + width;
      n += 1;
    }
    i += width;
  }
  const text = out.join('');
  // `text` may hold surrogate pairs pushed as one string; expand the maps to UTF-16 units.
  if (text.length !== n) return expandMaps(out, starts, ends, text);
  return { text, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

function expandMaps(pieces: string[], starts: Uint32Array, ends: Uint32Array, text: string): Normalized {
  const s = new Uint32Array(text.length);
  const e = new Uint32Array(text.length);
  let k = 0;
  pieces.forEach((piece, index) => {
    for (let j = 0; j < piece.length; j += 1) {
      s[k] = starts[index]!;
      e[k] = ends[index]!;
      k += 1;
    }
  });
  return { text, starts: s, ends: e };
}

/** Normalizes a term surface the same way as page text (for building the matcher). */
export function normalizeSurface(surface: string): string {
  return normalize(surface).text;
}
