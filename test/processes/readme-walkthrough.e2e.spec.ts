import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  builtEntryPoint,
  eventually,
  httpClient,
  productFolder,
  removeProductFolder,
  repositoryRoot,
  startNodeProcess,
  type ProductFolder,
  type RunningProcess,
} from '@sla/test-support';

/**
 * The README's walkthrough, run as a new user runs it: every ```bash walkthrough
 * block of README.md, in order, in one bash session against the built API on
 * the embedded PostgreSQL. Only the API address is changed (the test's own
 * port) and `npm` is pointed at this checkout, so the working folder can be
 * a scratch one. The figures checked are the ones the README's comments state.
 */
export function walkthroughScript(readme: string): string {
  const blocks = [...readme.matchAll(/^```bash walkthrough\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
  if (blocks.length === 0) throw new Error('README.md has no ```bash walkthrough blocks');
  return blocks.join('\n');
}

function runBash(script: string, cwd: string, environment: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('bash', ['-c', script], { cwd, env: { ...process.env, ...environment } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the README walkthrough', () => {
  let product: ProductFolder;
  let folder: string;
  let environment: Record<string, string>;
  let api: RunningProcess | undefined;

  beforeAll(async () => {
    product = await productFolder('readme');
    ({ folder, environment } = product);
    api = startNodeProcess(builtEntryPoint('api'), [], environment);
    await eventually(async () => {
      const response = await httpClient(`http://127.0.0.1:${environment.PORT}`).get('/health');
      return response.status === 200 ? true : undefined;
    }, 30_000).catch((error) => {
      throw new Error(`${error}\n--- API output ---\n${api!.output()}`);
    });
  }, 60_000);

  afterAll(async () => {
    if (api) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    removeProductFolder(product);
  });

  it('sets up an SLA, feeds March and yields the figures the README states', async () => {
    const readme = readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8');
    const address = `http://127.0.0.1:${environment.PORT}`;
    const script = [
      'set -euo pipefail',
      `npm() { command npm --prefix ${JSON.stringify(repositoryRoot)} "$@"; }`,
      walkthroughScript(readme).replaceAll('http://127.0.0.1:3000', address),
    ].join('\n');
    const scratch = mkdtempSync(path.join(folder, 'user-'));
    const run = await runBash(script, scratch, environment);
    const report = `exit ${run.code}\n--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}\n--- API ---\n${api!.output().slice(-4000)}`;
    if (run.code !== 0) throw new Error(report);

    // What the README's comments promise, as the commands printed it …
    // The auditor's walkthrough: the edited, resealed log passes on its own, and the held heads catch it.
    expect(run.stdout).toMatch(
      /OK: the log matches every signed tree head\nALTERED: \d+ finding\(s\); the first:\n {2}inconsistent-head: the held head/,
    );
    // The SLA's submission answers with its underpinning gaps: none, the contract's targets are stricter.
    expect(run.stdout).toMatch(
      /"agreementId":"email-sla"[^\n]*"events":\["AgreementVersionSubmitted"\][^\n]*"underpinningGaps":\[\]/,
    );
    expect(run.stdout).toContain('"availabilityPercent":"99.545454"');
    // INC-2's resolution clock told in words, with the arithmetic the README states.
    expect(run.stdout).toMatch(
      /"summary":"Result: breached at [^"]+; 17 h 55 min of business time against a 12 h target/,
    );
    expect(run.stdout).toContain('"percentWithinTarget":"100.0000"');
    // … and as the API answers now.
    const http = httpClient(address);
    const figures = await http.get(
      '/compliance/agreements/email-sla/response-resolution?period=2026-03&timeZone=Europe/Berlin',
    );
    expect(figures.body).toEqual([
      expect.objectContaining({ metric: 'response', tickets: 2, met: 1, breached: 1, percentWithinTarget: '50.0000' }),
      expect.objectContaining({
        metric: 'resolution',
        tickets: 2,
        met: 1,
        breached: 1,
        percentWithinTarget: '50.0000',
      }),
    ]);
    const availability = await http.get(
      '/compliance/agreements/email-sla/availability?period=2026-03&timeZone=Europe/Berlin',
    );
    expect(availability.body.terms).toEqual([
      expect.objectContaining({
        availabilityPercent: '99.545454',
        targetPercentage: 99.5,
        targetMet: true,
        downtime: 3_600_000,
        remainingDowntimeBudget: 360_000,
        version: 1,
      }),
    ]);
    const breaches = await http.get('/compliance/breaches?agreementId=email-sla&period=2026-03');
    const standing = breaches.body.items.filter(
      (breach: { retractedAt: string | null }) => breach.retractedAt === null,
    );
    expect(
      standing.map((breach: { ticketId: string; metric: string }) => `${breach.ticketId} ${breach.metric}`).sort(),
    ).toEqual(['INC-2 resolution', 'INC-2 response']);
    const whatIf = await http.post('/compliance/agreements/email-sla/what-if', {
      period: '2026-03',
      timeZone: 'Europe/Berlin',
      version: 2,
    });
    expect(whatIf.body.tickets).toContainEqual(
      expect.objectContaining({
        ticketId: 'INC-2',
        metric: 'resolution',
        candidate: expect.objectContaining({ version: 2, state: 'met' }),
      }),
    );
    expect(whatIf.body.totals).toContainEqual({
      metric: 'resolution',
      inForce: { met: 1, breached: 1, percentWithinTarget: '50.0000' },
      candidate: { met: 2, breached: 0, percentWithinTarget: '100.0000' },
    });
    const published = await http.get('/reports/email-sla-2026-03-customer/revisions/1');
    expect(published.body).toMatchObject({ status: 'published', draftedBy: 'slm.alice', approvedBy: 'slm.dan' });
    expect(readFileSync(path.join(scratch, 'email-sla-2026-03.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // The consistency proof answered (curl --fail-with-body would have stopped the script otherwise).
    expect(run.stdout).toMatch(/"proof":\[/);
    expect(run.stdout).toContain('OK: the log matches every signed tree head');
    // The auditor's HTTP block: an inclusion proof for the SLA's latest event.
    expect(run.stdout).toMatch(/"leafIndex":\d+,"leafHash":"[0-9a-f]{64}"/);
  }, 180_000);
});
