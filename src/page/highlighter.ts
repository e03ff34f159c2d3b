/**
 * Paints term occurrences with the CSS Custom Highlight API: no element is added to or changed in
 * the page. The `::highlight()` rule lives in a constructed stylesheet adopted by the document.
 */
export const HIGHLIGHT_NAME = 'hokenlens-term';

const HIGHLIGHT_CSS = `
::highlight(${HIGHLIGHT_NAME}) {
  background-color: rgb(255 213 79 / 0.45);
  text-decoration: underline dotted rgb(183 110 0);
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
}
@media (prefers-color-scheme: dark) {
  ::highlight(${HIGHLIGHT_NAME}) {
    background-color: rgb(255 213 79 / 0.3);
    text-decoration-color: rgb(255 213 79);
  }
}`;

export function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export interface Highlighter {
  paint(ranges: readonly AbstractRange[]): void;
  clear(): void;
  dispose(): void;
}

export function createHighlighter(doc: Document): Highlighter {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(HIGHLIGHT_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const highlight = new Highlight();
  CSS.highlights.set(HIGHLIGHT_NAME, highlight);
  return {
    paint(ranges) {
      highlight.clear();
      for (const range of ranges) highlight.add(range);
    },
    clear() {
      highlight.clear();
    },
    dispose() {
      highlight.clear();
      if (CSS.highlights.get(HIGHLIGHT_NAME) === highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
