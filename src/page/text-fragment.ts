/**
 * Text-fragment links (`#:~:text=`), so a reader can share a link that scrolls to and marks the
 * exact place of a term on the municipal page.
 * https://wicg.github.io/scroll-to-text-fragment/
 */

/** Percent-encodes a fragment part; `-`, `,` and `&` are syntax in text directives. */
export function encodeFragmentPart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');
}

/** How far to look for the start of the clause before a term and its end after it. */
const CLAUSE_CHARS = 30;
/** Used when no clause boundary is near: a few characters, which may cut a word. */
const FALLBACK_CHARS = 12;
const BREAKS = /[\u2029\n]/;
const PUNCTUATION = /[。、．，！？!?]/;

/**
 * The words before a term, from the start of their clause: a text directive matches at word
 * boundaries, and Japanese has no spaces, so the prefix starts after punctuation or a block edge.
 */
function contextBefore(text: string, start: number): string {
  const from = Math.max(0, start - CLAUSE_CHARS);
  const piece = text.slice(from, start);
  for (let i = piece.length - 2; i >= 0; i -= 1) {
    const char = piece[i]!;
    if (BREAKS.test(char) || PUNCTUATION.test(char)) return piece.slice(i + 1).trim();
  }
  if (from === 0) return piece.trim();
  return piece.slice(-FALLBACK_CHARS).trim();
}

/** The words after a term, to the end of their clause (punctuation included). */
function contextAfter(text: string, end: number): string {
  const piece = text.slice(end, end + CLAUSE_CHARS);
  for (let i = 0; i < piece.length; i += 1) {
    const char = piece[i]!;
    if (BREAKS.test(char)) return piece.slice(0, i).trim();
    if (i > 0 && PUNCTUATION.test(char)) return piece.slice(0, i + 1).trim();
  }
  return end + CLAUSE_CHARS >= text.length ? piece.trim() : piece.slice(0, FALLBACK_CHARS).trim();
}

/**
 * A link to `text[start, end)` on the page at `url`. When the term occurs more than once, the
 * words around it are added as prefix and suffix so the link lands on this occurrence.
 */
export function textFragmentLink(url: string, text: string, start: number, end: number): string {
  const base = url.replace(/#.*$/, '');
  const target = text.slice(start, end).replace(/\s+/g, ' ').trim();
  const unique = text.indexOf(target) === start && text.indexOf(target, start + 1) < 0;
  let directive = encodeFragmentPart(target);
  if (!unique) {
    const prefix = contextBefore(text, start);
    const suffix = contextAfter(text, end);
    if (prefix) directive = `${encodeFragmentPart(prefix)}-,${directive}`;
    if (suffix) directive = `${directive},-${encodeFragmentPart(suffix)}`;
  }
  return `${base}#:~:text=${directive}`;
}
