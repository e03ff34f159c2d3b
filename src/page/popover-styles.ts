/** Styles of the popover, inside its closed shadow root. The page's CSS cannot reach them. */
export const POPOVER_CSS = `
:host { all: initial; }
.root {
  position: fixed;
  top: 0;
  left: 0;
  z-index: 2147483647;
  max-width: min(360px, calc(100vw - 16px));
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK JP", sans-serif;
  color: #1b1b1f;
}
.card {
  background: #fffdf7;
  border: 1px solid #d9c9a3;
  border-radius: 10px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  padding: 12px 14px;
  animation: appear 120ms ease-out;
}
.head { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
.term { margin: 0; font-size: 1.25em; font-weight: 700; }
.reading { margin: 0; color: #5b5347; font-size: 0.9em; }
.short { margin: 8px 0 0; }
.close {
  font: inherit; font-size: 1.2em; line-height: 1; border: 0; background: transparent; color: inherit;
  padding: 4px 8px; border-radius: 6px; cursor: pointer;
}
.close:hover { background: rgb(0 0 0 / 0.08); }
.close:focus-visible { outline: 3px solid #1a73e8; outline-offset: 1px; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
@keyframes appear { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
@media (prefers-color-scheme: dark) {
  .root { color: #ece6da; }
  .card { background: #23211d; border-color: #5a5142; box-shadow: 0 6px 24px rgb(0 0 0 / 0.5); }
  .reading { color: #c4b9a6; }
  .close:hover { background: rgb(255 255 255 / 0.12); }
  .close:focus-visible { outline-color: #8ab4f8; }
}
`;
