import { z } from 'zod';
import { slugSchema } from '@sla/event-sourcing';

/** The shapes of what names a report, shared by every way in (HTTP, CLI, definitions). */
export const reportIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,120}$/, 'lower-case letters, digits and -');
export const reportAgreementIdSchema = slugSchema;
export const REPORTING_PERIOD_FORMS = 'a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)';
export const reportingPeriodSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/, REPORTING_PERIOD_FORMS);
