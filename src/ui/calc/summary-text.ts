import type { Calculation } from '../../calc';
import { formatYen } from '../../i18n';
import type { LanguageCode } from '../../i18n/languages';
import {
  resolveText,
  resultRows,
  type ResultRow,
  type TextRef,
  type Translate,
} from './result-rows';
import type { CalcKind } from './spec';

export interface SummaryContext {
  kind: CalcKind;
  calculation: Calculation<unknown>;
  region?: string;
  fiscalYear?: number;
  scheme?: string;
  /** The day the summary is made (ISO), printed so a reader knows how fresh it is. */
  date: string;
  /** Notes the form adds to the calculator's warnings. */
  notes?: readonly TextRef[];
}

export interface SummaryLanguage {
  language: LanguageCode;
  t: Translate;
}

/** A label in the reader's language with the Japanese wording in brackets, for the city office. */
export function withJapanese(
  ref: TextRef,
  reader: SummaryLanguage,
  japanese: SummaryLanguage,
): string {
  const own = resolveText(ref, reader.t);
  if (reader.language === 'ja' || reader.language === 'ja-easy') return own;
  const ja = resolveText(ref, japanese.t);
  return ja && ja !== own ? `${own} [${ja}]` : own;
}

export function rowFigure(row: ResultRow, reader: SummaryLanguage): string {
  if (row.yen !== undefined) return formatYen(row.yen, reader.language);
  return row.value ? resolveText(row.value, reader.t) : '';
}

const INDENT: Record<ResultRow['level'], string> = {
  total: '',
  member: '  ',
  part: '    ',
  detail: '  ',
};

/**
 * The calculation as plain text for a message or an e-mail: the figures first (each label with
 * its Japanese term in brackets), then the working, the sources and the warnings.
 */
export function buildSummaryText(
  context: SummaryContext,
  reader: SummaryLanguage,
  japanese: SummaryLanguage,
): string {
  const { t } = reader;
  const lines: string[] = [];
  const kindRef: TextRef = { key: `ui:popup.kinds.${context.kind}.name` };
  lines.push(`HokenLens — ${withJapanese(kindRef, reader, japanese)}`);
  if (context.region) {
    const region = {
      key: `ui:calcForms.regions.${context.region}`,
      values: { defaultValue: context.region },
    };
    lines.push(`${t('ui:popup.region')}: ${withJapanese(region, reader, japanese)}`);
  }
  if (context.fiscalYear !== undefined) {
    lines.push(
      `${t('ui:popup.fiscalYear')}: ${t('ui:popup.fiscalYearOption', { year: context.fiscalYear, next: context.fiscalYear + 1 })}`,
    );
  }
  if (context.scheme) {
    const scheme = { key: `ui:calcForms.options.scheme.${context.scheme}` };
    lines.push(`${t('ui:calcForms.fields.top.scheme')}: ${withJapanese(scheme, reader, japanese)}`);
  }
  lines.push('');
  for (const row of resultRows(context.kind, context.calculation)) {
    const figure = rowFigure(row, reader);
    const label = withJapanese(row.label, reader, japanese);
    lines.push(`${INDENT[row.level]}${figure ? `${label}: ${figure}` : label}`);
  }
  const { steps, sources, warnings } = context.calculation;
  const notes = context.notes ?? [];
  if (warnings.length + notes.length > 0) {
    lines.push('', `${t('ui:popup.warnings')}:`);
    for (const note of notes) lines.push(`- ${resolveText(note, t)}`);
    for (const warning of warnings)
      lines.push(`- ${t(`calc:${warning.key}`, warning.values ?? {})}`);
  }
  lines.push('', `${t('ui:popup.steps')}:`);
  steps.forEach((step, index) => lines.push(`${index + 1}. ${t(`calc:${step.key}`, step.values)}`));
  lines.push('', `${t('ui:popup.sources')}:`);
  for (const source of sources) {
    lines.push(
      `- ${source.title} (${t(`ui:popup.sourceStatus.${source.status}`)}, ${t('ui:popup.checked', { date: source.checked })})`,
      `  ${source.url}`,
    );
  }
  lines.push('', t('ui:popup.summaryFooter', { date: context.date }));
  return lines.join('\n');
}
