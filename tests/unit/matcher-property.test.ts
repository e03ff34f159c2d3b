import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/glossary/catalogue';
import { createMatcher } from '../../src/glossary/matcher';
import { normalize, normalizeSurface } from '../../src/glossary/normalize';

const matcher = createMatcher(catalogue);
const surfaces = catalogue.flatMap((term) => [term.ja, ...term.variants]);

/** Text made of term surfaces, Japanese filler and the characters the normalizer treats specially. */
const pageLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...surfaces),
      fc.constantFrom(
        'の',
        'は',
        '、',
        '。',
        '\n',
        ' ',
        '・',
        '･',
        '\u3000',
        '（',
        '）',
        'ｶﾞ',
        'Ⅰ',
        '\u2029',
      ),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('matcher properties', () => {
  it('hands eachTerm exactly the matches findTerms returns, in order', () => {
    fc.assert(
      fc.property(pageLike, (text) => {
        const visited: Array<{ start: number; end: number; id: string; sense?: string }> = [];
        const count = matcher.eachTerm(text, undefined, (start, end, id, sense) =>
          visited.push({ start, end, id, sense }),
        );
        const found = matcher.findTerms(text);
        expect(count).toBe(found.length);
        expect(visited).toEqual(found);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random Unicode, including lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(() => matcher.findTerms(text)).not.toThrow();
        expect(() => matcher.findTerms(text, { text })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('reports sorted, non-overlapping offsets inside the input', () => {
    fc.assert(
      fc.property(pageLike, (text) => {
        let previousEnd = 0;
        for (const match of matcher.findTerms(text, { insurancePage: true })) {
          expect(match.start).toBeGreaterThanOrEqual(previousEnd);
          expect(match.end).toBeGreaterThan(match.start);
          expect(match.end).toBeLessThanOrEqual(text.length);
          previousEnd = match.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('puts every match on text that folds to a surface of the reported term', () => {
    const folded = new Map<string, Set<string>>();
    for (const term of catalogue) {
      folded.set(term.id, new Set([term.ja, ...term.variants].map(normalizeSurface)));
    }
    fc.assert(
      fc.property(pageLike, (text) => {
        for (const match of matcher.findTerms(text, { insurancePage: true })) {
          const painted = normalize(text.slice(match.start, match.end)).text;
          expect(folded.get(match.id)!.has(painted)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds a surface placed between unrelated words', () => {
    fc.assert(
      fc.property(fc.constantFrom(...catalogue), (term) => {
        const text = `本日は${term.ja}。`;
        const match = matcher.findTerms(text, { insurancePage: true })[0];
        expect(match?.id).toBe(term.id);
        expect(text.slice(match!.start, match!.end)).toBe(term.ja);
      }),
      { numRuns: catalogue.length * 2 },
    );
  });

  it('keeps the offset maps consistent: every folded character maps to a non-empty input span', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) => {
        const { text: out, starts, ends } = normalize(text);
        expect(starts.length).toBe(out.length);
        expect(ends.length).toBe(out.length);
        for (let i = 0; i < out.length; i += 1) {
          expect(starts[i]!).toBeLessThan(ends[i]!);
          expect(ends[i]!).toBeLessThanOrEqual(text.length);
          if (i > 0) expect(starts[i]!).toBeGreaterThanOrEqual(starts[i - 1]!);
        }
      }),
      { numRuns: 500 },
    );
  });
});
