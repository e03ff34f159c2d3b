import { useEffect, useRef, useState } from 'preact/hooks';
import type { GlossaryTerm } from '../glossary/schema';

export interface TermExplanation {
  short: string;
  long?: string;
  action?: string;
  /** An official page that explains the term (when the glossary names one). */
  source?: string;
}

export interface TermCardLabels {
  dialog: string;
  reading: string;
  close: string;
  more?: string;
  less?: string;
  related?: string;
  source?: string;
  language?: string;
  copyText?: string;
  copyLink?: string;
  openCalculator?: string;
  noExplanation?: string;
}

export interface RelatedTerm {
  id: string;
  ja: string;
}

export interface LanguageOption {
  code: string;
  nativeName: string;
}

export interface TermCardProps {
  term: GlossaryTerm;
  explanation: TermExplanation | undefined;
  /** `lang` of the explanation text. */
  lang: string;
  labels: TermCardLabels;
  onClose: () => void;
  related?: readonly RelatedTerm[];
  onRelated?: (id: string) => void;
  /** Languages the explanation can be switched to on the spot, and the current one. */
  languages?: readonly LanguageOption[];
  language?: string;
  onLanguage?: (code: string) => void;
  onCopyText?: () => void;
  onCopyLink?: () => void;
  onOpenCalculator?: () => void;
  /** A short status line after an action ("Copied"), announced politely. */
  status?: string;
  /** Move focus into the card when it opens (keyboard navigation). */
  autoFocus?: boolean;
  /** Show the reading (ふりがな) under the term; readers who know the terms may turn it off. */
  showReading?: boolean;
  /** Open with the long explanation and the action already shown. */
  expandedByDefault?: boolean;
}

/**
 * The explanation of one term: the Japanese term, its reading, and what it means in the reader's
 * language, with more detail, related terms, the source and a few actions on demand.
 */
export function TermCard({
  term,
  explanation,
  lang,
  labels,
  onClose,
  related = [],
  onRelated,
  languages = [],
  language,
  onLanguage,
  onCopyText,
  onCopyLink,
  onOpenCalculator,
  status,
  autoFocus = false,
  showReading = true,
  expandedByDefault = false,
}: TermCardProps) {
  const titleId = `hokenlens-term-${term.id}`;
  const moreId = `hokenlens-more-${term.id}`;
  const [expanded, setExpanded] = useState(expandedByDefault);
  const dialog = useRef<HTMLDivElement>(null);
  const hasMore = !!(explanation?.long || explanation?.action);
  const source = explanation?.source;

  useEffect(() => {
    if (autoFocus) dialog.current?.focus({ preventScroll: true });
  }, [autoFocus, term.id]);

  return (
    <div
      ref={dialog}
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-label={labels.dialog}
      tabIndex={-1}
      data-term={term.id}
    >
      <header class="head">
        <div>
          <p class="term" id={titleId} lang="ja">
            {term.ja}
          </p>
          {showReading ? (
            <p class="reading" lang="ja">
              <span class="visually-hidden" lang={lang}>
                {labels.reading}:{' '}
              </span>
              {term.reading}
            </p>
          ) : null}
        </div>
        <button type="button" class="close" onClick={onClose} aria-label={labels.close} lang={lang}>
          ×
        </button>
      </header>
      {explanation ? (
        <p class="short" lang={lang}>
          {explanation.short}
        </p>
      ) : labels.noExplanation ? (
        <p class="short" lang={lang}>
          {labels.noExplanation}
        </p>
      ) : null}
      {hasMore && labels.more ? (
        <>
          <button
            type="button"
            class="link"
            aria-expanded={expanded}
            aria-controls={moreId}
            lang={lang}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? (labels.less ?? labels.more) : labels.more}
          </button>
          <div id={moreId} class="more" hidden={!expanded} lang={lang}>
            {explanation?.long ? <p>{explanation.long}</p> : null}
            {explanation?.action ? <p class="action">{explanation.action}</p> : null}
          </div>
        </>
      ) : null}
      {related.length > 0 && labels.related ? (
        <div class="related">
          <span lang={lang}>{labels.related}: </span>
          {related.map((item) => (
            <button
              type="button"
              class="chip"
              lang="ja"
              key={item.id}
              onClick={() => onRelated?.(item.id)}
            >
              {item.ja}
            </button>
          ))}
        </div>
      ) : null}
      {source && labels.source ? (
        <p class="source" lang={lang}>
          <a href={source} target="_blank" rel="noopener noreferrer">
            {labels.source}
          </a>
        </p>
      ) : null}
      <div class="actions">
        {languages.length > 1 && onLanguage ? (
          <select
            class="language"
            aria-label={labels.language}
            value={language}
            onChange={(event) => onLanguage((event.currentTarget as HTMLSelectElement).value)}
          >
            {languages.map((option) => (
              <option value={option.code} key={option.code} lang={option.code}>
                {option.nativeName}
              </option>
            ))}
          </select>
        ) : null}
        {onCopyText && labels.copyText ? (
          <button type="button" class="action-button" lang={lang} onClick={onCopyText}>
            {labels.copyText}
          </button>
        ) : null}
        {onCopyLink && labels.copyLink ? (
          <button type="button" class="action-button" lang={lang} onClick={onCopyLink}>
            {labels.copyLink}
          </button>
        ) : null}
        {onOpenCalculator && labels.openCalculator ? (
          <button type="button" class="action-button" lang={lang} onClick={onOpenCalculator}>
            {labels.openCalculator}
          </button>
        ) : null}
      </div>
      <p class="status" role="status" aria-live="polite" lang={lang}>
        {status ?? ''}
      </p>
    </div>
  );
}
