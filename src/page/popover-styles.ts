/**
 * Styles of the popover, inside its closed shadow root. The page's CSS cannot reach them. Sizes
 * are relative to `medium`, the reader's default font size in the browser settings, not to the
 * page's own (often fixed) sizes.
 */
export const POPOVER_CSS = `
:host { all: initial; font-size: medium; }
.root {
  position: fixed;
  top: 0;
  left: 0;
  z-index: 2147483647;
  width: max-content;
  max-width: min(24em, calc(100vw - 16px));
  font: normal calc(var(--scale, 1) * 1em)/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK JP", sans-serif;
  color: #1b1b1f;
  --bg: #fffdf7; --border: #d9c9a3; --muted: #5b5347; --accent: #0b57d0; --hover: rgb(0 0 0 / 0.07);
}
.root[data-theme="dark"] {
  color: #ece6da;
  --bg: #23211d; --border: #5a5142; --muted: #c4b9a6; --accent: #8ab4f8; --hover: rgb(255 255 255 / 0.12);
}
@media (prefers-color-scheme: dark) {
  .root:not([data-theme="light"]) {
    color: #ece6da;
    --bg: #23211d; --border: #5a5142; --muted: #c4b9a6; --accent: #8ab4f8; --hover: rgb(255 255 255 / 0.12);
  }
}
.card {
  background: var(--bg);
  border: 1px solid var(--border);
  border-radius: 10px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.22);
  padding: 0.75em 0.9em;
  animation: appear 120ms ease-out;
  outline: none;
}
.card:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.head { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
.term { margin: 0; font-size: 1.25em; font-weight: 700; }
.reading { margin: 0; color: var(--muted); font-size: 0.9em; }
.short { margin: 0.5em 0 0; }
.more p { margin: 0.5em 0 0; }
.more .action { font-weight: 600; }
.related { margin-top: 0.5em; display: flex; flex-wrap: wrap; gap: 4px; align-items: center; font-size: 0.9em; }
.source { margin: 0.5em 0 0; font-size: 0.9em; }
.source a { color: var(--accent); }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 0.6em; }
button, select { font: inherit; font-size: 0.85em; color: inherit; }
.close {
  font-size: 1.2em; line-height: 1; border: 0; background: transparent;
  padding: 4px 8px; border-radius: 6px; cursor: pointer;
}
.link { border: 0; background: none; padding: 0; margin-top: 0.4em; color: var(--accent); cursor: pointer; text-decoration: underline; }
.chip, .action-button, .language {
  border: 1px solid var(--border); background: transparent; border-radius: 999px;
  padding: 2px 10px; cursor: pointer;
}
.language { border-radius: 6px; background: var(--bg); }
.close:hover, .chip:hover, .action-button:hover { background: var(--hover); }
button:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
.status { margin: 0.3em 0 0; min-height: 1em; font-size: 0.85em; color: var(--muted); }
.status:empty { margin: 0; min-height: 0; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
@keyframes appear { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
@media (forced-colors: active) { .card { border: 1px solid CanvasText; } }
`;
