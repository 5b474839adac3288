import type { z } from 'zod';
import { ApiError } from './desk.queries';

/** A form's errors by field path as the API names it (`template.title`, `signatory.name`), '' for the form itself. */
export type FieldErrors = Record<string, string>;

/** The issues of the zod schema the API validates with, by the same dotted paths the API's 400 answers use. */
export function schemaErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

// Refusals that are about one field although the API names none (a rule checked against stored state): shown there.
const CODE_FIELDS: Record<string, string> = {
  AGREEMENT_ALREADY_EXISTS: 'agreementId',
  UNKNOWN_SERVICE: 'template.services',
  UNKNOWN_CALENDAR: 'template.calendars.roundTheClock',
  UNDERPINNING_GAPS_NOT_ACCEPTED: 'riskAcceptance.reason',
  ALREADY_SIGNED_BY_PARTY: 'party',
  EFFECTIVE_DATE_NOT_AFTER_CURRENT: 'content.effectiveFrom',
  REVIEW_ALREADY_SCHEDULED: 'reviewId',
  PERIOD_REVERSED: 'periodTo',
};

/**
 * The API's answer to a refused write, placed on the form: each issue of a 400 on its field, a refusal about one
 * field on that field; whatever names no field shows at the form (key ''). `prefix` is dropped from the API's paths
 * where the form's fields are one object of the body (a follow-up step's `data.`).
 */
export function apiErrors(error: unknown, fields: readonly string[], prefix = ''): FieldErrors {
  if (!(error instanceof ApiError)) return { '': error instanceof Error ? error.message : String(error) };
  const errors: FieldErrors = {};
  for (const { path: named, message } of error.issues) {
    const issue = { path: prefix && named.startsWith(prefix) ? named.slice(prefix.length) : named, message };
    const field = fields.find((candidate) => issue.path === candidate || issue.path.startsWith(`${candidate}.`));
    if (field) errors[field] ??= issue.message;
    else errors[''] = [errors[''], `${issue.path || '(root)'}: ${issue.message}`].filter(Boolean).join('; ');
  }
  const codeField = error.code ? CODE_FIELDS[error.code] : undefined;
  if (error.issues.length === 0) {
    if (codeField && fields.includes(codeField)) errors[codeField] = error.message;
    else errors[''] = error.message;
  }
  return errors;
}
