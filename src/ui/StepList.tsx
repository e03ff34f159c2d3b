import type { i18n } from 'i18next';
import type { Step } from '../calc/types';

/** The working of a calculation, one line per step, in the reader's language. */
export function StepList({ steps, i18n }: { steps: readonly Step[]; i18n: i18n }) {
  return (
    <ol class="steps">
      {steps.map((step, index) => (
        <li key={index}>{i18n.t(`calc:${step.key}`, step.values)}</li>
      ))}
    </ol>
  );
}
