import { z } from 'zod';
import { findRule, type RuleSet } from '../rules';
import { designatedActivitySchema, isoDate, residenceStatusSchema } from '../rules/schema';
import { nthBirthday } from './birthdays';
import { legalAge } from './dates';
import { birthDateInput } from './income';
import { MissingRuleError, Working, type Calculation, type StepValue } from './types';

export const eligibilityRequestSchema = z
  .strictObject({
    kind: z.literal('eligibility'),
    /** The day the question is about. */
    date: isoDate,
    birthDate: birthDateInput,
    /** Nationality as an ISO 3166-1 alpha-2 code (`US`, `AT`…), if known. */
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/, { error: 'errors.countryCode' })
      .optional(),
    /** `none` when there is no status of residence or it has expired. */
    residenceStatus: z.union([residenceStatusSchema, z.literal('none')]),
    /** For 特定活動 (designated activities): which designation. */
    designatedActivity: designatedActivitySchema.optional(),
    /** The stay granted or expected is longer than three months (a 住民票 is made). */
    stayOverThreeMonths: z.boolean(),
    /** Documents show a stay of more than three months although the period granted is shorter. */
    documentsShowLongerStay: z.boolean().default(false),
    /** Insured (or a dependant) in employee health insurance (社会保険, 共済…). */
    employeeInsurance: z.boolean().default(false),
    /** Receives public assistance (生活保護). */
    publicAssistance: z.boolean().default(false),
    /** Holds a certificate of coverage (適用証明書) from an agreement country. */
    agreementCertificate: z.boolean().default(false),
  })
  .check((ctx) => {
    const value = ctx.value;
    if (value.residenceStatus === 'designated-activities' && !value.designatedActivity) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.designatedActivityMissing',
        path: ['designatedActivity'],
        input: undefined,
      });
    }
    if (value.birthDate > value.date) {
      ctx.issues.push({
        code: 'custom',
        message: 'errors.bornAfterPeriod',
        path: ['birthDate'],
        input: value.birthDate,
      });
    }
  });
export type EligibilityRequest = z.output<typeof eligibilityRequestSchema>;

export interface EligibilityReason {
  key: string;
  values: Record<string, StepValue>;
}

export interface EligibilityResult {
  /** Must (and may) join 国民健康保険. */
  eligible: boolean;
  /** Why, most decisive first; keys in the `calc` namespace. */
  reasons: EligibilityReason[];
}

/**
 * Whether a foreign resident belongs in 国民健康保険 on a date, following the exclusions of
 * 国保法6条 and its ordinance as municipal guides for foreign residents list them.
 */
export function calcEligibility(
  request: EligibilityRequest,
  rules: RuleSet,
): Calculation<EligibilityResult> {
  const work = new Working();
  const rule = findRule(rules, {
    kind: 'eligibility',
    scheme: 'kokuho',
    region: 'national',
    date: request.date,
  });
  if (!rule) throw new MissingRuleError('eligibility', 'national', request.date);
  work.use(rule);

  const reasons: EligibilityReason[] = [];
  const because = (key: string, values: Record<string, StepValue> = {}): void => {
    reasons.push({ key, values });
    work.step(key, values);
  };

  // 後期高齢者医療 starts on the 75th birthday itself.
  if (nthBirthday(request.birthDate, rule.kokiAge) <= request.date) {
    because('eligibility.no.koki', {
      age: legalAge(request.birthDate, request.date),
      kokiAge: rule.kokiAge,
    });
  }
  if (request.employeeInsurance) because('eligibility.no.employeeInsurance');
  if (request.publicAssistance) because('eligibility.no.publicAssistance');
  if (request.residenceStatus === 'none') because('eligibility.no.noStatus');
  else if (rule.excludedStatuses.includes(request.residenceStatus)) {
    because(`eligibility.no.status.${request.residenceStatus}`);
  }
  if (
    request.residenceStatus === 'designated-activities' &&
    request.designatedActivity !== undefined &&
    rule.excludedDesignatedActivities.includes(request.designatedActivity)
  ) {
    because(`eligibility.no.designated.${request.designatedActivity}`);
  }

  const agreement = rule.healthInsuranceAgreements.find((a) => a.country === request.nationality);
  if (agreement && agreement.from <= request.date) {
    if (request.agreementCertificate) {
      because('eligibility.no.agreementCertificate', {
        country: agreement.country,
        from: agreement.from,
      });
    } else {
      work.warn('warnings.agreementCertificateExemption', { country: agreement.country });
    }
  } else if (agreement) {
    work.warn('warnings.agreementNotYetInForce', {
      country: agreement.country,
      from: agreement.from,
    });
  }

  const statusExcluded = reasons.some((r) => r.key.startsWith('eligibility.no.'));
  if (!statusExcluded && request.residenceStatus !== 'none') {
    if (!request.stayOverThreeMonths) {
      const excepted =
        rule.shortStayExceptions.includes(request.residenceStatus) &&
        request.documentsShowLongerStay;
      if (excepted) {
        because('eligibility.yes.shortStayException', { months: rule.minimumStayMonths });
      } else {
        because('eligibility.no.shortStay', { months: rule.minimumStayMonths });
        if (rule.shortStayExceptions.includes(request.residenceStatus)) {
          work.warn('warnings.shortStayExceptionPossible', { months: rule.minimumStayMonths });
        }
      }
    } else {
      because('eligibility.yes.resident', { months: rule.minimumStayMonths });
    }
  }

  const eligible = !reasons.some((r) => r.key.startsWith('eligibility.no.'));
  if (eligible) work.warn('warnings.notifyWithin14Days');
  return work.finish({ eligible, reasons });
}
