const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/**
 * Whether a document holds Japanese text worth indexing. Looks at the title and then at most a
 * few thousand text nodes, so a page in another language costs next to nothing.
 */
export function looksJapanese(doc: Document, maxNodes = 3000): boolean {
  if (JAPANESE.test(doc.title)) return true;
  const root = doc.body;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < maxNodes; node = walker.nextNode()) {
    const parent = node.parentNode?.nodeName;
    if (parent === 'SCRIPT' || parent === 'STYLE') continue;
    if (JAPANESE.test((node as Text).data)) return true;
    seen += 1;
  }
  return false;
}

/**
 * Calls `onJapanese` once Japanese text shows up on a page that had none (single-page apps that
 * render later). Checks at most every `intervalMs`, only after the page changed.
 */
export function watchForJapanese(
  doc: Document,
  onJapanese: () => void,
  signal: AbortSignal,
  intervalMs = 2000,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (signal.aborted) return;
      if (looksJapanese(doc)) {
        observer.disconnect();
        onJapanese();
      }
    }, intervalMs);
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
}
