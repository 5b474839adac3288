import { renderReportHtml, type RenderableRevision } from './report-html';
import type { ReportContent } from './report-content';

const content: ReportContent = {
  agreementId: 'email-sla',
  agreement: {
    title: 'E-mail SLA',
    customer: 'Finance',
    provider: 'IT Services',
    kind: 'SLA',
    effectiveFrom: '2026-03-01T00:00:00+01:00',
  },
  period: '2026-03',
  timeZone: 'Europe/Berlin',
  availability: [
    { serviceId: 'email', version: 2, availabilityPercent: '99.71', targetPercentage: 99.5, targetMet: true },
  ],
  responseResolution: [
    {
      serviceId: 'email',
      priority: 'P1',
      metric: 'response',
      met: 3,
      breached: 1,
      open: 0,
      percentWithinTarget: '75.0000',
    },
  ],
  breaches: [
    {
      eventId: 'e1',
      ticketId: 'INC-7',
      metric: 'response',
      priority: 'P1',
      version: 2,
      breachedAt: '2026-03-04T10:00:00.000Z',
      retractedAt: null,
      waiver: null,
      followUp: {
        status: 'open',
        notificationDueAt: '2026-03-05T10:00:00.000Z',
        notifiedAt: null,
        rootCause: 'pager <b>outage</b>',
        remediatedAt: null,
      },
    },
  ],
  kpis: [
    { kpi: 'customer-satisfaction', value: '92.00', goal: '90 %', met: true },
    { kpi: 'all-targets-met', value: '50.00', goal: '100 %', met: false },
  ],
  trend: [
    {
      period: '2026-02',
      availability: [{ serviceId: 'email', availabilityPercent: '99.90' }],
      responseWithinTarget: '100.00',
      resolutionWithinTarget: null,
      breaches: 0,
    },
  ],
  improvementPlans: [
    { planId: 'sip-1', item: 'Second pager provider', phase: 'do', percentComplete: 30, dueAt: null, owner: 'ops.li' },
  ],
};
const revision = (changes: Partial<ReportContent> = {}): RenderableRevision => ({
  reportId: 'r',
  revision: 1,
  status: 'draft',
  contentHash: 'a'.repeat(64),
  content: { ...content, ...changes },
  reason: null,
  draftedBy: 'slm.alice',
  approvedBy: null,
  publishedAt: null,
});
const headings = (html: string) => [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((match) => match[1]);

const published = (changes: Partial<ReportContent> = {}): RenderableRevision => ({
  ...revision(changes),
  status: 'published',
  approvedBy: 'bob',
  publishedAt: '2026-04-15T12:00:00.000Z',
});

describe('service report HTML', () => {
  it('shows the summary and every section with figures cut to two places, times in the report zone, escaping what the data holds', () => {
    const html = renderReportHtml(revision());
    expect(headings(html)).toEqual([
      'Executive summary',
      'Availability',
      'Response and resolution',
      'Breaches',
      'Trend over the last periods',
      'Process KPIs',
      'Service improvement plans',
    ]);
    expect(html).toContain('<title>Service report: E-mail SLA — Finance — March 2026</title>');
    // 10:00 UTC on 4 March is 11:00 in Berlin.
    for (const text of [
      '99.71 %',
      '75.00 %',
      'INC-7',
      '4 Mar 2026 11:00',
      'pager &lt;b&gt;outage&lt;/b&gt;',
      'Customer satisfaction',
      'All targets met',
      'Second pager provider',
      'Version in force: 2',
    ])
      expect(html).toContain(text);
    expect(html).not.toContain('75.0000');
    expect(html).toContain('The full list of breaches as a spreadsheet file: <a href="breaches.csv">breaches.csv</a>.');
    expect(html).not.toContain('2026-03-04T10:00:00.000Z');
  });

  it('shows only the sections a definition asks for; a KPI section selects its KPI alone', () => {
    const html = renderReportHtml(revision({ sections: ['availability', 'satisfaction'] }));
    expect(headings(html)).toEqual(['Executive summary', 'Availability', 'Process KPIs']);
    expect(html).toContain('92.00 %');
    expect(html).not.toContain('All targets met');
  });

  it('labels in Chinese, statuses and KPI names included', () => {
    const html = renderReportHtml(revision(), 'zh');
    expect(headings(html)).toEqual([
      '执行摘要',
      '可用性',
      '响应与解决',
      '违约',
      '近期趋势',
      '流程关键绩效指标',
      '服务改进计划',
    ]);
    for (const text of [
      '状态：草稿',
      '全部目标达成',
      '处理中',
      '2026年3月4日 11:00',
      '服务报告：E-mail SLA — Finance — 2026年3月',
    ])
      expect(html).toContain(text);
    for (const english of ['>draft<', 'all-targets-met', '>open<', 'Status']) expect(html).not.toContain(english);
  });

  it('marks a revision that is not published as a draft, and only such a revision', () => {
    expect(renderReportHtml(revision())).toContain('<div class="watermark" aria-hidden="true">DRAFT</div>');
    expect(renderReportHtml(revision(), 'zh')).toContain('<div class="watermark" aria-hidden="true">草稿</div>');
    expect(renderReportHtml(published())).not.toContain('class="watermark"');
  });
});
