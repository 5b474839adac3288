import { diffReportContent } from './content-diff';
import type { ReportContent } from './report-content';
import {
  reportContentHash,
  serviceReportDecider,
  type ServiceReportCommand,
  type ServiceReportEvent,
} from './service-report';

const subject = { agreementId: 'sla', period: '2026-03', timeZone: 'UTC' };
const kpi = { kpi: 'all-targets-met', value: '99.95', goal: '100 %', met: false };
const content: ReportContent = { ...subject, kpis: [kpi] };
const drafted = (
  revision: number,
  body: ReportContent,
  reason: string | null = null,
  draftedBy = 'alice',
): ServiceReportEvent => ({
  type: 'ServiceReportDrafted',
  data: {
    reportId: 'r1',
    agreementId: 'sla',
    period: '2026-03',
    audience: 'customer',
    dueDate: '2026-04-10',
    deadline: '2026-04-10T22:00:00.000Z',
    revision,
    content: body,
    contentHash: reportContentHash(body),
    reason,
    draftedBy,
    occurredAt: '2026-04-01T08:00:00Z',
  },
});
const decide = (given: ServiceReportEvent[], command: ServiceReportCommand) => () =>
  serviceReportDecider.decide(command, given.reduce(serviceReportDecider.evolve, serviceReportDecider.initialState()));
const at = '2026-04-02T08:00:00Z';

describe('service report lifecycle', () => {
  const reviewed: ServiceReportEvent = {
    type: 'ServiceReportReviewed',
    data: { reportId: 'r1', revision: 1, notes: '', occurredAt: at },
  };
  const approved: ServiceReportEvent = {
    type: 'ServiceReportApproved',
    data: { reportId: 'r1', revision: 1, approver: 'bob', occurredAt: at },
  };
  const published: ServiceReportEvent = {
    type: 'ServiceReportPublished',
    data: {
      reportId: 'r1',
      revision: 1,
      contentHash: reportContentHash(content),
      onTime: true,
      lateByMs: 0,
      occurredAt: at,
    },
  };

  it('goes draft → reviewed → approved (not by its author) → published with the hash of its content', () => {
    expect(decide([drafted(1, content)], { type: 'ApproveReport', approver: 'bob', at })).toThrow(
      expect.objectContaining({ code: 'WRONG_STATUS' }),
    );
    expect(decide([drafted(1, content)], { type: 'ReviewReport', notes: 'ok', at })()).toHaveLength(1);
    expect(decide([drafted(1, content), reviewed], { type: 'ApproveReport', approver: 'alice', at })).toThrow(
      expect.objectContaining({ code: 'APPROVER_IS_AUTHOR' }),
    );
    expect(
      decide([drafted(1, content), reviewed, approved], { type: 'PublishReport', at, onTime: true, lateByMs: 0 })(),
    ).toEqual([published]);
    expect(
      decide([drafted(1, content), reviewed, approved, published], {
        type: 'PublishReport',
        at,
        onTime: true,
        lateByMs: 0,
      }),
    ).toThrow(expect.objectContaining({ code: 'WRONG_STATUS' }));
  });

  it('restates a published report only as a new revision, with a reason and changed figures', () => {
    const history = [drafted(1, content), reviewed, approved, published];
    const corrected = { ...content, kpis: [{ ...kpi, value: '100.00', met: true }] };
    expect(
      decide([drafted(1, content)], { type: 'DraftReport', event: drafted(2, corrected, 'late facts').data as never }),
    ).toThrow(expect.objectContaining({ code: 'OPEN_REVISION' }));
    expect(decide(history, { type: 'DraftReport', event: drafted(9, corrected).data as never })).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
    expect(decide(history, { type: 'DraftReport', event: drafted(9, content, 'again').data as never })).toThrow(
      expect.objectContaining({ code: 'NOTHING_TO_RESTATE' }),
    );
    const [revision] = decide(history, {
      type: 'DraftReport',
      event: drafted(9, corrected, 'a late resolution changed March').data as never,
    })();
    expect(revision.data).toMatchObject({ revision: 2, reason: 'a late resolution changed March' });
    expect(diffReportContent(content, corrected)).toEqual([
      {
        section: 'kpis',
        key: { kpi: 'all-targets-met' },
        change: 'changed',
        fields: [
          { field: 'met', before: false, after: true },
          { field: 'value', before: '99.95', after: '100.00' },
        ],
      },
    ]);
  });

  it('refuses a draft for a period with no version in force unless acknowledged on the report', () => {
    const empty = { ...subject, versionsInForce: [], availability: [] };
    const draftOf = (body: ReportContent) => ({
      type: 'DraftReport' as const,
      event: drafted(1, body).data as never,
    });
    const refusal = { code: 'NO_VERSION_IN_FORCE', message: expect.stringContaining("agreement 'sla'") };
    expect(decide([], draftOf(empty))).toThrow(expect.objectContaining(refusal));
    const acknowledged = { ...empty, noVersionInForce: { acknowledgedBy: 'alice', reason: 'hand-over month' } };
    expect(decide([], draftOf(acknowledged))()).toEqual([drafted(1, acknowledged)]);
    expect(decide([], draftOf({ ...content, versionsInForce: [1] }))()).toHaveLength(1);
  });

  it('refuses to publish a revision drafted before the versions in force were recorded when none was', () => {
    const legacy = [drafted(1, content), reviewed, approved];
    const publish = (versionsInForce?: number[]) => ({
      type: 'PublishReport' as const,
      at,
      onTime: true,
      lateByMs: 0,
      ...(versionsInForce ? { versionsInForce } : {}),
    });
    expect(decide(legacy, publish([]))).toThrow(expect.objectContaining({ code: 'NO_VERSION_IN_FORCE' }));
    expect(decide(legacy, publish([2]))()).toEqual([published]);
    // Recorded in the content: what the revision says stands.
    const recorded = { ...content, versionsInForce: [1] };
    const recordedPublication = { ...published, data: { ...published.data, contentHash: reportContentHash(recorded) } };
    expect(decide([drafted(1, recorded), reviewed, approved], publish([]))()).toEqual([recordedPublication]);
  });

  it('hashes content canonically: key order does not matter, values do', () => {
    expect(reportContentHash({ a: 1, b: [1, 2] })).toBe(reportContentHash({ b: [1, 2], a: 1 }));
    expect(reportContentHash({ a: 1 })).not.toBe(reportContentHash({ a: 2 }));
  });
});
