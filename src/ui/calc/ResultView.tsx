import type { i18n } from 'i18next';
import type { Calculation } from '../../calc';
import { formatYen } from '../../i18n';
import type { LanguageCode } from '../../i18n/languages';
import { StepList } from '../StepList';
import { resolveText, resultRows, translator, type TextRef } from './result-rows';
import type { CalcKind } from './spec';

interface Props {
  i18n: i18n;
  /** Japanese strings, for the terms shown in brackets; absent when the reader reads Japanese. */
  japanese?: i18n;
  language: LanguageCode;
  kind: CalcKind;
  calculation: Calculation<unknown>;
  /** The id of the heading that names this result. */
  headingId: string;
  /** Notes the form adds to the calculator's warnings (e.g. a period that has not begun). */
  notes?: readonly TextRef[];
}

function Label({ i18n, japanese, label }: { i18n: i18n; japanese?: i18n; label: TextRef }) {
  const own = resolveText(label, translator(i18n));
  const ja = japanese ? resolveText(label, translator(japanese)) : undefined;
  return (
    <>
      {own}
      {ja && ja !== own ? (
        <>
          {' '}
          <span lang="ja" class="ja-term">
            [{ja}]
          </span>
        </>
      ) : null}
    </>
  );
}

/** A calculation's answer: the total first, then members and parts, the working, sources, notes. */
export function ResultView({
  i18n,
  japanese,
  language,
  kind,
  calculation,
  headingId,
  notes = [],
}: Props) {
  const t = i18n.t.bind(i18n);
  const rows = resultRows(kind, calculation);
  const [total, ...rest] = rows;
  const figure = (row: (typeof rows)[number]) =>
    row.yen !== undefined
      ? formatYen(row.yen, language)
      : row.value
        ? resolveText(row.value, translator(i18n))
        : '';
  return (
    <div class="result-body">
      {total ? (
        <p class="total" data-testid="total">
          <span class="total-label">
            <Label i18n={i18n} japanese={japanese} label={total.label} />
          </span>{' '}
          <strong class="total-figure">{figure(total)}</strong>
        </p>
      ) : null}
      {rest.length > 0 ? (
        <ul class="result-rows" aria-labelledby={headingId}>
          {rest.map((row, index) => (
            <li class={`row row-${row.level}`} key={index}>
              <span class="row-label">
                <Label i18n={i18n} japanese={japanese} label={row.label} />
              </span>
              {figure(row) ? <span class="row-figure">{figure(row)}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{t('ui:popup.steps')}</h3>
      <StepList steps={calculation.steps} i18n={i18n} />
      <h3>{t('ui:popup.sources')}</h3>
      {calculation.sources.length === 0 ? (
        <p class="help">{t('ui:popup.noSources')}</p>
      ) : (
        <ul class="sources">
          {calculation.sources.map((source) => (
            <li key={source.url}>
              <a href={source.url} target="_blank" rel="noreferrer noopener" lang="ja">
                {source.title}
              </a>{' '}
              <span class="source-meta">
                ({t(`ui:popup.sourceStatus.${source.status}`)},{' '}
                {t('ui:popup.checked', { date: source.checked })})
              </span>
            </li>
          ))}
        </ul>
      )}
      {calculation.warnings.length + notes.length > 0 ? (
        <div class="warnings" role="note">
          <h3>{t('ui:popup.warnings')}</h3>
          <ul>
            {notes.map((note, index) => (
              <li key={`note-${index}`}>{resolveText(note, translator(i18n))}</li>
            ))}
            {calculation.warnings.map((warning, index) => (
              <li key={index}>{t(`calc:${warning.key}`, warning.values ?? {})}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
