/**
 * The shape of `locales/<lang>/glossary.json`: one entry per term id. A term with several senses
 * (均等割 of insurance or of resident tax) has a general text that names the senses, plus
 * `senses.<sense-id>` texts; `explanationFor` picks the one a match needs.
 */
export interface Explanation {
  short: string;
  long?: string;
  action?: string;
}

export interface GlossaryEntry extends Explanation {
  senses?: Record<string, Explanation>;
}

function isExplanation(value: unknown): value is Explanation {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { short?: unknown }).short === 'string'
  );
}

/**
 * The explanation for a match: the sense's own text where the locale has one (its `action`
 * falling back to the general one), else the general text.
 */
export function explanationFor(entry: unknown, sense?: string): Explanation | undefined {
  if (!isExplanation(entry)) return undefined;
  const { senses, ...general } = entry as GlossaryEntry;
  const specific = sense ? senses?.[sense] : undefined;
  if (!isExplanation(specific)) return general;
  return { ...specific, action: specific.action ?? general.action };
}
