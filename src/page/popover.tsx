import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import { TermCard, type TermCardProps } from '../ui/TermCard';
import { POPOVER_CSS } from './popover-styles';

/** The custom element name of the one node HokenLens adds to a page. */
export const HOST_TAG = 'hokenlens-popover';

export type PopoverTheme = 'system' | 'light' | 'dark';

export interface Popover {
  readonly host: HTMLElement | undefined;
  /** Renders the card next to `anchor`; resolves once it is positioned. */
  show(anchor: AbstractRange, props: Omit<TermCardProps, 'onClose'>): Promise<void>;
  hide(): void;
  isOpen(): boolean;
  contains(target: EventTarget | null): boolean;
  setTheme(theme: PopoverTheme): void;
  /** Text size on top of the reader's default font size (1, 1.25, 1.5). */
  setScale(scale: number): void;
  /** A place inside the shadow root for short-lived helper nodes (copy fallback). */
  scratch(): Node | undefined;
  dispose(): void;
}

/**
 * The popover lives in a closed shadow root on a host element appended to <html> on first use, so
 * neither the page's scripts nor its styles can read or restyle it.
 */
export function createPopover(doc: Document, onHide: () => void): Popover {
  let host: HTMLElement | undefined;
  let shadow: ShadowRoot | undefined;
  let container: HTMLDivElement | undefined;
  let open = false;
  let theme: PopoverTheme = 'system';
  let generation = 0;
  let scale = 1;

  function ensureHost(): HTMLDivElement {
    if (container) return container;
    // Created in a document without a browsing context, then adopted: if the page defined
    // `hokenlens-popover` itself, its class is not running when the closed root is attached, so
    // ElementInternals.shadowRoot stays null for it even after the element is upgraded.
    const scratch = doc.implementation.createHTMLDocument('');
    host = doc.adoptNode(scratch.createElement(HOST_TAG));
    shadow = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(POPOVER_CSS);
    shadow.adoptedStyleSheets = [sheet];
    container = doc.createElement('div');
    container.className = 'root';
    container.hidden = true;
    if (theme !== 'system') container.dataset.theme = theme;
    if (scale !== 1) container.style.setProperty('--scale', String(scale));
    shadow.append(container);
    doc.documentElement.append(host);
    return container;
  }

  function hide() {
    if (!container || !open) return;
    open = false;
    generation += 1;
    render(null, container);
    container.hidden = true;
    onHide();
  }

  return {
    get host() {
      return host;
    },
    async show(anchor, props) {
      const root = ensureHost();
      const shown = (generation += 1);
      render(<TermCard {...props} onClose={hide} />, root);
      root.hidden = false;
      open = true;
      const reference = {
        getBoundingClientRect: () => {
          const range = doc.createRange();
          range.setStart(anchor.startContainer, anchor.startOffset);
          range.setEnd(anchor.endContainer, anchor.endOffset);
          return range.getBoundingClientRect();
        },
      };
      const { x, y } = await computePosition(reference, root, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(6), flip(), shift({ padding: 8 })],
      });
      if (shown !== generation) return;
      root.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    },
    hide,
    isOpen: () => open,
    contains: (target) =>
      !!host &&
      target instanceof Node &&
      (host === target || host.contains(target) || !!shadow?.contains(target)),
    scratch: () => shadow,
    setScale(next) {
      scale = next;
      container?.style.setProperty('--scale', String(next));
    },
    setTheme(next) {
      theme = next;
      if (!container) return;
      if (next === 'system') delete container.dataset.theme;
      else container.dataset.theme = next;
    },
    dispose() {
      if (container) render(null, container);
      host?.remove();
      host = undefined;
      shadow = undefined;
      container = undefined;
      open = false;
    },
  };
}
