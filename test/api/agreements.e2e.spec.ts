import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient, type openApiConformance } from '@sla/test-support';

/** An SLA from draft to renewal, with an underpinning contract and an amendment, through the real HTTP app. */
describe('agreements over HTTP (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  let customer: ReturnType<typeof httpClient>;
  let supplier: ReturnType<typeof httpClient>;
  let conformance: ReturnType<typeof openApiConformance>;
  let databaseUrl: string;

  beforeAll(async () => {
    api = await startTestApi('api_agreements', {}, { now: () => new Date('2026-03-01T09:00:00Z') });
    ({ databaseUrl, conformance } = api);
    const base = api.baseUrl;
    http = httpClient(base, { 'x-actor': 'slm.alice' }, conformance);
    customer = httpClient(base, { 'x-actor': 'finance.bob' }, conformance);
    supplier = httpClient(base, { 'x-actor': 'mailhost.carol' }, conformance);
  });
  afterAll(() => api?.close());

  const weekdays = (window: string) => ({ mon: [window], tue: [window], wed: [window], thu: [window], fri: [window] });
  const hours = (amount: number) => ({ unit: 'business-hours', amount });
  const target = (
    priority: string,
    response: number,
    resolution: number,
    calendarId: string,
    supportedBy: unknown[] = [],
  ) => ({
    serviceId: 'email',
    priority,
    response: { duration: hours(response), calendarId },
    resolution: { duration: hours(resolution), calendarId },
    supportedBy,
  });
  const provider = { name: 'IT Services', contacts: [{ name: 'Alice Chen', role: 'Service level manager' }] };
  const alice = { name: 'Alice Chen', title: 'Service level manager' };
  const bob = { name: 'Bob Meyer', title: 'Head of Finance' };
  const carol = { name: 'Carol Diaz', title: 'Account manager, MailHost Ltd' };

  const view = (agreementId: string, until: (body: any) => boolean) =>
    eventually(async () => {
      const response = await http.get(`/agreements/${agreementId}`);
      return response.status === 200 && until(response.body) ? response.body : undefined;
    });

  async function storedEvents(): Promise<number> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ count: string }>('select count(*) from event_store.events');
    await client.end();
    return Number(rows[0].count);
  }

  it('takes an SLA with an underpinning contract from draft through amendment to renewal', async () => {
    for (const [id, weeklyWindows] of [
      ['round-the-clock', '24x7'],
      ['office', weekdays('08:00-18:00')],
    ] as const) {
      const defined = await http.post('/calendars', {
        definition: { id, name: id, timeZone: 'Europe/Berlin', versions: [{ weeklyWindows }] },
      });
      expect(defined.status).toBe(201);
    }
    await eventually(async () => ((await http.get('/calendars/office')).status === 200 ? true : undefined));

    // Agreements may only name catalogued services and defined calendars.
    const unknown = await http.post('/agreements', {
      agreementId: 'too-early',
      kind: 'UC',
      provider,
      counterparty: { name: 'x' },
      content: { title: 't', services: ['email'], effectiveFrom: '2026-03-01T00:00:00Z' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('UNKNOWN_SERVICE');
    expect(
      (
        await http.post('/services', {
          serviceId: 'email',
          name: 'Corporate e-mail',
          owner: { name: 'Li Wei' },
          calendarId: 'office',
          changeRequest: 'CR-2026-001',
        })
      ).status,
    ).toBe(201);
    await eventually(async () => ((await http.get('/services/email')).status === 200 ? true : undefined));

    // The underpinning contract with the mail host: stricter than what the SLA promises.
    const uc = await http.post('/agreements', {
      agreementId: 'mailhost-uc',
      kind: 'UC',
      provider,
      counterparty: { name: 'MailHost Ltd' },
      content: {
        title: 'Mail hosting contract',
        services: ['email'],
        serviceTargets: [target('P2', 2, 8, 'office')],
        availabilityTargets: [
          { serviceId: 'email', percentage: 99.95, period: 'month', calendarId: 'round-the-clock' },
        ],
        effectiveFrom: '2026-03-01T00:00:00Z',
      },
    });
    expect(uc.status).toBe(201);
    expect(await http.post('/agreements/mailhost-uc/versions/1/submission', {})).toMatchObject({
      status: 200,
      body: { underpinningGaps: [] },
    });
    expect(
      (await http.post('/agreements/mailhost-uc/versions/1/signatures', { party: 'provider', signatory: alice }))
        .status,
    ).toBe(200);
    const ucApproved = await supplier.post('/agreements/mailhost-uc/versions/1/signatures', {
      party: 'counterparty',
      signatory: carol,
    });
    expect(ucApproved.body.events).toEqual(['AgreementVersionSigned', 'AgreementVersionApproved']);
    await view('mailhost-uc', (body) => body.status === 'in-effect');

    // The SLA: P2 backed by the UC, P1 backed by nothing.
    const slaContent = {
      title: 'E-mail SLA',
      services: ['email'],
      serviceTargets: [
        target('P1', 0.5, 2, 'round-the-clock'),
        target('P2', 4, 12, 'office', [{ agreementId: 'mailhost-uc', serviceId: 'email', priority: 'P2' }]),
      ],
      availabilityTargets: [
        {
          serviceId: 'email',
          percentage: 99.9,
          period: 'month',
          calendarId: 'round-the-clock',
          supportedBy: [{ agreementId: 'mailhost-uc', serviceId: 'email' }],
        },
      ],
      effectiveFrom: '2026-04-01T00:00:00Z',
      expiresAt: '2027-04-01T00:00:00Z',
    };
    const drafted = await http.post('/agreements', {
      agreementId: 'email-sla',
      kind: 'SLA',
      provider,
      counterparty: { name: 'Finance department' },
      content: slaContent,
    });
    expect(drafted).toMatchObject({ status: 201, body: { agreementId: 'email-sla', streamRevision: '0' } });

    // Before submitting, the draft's gaps can be previewed: the same check, read-only.
    const previewed = await eventually(async () => {
      const answer = await http.get('/agreements/email-sla/versions/1/underpinning-gaps');
      return answer.status === 200 ? answer.body : undefined;
    });
    expect(previewed).toMatchObject({ agreementId: 'email-sla', version: 1, versionStatus: 'draft' });
    const eventsBeforeSubmission = await storedEvents();
    expect((await http.get('/agreements/email-sla/versions/1/underpinning-gaps')).status).toBe(200);
    expect(await storedEvents()).toBe(eventsBeforeSubmission);
    // An OLA or UC underpins, it is not underpinned; an unknown version is a 404, a bad one a 400 naming it.
    expect((await http.get('/agreements/mailhost-uc/versions/1/underpinning-gaps')).body).toMatchObject({
      versionStatus: 'approved',
      underpinningGaps: [],
    });
    expect((await http.get('/agreements/email-sla/versions/9/underpinning-gaps')).status).toBe(404);
    const badVersion = await http.get('/agreements/email-sla/versions/first/underpinning-gaps');
    expect(badVersion.status).toBe(400);
    expect(JSON.stringify(badVersion.body.error)).toContain('version');

    const submitted = await http.post('/agreements/email-sla/versions/1/submission', {});
    expect(submitted.status).toBe(200);
    expect(submitted.body.underpinningGaps).toEqual(previewed.underpinningGaps);
    // The submission answers with the gaps it recorded, beside its events.
    expect(submitted.body.events).toEqual(['AgreementVersionSubmitted']);
    const submittedGaps = submitted.body.underpinningGaps.map(
      (gap: { priority: string; metric: string; problem: string }) => [gap.priority, gap.metric, gap.problem],
    );
    expect(submittedGaps).toEqual([
      ['P1', 'response', 'unsupported'],
      ['P1', 'resolution', 'unsupported'],
    ]);
    const afterSubmission = await view('email-sla', (body) => body.versions[0].status === 'submitted');
    expect(
      afterSubmission.versions[0].underpinningGaps.map((gap: { priority: string; metric: string; problem: string }) => [
        gap.priority,
        gap.metric,
        gap.problem,
      ]),
    ).toEqual([
      ['P1', 'response', 'unsupported'],
      ['P1', 'resolution', 'unsupported'],
    ]);

    // Approval with gaps is refused unless the approver accepts the risk on record.
    const refused = await http.post('/agreements/email-sla/versions/1/signatures', {
      party: 'provider',
      signatory: alice,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('UNDERPINNING_GAPS_NOT_ACCEPTED');
    expect(refused.body.error.details).toEqual(submitted.body.underpinningGaps);
    const accepted = await http.post('/agreements/email-sla/versions/1/signatures', {
      party: 'provider',
      signatory: alice,
      riskAcceptance: { reason: 'P1 handled by the internal on-call team until an OLA is signed' },
    });
    expect(accepted.status).toBe(200);
    const approved = await customer.post('/agreements/email-sla/versions/1/signatures', {
      party: 'counterparty',
      signatory: bob,
      riskAcceptance: { reason: 'accepted in the negotiation meeting of 1 March' },
    });
    expect(approved.body.events).toEqual(['AgreementVersionSigned', 'AgreementVersionApproved']);
    const inEffect = await view('email-sla', (body) => body.status === 'in-effect');
    expect(
      inEffect.versions[0].signatures.map((signature: { party: string; actor: string }) => [
        signature.party,
        signature.actor,
      ]),
    ).toEqual([
      ['provider', 'slm.alice'],
      ['counterparty', 'finance.bob'],
    ]);

    // A stale If-Match is a clean conflict, and nothing is stored.
    const before = await storedEvents();
    const stale = await http.post(
      '/agreements/email-sla/amendments',
      { changeRequest: 'CR-2026-050', content: { ...slaContent, effectiveFrom: '2026-07-01T00:00:00Z' } },
      { 'if-match': '"3"' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONCURRENT_MODIFICATION');
    expect(await storedEvents()).toBe(before);

    // An amendment under change control, approved again by both parties.
    const etag = (await http.get('/agreements/email-sla')).body.revision;
    const amendment = await http.post(
      '/agreements/email-sla/amendments',
      {
        changeRequest: 'CR-2026-050',
        content: {
          ...slaContent,
          title: 'E-mail SLA (faster P2)',
          serviceTargets: [
            slaContent.serviceTargets[0],
            target('P2', 3, 10, 'office', [{ agreementId: 'mailhost-uc', serviceId: 'email', priority: 'P2' }]),
          ],
          effectiveFrom: '2026-07-01T00:00:00Z',
        },
      },
      { 'if-match': `"${etag}"` },
    );
    expect(amendment).toMatchObject({ status: 201, body: { events: ['AgreementAmendmentDrafted'] } });
    await http.post('/agreements/email-sla/versions/2/submission', {});
    await http.post('/agreements/email-sla/versions/2/signatures', {
      party: 'provider',
      signatory: alice,
      riskAcceptance: { reason: 'P1 still on internal on-call' },
    });
    await customer.post('/agreements/email-sla/versions/2/signatures', {
      party: 'counterparty',
      signatory: bob,
      riskAcceptance: { reason: 'agreed' },
    });
    await view('email-sla', (body) => body.approvedVersion === 2);

    // A readable diff between the versions.
    const diff = (await http.get('/agreements/email-sla/diff?from=1&to=2')).body;
    expect(diff.changeRequest).toBe('CR-2026-050');
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        { path: 'serviceTargets[email P2].resolution.duration.amount', change: 'changed', before: 12, after: 10 },
        { path: 'title', change: 'changed', before: 'E-mail SLA', after: 'E-mail SLA (faster P2)' },
      ]),
    );

    // Which version was in force when: a ticket of 3 May is judged by version 1.
    expect((await http.get('/agreements/email-sla/in-force?at=2026-03-15T00:00:00Z')).body.inForce).toBeNull();
    expect((await http.get('/agreements/email-sla/in-force?at=2026-05-03T10:00:00Z')).body.inForce).toMatchObject({
      version: 1,
      changeRequest: null,
    });
    expect((await http.get('/agreements/email-sla/in-force?at=2026-07-02T10:00:00Z')).body.inForce).toMatchObject({
      version: 2,
      changeRequest: 'CR-2026-050',
    });

    // Notice shorter than 30 days is refused; renewal extends the term.
    const shortNotice = await customer.post('/agreements/email-sla/termination-notice', {
      givenBy: 'counterparty',
      reason: 'budget',
      terminatesAt: '2026-03-20T00:00:00Z',
    });
    expect(shortNotice.status).toBe(422);
    expect(shortNotice.body.error.code).toBe('NOTICE_PERIOD_TOO_SHORT');
    expect((await http.post('/agreements/email-sla/renewal', { expiresAt: '2028-04-01T00:00:00Z' })).status).toBe(200);
    const renewed = await view('email-sla', (body) => body.expiresAt === '2028-04-01T00:00:00.000Z');
    expect(renewed).toMatchObject({
      kind: 'SLA',
      status: 'in-effect',
      approvedVersion: 2,
      latestVersion: 2,
      title: 'E-mail SLA (faster P2)',
    });

    const history = (await http.get('/agreements/email-sla/history')).body;
    expect(history.map((entry: { event: string }) => entry.event)).toEqual([
      'AgreementDrafted',
      'AgreementVersionSubmitted',
      'AgreementVersionSigned',
      'AgreementVersionSigned',
      'AgreementVersionApproved',
      'AgreementAmendmentDrafted',
      'AgreementVersionSubmitted',
      'AgreementVersionSigned',
      'AgreementVersionSigned',
      'AgreementVersionApproved',
      'AgreementRenewed',
    ]);
    expect(history[5]).toMatchObject({ actor: 'slm.alice', changeRequest: 'CR-2026-050', version: 2 });
  }, 60_000);

  it('holds a review whose decisions open an improvement plan and an amendment draft, and follows the plan through PDCA', async () => {
    const scheduled = await http.post('/reviews', {
      reviewId: 'annual-2026-email',
      kind: 'annual-agreement',
      agreementIds: ['email-sla', 'mailhost-uc'],
      periodFrom: '2026-01-01T00:00:00Z',
      periodTo: '2027-01-01T00:00:00Z',
      scheduledFor: '2027-01-15T10:00:00Z',
    });
    expect(scheduled.status).toBe(201);
    const held = await http.post('/reviews/annual-2026-email/minutes', {
      heldAt: '2027-01-15T10:00:00Z',
      attendees: [
        { name: 'Alice Chen', role: 'Service level manager', party: 'provider' },
        { name: 'Bob Meyer', role: 'Head of Finance', party: 'customer' },
        { name: 'Carol Diaz', role: 'Account manager', party: 'supplier' },
      ],
      minutes: 'P1 resolution missed twice; supplier met every target.',
      decisions: [
        { decisionId: 'accept-uc', agreementId: 'mailhost-uc', outcome: 'accept', rationale: 'all targets met' },
        {
          decisionId: 'improve-p1',
          agreementId: 'email-sla',
          outcome: 'improvement-required',
          rationale: 'P1 resolution missed',
          improvement: { planId: 'sip-p1-resolution', item: 'P1 resolution', requirement: 'resolve P1 within 2 h' },
        },
        {
          decisionId: 'change-sla',
          agreementId: 'email-sla',
          outcome: 'agreement-change-required',
          rationale: 'add a P1 OLA reference',
          amendment: { changeRequest: 'CR-2027-004', effectiveFrom: '2027-04-01T00:00:00Z' },
        },
      ],
    });
    expect(held.status).toBe(200);
    expect(held.body.followUps).toEqual([
      { decisionId: 'accept-uc', opened: null, error: null },
      { decisionId: 'improve-p1', opened: 'improvement-plan sip-p1-resolution', error: null },
      { decisionId: 'change-sla', opened: expect.stringContaining('amendment draft of email-sla'), error: null },
    ]);
    const amended = await view('email-sla', (body) => body.latestVersion === 3);
    expect(amended.versions[2]).toMatchObject({
      status: 'draft',
      changeRequest: 'CR-2027-004',
      basedOnVersion: 2,
      content: { effectiveFrom: '2027-04-01T00:00:00Z' },
    });
    const reviewed = await eventually(async () => {
      const response = await http.get('/reviews?agreementId=email-sla');
      return response.body?.items?.[0]?.status === 'held' ? response.body.items : undefined;
    });
    expect(reviewed[0]).toMatchObject({
      reviewId: 'annual-2026-email',
      minutes: 'P1 resolution missed twice; supplier met every target.',
      recordedBy: 'slm.alice',
    });
    expect(
      (
        await http.post('/reviews/annual-2026-email/minutes', {
          heldAt: '2027-01-15T10:00:00Z',
          attendees: [{ name: 'x', role: 'y', party: 'internal' }],
          minutes: 'again',
          decisions: [{ decisionId: 'x1', agreementId: 'email-sla', outcome: 'accept', rationale: 'r' }],
        })
      ).body.error.code,
    ).toBe('REVIEW_ALREADY_HELD');

    // Plan (detail, approve), do, check, act; overdue while open past its due date.
    const plan = '/improvement-plans/sip-p1-resolution';
    await eventually(async () => ((await http.get(plan)).status === 200 ? true : undefined));
    expect((await http.post(`${plan}/progress`, { note: 'too early', percentComplete: 5 })).body.error.code).toBe(
      'PLAN_NOT_APPROVED',
    );
    await http.post(`${plan}/details`, {
      approach: 'second on-call line for P1',
      owner: 'Alice Chen',
      dueAt: '2026-02-01T00:00:00Z',
      resources: 'two engineers',
    });
    await customer.post(`${plan}/approval`, {});
    await http.post(`${plan}/progress`, { note: 'rota live', percentComplete: 80 });
    const overdue = await eventually(async () => {
      const response = await http.get('/improvement-plans?overdue=true');
      return response.body?.items?.[0]?.phase === 'in-progress' ? response.body.items : undefined;
    });
    expect(overdue.map((entry: { planId: string }) => entry.planId)).toEqual(['sip-p1-resolution']);
    expect(overdue[0]).toMatchObject({ approvedBy: 'finance.bob', percentComplete: 80, overdue: true });
    expect((await http.post(`${plan}/closure`, { outcome: 'done' })).body.error.code).toBe(
      'EFFECTIVENESS_NOT_REVIEWED',
    );
    await http.post(`${plan}/effectiveness-review`, {
      effective: true,
      evidence: 'no P1 breach since the rota started',
    });
    expect((await http.post(`${plan}/closure`, { outcome: 'P1 resolution within target' })).status).toBe(200);
    const closed = await eventually(async () => {
      const response = await http.get(plan);
      return response.body?.phase === 'closed' ? response.body : undefined;
    });
    expect(closed).toMatchObject({ overdue: false, effective: true, outcome: 'P1 resolution within target' });
    expect((await http.get('/improvement-plans?overdue=true')).body).toEqual({ items: [], nextCursor: null });

    // The annual review of every SLA and UC: due a year after the last one held.
    const dueBefore = (await http.get('/annual-reviews-due?at=2027-06-01T00:00:00Z')).body.items;
    expect(dueBefore).toEqual([]);
    const dueLater = (await http.get('/annual-reviews-due?at=2028-02-01T00:00:00Z')).body.items;
    expect(dueLater.map((entry: { agreementId: string }) => entry.agreementId).sort()).toEqual([
      'email-sla',
      'mailhost-uc',
    ]);
    expect(dueLater[0]).toMatchObject({
      lastAnnualReviewAt: '2027-01-15T10:00:00.000Z',
      dueAt: '2028-01-15T10:00:00.000Z',
    });
  }, 60_000);

  it('refuses bad input with each field and reason, and stores nothing', async () => {
    const before = await storedEvents();
    const response = await http.post('/agreements', {
      agreementId: 'Bad Id',
      kind: 'XLA',
      provider: { name: '' },
      counterparty: { name: 'x' },
      content: {
        title: 't',
        services: [],
        serviceTargets: [{ serviceId: 'email', priority: 'P9' }],
        effectiveFrom: 'tomorrow',
      },
    });
    expect(response.status).toBe(400);
    const fields = response.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(fields).toEqual(
      expect.arrayContaining([
        'agreementId',
        'kind',
        'provider.name',
        'content.services',
        'content.serviceTargets.0.priority',
        'content.effectiveFrom',
      ]),
    );
    expect(await storedEvents()).toBe(before);
  });

  it('answers 404 and 409 with stable codes', async () => {
    expect((await http.post('/agreements/nobody/versions/1/submission', {})).body.error.code).toBe(
      'AGREEMENT_NOT_FOUND',
    );
    const again = await http.post('/agreements', {
      agreementId: 'mailhost-uc',
      kind: 'UC',
      provider,
      counterparty: { name: 'x' },
      template: {
        title: 't',
        services: ['email'],
        tier: 'basic',
        calendars: { roundTheClock: 'round-the-clock', businessHours: 'office' },
        effectiveFrom: '2026-03-01T00:00:00Z',
      },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('AGREEMENT_ALREADY_EXISTS');
  });

  it('sent and received only what the OpenAPI document describes', () => {
    // Every exchange above went through the document's schemas; a mismatch fails the test that made it.
    expect(conformance.checked).toBeGreaterThan(40);
  });
});
