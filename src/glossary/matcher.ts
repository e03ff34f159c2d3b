import type { GlossaryTerm } from './schema';
import { normalize, normalizeSurface } from './normalize';

export interface TermMatch {
  /** Offset in the input where the term starts. */
  start: number;
  /** Offset in the input just past the term. */
  end: number;
  id: string;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  termId?: string;
}

function newNode(): TrieNode {
  return { next: new Map() };
}

export interface Matcher {
  findTerms(text: string): TermMatch[];
}

/**
 * Builds a matcher over every surface (the Japanese form and its variants) of the catalogue.
 * Matching is leftmost-longest on normalized text; offsets are in the original input.
 */
export function createMatcher(terms: readonly GlossaryTerm[]): Matcher {
  const root = newNode();
  for (const term of terms) {
    for (const surface of [term.ja, ...term.variants]) {
      const folded = normalizeSurface(surface);
      if (!folded) continue;
      let node = root;
      for (let i = 0; i < folded.length; i += 1) {
        const code = folded.charCodeAt(i);
        let child = node.next.get(code);
        if (!child) {
          child = newNode();
          node.next.set(code, child);
        }
        node = child;
      }
      if (node.termId && node.termId !== term.id) {
        throw new Error(`Surface ${surface} belongs to both ${node.termId} and ${term.id}`);
      }
      node.termId = term.id;
    }
  }

  return {
    findTerms(input: string): TermMatch[] {
      const { text, starts, ends } = normalize(input);
      const matches: TermMatch[] = [];
      const length = text.length;
      let i = 0;
      while (i < length) {
        let node = root.next.get(text.charCodeAt(i));
        if (!node) {
          i += 1;
          continue;
        }
        let bestEnd = -1;
        let bestId: string | undefined;
        let j = i + 1;
        for (;;) {
          if (node.termId) {
            bestEnd = j;
            bestId = node.termId;
          }
          if (j >= length) break;
          const child: TrieNode | undefined = node.next.get(text.charCodeAt(j));
          if (!child) break;
          node = child;
          j += 1;
        }
        if (bestId !== undefined) {
          matches.push({ start: starts[i]!, end: ends[bestEnd - 1]!, id: bestId });
          i = bestEnd;
        } else {
          i += 1;
        }
      }
      return matches;
    },
  };
}
