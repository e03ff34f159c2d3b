/**
 * Paints term occurrences with the CSS Custom Highlight API: no element is added to or changed in
 * the page. Every term is underlined through one highlight (`hokenlens-term`); a second highlight
 * per category tints its background, so a reader can tell documents from premiums at a glance.
 * The `::highlight()` rules live in a constructed stylesheet adopted by the document.
 */
export const HIGHLIGHT_NAME = 'hokenlens-term';

/** Background tints per glossary category (light, dark). Unknown categories get the default. */
const CATEGORY_TINTS: Record<string, [light: string, dark: string]> = {
  document: ['rgb(120 180 255 / 0.28)', 'rgb(120 180 255 / 0.3)'],
  premium: ['rgb(255 200 60 / 0.38)', 'rgb(255 200 60 / 0.28)'],
  income: ['rgb(255 170 90 / 0.32)', 'rgb(255 170 90 / 0.28)'],
  benefit: ['rgb(110 210 140 / 0.32)', 'rgb(110 210 140 / 0.26)'],
  payment: ['rgb(230 150 210 / 0.3)', 'rgb(230 150 210 / 0.26)'],
  scheme: ['rgb(180 160 255 / 0.3)', 'rgb(180 160 255 / 0.28)'],
  people: ['rgb(150 210 220 / 0.34)', 'rgb(150 210 220 / 0.28)'],
  category: ['rgb(200 200 120 / 0.34)', 'rgb(200 200 120 / 0.28)'],
  health: ['rgb(255 140 140 / 0.3)', 'rgb(255 140 140 / 0.26)'],
};
const DEFAULT_TINT: [string, string] = ['rgb(255 213 79 / 0.45)', 'rgb(255 213 79 / 0.3)'];

export function categoryHighlightName(category: string): string {
  return `hokenlens-${category.replace(/[^a-z0-9-]/g, '')}`;
}

function highlightCss(categories: readonly string[]): string {
  const rules = [
    `::highlight(${HIGHLIGHT_NAME}) {
  text-decoration: underline dotted rgb(150 90 0);
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
}`,
    `@media (prefers-color-scheme: dark) {
  ::highlight(${HIGHLIGHT_NAME}) { text-decoration-color: rgb(255 213 79); }
}`,
  ];
  for (const category of categories) {
    const [light, dark] = CATEGORY_TINTS[category] ?? DEFAULT_TINT;
    const name = categoryHighlightName(category);
    rules.push(`::highlight(${name}) { background-color: ${light}; }`);
    rules.push(
      `@media (prefers-color-scheme: dark) { ::highlight(${name}) { background-color: ${dark}; } }`,
    );
  }
  return rules.join('\n');
}

export function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export interface PaintedRange {
  range: AbstractRange;
  category: string;
}

export interface Highlighter {
  add(items: readonly PaintedRange[]): void;
  remove(items: readonly PaintedRange[]): void;
  /** Shows or hides every highlight without forgetting them (the toggle command). */
  setVisible(visible: boolean): void;
  /** Brings the highlight styles into an open shadow root (document styles do not reach in). */
  adopt(root: ShadowRoot): void;
  /** Tinted backgrounds per category, or the underline alone (the reader's highlight style). */
  setTint(tint: boolean): void;
  readonly visible: boolean;
  clear(): void;
  dispose(): void;
}

/**
 * `tint: false` paints the underline alone (the reader's choice for pages that already use colour
 * or when tinted backgrounds are hard to read through).
 */
export function createHighlighter(
  doc: Document,
  categories: readonly string[],
  { tint = true }: { tint?: boolean } = {},
): Highlighter {
  const sheet = new CSSStyleSheet();
  let tinted = tint;
  sheet.replaceSync(highlightCss(tinted ? categories : []));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const all = new Highlight();
  const byCategory = new Map<string, Highlight>();
  let visible = true;
  const adopted = new Set<ShadowRoot>();

  function register() {
    CSS.highlights.set(HIGHLIGHT_NAME, all);
    for (const [category, highlight] of byCategory) {
      CSS.highlights.set(categoryHighlightName(category), highlight);
    }
  }
  function unregister() {
    if (CSS.highlights.get(HIGHLIGHT_NAME) === all) CSS.highlights.delete(HIGHLIGHT_NAME);
    for (const [category, highlight] of byCategory) {
      const name = categoryHighlightName(category);
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    }
  }
  function highlightFor(category: string): Highlight {
    let highlight = byCategory.get(category);
    if (!highlight) {
      highlight = new Highlight();
      byCategory.set(category, highlight);
      if (visible) CSS.highlights.set(categoryHighlightName(category), highlight);
    }
    return highlight;
  }
  register();

  return {
    add(items) {
      for (const { range, category } of items) {
        all.add(range);
        highlightFor(category).add(range);
      }
    },
    remove(items) {
      for (const { range, category } of items) {
        all.delete(range);
        byCategory.get(category)?.delete(range);
      }
    },
    setVisible(next) {
      if (next === visible) return;
      visible = next;
      if (visible) register();
      else unregister();
    },
    get visible() {
      return visible;
    },
    setTint(next) {
      if (next === tinted) return;
      tinted = next;
      sheet.replaceSync(highlightCss(tinted ? categories : []));
    },
    adopt(root) {
      if (adopted.has(root)) return;
      adopted.add(root);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    },
    clear() {
      all.clear();
      for (const highlight of byCategory.values()) highlight.clear();
    },
    dispose() {
      this.clear();
      unregister();
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      for (const root of adopted) {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      }
      adopted.clear();
    },
  };
}
