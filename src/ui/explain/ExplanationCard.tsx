import { useEffect, useRef } from 'preact/hooks';
import type { GlossaryTerm } from '../../glossary/schema';
import type { TermExplanation } from '../TermCard';
import type { LanguageChoice } from './explanation-languages';

export interface ExplanationCardLabels {
  reading: string;
  language: string;
  copyText: string;
  close: string;
  noExplanation: string;
  related: string;
}

interface Props {
  term: GlossaryTerm;
  explanation: TermExplanation | undefined;
  /** `lang` of the labels (the chosen language). */
  lang: string;
  /** `lang` of the explanation: the chosen language, or English where it has none yet. */
  explanationLang: string;
  labels: ExplanationCardLabels;
  showReading: boolean;
  /** Show the longer explanation and what to do right away. */
  long: boolean;
  languages: readonly LanguageChoice[];
  language: string;
  onLanguage: (code: string) => void;
  onCopy: () => void;
  onClose: () => void;
  related: readonly GlossaryTerm[];
  onRelated: (id: string) => void;
  /** Move focus to the card's heading when it opens from a list. */
  focusOnOpen: boolean;
}

/**
 * One term explained on an extension page (side panel, explain page): the Japanese term, its
 * reading, the explanation in the chosen language and the actions a volunteer needs.
 */
export function ExplanationCard(props: Props) {
  const { term, explanation, lang, labels } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `explained-${term.id}`;
  useEffect(() => {
    if (props.focusOnOpen) heading.current?.focus({ preventScroll: false });
  }, [term.id]);

  return (
    <section class="card" aria-labelledby={headingId} data-term={term.id}>
      <div class="head">
        <div>
          <h3 class="term" id={headingId} lang="ja" tabIndex={-1} ref={heading}>
            {term.ja}
          </h3>
          {props.showReading ? (
            <p class="reading">
              <span class="visually-hidden" lang={lang}>
                {labels.reading}:{' '}
              </span>
              <span lang="ja">{term.reading}</span>
            </p>
          ) : null}
        </div>
        <button type="button" class="close" onClick={props.onClose} aria-label={labels.close}>
          ×
        </button>
      </div>
      <div lang={explanation ? props.explanationLang : lang}>
        {explanation ? (
          <>
            <p class="short">{explanation.short}</p>
            {props.long && explanation.long ? <p>{explanation.long}</p> : null}
            {props.long && explanation.action ? <p class="action">{explanation.action}</p> : null}
          </>
        ) : (
          <p>{labels.noExplanation}</p>
        )}
      </div>
      {props.related.length > 0 ? (
        <p class="related">
          <span lang={lang}>{labels.related}: </span>
          {props.related.map((item) => (
            <button
              type="button"
              class="chip"
              lang="ja"
              key={item.id}
              onClick={() => props.onRelated(item.id)}
            >
              {item.ja}
            </button>
          ))}
        </p>
      ) : null}
      <div class="actions">
        {props.languages.length > 1 ? (
          <select
            aria-label={labels.language}
            value={props.language}
            onChange={(event) => props.onLanguage((event.currentTarget as HTMLSelectElement).value)}
          >
            {props.languages.map((option) => (
              <option value={option.code} key={option.code} lang={option.code}>
                {option.nativeName}
              </option>
            ))}
          </select>
        ) : null}
        <button type="button" lang={lang} onClick={props.onCopy}>
          {labels.copyText}
        </button>
      </div>
    </section>
  );
}
