import type { i18n } from 'i18next';
import { catalogue, termById } from '../glossary/catalogue';
import { createMatcher, type TermMatch } from '../glossary/matcher';
import { htmlLang, type LanguageCode } from '../i18n/languages';
import type { TermExplanation } from '../ui/TermCard';
import { createHighlighter, highlightSupported } from './highlighter';
import { matchAtPoint } from './hit-test';
import { createPopover } from './popover';
import { buildTextIndex, rangeFor, type TextIndex } from './text-index';

export interface PageLayerOptions {
  doc: Document;
  i18n: i18n;
  language: LanguageCode;
  /** Aborting removes every listener, highlight and node the layer added. */
  signal: AbortSignal;
  onError: (where: string, error: unknown) => void;
}

/** Hides the popover this long after the pointer leaves the term and the popover. */
const HIDE_DELAY_MS = 300;

export interface PageLayer {
  readonly matches: readonly TermMatch[];
  readonly ranges: readonly StaticRange[];
}

/** Indexes the page, paints the terms and explains them on hover. */
export function startPageLayer({
  doc,
  i18n,
  language,
  signal,
  onError,
}: PageLayerOptions): PageLayer {
  const matcher = createMatcher(catalogue);
  const popover = createPopover(doc, () => {
    openIndex = -1;
  });
  let index: TextIndex = buildTextIndex(doc.body, null);
  let matches = matcher.findTerms(index.text);
  let ranges = matches.map((m) => rangeFor(index, m.start, m.end));
  let openIndex = -1;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const highlighter = highlightSupported() ? createHighlighter(doc) : undefined;
  highlighter?.paint(ranges);

  function explanationOf(id: string): TermExplanation | undefined {
    const value = i18n.t(id, { ns: 'glossary', returnObjects: true, defaultValue: null });
    return value && typeof value === 'object' && 'short' in value
      ? (value as TermExplanation)
      : undefined;
  }

  function open(matchIndex: number) {
    const match = matches[matchIndex];
    const term = match && termById(match.id);
    if (!match || !term) return;
    openIndex = matchIndex;
    popover
      .show(ranges[matchIndex]!, {
        term,
        explanation: explanationOf(term.id),
        lang: htmlLang(language),
        labels: {
          dialog: i18n.t('popover.label', { ns: 'ui', term: term.ja }),
          reading: i18n.t('popover.reading', { ns: 'ui' }),
          close: i18n.t('popover.close', { ns: 'ui' }),
        },
      })
      .catch((error: unknown) => onError('popover', error));
  }

  function scheduleHide() {
    if (hideTimer !== undefined) return;
    hideTimer = setTimeout(() => {
      hideTimer = undefined;
      popover.hide();
    }, HIDE_DELAY_MS);
  }

  function cancelHide() {
    if (hideTimer !== undefined) clearTimeout(hideTimer);
    hideTimer = undefined;
  }

  let pending: PointerEvent | undefined;
  function onPointerMove(event: PointerEvent) {
    if (pending === undefined) {
      requestAnimationFrame(() => {
        const latest = pending;
        pending = undefined;
        if (latest) handlePointer(latest);
      });
    }
    pending = event;
  }

  function handlePointer(event: PointerEvent) {
    try {
      if (popover.contains(event.composedPath()[0] ?? null) || popover.contains(event.target)) {
        cancelHide();
        return;
      }
      const hit = matchAtPoint(doc, index, matches, ranges, event.clientX, event.clientY);
      if (hit >= 0) {
        cancelHide();
        if (hit !== openIndex) open(hit);
      } else if (popover.isOpen()) {
        scheduleHide();
      }
    } catch (error) {
      onError('hover', error);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && popover.isOpen()) popover.hide();
  }

  const listenerOptions = { passive: true, signal } as const;
  doc.addEventListener('pointermove', onPointerMove, listenerOptions);
  doc.addEventListener('keydown', onKeyDown, { signal });
  signal.addEventListener('abort', () => {
    cancelHide();
    popover.dispose();
    highlighter?.dispose();
  });

  return {
    get matches() {
      return matches;
    },
    get ranges() {
      return ranges;
    },
  };
}
