import { deciderSpec } from '@sla/event-sourcing/testing';
import {
  closedPeriods,
  reportDefinitionDecider,
  type ReportDefinitionCommand,
  type ReportDefinitionEvent,
  type ReportDefinitionTerms,
} from './report-definition.decider';

const terms: ReportDefinitionTerms = {
  agreementId: 'email-sla',
  frequency: 'monthly',
  audience: 'customer',
  sections: ['targets', 'availability', 'breaches'],
  language: 'en',
  timeZone: 'Europe/Berlin',
  calendarId: 'office-berlin',
  firstPeriod: '2026-01',
  trendPeriods: 6,
};
const { given } = deciderSpec(reportDefinitionDecider);
const record = (changes: Partial<ReportDefinitionTerms> = {}): ReportDefinitionCommand => ({
  type: 'RecordReportDefinition',
  definitionId: 'email-monthly',
  terms: { ...terms, ...changes },
  actor: 'slm.alice',
  at: '2026-01-05T10:00:00Z',
});
const recorded = (changes: Partial<ReportDefinitionTerms> = {}): ReportDefinitionEvent => ({
  type: 'ReportDefinitionRecorded',
  data: {
    definitionId: 'email-monthly',
    terms: { ...terms, ...changes },
    recordedBy: 'slm.alice',
    occurredAt: '2026-01-05T10:00:00Z',
  },
});

describe('report definitions', () => {
  it('records, redefines, ignores an identical redefinition, and retires', () => {
    given([]).when(record()).then([recorded()]);
    given([recorded()]).when(record()).then([]);
    given([recorded()])
      .when(record({ language: 'zh' }))
      .then([recorded({ language: 'zh' })]);
    expect(
      given([recorded()])
        .when({
          type: 'RetireReportDefinition',
          definitionId: 'email-monthly',
          reason: 'agreement terminated',
          at: '2026-06-01T00:00:00Z',
        })
        .thenEvents()[0].type,
    ).toBe('ReportDefinitionRetired');
  });

  it('refuses a first period of another frequency, changes after retirement and retiring what does not exist', () => {
    given([])
      .when(record({ frequency: 'quarterly' }))
      .thenFails('FIRST_PERIOD_MISMATCH');
    const retired: ReportDefinitionEvent = {
      type: 'ReportDefinitionRetired',
      data: { definitionId: 'email-monthly', reason: 'x', occurredAt: '2026-06-01T00:00:00Z' },
    };
    given([recorded(), retired]).when(record()).thenFails('DEFINITION_RETIRED');
    given([])
      .when({ type: 'RetireReportDefinition', definitionId: 'x', reason: 'y', at: '2026-06-01T00:00:00Z' })
      .thenFails('DEFINITION_NOT_FOUND');
  });

  it('a period closes at midnight on the wall clock of the definition zone', () => {
    // March ends at 2026-03-31T22:00Z in Berlin (summer time began on the 29th).
    expect(closedPeriods(terms, Date.parse('2026-03-31T21:59:59.999Z'))).toEqual(['2026-01', '2026-02']);
    expect(closedPeriods(terms, Date.parse('2026-03-31T22:00:00Z'))).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(
      closedPeriods({ firstPeriod: '2025-Q4', timeZone: 'Asia/Shanghai' }, Date.parse('2026-06-30T16:00:00Z')),
    ).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(closedPeriods(terms, Date.parse('2025-12-31T00:00:00Z'))).toEqual([]);
  });
});
