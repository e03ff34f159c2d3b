import type { Source } from '../rules/schema';

export type StepValue = number | string;

/**
 * One line of the working. `key` is an i18n key in the `calc` namespace; `values` fill it in.
 * Values whose names end in `Yen` are amounts of money, `Percent` are percentages as exact
 * decimal strings.
 */
export interface Step {
  key: string;
  values: Record<string, StepValue>;
  /** The amount this step produced, in yen, when it produced one. */
  amount?: number;
  /** The household member the step is about. */
  memberId?: string;
}

export interface CalcWarning {
  key: string;
  values?: Record<string, StepValue>;
}

export interface Calculation<T> {
  result: T;
  steps: Step[];
  sources: Source[];
  warnings: CalcWarning[];
}

/** Collects steps, sources and warnings while a calculator runs. */
export class Working {
  readonly steps: Step[] = [];
  readonly warnings: CalcWarning[] = [];
  private readonly sourceMap = new Map<string, Source>();

  step(key: string, values: Record<string, StepValue>, extra: Partial<Step> = {}): void {
    this.steps.push({ key, values, ...extra });
  }

  warn(key: string, values?: Record<string, StepValue>): void {
    if (!this.warnings.some((w) => w.key === key && sameValues(w.values, values))) {
      this.warnings.push(values ? { key, values } : { key });
    }
  }

  /** Records the sources of a rule that was used; unverified rules add a warning. */
  use(rule: { id: string; status: string; sources: readonly Source[] }): void {
    for (const source of rule.sources) this.sourceMap.set(source.url, source);
    if (rule.status !== 'verified') this.warn('warnings.unverifiedRule', { rule: rule.id });
  }

  finish<T>(result: T): Calculation<T> {
    return {
      result,
      steps: this.steps,
      sources: [...this.sourceMap.values()],
      warnings: this.warnings,
    };
  }
}

function sameValues(
  a: Record<string, StepValue> | undefined,
  b: Record<string, StepValue> | undefined,
): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Thrown when no rule covers the region and date asked for. */
export class MissingRuleError extends Error {
  constructor(
    readonly ruleKind: string,
    readonly region: string,
    readonly date: string,
  ) {
    super(`No ${ruleKind} rule for ${region} on ${date}`);
  }
}
