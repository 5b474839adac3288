import { z } from 'zod';
import { canonicalJson } from '@sla/audit-domain';
import { parseReportingPeriod, reportingRange, shiftPeriod, type PeriodFrequency } from '@sla/compliance-domain';
import {
  DomainError,
  defineEvent,
  type Decider,
  type DomainEvent,
  type EventDataOf,
  instantSchema,
  streamName,
} from '@sla/event-sourcing';
import { REPORT_SECTIONS, type ReportSection } from './report-content';
import { reportAgreementIdSchema } from './report-identifiers';

const instant = instantSchema;
const frequencies = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const satisfies readonly PeriodFrequency[];

/** What a report definition agrees: which report, how often, for whom, with which sections and labels. */
export const reportDefinitionTerms = z.strictObject({
  agreementId: reportAgreementIdSchema,
  frequency: z.enum(frequencies),
  audience: z.enum(['customer', 'internal']),
  sections: z
    .array(z.enum(REPORT_SECTIONS as [ReportSection, ...ReportSection[]]))
    .min(1)
    .refine((sections) => new Set(sections).size === sections.length, 'each section once'),
  language: z.enum(['en', 'zh']),
  /** The zone whose wall clock delimits the periods. */
  timeZone: z.string().min(1),
  /** The provider's working calendar: due dates on non-working days move to its next working day. */
  calendarId: z.string().min(1),
  /** The first period reported under this definition; earlier periods are never drafted automatically. */
  firstPeriod: z.string(),
  /** How many periods the trend section looks back, the reported one included. */
  trendPeriods: z.number().int().min(2).max(24),
});
export type ReportDefinitionTerms = z.infer<typeof reportDefinitionTerms>;

export const ReportDefinitionRecorded = defineEvent({
  type: 'ReportDefinitionRecorded',
  schemaVersion: 1,
  schema: z.strictObject({
    definitionId: z.string().min(1),
    terms: reportDefinitionTerms,
    recordedBy: z.string().min(1),
    occurredAt: instant,
  }),
});
export const ReportDefinitionRetired = defineEvent({
  type: 'ReportDefinitionRetired',
  schemaVersion: 1,
  schema: z.strictObject({ definitionId: z.string().min(1), reason: z.string().min(1), occurredAt: instant }),
});
export const reportDefinitionEventDefinitions = [ReportDefinitionRecorded, ReportDefinitionRetired];

export type ReportDefinitionEvent =
  | DomainEvent<'ReportDefinitionRecorded', EventDataOf<typeof ReportDefinitionRecorded>>
  | DomainEvent<'ReportDefinitionRetired', EventDataOf<typeof ReportDefinitionRetired>>;

export type ReportDefinitionState = { readonly terms: ReportDefinitionTerms | null; readonly retired: boolean };

export type ReportDefinitionCommand =
  | { type: 'RecordReportDefinition'; definitionId: string; terms: ReportDefinitionTerms; actor: string; at: string }
  | { type: 'RetireReportDefinition'; definitionId: string; reason: string; at: string };

export class ReportDefinitionError extends DomainError {
  readonly kind: DomainError['kind'];
  constructor(
    readonly code: 'DEFINITION_NOT_FOUND' | 'DEFINITION_RETIRED' | 'FIRST_PERIOD_MISMATCH',
    message: string,
  ) {
    super(message);
    this.name = 'ReportDefinitionError';
    this.kind =
      code === 'DEFINITION_NOT_FOUND' ? 'not_found' : code === 'DEFINITION_RETIRED' ? 'conflict' : 'rule_violated';
  }
}

// Key order is not kept by every store (PostgreSQL jsonb sorts keys): compare canonical forms.
const sameTerms = (a: ReportDefinitionTerms, b: ReportDefinitionTerms) => canonicalJson(a) === canonicalJson(b);

/**
 * A report definition of an agreement. Recording it again changes its terms
 * from then on (reports already drafted keep what they were drafted with);
 * recording the same terms again is a no-op; a retired definition drafts
 * nothing more and cannot be changed.
 */
export const reportDefinitionDecider: Decider<ReportDefinitionCommand, ReportDefinitionEvent, ReportDefinitionState> = {
  initialState: () => ({ terms: null, retired: false }),
  evolve(state, event) {
    return event.type === 'ReportDefinitionRecorded'
      ? { terms: event.data.terms, retired: false }
      : { ...state, retired: true };
  },
  decide(command, state) {
    if (state.retired)
      throw new ReportDefinitionError('DEFINITION_RETIRED', `report definition '${command.definitionId}' is retired`);
    if (command.type === 'RetireReportDefinition') {
      if (!state.terms)
        throw new ReportDefinitionError('DEFINITION_NOT_FOUND', `no report definition '${command.definitionId}'`);
      return [
        {
          type: 'ReportDefinitionRetired',
          data: { definitionId: command.definitionId, reason: command.reason, occurredAt: command.at },
        },
      ];
    }
    const first = parseReportingPeriod(command.terms.firstPeriod);
    if (first?.frequency !== command.terms.frequency) {
      throw new ReportDefinitionError(
        'FIRST_PERIOD_MISMATCH',
        `firstPeriod '${command.terms.firstPeriod}' is not a ${command.terms.frequency} period (2026-03, 2026-Q1, 2026-H1 or 2026)`,
      );
    }
    if (state.terms && sameTerms(state.terms, command.terms)) return [];
    return [
      {
        type: 'ReportDefinitionRecorded',
        data: {
          definitionId: command.definitionId,
          terms: command.terms,
          recordedBy: command.actor,
          occurredAt: command.at,
        },
      },
    ];
  },
};

export const reportDefinitionStreamName = (definitionId: string) => streamName('report_definition', definitionId);

/**
 * The periods of a definition that have closed by an instant, oldest first:
 * from its first period up to the last one whose end (on the wall clock of
 * the definition's zone) has passed. These are the reports to draft.
 */
export function closedPeriods(terms: Pick<ReportDefinitionTerms, 'firstPeriod' | 'timeZone'>, now: number): string[] {
  const periods: string[] = [];
  for (let label = terms.firstPeriod; ; label = shiftPeriod(label, 1)) {
    const range = reportingRange(label, terms.timeZone);
    if (!range || range.to > now) return periods;
    periods.push(label);
  }
}
