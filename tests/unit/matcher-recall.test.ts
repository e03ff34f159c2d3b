import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/glossary/catalogue';
import { createMatcher, type TermMatch } from '../../src/glossary/matcher';

const FIXTURES = join(__dirname, '../fixtures/recall');
const ANNOTATION = /\[\[([^|\]]+)\|([a-z0-9-]+)(?:#([a-z0-9-]+))?\]\]/g;

interface Fixture {
  name: string;
  text: string;
  context: string | undefined;
  expected: TermMatch[];
}

/** Strips `[[surface|id#sense]]` annotations, recording where each surface lands in the text. */
function parseFixture(name: string, raw: string): Fixture {
  const lines = raw.split('\n');
  const context = lines
    .filter((line) => line.startsWith('#context:'))
    .map((line) => line.slice('#context:'.length).trim())
    .join('\n');
  const annotated = lines.filter((line) => !line.startsWith('#context:')).join('\n');
  const expected: TermMatch[] = [];
  let text = '';
  let last = 0;
  for (const match of annotated.matchAll(ANNOTATION)) {
    text += annotated.slice(last, match.index);
    const [, surface, id, sense] = match;
    const entry: TermMatch = { start: text.length, end: text.length + surface!.length, id: id! };
    if (sense) entry.sense = sense;
    expected.push(entry);
    text += surface;
    last = match.index + match[0].length;
  }
  text += annotated.slice(last);
  return { name, text, context: context || undefined, expected };
}

const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => parseFixture(file, readFileSync(join(FIXTURES, file), 'utf8')));

const matcher = createMatcher(catalogue);
const termIds = new Set(catalogue.map((term) => term.id));

describe('recall on municipal-page fixtures', () => {
  it('has insurance pages from several regions and the three control pages', () => {
    expect(fixtures.filter((f) => !f.name.startsWith('control-')).length).toBeGreaterThanOrEqual(
      10,
    );
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'control-garbage.txt',
        'control-library.txt',
        'control-resident-tax.txt',
      ]),
    );
  });

  it.each(fixtures)('$name annotates only known term ids', ({ expected }) => {
    expect(expected.map((m) => m.id).filter((id) => !termIds.has(id))).toEqual([]);
  });

  it.each(fixtures)('$name: finds every annotated occurrence and nothing else', (fixture) => {
    const actual = matcher.findTerms(
      fixture.text,
      fixture.context ? { text: fixture.context } : undefined,
    );
    const show = (m: TermMatch) =>
      `${fixture.text.slice(m.start, m.end)} @${m.start} ${m.id}${m.sense ? `#${m.sense}` : ''}`;
    expect(actual.map(show)).toEqual(fixture.expected.map(show));
  });

  it('finds nothing at all on the garbage-collection and library pages', () => {
    for (const name of ['control-garbage.txt', 'control-library.txt']) {
      const fixture = fixtures.find((f) => f.name === name)!;
      expect(matcher.findTerms(fixture.text, { text: fixture.context })).toEqual([]);
    }
  });

  it('on the resident-tax page, finds 均等割 and 所得割 only in their resident-tax sense', () => {
    const fixture = fixtures.find((f) => f.name === 'control-resident-tax.txt')!;
    const matches = matcher.findTerms(fixture.text, { text: fixture.context });
    const kinto = matches.filter((m) => m.id === 'kintowari' || m.id === 'shotokuwari');
    expect(kinto.length).toBeGreaterThanOrEqual(4);
    expect(new Set(kinto.map((m) => m.sense))).toEqual(new Set(['resident-tax']));
    expect(matches.every((m) => m.sense === 'resident-tax')).toBe(true);
  });
});
