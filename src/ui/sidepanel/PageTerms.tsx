import type { i18n } from 'i18next';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { termById } from '../../glossary/catalogue';
import type { GlossaryTerm } from '../../glossary/schema';
import { isLanguageCode, type LanguageCode } from '../../i18n/languages';
import { sendPageMessage, type PageSummary } from '../../page/protocol';
import type { Settings } from '../../settings';
import {
  explanationLanguages,
  textsIn,
  type LanguageTexts,
} from '../explain/explanation-languages';
import { cheatSheet, explain } from '../explain/term-text';
import { LanguageSelect } from '../explain/LanguageSelect';
import { TermList } from '../explain/TermList';
import { displayAddress, pageTermGroups } from './page-terms';

interface Props {
  i18n: i18n;
  language: LanguageCode;
  settings: Settings;
  writeClipboard?: (text: string) => Promise<void>;
}

type PageState =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'not-running' }
  | { kind: 'ready'; tabId: number; summary: PageSummary };

/** The page layer needs a moment after load to index the page; ask again after these delays. */
const RETRY_DELAYS_MS = [600, 2000];

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  // Opened as a tab of its own (tests, or a volunteer who pinned it): there is no page to read.
  if (!tab?.id || tab.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
  return tab.id;
}

async function readPage(): Promise<PageState> {
  const tabId = await activeTabId();
  if (tabId === undefined) return { kind: 'no-tab' };
  try {
    const summary = await sendPageMessage('getPageSummary', undefined, { tabId, frameId: 0 });
    return summary ? { kind: 'ready', tabId, summary } : { kind: 'not-running' };
  } catch {
    // No content script in that tab (a site it does not run on, or a browser page).
    return { kind: 'not-running' };
  }
}

async function defaultWriteClipboard(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/** "On this page": the terms the page layer found in the active tab, for volunteers. */
export function PageTerms({ i18n, language, settings, writeClipboard }: Props) {
  const t = i18n.t.bind(i18n);
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [texts, setTexts] = useState<LanguageTexts | undefined>();
  const [status, setStatus] = useState<{ text: string; error?: boolean } | undefined>();
  const [chosen, setChosen] = useState<string | undefined>();
  const languages = useMemo(explanationLanguages, []);

  useEffect(() => {
    void textsIn(language).then(setTexts);
    let cancelled = false;
    let timers: ReturnType<typeof setTimeout>[] = [];
    const read = () =>
      void readPage().then((next) => {
        if (!cancelled) setPage(next);
      });
    const refresh = () => {
      for (const timer of timers) clearTimeout(timer);
      read();
      timers = RETRY_DELAYS_MS.map((delay) => setTimeout(read, delay));
    };
    refresh();
    // Follow the active tab: a tab switch or a page load in the shown tab reads the page again.
    const onActivated = () => {
      setChosen(undefined);
      refresh();
    };
    const onUpdated = (_tabId: number, change: { status?: string }) => {
      if (change.status === 'complete') refresh();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      cancelled = true;
      for (const timer of timers) clearTimeout(timer);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  const groups = useMemo(() => (page.kind === 'ready' ? pageTermGroups(page.summary) : []), [page]);

  async function showOnPage(id: string) {
    if (page.kind !== 'ready') return;
    setChosen(id);
    const shown = await sendPageMessage(
      'showTerm',
      { termId: id },
      { tabId: page.tabId, frameId: 0 },
    ).catch(() => false);
    const term = termById(id);
    setStatus(
      shown
        ? { text: t('sidepanel.shown', { term: term?.ja ?? id }) }
        : { text: t('sidepanel.notShown', { term: term?.ja ?? id }), error: true },
    );
  }

  async function copySheet() {
    if (page.kind !== 'ready' || !texts) return;
    const terms = groups
      .flatMap((group) => group.terms)
      .map(({ id, count }) => ({ term: termById(id), count }))
      .filter((item): item is { term: GlossaryTerm; count: number } => !!item.term);
    const text = cheatSheet(
      terms.map(({ term }) => ({
        ja: term.ja,
        reading: term.reading,
        explanation: explain(texts.t, term.id),
      })),
      {
        title: texts.t('ui:sidepanel.sheetTitle', {
          page: page.summary.title || displayAddress(page.summary.url),
        }),
        source: page.summary.url,
        sourceLabel: texts.t('ui:popover.foundOn'),
        missing: texts.t('ui:popover.noExplanation'),
        long: settings.detail === 'long',
      },
    );
    try {
      await (writeClipboard ?? defaultWriteClipboard)(text);
      setStatus({ text: t('sidepanel.sheetCopied', { count: terms.length }) });
    } catch {
      setStatus({ text: t('popover.copyFailed'), error: true });
    }
  }

  async function switchLanguage(code: string) {
    if (isLanguageCode(code)) setTexts(await textsIn(code));
  }

  return (
    <div class="page-terms">
      <div class="row">
        <h2 class="grow">{t('sidepanel.pageHeading')}</h2>
        <button
          type="button"
          onClick={() => {
            setPage({ kind: 'loading' });
            void readPage().then(setPage);
          }}
        >
          {t('sidepanel.refresh')}
        </button>
      </div>
      {page.kind === 'loading' ? <p class="muted">{t('sidepanel.loading')}</p> : null}
      {page.kind === 'no-tab' ? <p class="notice">{t('sidepanel.noTab')}</p> : null}
      {page.kind === 'not-running' ? (
        <p class="notice">
          {settings.enabled ? t('sidepanel.notRunning') : t('sidepanel.turnedOff')}
        </p>
      ) : null}
      {page.kind === 'ready' ? (
        <>
          <p class="muted" data-testid="page-address">
            {page.summary.title ? <span lang="ja">{page.summary.title} </span> : null}(
            {displayAddress(page.summary.url)})
          </p>
          {!page.summary.highlighting ? (
            <p class="notice">{t('sidepanel.highlightingOff')}</p>
          ) : null}
          <p data-testid="term-total">
            {t('sidepanel.termTotal', { count: page.summary.terms.length })}
          </p>
          {groups.length > 0 ? (
            <>
              <div class="row">
                <LanguageSelect
                  id="sheet-language"
                  label={t('sidepanel.sheetLanguage')}
                  value={texts?.language ?? language}
                  languages={languages}
                  onChange={(code) => void switchLanguage(code)}
                />
                <button type="button" class="primary" onClick={() => void copySheet()}>
                  {t('sidepanel.copySheet')}
                </button>
              </div>
              <p class="help">{t('sidepanel.chooseHelp')}</p>
              <TermList
                groups={groups}
                t={t}
                gloss={(id) => (texts ? explain(texts.t, id)?.short : undefined)}
                glossLang={(id) => texts?.langOf(id) ?? ''}
                showReadings={settings.showReadings}
                selected={chosen}
                onChoose={(id) => void showOnPage(id)}
                headingLevel={3}
              />
            </>
          ) : null}
        </>
      ) : null}
      <p class={`status ${status?.error ? 'error' : 'ok'}`} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
