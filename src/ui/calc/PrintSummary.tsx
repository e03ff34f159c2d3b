import type { i18n } from 'i18next';
import type { CalcOutcome } from '../../calc';
import { htmlLang, type LanguageCode } from '../../i18n/languages';
import { regionLabel } from './CalcForm';
import { futureNotes, requestContext } from './form-model';
import { ResultView } from './ResultView';
import type { CalcKind } from './spec';

export interface PrintColumn {
  language: LanguageCode;
  i18n: i18n;
}

interface Props {
  kind: CalcKind;
  request: Record<string, unknown>;
  outcome: CalcOutcome;
  /** The reader's language first, then Japanese (or English when the reader reads Japanese). */
  columns: readonly PrintColumn[];
  date: string;
}

/** The printable page: the same answer side by side in the reader's language and in Japanese. */
export function PrintSummary({ kind, request, outcome, columns, date }: Props) {
  const context = requestContext(request);
  const first = columns[0]!.i18n;
  return (
    <main class="print-summary">
      <div class="print-actions">
        <button type="button" class="primary" id="print" onClick={() => window.print()}>
          {first.t('ui:popup.print.button')}
        </button>
      </div>
      <div class="columns">
        {columns.map(({ language, i18n }, index) => {
          const t = i18n.t.bind(i18n);
          const headingId = `result-heading-${index}`;
          return (
            <section
              class="column"
              lang={htmlLang(language)}
              key={language}
              aria-labelledby={headingId}
            >
              <h1 id={headingId}>{t(`ui:popup.kinds.${kind}.name`)}</h1>
              <dl class="context">
                {context.region ? (
                  <>
                    <dt>{t('ui:popup.region')}</dt>
                    <dd>{regionLabel(i18n, context.region)}</dd>
                  </>
                ) : null}
                {context.fiscalYear !== undefined ? (
                  <>
                    <dt>{t('ui:popup.fiscalYear')}</dt>
                    <dd>
                      {t('ui:popup.fiscalYearOption', {
                        year: context.fiscalYear,
                        next: context.fiscalYear + 1,
                      })}
                    </dd>
                  </>
                ) : null}
                {context.scheme ? (
                  <>
                    <dt>{t('ui:calcForms.fields.top.scheme')}</dt>
                    <dd>{t(`ui:calcForms.options.scheme.${context.scheme}`)}</dd>
                  </>
                ) : null}
              </dl>
              {outcome.ok ? (
                <ResultView
                  i18n={i18n}
                  language={language}
                  kind={kind}
                  calculation={outcome.calculation}
                  headingId={headingId}
                  notes={futureNotes(request, date)}
                />
              ) : (
                <p role="alert">{t('ui:popup.print.notAvailable')}</p>
              )}
              <p class="help">{t('ui:popup.summaryFooter', { date })}</p>
            </section>
          );
        })}
      </div>
    </main>
  );
}
