import type { CalcIssue } from '../../calc';
import type { FormIssue } from './form-model';

/** zod's own issue codes, for the checks that carry no message key of ours. */
const CODE_KEYS: Record<string, string> = {
  invalid_type: 'ui:calcForms.issues.required',
  invalid_format: 'ui:calcForms.issues.format',
  too_small: 'ui:calcForms.issues.tooSmall',
  too_big: 'ui:calcForms.issues.tooBig',
  invalid_value: 'ui:calcForms.issues.choose',
  unrecognized_keys: 'ui:calcForms.issues.invalid',
  invalid_union: 'ui:calcForms.issues.invalid',
  not_multiple_of: 'ui:calcForms.issues.wholeNumber',
};

const OUR_KEY = /^(kokuho\.)?errors\.[A-Za-z0-9]+$/;

/**
 * Maps the calculator's issues onto form issues. Our schemas put an i18n key (`errors.…`,
 * `kokuho.errors.…`) in the message; zod's built-in messages are English sentences, so those are
 * replaced by a message chosen from the issue code.
 */
export function mapCalcIssues(
  issues: readonly CalcIssue[],
  hasKey: (key: string) => boolean,
): FormIssue[] {
  return issues.map((issue) => {
    const ours = OUR_KEY.test(issue.message) && hasKey(`calc:${issue.message}`);
    const key = ours
      ? `calc:${issue.message}`
      : (CODE_KEYS[issue.code] ?? 'ui:calcForms.issues.invalid');
    return { path: issue.path, key };
  });
}

/**
 * Groups issues by where the form shows them: at the field with that path, at the nearest list
 * or list item shown, or at the top of the form. `shown` is every path the form has a place for.
 */
export function placeIssues(
  issues: readonly FormIssue[],
  shown: ReadonlySet<string>,
): Map<string, string[]> {
  const placed = new Map<string, string[]>();
  for (const issue of issues) {
    let path = issue.path;
    while (path !== '' && !shown.has(path)) {
      const dot = path.lastIndexOf('.');
      path = dot === -1 ? '' : path.slice(0, dot);
    }
    const keys = placed.get(path) ?? [];
    if (!keys.includes(issue.key)) keys.push(issue.key);
    placed.set(path, keys);
  }
  return placed;
}
