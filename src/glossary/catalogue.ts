import type { GlossaryTerm } from './schema';
import terms from './terms.json';

/**
 * The term catalogue. It is validated by the unit tests (tests/unit/glossary.test.ts), not at run
 * time, so the content script does not carry a schema library for data it ships itself.
 */
export const catalogue: readonly GlossaryTerm[] = terms as GlossaryTerm[];

const byId = new Map(catalogue.map((term) => [term.id, term]));

export function termById(id: string): GlossaryTerm | undefined {
  return byId.get(id);
}
