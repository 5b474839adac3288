import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { agreementStreamName, improvementPlanStreamName, reviewStreamName } from '@sla/agreements-domain';
import {
  builtEntryPoint,
  createTestDatabase,
  eventually,
  freePort,
  givenShanghaiEmailAgreement,
  httpClient,
  startNodeProcess,
  type JsonResponse,
  type RunningProcess,
} from '@sla/test-support';

/**
 * Defect 1 of issue 13: holding a review must not lose its follow-ups when
 * the process carrying them out dies. The API and the projector run as real
 * processes on one database. A transaction of the test holds the agreement
 * stream's row lock (event_store.streams is the append lock), so whichever
 * process carries out the decisions stops at the amendment draft's append,
 * after the review and the improvement plan are stored. Both processes are
 * then killed with SIGKILL and started again: the plan and the draft must
 * exist exactly once. No timing decides where the kill lands: the test
 * waits until PostgreSQL shows the append waiting on that lock.
 */
describe('review follow-ups when the process carrying them out is killed with SIGKILL', () => {
  const reviewId = 'q1-2026-email';
  const planId = 'sip-p1-response';
  let databaseUrl: string;
  let dataDirectory: string;
  let environment: Record<string, string>;
  let processes: RunningProcess[] = [];
  let db: Client;
  const http = () => httpClient(`http://127.0.0.1:${environment.PORT}`, { 'x-actor': 'slm.alice' });

  async function startProduct(): Promise<void> {
    // The API carries out nothing in the background; the projector runs projections and reactors.
    processes = [
      startNodeProcess(builtEntryPoint('api'), [], { ...environment, PROJECTOR: 'off' }),
      startNodeProcess(builtEntryPoint('projector'), [], environment),
    ];
    await eventually(async () => ((await http().get('/health')).status === 200 ? true : undefined), 30_000).catch(
      (error) => {
        throw new Error(`${error}\n${processes.map((running) => running.output()).join('\n---\n')}`);
      },
    );
  }

  async function killProduct(): Promise<void> {
    for (const running of processes) running.child.kill('SIGKILL');
    await Promise.all(processes.map((running) => running.exited));
    processes = [];
  }

  const countEvents = async (stream: string, type: string) =>
    Number(
      (
        await db.query<{ count: string }>(
          'select count(*) from event_store.events where stream_name = $1 and event_type = $2',
          [stream, type],
        )
      ).rows[0].count,
    );

  /** Backends other than ours waiting for a lock inside an append. */
  const appendsWaitingForLock = async () =>
    Number(
      (
        await db.query<{ count: string }>(
          `select count(*) from pg_stat_activity
            where wait_event_type = 'Lock' and query like '%append_events%' and datname = current_database()`,
        )
      ).rows[0].count,
    );

  /** Opens a transaction that holds the append lock of the agreement's stream. */
  async function holdAgreementStream(): Promise<Client> {
    const blocker = new Client({ connectionString: databaseUrl });
    await blocker.connect();
    await blocker.query('begin');
    // Its transaction id comes after every append so far: the global log stays readable up to here.
    await blocker.query('select pg_current_xact_id()');
    return blocker;
  }
  const lockAgreementStream = (blocker: Client) =>
    blocker.query('select revision from event_store.streams where stream_name = $1 for update', [
      agreementStreamName('email-sla'),
    ]);

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('review_follow_ups_sigkill');
    dataDirectory = mkdtempSync(path.join(tmpdir(), 'sla-review-sigkill-'));
    environment = {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDirectory,
      PORT: String(await freePort()),
      PROJECTION_IDLE_MS: '20',
      LOG_LEVEL: 'error',
    };
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await startProduct();
    await givenShanghaiEmailAgreement(http());
    const scheduled = await http().post('/reviews', {
      reviewId,
      kind: 'monthly-internal',
      agreementIds: ['email-sla'],
      periodFrom: '2026-01-01T00:00:00+08:00',
      periodTo: '2026-04-01T00:00:00+08:00',
      scheduledFor: '2026-04-10T09:00:00Z',
    });
    expect(scheduled.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await killProduct();
    await db.end();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('opens the improvement plan and the amendment draft exactly once after the restart', async () => {
    const first = await holdAgreementStream();
    await lockAgreementStream(first);
    let answer: JsonResponse | undefined;
    const answered = http()
      .post(`/reviews/${reviewId}/minutes`, {
        heldAt: '2026-04-10T09:00:00Z',
        attendees: [{ name: 'Alice Chen', role: 'Service level manager', party: 'provider' }],
        minutes: 'P1 response slow in March; the SLA needs an OLA reference.',
        decisions: [
          {
            decisionId: 'improve-p1',
            agreementId: 'email-sla',
            outcome: 'improvement-required',
            rationale: 'P1 response missed',
            improvement: { planId, item: 'P1 response', requirement: 'respond to P1 within 30 minutes' },
          },
          {
            decisionId: 'amend-sla',
            agreementId: 'email-sla',
            outcome: 'agreement-change-required',
            rationale: 'add a P1 OLA reference',
            amendment: { changeRequest: 'CR-2026-077', effectiveFrom: '2026-07-01T00:00:00+08:00' },
          },
        ],
      })
      .then((response) => (answer = response))
      .catch(() => undefined);

    // Either the API carries the decisions out inline and waits at the lock, or it answers at once.
    await eventually(async () => {
      const held = (await countEvents(reviewStreamName(reviewId), 'ReviewHeld')) === 1;
      return held && (answer !== undefined || (await appendsWaitingForLock()) > 0) ? true : undefined;
    }, 30_000);
    const blockers = [first];
    if (answer) {
      expect(answer.status).toBe(200);
      expect(answer.body.followUps).toEqual([
        { decisionId: 'improve-p1', opened: `improvement-plan ${planId}`, error: null },
        { decisionId: 'amend-sla', opened: expect.stringContaining('amendment draft of email-sla'), error: null },
      ]);
      // The review became readable only now that no older transaction is open: hand the lock over to a second
      // transaction begun after the review's append, so the reactor reads the review and stops at the same lock.
      const second = await holdAgreementStream();
      const secondLocked = lockAgreementStream(second);
      await first.query('rollback');
      await secondLocked;
      blockers.push(second);
      await eventually(async () => ((await appendsWaitingForLock()) > 0 ? true : undefined), 30_000);
    }
    // The review and the plan are stored, the draft is not: kill everything that could be carrying the work.
    expect(await countEvents(improvementPlanStreamName(planId), 'ImprovementPlanOpened')).toBe(1);
    expect(await countEvents(agreementStreamName('email-sla'), 'AgreementAmendmentDrafted')).toBe(0);
    await killProduct();
    await answered;
    // A killed client's statement that waits on a lock would still run once the lock is free (PostgreSQL notices the
    // closed socket only when it next talks to the client): end those backends, so the append dies with its process.
    await db.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where wait_event_type = 'Lock' and query like '%append_events%' and datname = current_database()`,
    );
    await eventually(async () => ((await appendsWaitingForLock()) === 0 ? true : undefined));
    for (const blocker of blockers) {
      await blocker.query('rollback').catch(() => undefined);
      await blocker.end();
    }

    await startProduct();
    // Holding it again is refused: the follow-ups can only come from the review already stored.
    const again = await http().post(`/reviews/${reviewId}/minutes`, {
      heldAt: '2026-04-10T09:00:00Z',
      attendees: [{ name: 'Alice Chen', role: 'Service level manager', party: 'provider' }],
      minutes: 'again',
      decisions: [{ decisionId: 'accept', agreementId: 'email-sla', outcome: 'accept', rationale: 'r' }],
    });
    expect(again.body.error.code).toBe('REVIEW_ALREADY_HELD');
    await eventually(
      async () =>
        (await countEvents(agreementStreamName('email-sla'), 'AgreementAmendmentDrafted')) === 1 ? true : undefined,
      30_000,
    ).catch((error) => {
      throw new Error(`the amendment draft was lost: ${error}`);
    });
    // The reactor has handled the review (its checkpoint passed it): nothing more is coming.
    await eventually(async () => {
      const { rows } = await db.query<{ events_applied: string }>(
        `select events_applied from projection_checkpoint where projection_name = 'reactor/review-follow-ups'`,
      );
      return Number(rows[0]?.events_applied ?? 0) >= 1 ? true : undefined;
    }, 30_000);
    expect(await countEvents(improvementPlanStreamName(planId), 'ImprovementPlanOpened')).toBe(1);
    expect(await countEvents(agreementStreamName('email-sla'), 'AgreementAmendmentDrafted')).toBe(1);

    const plan = await eventually(async () => {
      const response = await http().get(`/improvement-plans/${planId}`);
      return response.status === 200 ? response.body : undefined;
    });
    expect(plan).toMatchObject({ planId, reviewId, item: 'P1 response' });
    const amended = await eventually(async () => {
      const response = await http().get('/agreements/email-sla');
      return response.body?.latestVersion === 2 ? response.body : undefined;
    });
    expect(amended.versions[1]).toMatchObject({ status: 'draft', changeRequest: 'CR-2026-077', basedOnVersion: 1 });
  }, 180_000);
});
