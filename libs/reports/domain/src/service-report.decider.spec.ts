import { deciderSpec } from '@sla/event-sourcing/testing';
import { diffReportContent } from './content-diff';
import type { ReportContent } from './report-content';
import { reportContentHash, serviceReportDecider, type ServiceReportEvent } from './service-report.decider';

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
const { given } = deciderSpec(serviceReportDecider);
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
    given([drafted(1, content)])
      .when({ type: 'ApproveReport', approver: 'bob', at })
      .thenFails('WRONG_STATUS');
    expect(
      given([drafted(1, content)])
        .when({ type: 'ReviewReport', notes: 'ok', at })
        .thenEvents(),
    ).toHaveLength(1);
    given([drafted(1, content), reviewed])
      .when({ type: 'ApproveReport', approver: 'alice', at })
      .thenFails('APPROVER_IS_AUTHOR');
    given([drafted(1, content), reviewed, approved])
      .when({ type: 'PublishReport', at, onTime: true, lateByMs: 0 })
      .then([published]);
    given([drafted(1, content), reviewed, approved, published])
      .when({
        type: 'PublishReport',
        at,
        onTime: true,
        lateByMs: 0,
      })
      .thenFails('WRONG_STATUS');
  });

  it('restates a published report only as a new revision, with a reason and changed figures', () => {
    const history = [drafted(1, content), reviewed, approved, published];
    const corrected = { ...content, kpis: [{ ...kpi, value: '100.00', met: true }] };
    given([drafted(1, content)])
      .when({ type: 'DraftReport', event: drafted(2, corrected, 'late facts').data as never })
      .thenFails('OPEN_REVISION');
    given(history)
      .when({ type: 'DraftReport', event: drafted(9, corrected).data as never })
      .thenFails('REASON_REQUIRED');
    given(history)
      .when({ type: 'DraftReport', event: drafted(9, content, 'again').data as never })
      .thenFails('NOTHING_TO_RESTATE');
    const [revision] = given(history)
      .when({ type: 'DraftReport', event: drafted(9, corrected, 'a late resolution changed March').data as never })
      .thenEvents();
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
    given([])
      .when(draftOf(empty))
      .thenFails('NO_VERSION_IN_FORCE', { message: expect.stringContaining("agreement 'sla'") });
    const acknowledged = { ...empty, noVersionInForce: { acknowledgedBy: 'alice', reason: 'hand-over month' } };
    given([])
      .when(draftOf(acknowledged))
      .then([drafted(1, acknowledged)]);
    expect(
      given([])
        .when(draftOf({ ...content, versionsInForce: [1] }))
        .thenEvents(),
    ).toHaveLength(1);
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
    given(legacy).when(publish([])).thenFails('NO_VERSION_IN_FORCE');
    given(legacy)
      .when(publish([2]))
      .then([published]);
    // Recorded in the content: what the revision says stands.
    const recorded = { ...content, versionsInForce: [1] };
    const recordedPublication = { ...published, data: { ...published.data, contentHash: reportContentHash(recorded) } };
    given([drafted(1, recorded), reviewed, approved])
      .when(publish([]))
      .then([recordedPublication]);
  });

  it('hashes content canonically: key order does not matter, values do', () => {
    expect(reportContentHash({ a: 1, b: [1, 2] })).toBe(reportContentHash({ b: [1, 2], a: 1 }));
    expect(reportContentHash({ a: 1 })).not.toBe(reportContentHash({ a: 2 }));
  });
});
