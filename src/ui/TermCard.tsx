import type { GlossaryTerm } from '../glossary/schema';

export interface TermExplanation {
  short: string;
  long?: string;
  action?: string;
}

export interface TermCardProps {
  term: GlossaryTerm;
  explanation: TermExplanation | undefined;
  /** `lang` of the explanation text. */
  lang: string;
  labels: { dialog: string; reading: string; close: string };
  onClose: () => void;
}

/** The explanation of one term: the Japanese term, its reading, and what it means in the reader's language. */
export function TermCard({ term, explanation, lang, labels, onClose }: TermCardProps) {
  const titleId = `hokenlens-term-${term.id}`;
  return (
    <div
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-label={labels.dialog}
    >
      <header class="head">
        <div>
          <p class="term" id={titleId} lang="ja">
            {term.ja}
          </p>
          <p class="reading" lang="ja">
            <span class="visually-hidden" lang={lang}>
              {labels.reading}:{' '}
            </span>
            {term.reading}
          </p>
        </div>
        <button type="button" class="close" onClick={onClose} aria-label={labels.close} lang={lang}>
          ×
        </button>
      </header>
      {explanation ? (
        <p class="short" lang={lang}>
          {explanation.short}
        </p>
      ) : null}
    </div>
  );
}
