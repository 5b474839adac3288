import { diffReportContent } from './content-diff';
import type { BreachLine, ReportContent } from './report-content';

const breach = (ticketId: string, metric: string, changes: Partial<BreachLine> = {}): BreachLine => ({
  eventId: `e-${ticketId}-${metric}`,
  ticketId,
  metric,
  priority: 'P2',
  version: 1,
  breachedAt: '2026-03-17T09:00:00.000Z',
  retractedAt: null,
  waiver: null,
  followUp: {
    status: 'open',
    notificationDueAt: '2026-03-18T09:00:00.000Z',
    notifiedAt: null,
    rootCause: null,
    remediatedAt: null,
  },
  ...changes,
});
const base: ReportContent = {
  agreementId: 'email-sla',
  period: '2026-03',
  timeZone: 'Europe/Berlin',
  responseResolution: [
    {
      serviceId: 'email',
      priority: 'P1',
      metric: 'response',
      met: 1,
      breached: 1,
      open: 0,
      percentWithinTarget: '50.0000',
    },
    {
      serviceId: 'email',
      priority: 'P4',
      metric: 'resolution',
      met: 2,
      breached: 1,
      open: 0,
      percentWithinTarget: '66.6666',
    },
  ],
  breaches: [
    breach('T2', 'response'),
    breach('T4', 'resolution'),
    breach('T5', 'response'),
    breach('T10', 'resolution'),
  ],
};

describe('revision comparison', () => {
  it('keys rows by what they are about: one breach less is one removal, not every later row changed', () => {
    const restated: ReportContent = {
      ...base,
      responseResolution: [
        base.responseResolution![0],
        { ...base.responseResolution![1], met: 3, breached: 0, percentWithinTarget: '100.0000' },
      ],
      // T10's breach is gone and T4's follow-up moved on; the array positions of T5 shift.
      breaches: [
        breach('T2', 'response'),
        breach('T5', 'response'),
        breach('T4', 'resolution', {
          followUp: { ...breach('T4', 'resolution').followUp!, status: 'closed', rootCause: 'profile' },
        }),
      ],
    };
    expect(diffReportContent(base, restated)).toEqual([
      {
        section: 'breaches',
        key: { ticketId: 'T10', metric: 'resolution' },
        change: 'removed',
        before: breach('T10', 'resolution'),
      },
      {
        section: 'breaches',
        key: { ticketId: 'T4', metric: 'resolution' },
        change: 'changed',
        fields: [
          { field: 'followUp.rootCause', before: null, after: 'profile' },
          { field: 'followUp.status', before: 'open', after: 'closed' },
        ],
      },
      {
        section: 'responseResolution',
        key: { serviceId: 'email', priority: 'P4', metric: 'resolution' },
        change: 'changed',
        fields: [
          { field: 'breached', before: 1, after: 0 },
          { field: 'met', before: 2, after: 3 },
          { field: 'percentWithinTarget', before: '66.6666', after: '100.0000' },
        ],
      },
    ]);
  });

  it('reports added rows and sections, and tells apart two breaches of one ticket and metric', () => {
    const twice = {
      ...base,
      breaches: [...base.breaches!, breach('T2', 'response', { eventId: 'e-again', version: 2 })],
      trendFrom: '2026-03',
    };
    expect(diffReportContent(base, twice)).toEqual([
      {
        section: 'breaches',
        key: { ticketId: 'T2', metric: 'response', occurrence: 2 },
        change: 'added',
        after: expect.objectContaining({ eventId: 'e-again' }),
      },
      {
        section: 'trendFrom',
        key: {},
        change: 'changed',
        fields: [{ field: 'trendFrom', before: null, after: '2026-03' }],
      },
    ]);
    expect(diffReportContent(base, structuredClone(base))).toEqual([]);
  });
});
