import { renderReportHtml, type RenderableRevision } from './report-html';
import type { ReportContent } from './report-content';

const content: ReportContent = {
  agreementId: 'email-sla',
  period: '2026-03',
  timeZone: 'Europe/Berlin',
  availability: [{ serviceId: 'email', version: 2, availabilityPercent: '99.71', targetPercentage: 99.5, targetMet: true }],
  responseResolution: [{ serviceId: 'email', priority: 'P1', metric: 'response', met: 3, breached: 1, open: 0, percentWithinTarget: '75.0000' }],
  breaches: [{ eventId: 'e1', ticketId: 'INC-7', metric: 'response', priority: 'P1', version: 2, breachedAt: '2026-03-04T10:00:00.000Z', retractedAt: null, waiver: null, followUp: { status: 'open', notificationDueAt: '2026-03-05T10:00:00.000Z', notifiedAt: null, rootCause: 'pager <b>outage</b>', remediatedAt: null } }],
  kpis: [
    { kpi: 'customer-satisfaction', value: '92.00', goal: '90 %', met: true },
    { kpi: 'all-targets-met', value: '50.00', goal: '100 %', met: false },
  ],
  trend: [{ period: '2026-02', availability: [{ serviceId: 'email', availabilityPercent: '99.90' }], responseWithinTarget: '100.00', resolutionWithinTarget: null, breaches: 0 }],
  improvementPlans: [{ planId: 'sip-1', item: 'Second pager provider', phase: 'do', percentComplete: 30, dueAt: null, owner: 'ops.li' }],
};
const revision = (changes: Partial<ReportContent> = {}): RenderableRevision => ({ reportId: 'r', revision: 1, status: 'draft', contentHash: 'a'.repeat(64), content: { ...content, ...changes }, reason: null, draftedBy: 'slm.alice', approvedBy: null, publishedAt: null });
const headings = (html: string) => [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((match) => match[1]);

describe('service report HTML', () => {
  it('shows every section with its figures as given, escaping what the data holds', () => {
    const html = renderReportHtml(revision());
    expect(headings(html)).toEqual(['Availability', 'Response and resolution', 'Breaches', 'Trend over the last periods', 'Process KPIs', 'Service improvement plans']);
    for (const text of ['99.71 %', '75.0000 %', 'INC-7', 'pager &lt;b&gt;outage&lt;/b&gt;', 'Customer satisfaction', 'Second pager provider', 'Version in force: 2']) expect(html).toContain(text);
  });

  it('shows only the sections a definition asks for; a KPI section selects its KPI alone', () => {
    const html = renderReportHtml(revision({ sections: ['availability', 'satisfaction'] }));
    expect(headings(html)).toEqual(['Availability', 'Process KPIs']);
    expect(html).toContain('92.00');
    expect(html).not.toContain('all-targets-met');
  });

  it('labels in Chinese', () => {
    expect(headings(renderReportHtml(revision(), 'zh'))).toEqual(['可用性', '响应与解决', '违约', '近期趋势', '流程关键绩效指标', '服务改进计划']);
  });
});
