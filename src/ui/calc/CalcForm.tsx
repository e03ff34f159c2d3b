import type { i18n } from 'i18next';
import type { RuleSet } from '../../rules';
import {
  addItem,
  checkValue,
  fieldId,
  latestNotAfter,
  regionYears,
  removeItem,
  type FormState,
} from './form-model';
import { KIND_SPECS, type FieldSpec, type FieldValue, type Getter, type ListSpec } from './spec';

interface Props {
  i18n: i18n;
  state: FormState;
  rules: RuleSet;
  onChange: (state: FormState) => void;
  /** Issue keys by the path the form shows them at ('' = the whole form). */
  issues: Map<string, string[]>;
}

/** A label that may have a wording for this calculation, else the common one. */
function labelKey(i18n: i18n, kind: string, scope: string, path: string, part: 'fields' | 'help') {
  const own = `ui:calcForms.${part}.${kind}.${path}`;
  return i18n.exists(own) ? own : `ui:calcForms.${part}.${scope}.${path}`;
}

export function regionLabel(i18n: i18n, region: string): string {
  return i18n.t(`ui:calcForms.regions.${region}`, {
    defaultValue: i18n.t(`ui:regions.${region}`, { defaultValue: region }),
  });
}

function IssueList({
  i18n,
  id,
  keys,
}: {
  i18n: i18n;
  id: string;
  keys: readonly string[] | undefined;
}) {
  if (!keys || keys.length === 0) return null;
  return (
    <p class="field-error" id={id}>
      {keys.map((key) => i18n.t(key)).join(' ')}
    </p>
  );
}

/** The form of one calculation kind, generated from its spec. Every value stays as typed. */
export function CalcForm({ i18n, state, rules, onChange, issues }: Props) {
  const t = i18n.t.bind(i18n);
  const spec = KIND_SPECS[state.kind];
  const top: Getter = (path) => state.values[path];
  const set = (path: string, value: FieldValue) =>
    onChange({ ...state, values: { ...state.values, [path]: value } });
  const regions = spec.regionSource
    ? regionYears(rules, spec.regionSource)
    : new Map<string, number[]>();

  const renderField = (field: FieldSpec, path: string, scope: string) => {
    const id = fieldId(path);
    const errorKeys = issues.get(path);
    const errorId = `${id}-error`;
    const helpId = `${id}-help`;
    const label = t(labelKey(i18n, state.kind, scope, field.path, 'fields'));
    const describedBy =
      [field.help ? helpId : '', errorKeys ? errorId : ''].filter(Boolean).join(' ') || undefined;
    const common = {
      id,
      'aria-invalid': errorKeys ? ('true' as const) : undefined,
      'aria-describedby': describedBy,
    };
    const raw = state.values[path];
    const text = typeof raw === 'string' ? raw : '';
    const help = field.help ? (
      <p class="help" id={helpId}>
        {t(labelKey(i18n, state.kind, scope, field.path, 'help'))}
      </p>
    ) : null;
    if (field.type === 'checkbox') {
      return (
        <div class="field check" key={path}>
          <input
            type="checkbox"
            {...common}
            checked={raw === true}
            onChange={(e) => {
              const checked = (e.currentTarget as HTMLInputElement).checked;
              onChange({ ...state, values: checkValue(state, path, field.path, checked) });
            }}
          />
          <label for={id}>{label}</label>
          {help}
          <IssueList i18n={i18n} id={errorId} keys={errorKeys} />
        </div>
      );
    }
    let control;
    if (field.type === 'region') {
      control = (
        <select
          {...common}
          value={text}
          onChange={(e) => {
            const region = (e.currentTarget as HTMLSelectElement).value;
            const years = regions.get(region) ?? [];
            const current = Number(state.values.fiscalYear);
            const year = years.includes(current)
              ? current
              : latestNotAfter(years, new Date().getFullYear());
            onChange({
              ...state,
              values: {
                ...state.values,
                region,
                fiscalYear: year === undefined ? '' : String(year),
              },
            });
          }}
        >
          {[...regions.keys()].map((region) => (
            <option value={region} key={region}>
              {regionLabel(i18n, region)}
            </option>
          ))}
        </select>
      );
    } else if (field.type === 'fiscal-year') {
      const years = regions.get(String(state.values.region ?? '')) ?? [];
      control = (
        <select
          {...common}
          value={text}
          onChange={(e) => set(path, (e.currentTarget as HTMLSelectElement).value)}
        >
          {years.map((year) => (
            <option value={String(year)} key={year}>
              {t('ui:popup.fiscalYearOption', { year, next: year + 1 })}
            </option>
          ))}
        </select>
      );
    } else if (field.type === 'select') {
      control = (
        <select
          {...common}
          value={text}
          onChange={(e) => set(path, (e.currentTarget as HTMLSelectElement).value)}
        >
          {field.optional || text === '' ? (
            <option value="">{t('ui:calcForms.notSet')}</option>
          ) : null}
          {(field.options ?? []).map((option) => (
            <option value={option} key={option}>
              {t(`ui:calcForms.options.${field.optionsKey}.${option}`)}
            </option>
          ))}
        </select>
      );
    } else {
      const inputType = field.type === 'date' ? 'date' : field.type === 'month' ? 'month' : 'text';
      const numeric = field.type === 'yen' || field.type === 'year' || field.type === 'count';
      control = (
        <input
          {...common}
          {...({ type: inputType } as { type: 'text' })}
          inputMode={numeric ? 'numeric' : undefined}
          autocomplete="off"
          placeholder={field.type === 'month' ? 'YYYY-MM' : undefined}
          value={text}
          onInput={(e) => set(path, (e.currentTarget as HTMLInputElement).value)}
        />
      );
    }
    return (
      <div class="field" key={path}>
        <label for={id}>
          {label}
          {field.optional ? <span class="optional"> {t('ui:calcForms.optional')}</span> : null}
        </label>
        {control}
        {help}
        <IssueList i18n={i18n} id={errorId} keys={errorKeys} />
      </div>
    );
  };

  const renderList = (list: ListSpec, listPath: string, depth: number) => {
    const count = state.counts[listPath] ?? 0;
    const items = Array.from({ length: count }, (_, index) => index);
    return (
      <div class={`list list-${list.name}`} key={listPath}>
        <IssueList i18n={i18n} id={`${fieldId(listPath)}-error`} keys={issues.get(listPath)} />
        {items.map((index) => {
          const prefix = `${listPath}.${index}`;
          const item: Getter = (path) => state.values[`${prefix}.${path}`];
          const name = item('id');
          const legend =
            typeof name === 'string' && name.trim() !== ''
              ? name
              : t(`ui:calcForms.itemLegend.${list.scope}`, { n: index + 1 });
          return (
            <fieldset class={`item depth-${depth}`} key={prefix} id={fieldId(prefix)}>
              <legend>{legend}</legend>
              <IssueList i18n={i18n} id={`${fieldId(prefix)}-error`} keys={issues.get(prefix)} />
              {list.fields
                .filter((field) => !field.when || field.when(item, top))
                .map((field) => renderField(field, `${prefix}.${field.path}`, list.scope))}
              {list.nested
                ? renderList(list.nested, `${prefix}.${list.nested.name}`, depth + 1)
                : null}
              {count > list.min ? (
                <button
                  type="button"
                  class="secondary remove"
                  onClick={() => onChange(removeItem(state, listPath, index))}
                >
                  {t(`ui:calcForms.remove.${list.scope}`, { name: legend })}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        {count < list.max ? (
          <button
            type="button"
            class="secondary add"
            id={`add-${fieldId(listPath)}`}
            onClick={() =>
              onChange(
                addItem(state, list, listPath, (n) => t('ui:calcForms.defaultMemberName', { n })),
              )
            }
          >
            {t(`ui:calcForms.add.${list.scope}`)}
          </button>
        ) : null}
      </div>
    );
  };

  return (
    <>
      {spec.fields
        .filter((field) => !field.when || field.when(top, top))
        .map((field) => renderField(field, field.path, 'top'))}
      {spec.list ? (
        <section class="household" aria-labelledby="list-heading">
          <h3 id="list-heading">{t(`ui:calcForms.listHeading.${spec.list.name}`)}</h3>
          {spec.list.name === 'members' ? (
            <p class="help">
              {t(`ui:calcForms.listHelp.${state.kind}`, {
                defaultValue: t('ui:calcForms.listHelp.members'),
              })}
            </p>
          ) : null}
          {renderList(spec.list, spec.list.name, 0)}
        </section>
      ) : null}
    </>
  );
}
