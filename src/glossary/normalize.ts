/**
 * Folds text so that spelling variants meet: full-width ASCII and half-width katakana fold to
 * their usual forms (NFKC), voiced-mark pairs such as ｶﾞ become ガ, and characters that do not
 * change a term — spaces, line breaks and middle dots (・ ･ · ‧) — are dropped. The offset map
 * ties every folded character back to the original text so matches can be painted exactly.
 *
 * The matcher works on the folded UTF-16 code units directly (`fold`), so that a page of several
 * megabytes is folded without building intermediate strings; `normalize` is the string view.
 */

/** Separates blocks of a page; never dropped, so a term cannot run across two paragraphs. */
export const BLOCK_BREAK = '\u2029';

/** Characters that never change a term: spaces, line breaks, soft hyphens and middle dots. */
const DROPPED_CODES = [
  0x20,
  0x09,
  0x0a,
  0x0b,
  0x0c,
  0x0d,
  0xa0,
  0x3000, // ideographic space
  0x200b, // zero-width space
  0xad, // soft hyphen
  0x30fb, // ・
  0xff65, // ･
  0xb7, // ·
  0x2027, // ‧
  0x2022, // •
  0x2219, // ∙
  0x22c5, // ⋅
];

const HALFWIDTH_VOICED = 0xff9e; // ﾞ
const HALFWIDTH_SEMIVOICED = 0xff9f; // ﾟ

/**
 * Code points that pass through unchanged and need no lookup (the common case), as inclusive
 * ranges: kana, kanji, printable ASCII and Japanese punctuation. Roman numerals (Ⅰ Ⅱ Ⅲ) are kept
 * as they are rather than folded to "I", "II": NFKC would turn 区分Ⅰ・Ⅱ into 区分III once the
 * middle dot is dropped, which reads as a different category.
 */
const PLAIN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3041, 0x3096], // hiragana
  [0x30a1, 0x30fa], // katakana
  [0x30fc, 0x30fe], // ー ヽ ヾ
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0x21, 0x7e], // printable ASCII
  [0x3001, 0x3035], // 、。〃 「」 and other CJK punctuation
  [0x2160, 0x217f], // Ⅰ Ⅱ Ⅲ … ⅰ ⅱ ⅲ
];

/** Combining (semi-)voiced sound marks: か + ゙ composes to が under NFKC. */
function isCombiningVoiceMark(code: number): boolean {
  return code === 0x3099 || code === 0x309a;
}

/**
 * How many input units fold together starting at `i`: a surrogate pair, a half-width katakana
 * with its voiced mark, or any character with a combining voiced mark.
 */
export function foldWidth(input: string, i: number): number {
  const code = input.charCodeAt(i);
  const nextUnit = input.charCodeAt(i + 1);
  let width = code >= 0xd800 && code <= 0xdbff && nextUnit >= 0xdc00 && nextUnit <= 0xdfff ? 2 : 1;
  const next = input.charCodeAt(i + width);
  if (
    (code >= 0xff66 &&
      code <= 0xff9d &&
      (next === HALFWIDTH_VOICED || next === HALFWIDTH_SEMIVOICED)) ||
    isCombiningVoiceMark(next)
  ) {
    width += 1;
  }
  return width;
}

/**
 * Single BMP characters that NFKC maps to exactly one other character (ＡＢ → AB, ｺ → コ), or to
 * themselves: filled on first sight. 0 = not seen yet; 0xffff = folds to something longer.
 */
const SINGLE_FOLD = new Uint16Array(65536);
const MULTI = 0xffff;

const foldCache = new Map<string, string>();

function foldString(chars: string): string {
  let folded = foldCache.get(chars);
  if (folded === undefined) {
    folded = chars.normalize('NFKC');
    if (foldCache.size < 10_000) foldCache.set(chars, folded);
  }
  return folded;
}

function singleFold(code: number): number {
  let folded = SINGLE_FOLD[code]!;
  if (folded === 0) {
    const result = String.fromCharCode(code).normalize('NFKC');
    folded = result.length === 1 ? result.charCodeAt(0) : MULTI;
    if (folded === 0) folded = MULTI; // U+0000 itself: take the slow path.
    SINGLE_FOLD[code] = folded;
  }
  return folded;
}

export interface Folded {
  /** Folded UTF-16 code units; only the first `length` are used. */
  codes: Uint16Array;
  length: number;
  /** `starts[i]` is the offset in the input of the character that produced `codes[i]`. */
  starts: Uint32Array;
}

const PLAIN = 1;
const DROPPED = 2;
const COMBINING = 3;

let classTable: Uint8Array | undefined;

/**
 * The class of every BMP code unit, so the hot loop does one table read per character. Built on
 * first use rather than at import, so importing the module costs nothing; filled by ranges, not
 * code by code, so building it takes well under a millisecond.
 */
function classes(): Uint8Array {
  if (!classTable) {
    classTable = new Uint8Array(65536); // 0: other characters
    for (const [from, to] of PLAIN_RANGES) classTable.fill(PLAIN, from, to + 1);
    for (const code of DROPPED_CODES) classTable[code] = DROPPED;
    classTable[0x3099] = COMBINING;
    classTable[0x309a] = COMBINING;
  }
  return classTable;
}

/**
 * Folds `input` into code units with an offset map (the matcher's input). `scratch`, when given,
 * is reused if it is large enough, which spares a multi-megabyte allocation per page scan; the
 * result then shares its buffers, so it is only valid until the scratch is used again.
 */
export function fold(input: string, scratch?: Folded): Folded {
  const length = input.length;
  // Folding can lengthen text (㌔ → キロ), so the buffers grow when needed.
  let capacity = length + 16;
  let codes: Uint16Array;
  let starts: Uint32Array;
  if (scratch && scratch.codes.length >= capacity && scratch.starts.length >= capacity) {
    codes = scratch.codes;
    starts = scratch.starts;
    capacity = Math.min(codes.length, starts.length);
  } else {
    codes = new Uint16Array(capacity);
    starts = new Uint32Array(capacity);
  }
  const CLASSES = classes();
  let n = 0;
  let i = 0;
  while (i < length) {
    const code = input.charCodeAt(i);
    const kind = CLASSES[code]!;
    if (kind === PLAIN) {
      codes[n] = code;
      starts[n] = i;
      n += 1;
      i += 1;
      continue;
    }
    if (kind === DROPPED) {
      i += 1;
      continue;
    }
    if (kind === COMBINING && n > 0 && starts[n - 1]! + 1 === i) {
      // か + ゙: compose with the character just written (NFKC would), keeping its offset; the
      // match end takes the mark in through `foldWidth`.
      const composed = foldString(String.fromCharCode(codes[n - 1]!, code));
      if (composed.length === 1) {
        codes[n - 1] = composed.charCodeAt(0);
        i += 1;
        continue;
      }
    }
    const width = foldWidth(input, i);
    let single = -1;
    if (width === 1 && (code < 0xd800 || code > 0xdfff)) {
      const folded = singleFold(code);
      if (folded !== MULTI) single = folded;
    }
    if (single >= 0) {
      if (CLASSES[single] !== DROPPED) {
        codes[n] = single;
        starts[n] = i;
        n += 1;
      }
    } else {
      const folded = foldString(input.slice(i, i + width));
      for (let k = 0; k < folded.length; k += 1) {
        const unit = folded.charCodeAt(k);
        if (CLASSES[unit] === DROPPED) continue;
        if (n >= capacity) {
          capacity *= 2;
          codes = grow16(codes, capacity);
          starts = grow32(starts, capacity);
        }
        codes[n] = unit;
        starts[n] = i;
        n += 1;
      }
    }
    i += width;
  }
  return { codes, length: n, starts };
}

function grow16(array: Uint16Array, capacity: number): Uint16Array {
  const larger = new Uint16Array(capacity);
  larger.set(array);
  return larger;
}

function grow32(array: Uint32Array, capacity: number): Uint32Array {
  const larger = new Uint32Array(capacity);
  larger.set(array);
  return larger;
}

export interface Normalized {
  text: string;
  /** `starts[i]` is the offset in the input of the character that produced `text[i]`. */
  starts: Uint32Array;
  /** `ends[i]` is the offset just past the input characters that produced `text[i]`. */
  ends: Uint32Array;
}

/** Decodes code units to a string in chunks (`String.fromCharCode` takes a bounded argument list). */
function decode(codes: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let at = 0; at < length; at += 8192) {
    parts.push(String.fromCharCode(...codes.subarray(at, Math.min(length, at + 8192))));
  }
  return parts.join('');
}

/** The folded text as a string, with start and end offsets for every folded character. */
export function normalize(input: string): Normalized {
  const { codes, length, starts } = fold(input);
  const ends = new Uint32Array(length);
  for (let k = 0; k < length; k += 1) ends[k] = starts[k]! + foldWidth(input, starts[k]!);
  return { text: decode(codes, length), starts: starts.slice(0, length), ends };
}

/** Normalizes a term surface the same way as page text (for building the matcher). */
export function normalizeSurface(surface: string): string {
  return normalize(surface).text;
}
