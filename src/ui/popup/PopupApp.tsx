import type { i18n } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { calculate, type CalcOutcome } from '../../calc';
import { readCustomRules, withCustomRules } from '../../custom-rules';
import { LANGUAGES, type LanguageCode } from '../../i18n/languages';
import { SHIPPED_LANGUAGES } from '../../i18n/resources';
import { i18nFor } from '../calc/i18n-cache';
import type { RuleFile } from '../../rules';
import { CalcForm, regionLabel } from '../calc/CalcForm';
import { CustomRulesPanel } from '../calc/CustomRulesPanel';
import {
  buildRequest,
  fieldId,
  futureNotes,
  initialState,
  requestContext,
  shownPaths,
  type FormIssue,
  type FormState,
} from '../calc/form-model';
import { HouseholdPanel } from '../calc/HouseholdPanel';
import { mapCalcIssues, placeIssues } from '../calc/issues';
import { printRequestItem } from '../calc/print-summary';
import { ResultView } from '../calc/ResultView';
import { CALC_KINDS, type CalcKind } from '../calc/spec';
import { translator } from '../calc/result-rows';
import { buildSummaryText } from '../calc/summary-text';
import type { PopupStart } from './page-preselect';

interface Props {
  i18n: i18n;
  language: LanguageCode;
  start?: PopupStart;
}

type Answer =
  | { kind: CalcKind; request: Record<string, unknown>; outcome: CalcOutcome }
  | { kind: CalcKind; request: Record<string, unknown>; crashed: true };

const today = () => new Date().toISOString().slice(0, 10);

/** The toolbar popup: every calculator as a form, its answer, and the volunteer tools. */
export function PopupApp({ i18n, language, start = {} }: Props) {
  const t = i18n.t.bind(i18n);
  const memberName = (n: number) => t('ui:calcForms.defaultMemberName', { n });
  const [customRules, setCustomRules] = useState<RuleFile[]>([]);
  const rules = useMemo(() => withCustomRules(customRules), [customRules]);
  const [state, setState] = useState<FormState>(() =>
    initialState(start.kind ?? 'koki-premium', rules, start, today(), memberName),
  );
  const [issues, setIssues] = useState<FormIssue[]>([]);
  const [answer, setAnswer] = useState<Answer | undefined>();
  const [japanese, setJapanese] = useState<i18n | undefined>();
  const [summaryLanguage, setSummaryLanguage] = useState<LanguageCode>(language);
  const [copyStatus, setCopyStatus] = useState('');
  const [copyFallback, setCopyFallback] = useState('');
  const resultRef = useRef<HTMLElement>(null);
  const drafts = useRef(new Map<CalcKind, FormState>());
  const errorSummaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void readCustomRules().then((stored) => {
      if (stored.length > 0) setCustomRules(stored);
    });
    if (language !== 'ja' && language !== 'ja-easy') void i18nFor('ja').then(setJapanese);
  }, [language]);

  const placed = useMemo(() => placeIssues(issues, shownPaths(state)), [issues, state]);

  function chooseKind(kind: CalcKind) {
    // What was typed for each calculation is kept while the popup is open, so switching back
    // and forth loses nothing.
    drafts.current.set(state.kind, state);
    const current = requestContext(buildRequest(state).request);
    const draft = drafts.current.get(kind);
    setState(
      draft ??
        initialState(
          kind,
          rules,
          {
            ...start,
            ...(current.region ? { region: current.region } : {}),
            ...(current.scheme === 'koki' || current.scheme === 'kokuho'
              ? { scheme: current.scheme }
              : {}),
          },
          today(),
          memberName,
        ),
    );
    setIssues([]);
    setAnswer(undefined);
  }

  function onSubmit(event: Event) {
    event.preventDefault();
    const built = buildRequest(state);
    let found = built.issues;
    let next: Answer | undefined;
    if (found.length === 0) {
      try {
        const outcome = calculate(built.request, rules);
        if (!outcome.ok && outcome.error.code === 'invalid-request') {
          found = mapCalcIssues(outcome.error.issues, (key) => i18n.exists(key));
        } else {
          next = { kind: state.kind, request: built.request, outcome };
        }
      } catch {
        next = { kind: state.kind, request: built.request, crashed: true };
      }
    }
    setIssues(found);
    setAnswer(next);
    setCopyStatus('');
    setCopyFallback('');
    requestAnimationFrame(() => {
      if (found.length > 0) {
        // The first field with a problem, else the summary (for problems of the whole form).
        const field = found
          .map((issue) => document.getElementById(fieldId(issue.path)))
          .find(
            (element) =>
              element instanceof HTMLInputElement || element instanceof HTMLSelectElement,
          );
        (field ?? errorSummaryRef.current)?.focus();
      } else {
        resultRef.current?.focus();
      }
    });
  }

  async function copySummary() {
    if (!answer || !('outcome' in answer) || !answer.outcome.ok) return;
    const [reader, ja] = await Promise.all([i18nFor(summaryLanguage), i18nFor('ja')]);
    const text = buildSummaryText(
      {
        kind: answer.kind,
        calculation: answer.outcome.calculation,
        ...requestContext(answer.request),
        notes: futureNotes(answer.request, today()),
        date: today(),
      },
      { language: summaryLanguage, t: translator(reader) },
      { language: 'ja', t: translator(ja) },
    );
    try {
      await navigator.clipboard.writeText(text);
      setCopyStatus(t('ui:popup.copied'));
      setCopyFallback('');
    } catch {
      setCopyStatus(t('ui:popup.copyFailed'));
      setCopyFallback(text);
    }
  }

  async function openPrintable() {
    if (!answer) return;
    await printRequestItem.setValue({
      kind: answer.kind,
      request: answer.request,
      language: summaryLanguage,
      at: Date.now(),
    });
    await browser.tabs.create({ url: browser.runtime.getURL('/summary.html') });
  }

  const formErrors = placed.get('') ?? [];
  const summaryLanguages = LANGUAGES.filter((l) => SHIPPED_LANGUAGES.has(l.code));

  return (
    <main class="popup">
      <h1 class="title">{t('ui:popup.title')}</h1>
      <fieldset class="kind-chooser">
        <legend>{t('ui:popup.chooseKind')}</legend>
        {CALC_KINDS.map((kind) => (
          <div class="kind" key={kind}>
            <input
              type="radio"
              name="calc-kind"
              id={`kind-${kind}`}
              value={kind}
              checked={state.kind === kind}
              aria-describedby={`kind-${kind}-description`}
              onChange={() => chooseKind(kind)}
            />
            <label for={`kind-${kind}`}>
              <span class="kind-name">{t(`ui:popup.kinds.${kind}.name`)}</span>
              <span class="kind-description" id={`kind-${kind}-description`}>
                {t(`ui:popup.kinds.${kind}.description`)}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <form class="calc-form" onSubmit={onSubmit} noValidate aria-labelledby="form-heading">
        <h2 id="form-heading">{t(`ui:popup.kinds.${state.kind}.name`)}</h2>
        <p class="intro">{t(`ui:popup.kinds.${state.kind}.intro`)}</p>
        {issues.length > 0 ? (
          <div class="error-summary" role="alert" tabIndex={-1} ref={errorSummaryRef}>
            <p>{t('ui:popup.fixErrors')}</p>
            {formErrors.length > 0 ? (
              <ul>
                {formErrors.map((key) => (
                  <li key={key}>{t(key)}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <CalcForm i18n={i18n} state={state} rules={rules} onChange={setState} issues={placed} />
        <button type="submit" class="primary">
          {t('ui:popup.calculate')}
        </button>
      </form>
      {answer ? (
        <section
          class={`result${'outcome' in answer && answer.outcome.ok ? '' : ' error'}`}
          aria-labelledby="result-heading"
          tabIndex={-1}
          ref={resultRef}
        >
          <h2 id="result-heading">{t('ui:popup.result')}</h2>
          {'crashed' in answer ? (
            <p role="alert">{t('ui:popup.crashed')}</p>
          ) : !answer.outcome.ok ? (
            <p role="alert">
              {answer.outcome.error.code === 'no-rule'
                ? t('ui:popup.noRule', {
                    calculation: t(`ui:popup.kinds.${answer.kind}.name`),
                    region:
                      answer.outcome.error.region === 'national'
                        ? t('ui:popup.nationwide')
                        : regionLabel(i18n, answer.outcome.error.region),
                    date: answer.outcome.error.date,
                  })
                : t('ui:popup.fixErrors')}
            </p>
          ) : (
            <>
              <ResultView
                i18n={i18n}
                japanese={japanese}
                language={language}
                kind={answer.kind}
                calculation={answer.outcome.calculation}
                headingId="result-heading"
                notes={futureNotes(answer.request, today())}
              />
              <div class="share" role="group" aria-labelledby="share-heading">
                <h3 id="share-heading">{t('ui:popup.share')}</h3>
                <label for="summary-language">{t('ui:popup.summaryLanguage')}</label>
                <select
                  id="summary-language"
                  value={summaryLanguage}
                  onChange={(e) =>
                    setSummaryLanguage((e.currentTarget as HTMLSelectElement).value as LanguageCode)
                  }
                >
                  {summaryLanguages.map((l) => (
                    <option value={l.code} key={l.code} lang={l.code}>
                      {l.nativeName}
                    </option>
                  ))}
                </select>
                <div class="actions">
                  <button type="button" class="secondary" id="copy-summary" onClick={copySummary}>
                    {t('ui:popup.copySummary')}
                  </button>
                  <button type="button" class="secondary" id="open-print" onClick={openPrintable}>
                    {t('ui:popup.openPrintable')}
                  </button>
                </div>
                <p class="status" role="status" id="copy-status">
                  {copyStatus}
                </p>
                {copyFallback ? (
                  <textarea
                    class="copy-fallback"
                    readOnly
                    aria-label={t('ui:popup.copyFallback')}
                    value={copyFallback}
                  />
                ) : null}
              </div>
            </>
          )}
        </section>
      ) : null}
      <HouseholdPanel
        i18n={i18n}
        state={state}
        onLoad={(loaded) => {
          setState(loaded);
          setIssues([]);
          setAnswer(undefined);
        }}
      />
      <CustomRulesPanel i18n={i18n} rules={customRules} onChange={setCustomRules} />
    </main>
  );
}
