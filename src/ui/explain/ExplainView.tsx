import type { i18n } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { termById } from '../../glossary/catalogue';
import type { GlossaryTerm } from '../../glossary/schema';
import { isLanguageCode, type LanguageCode } from '../../i18n/languages';
import type { Settings } from '../../settings';
import { ExplanationCard } from './ExplanationCard';
import { LanguageSelect } from './LanguageSelect';
import { explanationLanguages, textsIn, type LanguageTexts } from './explanation-languages';
import { offsetAtPoint, paintSpans } from './paint';
import {
  cheatSheet,
  countTerms,
  explain,
  findTermsInText,
  groupByCategory,
  type CheatSheetEntry,
} from './term-text';
import { TermList } from './TermList';

/** Longest text explained at once: several letters' worth; more is pasted by mistake. */
export const MAX_EXPLAIN_CHARS = 20_000;

export interface ExplainRequestView {
  text: string;
  /** Changes with every new request, so the same text sent twice is explained again. */
  at: number;
}

interface Props {
  i18n: i18n;
  language: LanguageCode;
  settings: Settings;
  /** Text sent from elsewhere (the context menu), explained at once. */
  request?: ExplainRequestView | undefined;
  headingLevel: 1 | 2;
  writeClipboard?: (text: string) => Promise<void>;
}

async function defaultWriteClipboard(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/**
 * "Explain a text": paste Japanese text that is not on a web page (a letter from the city office,
 * an e-mail, a chat message) and get the same painting and explanations as on a page.
 */
export function ExplainView({
  i18n,
  language,
  settings,
  request,
  headingLevel,
  writeClipboard,
}: Props) {
  const t = i18n.t.bind(i18n);
  const [draft, setDraft] = useState(request?.text ?? '');
  const [explained, setExplained] = useState(request?.text ?? '');
  const [selected, setSelected] = useState<string | undefined>();
  const [focusCard, setFocusCard] = useState(false);
  const [texts, setTexts] = useState<LanguageTexts | undefined>();
  const [status, setStatus] = useState<{ text: string; error?: boolean } | undefined>();
  const textNode = useRef<HTMLDivElement>(null);
  const languages = useMemo(explanationLanguages, []);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';

  useEffect(() => {
    void textsIn(language).then(setTexts);
  }, []);

  useEffect(() => {
    if (!request) return;
    const text = request.text.slice(0, MAX_EXPLAIN_CHARS);
    setDraft(text);
    setExplained(text);
    setSelected(undefined);
  }, [request?.at]);

  const matches = useMemo(() => findTermsInText(explained), [explained]);
  const groups = useMemo(() => groupByCategory(countTerms(matches)), [matches]);

  useEffect(() => {
    const node = textNode.current?.firstChild;
    if (!(node instanceof Text)) return;
    const chosen = selected ? matches.filter((m) => m.id === selected) : [];
    return paintSpans(node, matches, chosen);
  }, [matches, selected]);

  function onSubmit(event: Event) {
    event.preventDefault();
    if (draft.length > MAX_EXPLAIN_CHARS) {
      setStatus({ text: t('explain.tooLong', { max: MAX_EXPLAIN_CHARS }), error: true });
      return;
    }
    setExplained(draft);
    setSelected(undefined);
    const found = countTerms(findTermsInText(draft)).length;
    setStatus({ text: t('explain.found', { count: found }) });
  }

  function choose(id: string, fromList: boolean) {
    setSelected(id);
    setFocusCard(fromList);
  }

  function onTextClick(event: MouseEvent) {
    const container = textNode.current;
    if (!container) return;
    const offset = offsetAtPoint(document, container, event.clientX, event.clientY);
    if (offset === undefined) return;
    const hit = matches.find((m) => m.start <= offset && offset < m.end);
    if (hit) choose(hit.id, false);
  }

  async function switchLanguage(code: string) {
    if (!isLanguageCode(code)) return;
    setTexts(await textsIn(code));
  }

  async function copy(text: string) {
    const lt = texts;
    try {
      await (writeClipboard ?? defaultWriteClipboard)(text);
      setStatus({ text: lt ? lt.t('ui:popover.copied') : t('popover.copied') });
    } catch {
      setStatus({
        text: lt ? lt.t('ui:popover.copyFailed') : t('popover.copyFailed'),
        error: true,
      });
    }
  }

  function entryOf(term: GlossaryTerm, sense?: string): CheatSheetEntry {
    return {
      ja: term.ja,
      reading: term.reading,
      explanation: texts ? explain(texts.t, term.id, sense) : undefined,
    };
  }

  function copyAll() {
    if (!texts) return;
    const entries = groups.flatMap((group) =>
      group.terms.map(({ id }) => termById(id)).filter((term): term is GlossaryTerm => !!term),
    );
    void copy(
      cheatSheet(
        entries.map((term) => entryOf(term)),
        {
          title: texts.t('ui:explain.sheetTitle'),
          sourceLabel: texts.t('ui:popover.foundOn'),
          missing: texts.t('ui:popover.noExplanation'),
          long: settings.detail === 'long',
        },
      ),
    );
  }

  const selectedTerm = selected ? termById(selected) : undefined;
  const selectedSense = selected ? matches.find((m) => m.id === selected)?.sense : undefined;
  const foundCount = groups.reduce((sum, group) => sum + group.terms.length, 0);

  return (
    <div class="explain">
      <Heading>{t('explain.title')}</Heading>
      <form onSubmit={onSubmit}>
        <div class="field">
          <label for="explain-input">{t('explain.inputLabel')}</label>
          <p class="help" id="explain-help">
            {t('explain.inputHelp')}
          </p>
          <textarea
            id="explain-input"
            lang="ja"
            aria-describedby="explain-help"
            value={draft}
            maxLength={MAX_EXPLAIN_CHARS}
            onInput={(event) => setDraft((event.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
        <div class="row">
          <button type="submit" class="primary">
            {t('explain.submit')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft('');
              setExplained('');
              setSelected(undefined);
              setStatus(undefined);
            }}
          >
            {t('explain.clear')}
          </button>
        </div>
      </form>
      <p class={`status ${status?.error ? 'error' : 'ok'}`} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
      {explained ? (
        <section aria-labelledby="explain-result-heading">
          <h2 id="explain-result-heading" class={headingLevel === 2 ? 'visually-hidden' : ''}>
            {t('explain.resultHeading')}
          </h2>
          <div
            class="painted-text"
            lang="ja"
            ref={textNode}
            role="region"
            aria-label={t('explain.paintedLabel')}
            tabIndex={0}
            onClick={onTextClick}
            data-testid="painted-text"
          >
            {explained}
          </div>
          <p class="muted">{t('explain.found', { count: foundCount })}</p>
          {foundCount > 0 ? (
            <>
              <div class="row">
                <LanguageSelect
                  id="explain-language"
                  label={t('explain.languageLabel')}
                  value={texts?.language ?? language}
                  languages={languages}
                  onChange={(code) => void switchLanguage(code)}
                />
                <button type="button" onClick={copyAll} data-testid="copy-all">
                  {t('explain.copyAll')}
                </button>
              </div>
              {selectedTerm && texts ? (
                <ExplanationCard
                  term={selectedTerm}
                  explanation={explain(texts.t, selectedTerm.id, selectedSense)}
                  lang={texts.lang}
                  explanationLang={texts.langOf(selectedTerm.id)}
                  labels={{
                    reading: texts.t('ui:popover.reading'),
                    language: texts.t('ui:popover.language'),
                    copyText: texts.t('ui:popover.copyText'),
                    close: texts.t('ui:popover.close'),
                    noExplanation: texts.t('ui:popover.noExplanation'),
                    related: texts.t('ui:popover.related'),
                  }}
                  showReading={settings.showReadings}
                  long={settings.detail === 'long'}
                  languages={languages}
                  language={texts.language}
                  onLanguage={(code) => void switchLanguage(code)}
                  onCopy={() =>
                    void copy(
                      cheatSheet([entryOf(selectedTerm, selectedSense)], {
                        title: selectedTerm.ja,
                        sourceLabel: texts.t('ui:popover.foundOn'),
                        missing: texts.t('ui:popover.noExplanation'),
                        long: true,
                      }),
                    )
                  }
                  onClose={() => setSelected(undefined)}
                  related={selectedTerm.related
                    .map((id) => termById(id))
                    .filter((term): term is GlossaryTerm => !!term)}
                  onRelated={(id) => choose(id, true)}
                  focusOnOpen={focusCard}
                />
              ) : null}
              <TermList
                groups={groups}
                t={t}
                gloss={(id) => (texts ? explain(texts.t, id)?.short : undefined)}
                glossLang={(id) => texts?.langOf(id) ?? ''}
                showReadings={settings.showReadings}
                selected={selected}
                onChoose={(id) => choose(id, true)}
                headingLevel={3}
              />
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
