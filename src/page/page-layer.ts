import { catalogue, termById } from '../glossary/catalogue';
import { createMatcher, type MatchContext, type MatchVisitor } from '../glossary/matcher';
import type { GlossaryTerm } from '../glossary/schema';
import { htmlLang, LANGUAGES, type LanguageCode } from '../i18n/languages';
import type { OpenCalculatorRequest } from '../messaging';
import type { TermExplanation } from '../ui/TermCard';
import { createHighlighter, highlightSupported, type Highlighter } from './highlighter';
import { pageMatchAtPoint } from './hit-test';
import { pageContextOf, type PageContext } from './page-context';
import { PageIndex, type IndexUpdate, type PageMatch } from './page-index';
import { createPopover, type PopoverTheme } from './popover';
import type { PageCommand, PageSummary } from './protocol';
import { textFragmentLink } from './text-fragment';
import { ViewportPainter } from './viewport-painter';
import { PageTranslations, type BundleLoader } from './translations';
import { blockContaining } from './text-index';

/** Reader settings for the popover and the painting (see src/settings.ts). */
export interface PageDisplay {
  highlightStyle?: 'tint' | 'underline';
  showReadings?: boolean;
  detail?: 'short' | 'long';
  fontScale?: number;
}

/** What the reader's settings say about the page layer; changes apply to an open page at once. */
export interface PageReaderSettings {
  /** The reader's language (settings, else the browser's). */
  language: LanguageCode;
  theme?: PopoverTheme;
  display?: PageDisplay;
}

export interface PageLayerOptions extends PageReaderSettings {
  doc: Document;
  /** Loads the `ui` and `glossary` bundles of a language (from the background). */
  loadBundle: BundleLoader;
  /** Loads the figures explanations quote (`{{notifyDays}}`). */
  loadFacts?: () => Promise<Record<string, string> | undefined>;
  /** Languages that ship explanations. */
  languages?: readonly LanguageCode[];
  /** Aborting removes every listener, highlight and node the layer added. */
  signal: AbortSignal;
  onError: (where: string, error: unknown) => void;
  openCalculator?: (request: OpenCalculatorRequest) => Promise<void>;
  writeClipboard?: (text: string) => Promise<void>;
}

export interface PageLayer {
  /** Resolves when the first index and paint are done. */
  readonly ready: Promise<void>;
  readonly matches: readonly PageMatch[];
  readonly context: PageContext;
  summary(): PageSummary;
  command(command: PageCommand): boolean;
  /** Scrolls to the next occurrence of a term (after the open one, else the first) and opens it. */
  showTerm(termId: string): boolean;
  /** Languages the explanation can be switched to (known once the background answers). */
  setLanguages(languages: readonly LanguageCode[]): void;
  /** The reader changed their settings: language, theme, text size, highlight style, detail. */
  applySettings(settings: PageReaderSettings): void;
}

/** Hides the popover this long after the pointer leaves the term and the popover. */
const HIDE_DELAY_MS = 300;
/** Pointer speed (px/ms) above which the pointer is flying past, not aiming at a term. */
const FLYING_SPEED = 0.6;
/** A flying pointer that stays on the same term this long has stopped there after all. */
const DWELL_MS = 70;
/** Re-index changed blocks at most this long after the change, even on a busy page. */
const IDLE_TIMEOUT_MS = 500;
/** Rebuild everything once this many partial indexes have piled up. */
const MAX_SEGMENTS = 64;

const isE2E = import.meta.env.MODE === 'e2e';
/** The page context (region, scheme, topics) is read from this much of the page's text. */
const CONTEXT_CHARS = 200_000;

/** Lets the event loop run (input, rendering) between slices of work. */
function pause(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.addEventListener('message', () => resolve(), { once: true });
    channel.port1.start();
    channel.port2.postMessage(null);
  });
}

function whenIdle(callback: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 50);
  return () => clearTimeout(id);
}

/**
 * Copies with the async clipboard API; on pages where it is missing (plain HTTP) or refused,
 * falls back to a selection in a scratch textarea inside the popover's own shadow root.
 */
async function writeClipboard(text: string, scratchRoot: () => Node | undefined): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall through to the selection-based copy.
  }
  const root = scratchRoot();
  if (!root) throw new Error('clipboard unavailable');
  const doc = root.ownerDocument ?? document;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  root.appendChild(area);
  area.select();
  const copied = doc.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy refused');
}

interface OpenState {
  match: PageMatch;
  term: GlossaryTerm;
  /** Opened by keyboard: it stays until closed, whatever the pointer does. */
  pinned: boolean;
  language: LanguageCode;
  status?: string;
  autoFocus: boolean;
}

/**
 * In test builds: a performance mark once the popover is painted, for the benchmark, with when
 * the pointer event came, when the handler ran, when the popover was rendered and positioned, and
 * when the frame that paints it began.
 */
function markPainted(eventTime: number, handledAt: number) {
  const renderedAt = performance.now();
  requestAnimationFrame(() => {
    const frameAt = performance.now();
    const channel = new MessageChannel();
    channel.port1.addEventListener(
      'message',
      () =>
        performance.mark('hokenlens:popover-painted', {
          detail: { eventTime, handledAt, renderedAt, frameAt },
        }),
      { once: true },
    );
    channel.port1.start();
    channel.port2.postMessage(null);
  });
}

/** A match that shows the page is about health insurance (see the matcher's weak terms). */
function isAnchor(id: string, sense: string | undefined): boolean {
  const term = termById(id);
  if (!term || term.weak) return false;
  return !term.senses?.find((candidate) => candidate.id === sense)?.outsideInsurance;
}

/** Indexes the page, paints the terms and explains them on hover, tap and keyboard. */
export function startPageLayer(options: PageLayerOptions): PageLayer {
  const { doc, signal, onError } = options;
  const win = doc.defaultView ?? window;
  const matcherStart = performance.now();
  const matcher = createMatcher(catalogue);
  if (isE2E) performance.measure('hokenlens:matcher-build', { start: matcherStart });
  const categories = [...new Set(catalogue.map((term) => term.category))];
  const popover = createPopover(doc, () => {
    if (open?.pinned) restoreFocus();
    open = undefined;
  });
  let readerLanguage = options.language;
  let display: PageDisplay = options.display ?? {};
  popover.setTheme(options.theme ?? 'system');
  popover.setScale(display.fontScale ?? 1);
  /** Once a strong insurance term is found, everyday words (weak terms) are worth painting too. */
  let insurancePage = false;
  let headings: string | undefined;
  function matchContext(): MatchContext {
    headings ??= [doc.title, ...[...doc.querySelectorAll('h1, h2')].map((h) => h.textContent ?? '')]
      .join('\n')
      .slice(0, 4000);
    return { text: headings, insurancePage };
  }
  function findTerms(text: string, visit: MatchVisitor): void {
    matcher.eachTerm(text, matchContext(), (start, end, id, sense) => {
      if (!insurancePage && isAnchor(id, sense)) insurancePage = true;
      visit(start, end, id, sense);
    });
  }
  const index = new PageIndex(
    findTerms,
    (id) => termById(id)?.category ?? 'other',
    () => popover.host ?? null,
  );
  const highlighter: Highlighter | undefined = highlightSupported()
    ? createHighlighter(doc, categories, { tint: display.highlightStyle !== 'underline' })
    : undefined;
  const painter = highlighter ? new ViewportPainter(highlighter, doc) : undefined;
  let context: PageContext = { url: doc.URL, topics: [] };
  let open: OpenState | undefined;
  let focusBefore: Element | null = null;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let dwellTimer: ReturnType<typeof setTimeout> | undefined;
  let enabled = true;
  const texts = new PageTranslations(options.loadBundle, options.loadFacts);
  let shippedLanguages: readonly LanguageCode[] = options.languages ?? [];

  /** Paints the current occurrences (near the viewport on long pages); returns the busy time. */
  async function paint(_update: IndexUpdate): Promise<number | undefined> {
    if (!highlighter || !painter) return undefined;
    const from = performance.now();
    for (const root of index.shadowRoots()) {
      highlighter.adopt(root);
      watchShadowRoot(root);
    }
    painter.setMatches(index.all());
    return performance.now() - from;
  }

  function refreshContext() {
    context = pageContextOf(doc.URL, index.sample(CONTEXT_CHARS), doc.title);
  }

  async function initialBuild() {
    const root = doc.body ?? doc.documentElement;
    const started = performance.now();
    const update = await index.buildSliced(root, pause, () => signal.aborted);
    if (!update || signal.aborted) return;
    const paintFrom = performance.now();
    const paintBusy = await paint(update);
    const paintMs = paintBusy ?? performance.now() - paintFrom;
    refreshContext();
    // Test builds: how long index + match + paint took, for the benchmark.
    if (isE2E) {
      performance.measure('hokenlens:index-match-paint', {
        start: started,
        end: performance.now(),
        detail: {
          matches: update.added.length,
          textLength: index.textLength,
          ...index.lastBuild,
          paintMs,
        },
      });
    }
  }

  // ---- explanations ----------------------------------------------------------------------

  function explanationOf(
    term: GlossaryTerm,
    language: LanguageCode,
    sense: string | undefined,
  ): TermExplanation | undefined {
    const value = texts.glossary(language, term.id);
    if (!value || typeof value !== 'object' || !('short' in value)) return undefined;
    const explanation = value as TermExplanation & {
      senses?: Record<string, Partial<TermExplanation>>;
    };
    const bySense = sense ? explanation.senses?.[sense] : undefined;
    const merged = { ...explanation, ...bySense };
    return {
      short: texts.fill(merged.short),
      ...(merged.long ? { long: texts.fill(merged.long) } : {}),
      ...(merged.action ? { action: texts.fill(merged.action) } : {}),
      ...(merged.source ? { source: merged.source } : {}),
    };
  }

  function plainText(
    term: GlossaryTerm,
    explanation: TermExplanation | undefined,
    lng: LanguageCode,
  ) {
    const lines = [`${term.ja}（${term.reading}）`];
    if (explanation) {
      lines.push(explanation.short);
      if (explanation.long) lines.push(explanation.long);
      if (explanation.action) lines.push(explanation.action);
      if (explanation.source)
        lines.push(`${texts.label(lng, 'popover.source')}: ${explanation.source}`);
    }
    lines.push(`${texts.label(lng, 'popover.foundOn')}: ${doc.URL.replace(/#.*$/, '')}`);
    return lines.join('\n');
  }

  function linkTo(match: PageMatch): string {
    return textFragmentLink(doc.URL, match.segment.index.text, match.start, match.end);
  }

  async function copy(text: string, lng: LanguageCode) {
    try {
      await (options.writeClipboard ?? ((value) => writeClipboard(value, () => popover.scratch())))(
        text,
      );
      setStatus(texts.label(lng, 'popover.copied'));
    } catch (error) {
      setStatus(texts.label(lng, 'popover.copyFailed'));
      onError('copy', error);
    }
  }

  function setStatus(status: string) {
    if (!open) return;
    open = { ...open, status, autoFocus: false };
    void render();
  }

  async function render() {
    const state = open;
    if (!state) return;
    await texts.ensure(state.language);
    if (open !== state) return;
    const { term, match, language } = state;
    const lng = language;
    const explanation = explanationOf(term, language, match.sense);
    const label = (key: string, values?: Record<string, string>) =>
      texts.label(lng, `popover.${key}`, values);
    const related = term.related
      .map((id) => termById(id))
      .filter((item): item is GlossaryTerm => !!item)
      .map((item) => ({ id: item.id, ja: item.ja }));
    const shipped = shippedLanguages.length > 0 ? shippedLanguages : [readerLanguage];
    const languages = LANGUAGES.filter((l) => shipped.includes(l.code));
    const calc = term.calc;
    await popover.show(match.range, {
      term,
      explanation,
      lang: htmlLang(language),
      labels: {
        dialog: label('label', { term: term.ja }),
        reading: label('reading'),
        close: label('close'),
        more: label('more'),
        less: label('less'),
        related: label('related'),
        source: label('source'),
        language: label('language'),
        copyText: label('copyText'),
        copyLink: label('copyLink'),
        openCalculator: label('openCalculator'),
        noExplanation: label('noExplanation'),
      },
      related,
      onRelated: (id) => {
        const next = termById(id);
        if (next && open) {
          open = { ...open, term: next, status: undefined, autoFocus: true };
          void render().catch((error: unknown) => onError('popover', error));
        }
      },
      languages,
      language,
      onLanguage: (code) => {
        const chosen = LANGUAGES.find((l) => l.code === code)?.code;
        if (!chosen || !open) return;
        const current = open;
        void texts
          .ensure(chosen)
          .then(() => {
            if (open !== current) return;
            open = { ...current, language: chosen, status: undefined, autoFocus: false };
            return render();
          })
          .catch((error: unknown) => onError('language', error));
      },
      onCopyText: () => void copy(plainText(term, explanation, lng), lng),
      onCopyLink: () => void copy(linkTo(match), lng),
      ...(calc && options.openCalculator
        ? {
            onOpenCalculator: () => {
              const request: OpenCalculatorRequest = {
                calc,
                termId: term.id,
                url: doc.URL,
                ...(context.region ? { region: context.region.region } : {}),
                ...(context.scheme ? { scheme: context.scheme } : {}),
              };
              options.openCalculator!(request).catch((error: unknown) =>
                onError('calculator', error),
              );
            },
          }
        : {}),
      ...(state.status ? { status: state.status } : {}),
      autoFocus: state.autoFocus,
      showReading: display.showReadings !== false,
      expandedByDefault: display.detail === 'long',
    });
  }

  function openMatch(match: PageMatch, how: { pinned: boolean; eventTime?: number }) {
    const term = termById(match.id);
    if (!term) return;
    if (how.pinned && !open?.pinned) focusBefore = doc.activeElement;
    open = {
      match,
      term,
      pinned: how.pinned,
      language: open?.language ?? readerLanguage,
      autoFocus: how.pinned,
    };
    const handledAt = performance.now();
    render()
      .then(() => {
        if (isE2E && how.eventTime !== undefined) markPainted(how.eventTime, handledAt);
      })
      .catch((error: unknown) => onError('popover', error));
  }

  function restoreFocus() {
    const target = focusBefore;
    focusBefore = null;
    if (target instanceof HTMLElement && target.isConnected) target.focus({ preventScroll: true });
  }

  function hide() {
    cancelHide();
    popover.hide();
  }

  function scheduleHide() {
    if (hideTimer !== undefined) return;
    hideTimer = setTimeout(() => {
      hideTimer = undefined;
      if (!open?.pinned) popover.hide();
    }, HIDE_DELAY_MS);
  }

  function cancelHide() {
    if (hideTimer !== undefined) clearTimeout(hideTimer);
    hideTimer = undefined;
  }

  function cancelDwell() {
    if (dwellTimer !== undefined) clearTimeout(dwellTimer);
    dwellTimer = undefined;
  }

  // ---- pointer ---------------------------------------------------------------------------

  let last: { x: number; y: number; t: number } | undefined;

  function isInPopover(event: Event): boolean {
    return popover.contains(event.composedPath()[0] ?? null) || popover.contains(event.target);
  }

  function onPointerMove(event: PointerEvent) {
    try {
      // Events forged by page scripts (isTrusted false) must not drive the extension.
      if (!event.isTrusted) return;
      if (!enabled || event.pointerType === 'touch') return;
      const previous = last;
      last = { x: event.clientX, y: event.clientY, t: event.timeStamp };
      if (isInPopover(event)) {
        cancelHide();
        cancelDwell();
        return;
      }
      const hit = pageMatchAtPoint(doc, index, event.clientX, event.clientY);
      if (!hit) {
        cancelDwell();
        if (popover.isOpen() && !open?.pinned) scheduleHide();
        return;
      }
      cancelHide();
      if (hit === open?.match) return;
      const elapsed = previous ? Math.max(1, event.timeStamp - previous.t) : Infinity;
      const distance = previous
        ? Math.hypot(event.clientX - previous.x, event.clientY - previous.y)
        : 0;
      const flying = distance / elapsed > FLYING_SPEED;
      cancelDwell();
      if (!flying) {
        openMatch(hit, { pinned: false, eventTime: event.timeStamp });
        return;
      }
      // Flying past: open only if the pointer is still on this term a moment later.
      dwellTimer = setTimeout(() => {
        dwellTimer = undefined;
        if (!last || signal.aborted) return;
        const still = pageMatchAtPoint(doc, index, last.x, last.y);
        if (still === hit && still !== open?.match) openMatch(hit, { pinned: false });
      }, DWELL_MS);
    } catch (error) {
      onError('hover', error);
    }
  }

  function onPointerUp(event: PointerEvent) {
    try {
      // Events forged by page scripts (isTrusted false) must not drive the extension.
      if (!event.isTrusted) return;
      if (!enabled || event.pointerType === 'mouse' || isInPopover(event)) return;
      const hit = pageMatchAtPoint(doc, index, event.clientX, event.clientY);
      if (hit) {
        if (hit !== open?.match) openMatch(hit, { pinned: true, eventTime: event.timeStamp });
      } else if (popover.isOpen()) {
        hide();
      }
    } catch (error) {
      onError('tap', error);
    }
  }

  function onPointerDown(event: PointerEvent) {
    if (!event.isTrusted) return;
    // A click elsewhere closes a popover that was opened by keyboard or tap.
    if (open?.pinned && !isInPopover(event) && event.pointerType === 'mouse') hide();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (!event.isTrusted) return;
    if (event.key === 'Escape' && popover.isOpen()) hide();
  }

  // ---- keyboard commands -----------------------------------------------------------------

  /** Whether an occurrence ends below the top of the viewport (undefined when it has no box). */
  function belowTop(match: PageMatch): boolean | undefined {
    const range = doc.createRange();
    range.setStart(match.range.startContainer, match.range.startOffset);
    range.setEnd(match.range.endContainer, match.range.endOffset);
    const rect = range.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return undefined;
    return rect.bottom >= 0;
  }

  /**
   * The first occurrence at or below the top of the viewport. Occurrences come in document order,
   * which on a page of text is top to bottom, so a binary search finds it with a few layout reads
   * even among tens of thousands; the answer is then checked, and walked back over any hidden
   * occurrences (no box) the search stepped over.
   */
  function firstVisibleIndex(all: readonly PageMatch[]): number {
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      // A hidden occurrence gives no position: look at the next ones until one has a box.
      let probe = mid;
      let below = belowTop(all[probe]!);
      while (below === undefined && probe + 1 < hi) below = belowTop(all[++probe]!);
      if (below === undefined || below) hi = mid;
      else lo = probe + 1;
    }
    for (let i = lo; i < all.length; i += 1) if (belowTop(all[i]!)) return i;
    return 0;
  }

  function step(direction: 1 | -1): boolean {
    const all = index.all();
    if (all.length === 0) return false;
    const current = open ? all.indexOf(open.match) : -1;
    let next: number;
    if (current >= 0) next = (current + direction + all.length) % all.length;
    else {
      const first = firstVisibleIndex(all);
      next = direction === 1 ? first : (first - 1 + all.length) % all.length;
    }
    const match = all[next]!;
    const element = match.startNode.parentElement;
    element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    cancelHide();
    openMatch(match, { pinned: true });
    return true;
  }

  function showTerm(id: string): boolean {
    const occurrences = index.all().filter((match) => match.id === id);
    if (occurrences.length === 0) return false;
    const current = open ? occurrences.indexOf(open.match) : -1;
    const match = occurrences[(current + 1) % occurrences.length]!;
    match.startNode.parentElement?.scrollIntoView({
      block: 'center',
      inline: 'nearest',
      behavior: 'instant',
    });
    cancelHide();
    openMatch(match, { pinned: true });
    return true;
  }

  function setEnabled(next: boolean) {
    enabled = next;
    highlighter?.setVisible(next);
    if (!next) hide();
  }

  function command(name: PageCommand): boolean {
    switch (name) {
      case 'next-term':
        return step(1);
      case 'previous-term':
        return step(-1);
      case 'toggle-highlighting':
        setEnabled(!enabled);
        return enabled;
    }
  }

  // ---- dynamic pages ---------------------------------------------------------------------

  const changed = new Set<Node>();
  let removals = false;
  let cancelIdle: (() => void) | undefined;
  let lastUrl = doc.URL;
  let building = true;

  function onMutations(records: MutationRecord[]) {
    const host = popover.host;
    for (const record of records) {
      if (host && (record.target === host || host.contains(record.target))) continue;
      if (record.type === 'characterData') {
        changed.add(blockContaining(record.target, doc.body));
        continue;
      }
      for (const node of record.addedNodes) {
        if (node === host) continue;
        if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) {
          changed.add(blockContaining(node, doc.body));
        }
      }
      if (record.removedNodes.length > 0) {
        // Ranges in removed nodes go stale; any update drops them. The block that lost an
        // inline child reads differently now, so it is indexed again.
        removals = true;
        const block = blockContaining(record.target, doc.body);
        if (block !== doc.body && block.isConnected) changed.add(block);
      }
    }
    if (changed.size > 0 || removals) scheduleUpdate();
  }

  function scheduleUpdate() {
    if (cancelIdle || building) return;
    cancelIdle = whenIdle(() => {
      cancelIdle = undefined;
      try {
        processChanges();
      } catch (error) {
        onError('update', error);
      }
    }, IDLE_TIMEOUT_MS);
  }

  function processChanges() {
    if (signal.aborted) return;
    const blocks = [...changed];
    changed.clear();
    removals = false;
    if (doc.URL !== lastUrl) onNavigated();
    if (index.segmentCount >= MAX_SEGMENTS || blocks.includes(doc.body)) {
      rebuild();
      return;
    }
    const update = index.update(blocks);
    if (open && !open.match.startNode.isConnected) hide();
    void paint(update);
    if (update.added.length > 0 || update.removed.length > 0) refreshContext();
  }

  /** Indexes the whole page again, in slices; changes meanwhile are picked up afterwards. */
  function rebuild() {
    building = true;
    initialBuild()
      .catch((error: unknown) => onError('index', error))
      .finally(() => {
        building = false;
        if (open && !open.match.startNode.isConnected) hide();
        if (changed.size > 0 || removals) scheduleUpdate();
      });
  }

  function onNavigated() {
    lastUrl = doc.URL;
    headings = undefined;
    if (!open?.pinned) hide();
    refreshContext();
  }

  const observer = new MutationObserver((records) => {
    try {
      onMutations(records);
    } catch (error) {
      onError('observe', error);
    }
  });

  const listenerOptions = { passive: true, signal, capture: true } as const;
  doc.addEventListener('pointermove', onPointerMove, listenerOptions);
  doc.addEventListener('pointerup', onPointerUp, listenerOptions);
  doc.addEventListener('pointerdown', onPointerDown, listenerOptions);
  doc.addEventListener('keydown', onKeyDown, { signal });
  win.addEventListener('popstate', () => onNavigated(), { signal });
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', () => onNavigated(), { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    cancelIdle?.();
    cancelHide();
    cancelDwell();
    popover.dispose();
    painter?.dispose();
    highlighter?.dispose();
  });

  const observing = { subtree: true, childList: true, characterData: true };
  observer.observe(doc.body ?? doc.documentElement, observing);
  /** Open shadow roots with indexed text are watched too: the document's observer stops at them. */
  const watchedRoots = new WeakSet<ShadowRoot>();
  function watchShadowRoot(root: ShadowRoot) {
    if (watchedRoots.has(root)) return;
    watchedRoots.add(root);
    observer.observe(root, observing);
  }
  const ready = initialBuild()
    .catch((error: unknown) => onError('index', error))
    .finally(() => {
      building = false;
      if (signal.aborted) return;
      // Changes made while the first index was built.
      if (changed.size > 0 || removals) scheduleUpdate();
      // Load the explanations in idle time so the first popover does not wait for them.
      whenIdle(
        () => void texts.ensure(readerLanguage).catch((error: unknown) => onError('i18n', error)),
        2000,
      );
    });

  return {
    ready,
    get matches() {
      return index.all();
    },
    get context() {
      return context;
    },
    summary() {
      const counts = new Map<string, number>();
      for (const match of index.all()) counts.set(match.id, (counts.get(match.id) ?? 0) + 1);
      return {
        url: doc.URL,
        ...(context.region ? { region: context.region } : {}),
        ...(context.scheme ? { scheme: context.scheme } : {}),
        terms: [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id),
        counts: Object.fromEntries(counts),
        title: doc.title,
        highlighting: enabled,
      };
    },
    showTerm(id) {
      try {
        return showTerm(id);
      } catch (error) {
        onError('showTerm', error);
        return false;
      }
    },
    setLanguages(languages) {
      shippedLanguages = languages;
    },
    applySettings(next) {
      try {
        const languageChanged = next.language !== readerLanguage;
        readerLanguage = next.language;
        display = next.display ?? {};
        popover.setTheme(next.theme ?? 'system');
        popover.setScale(display.fontScale ?? 1);
        highlighter?.setTint(display.highlightStyle !== 'underline');
        if (open) {
          // An open explanation follows the new settings; a language picked in it gives way
          // only to a new reader language.
          open = { ...open, ...(languageChanged ? { language: readerLanguage } : {}) };
          void render().catch((error: unknown) => onError('popover', error));
        }
      } catch (error) {
        onError('settings', error);
      }
    },
    command(name) {
      try {
        return command(name);
      } catch (error) {
        onError('command', error);
        return false;
      }
    },
  };
}
