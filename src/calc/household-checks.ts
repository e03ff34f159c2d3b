/**
 * The household rules every calculator with members shares, as i18n error keys: exactly one head
 * of household, someone insured, and a distinct id per member.
 */
export function householdProblems(
  members: readonly { id: string; insured?: boolean; householdHead?: boolean }[],
  rules: { oneHead?: boolean; someoneInsured?: boolean },
): string[] {
  const problems: string[] = [];
  if (rules.oneHead && members.filter((m) => m.householdHead).length !== 1) {
    problems.push('errors.oneHouseholdHead');
  }
  if (rules.someoneInsured && !members.some((m) => m.insured)) {
    problems.push('errors.noInsuredMember');
  }
  if (new Set(members.map((m) => m.id)).size !== members.length) {
    problems.push('errors.duplicateMemberId');
  }
  return problems;
}
