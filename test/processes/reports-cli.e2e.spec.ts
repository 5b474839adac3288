import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  builtEntryPoint,
  eventually,
  givenShanghaiEmailAgreement,
  httpClient,
  startNodeProcess,
} from '@sla/test-support';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * `sla reports …` as a service level manager and an approver run it: the
 * built CLI against the database of a running API, which prepared the
 * calendar, service and agreement and serves the same report bytes.
 */
describe('sla CLI: service reports', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  const directory = mkdtempSync(path.join(tmpdir(), 'sla-reports-cli-'));
  const id = 'email-sla-2026-03-customer';

  async function cli(...args: string[]) {
    const running = startNodeProcess(builtEntryPoint('cli'), ['reports', ...args], {
      DATABASE_URL: api.databaseUrl,
      AUDIT_SIGNING_KEY_FILE: path.join(directory, 'key.pem'),
      LOG_LEVEL: 'error',
    });
    let stdout = '';
    running.child.stdout?.on('data', (chunk: string) => (stdout += chunk));
    const exit = await running.exited;
    return { code: exit.code, stdout, output: running.output() };
  }
  const json = async (...args: string[]) => {
    const result = await cli(...args);
    if (result.code !== 0) throw new Error(`sla reports ${args.join(' ')} exited ${result.code}:\n${result.output}`);
    return JSON.parse(result.stdout);
  };

  beforeAll(async () => {
    api = await startTestApi('reports_cli');
    http = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' }, api.conformance);
    await givenShanghaiEmailAgreement(http);
  }, 60_000);

  afterAll(() => api?.close());

  // Each step is a CLI process of its own (a few seconds each on a busy machine), hence the longer time limits.
  it('generates, reviews, approves with four eyes, publishes and downloads the bytes the API serves; refuses bad input with exit 2', async () => {
    const generated = await json(
      'generate',
      '--agreement',
      'email-sla',
      '--period',
      '2026-03',
      '--calendar',
      'office-shanghai',
      '--time-zone',
      'Asia/Shanghai',
      '--actor',
      'slm.alice',
    );
    expect(generated).toEqual({ reportId: id, streamRevision: '0', events: ['ServiceReportDrafted'] });

    const listed = await json('list', '--agreement', 'email-sla');
    expect(listed).toEqual([
      expect.objectContaining({
        reportId: id,
        period: '2026-03',
        audience: 'customer',
        dueDate: expect.stringMatching(/^2026-04-\d\d$/),
        publishedAt: null,
      }),
    ]);

    expect(await json('review', id, '--notes', 'figures checked', '--actor', 'slm.alice')).toMatchObject({
      reportId: id,
      events: ['ServiceReportReviewed'],
    });
    const ownApproval = await cli('approve', id, '--actor', 'slm.alice');
    expect(ownApproval.code).toBe(2);
    expect(ownApproval.output).toMatch(/^refused: APPROVER_IS_AUTHOR: /m);
    expect(await json('approve', id, '--actor', 'bob.approver')).toMatchObject({
      reportId: id,
      events: ['ServiceReportApproved'],
    });
    expect(await json('publish', id, '--actor', 'slm.alice')).toMatchObject({
      reportId: id,
      events: ['ServiceReportPublished'],
    });

    await eventually(async () =>
      (await http.get(`/reports/${id}/revisions/1`)).body.status === 'published' ? true : undefined,
    );
    const fromApi = Buffer.from(await (await fetch(`${api.baseUrl}/reports/${id}/revisions/1/pdf`)).arrayBuffer());
    const pdfFile = path.join(directory, 'report.pdf');
    const htmlFile = path.join(directory, 'report.html');
    const [pdf, html, compared, badPeriod, unknownApproval, unknownDownload, unchanged, drafted] = await Promise.all([
      json('download', id, '--out', pdfFile),
      json('download', id, '--revision', '1', '--format', 'html', '--language', 'zh', '--out', htmlFile),
      json('compare', id, '--from', '1', '--to', '1'),
      cli(
        'generate',
        '--agreement',
        'email-sla',
        '--period',
        '2026-13',
        '--calendar',
        'office-shanghai',
        '--actor',
        'slm.alice',
      ),
      cli('approve', 'no-such-report', '--actor', 'bob.approver'),
      cli('download', 'no-such-report', '--out', path.join(directory, 'nothing.pdf')),
      cli('revise', id, '--reason', 'nothing new', '--actor', 'slm.alice'),
      json('draft-due'),
    ]);

    const bytes = readFileSync(pdfFile);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.equals(fromApi)).toBe(true);
    expect(pdf).toEqual({
      file: pdfFile,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      reportId: id,
      revision: 1,
      format: 'pdf',
      language: 'en',
    });
    expect(readFileSync(htmlFile, 'utf8')).toContain('服务报告');
    expect(html).toMatchObject({ file: htmlFile, revision: 1, format: 'html', language: 'zh' });
    expect(compared).toMatchObject({ reportId: id, from: { revision: 1 }, to: { revision: 1 }, changes: [] });

    expect(badPeriod.code).toBe(2);
    expect(badPeriod.output).toMatch(/option '--period <period>' argument '2026-13' is invalid/);
    expect(unknownApproval.code).toBe(2);
    expect(unknownApproval.output).toMatch(/^refused: REPORT_NOT_FOUND: /m);
    expect(unknownDownload.code).toBe(2);
    expect(unknownDownload.output).toMatch(/^refused: REPORT_NOT_FOUND: /m);
    expect(unchanged).toMatchObject({ code: 2, output: expect.stringMatching(/^refused: NOTHING_TO_RESTATE: /m) });
    // No report definitions: nothing to draft.
    expect(drafted).toEqual([]);

    // Writes record who acted, through which channel.
    expect((await http.get(`/reports/${id}/revisions/1`)).body).toMatchObject({
      draftedBy: 'slm.alice',
      approvedBy: 'bob.approver',
      status: 'published',
    });
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const events = await client.query(
        `select event_type, metadata->>'actor' as actor, metadata->>'source' as source from event_store.events where stream_name = $1 order by stream_revision`,
        [`service_report-${id}`],
      );
      expect(events.rows).toEqual([
        { event_type: 'ServiceReportDrafted', actor: 'slm.alice', source: 'cli' },
        { event_type: 'ServiceReportReviewed', actor: 'slm.alice', source: 'cli' },
        { event_type: 'ServiceReportApproved', actor: 'bob.approver', source: 'cli' },
        { event_type: 'ServiceReportPublished', actor: 'slm.alice', source: 'cli' },
      ]);
    } finally {
      await client.end();
    }
    expect(await json('list', '--status', 'unpublished')).toEqual([]);
  }, 120_000);

  it('refuses a period before the agreement was in force (exit 2) unless acknowledged, and records it', async () => {
    const november = ['--agreement', 'email-sla', '--period', '2025-11', '--calendar', 'office-shanghai'];
    const refused = await cli('generate', ...november, '--actor', 'slm.alice');
    expect(refused.code).toBe(2);
    const reasonGiven = /^refused: NO_VERSION_IN_FORCE: no version of agreement 'email-sla' was in force in 2025-11/m;
    expect(refused.output).toMatch(reasonGiven);
    const reason = 'pilot month before the SLA';
    const acknowledged = [...november, '--acknowledge-no-version-in-force', reason, '--actor', 'slm.alice'];
    const generated = await json('generate', ...acknowledged);
    expect(generated).toMatchObject({ reportId: 'email-sla-2025-11-customer' });
    const revision = '/reports/email-sla-2025-11-customer/revisions/1';
    const drafted = await eventually(async () => (await http.get(revision)).body?.content);
    expect(drafted).toMatchObject({ versionsInForce: [], noVersionInForce: { acknowledgedBy: 'slm.alice', reason } });
  }, 120_000);
});
