import { agreementStreamName } from '@sla/agreements-domain';
import {
  availabilityFromEvents,
  downtimeSetProblems,
  evidenceManifestStreamName,
  responseResolutionFigureProblems,
  responseResolutionFromEvents,
  ticketSetProblems,
  verifyEvidenceBundle,
  type EvidenceBundle,
} from '@sla/audit-domain';
import { slaDetectionStreamName } from '@sla/compliance-domain';
import { maintenanceWindowStreamName, outageStreamName, ticketStreamName } from '@sla/operations-domain';
import { EvidenceBundleExporter } from '@sla/audit-feature';
import { eventually, givenShanghaiEmailAgreement, httpClient } from '@sla/test-support';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * The evidence bundle lives in audit and reaches the other contexts only through the readers their owners export; the
 * API's module list composes it (the CLI's `audit export` uses the same list).
 */
describe('evidence bundle from the audit feature (real app, real PostgreSQL)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi('evidence_bundle_home');
    const http = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' }, api.conformance);
    await givenShanghaiEmailAgreement(http);
    const opened = await http.post('/tickets/INC-7/facts', {
      source: 'servicenow',
      externalId: 'inc-7-open',
      type: 'TicketOpened',
      data: {
        ticketType: 'incident',
        serviceId: 'email',
        priority: 'P1',
        impact: 'high',
        major: false,
        title: 'Mail down',
        occurredAt: '2026-03-09T10:00:00+08:00',
      },
    });
    expect(opened.status).toBe(201);
    await eventually(async () => ((await http.get('/tickets/INC-7')).status === 200 ? true : undefined));
  }, 60_000);

  afterAll(() => api?.close());

  it("exports the agreement's figures and the events behind them with proofs that verify offline", async () => {
    const exporter = api.app.get(EvidenceBundleExporter);
    const { bundle, summaryHtml } = await exporter.export(api.infrastructure, {
      agreementId: 'email-sla',
      period: '2026-03',
      timeZone: 'Asia/Shanghai',
    });

    expect(verifyEvidenceBundle(bundle)).toMatchObject({ ok: true, problems: [] });
    expect(bundle.period).toEqual({
      label: '2026-03',
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-31T16:00:00.000Z',
      timeZone: 'Asia/Shanghai',
    });
    // Read through the compliance reader: the ticket of the agreement's service opened in March, with its stream.
    const streams = new Set(bundle.events.map((event) => event.streamName));
    expect(streams).toContain(agreementStreamName('email-sla'));
    expect(streams).toContain(ticketStreamName('INC-7'));
    expect(Object.keys(bundle.figures)).toEqual([
      'agreementHistory',
      'responseResolution',
      'availability',
      'kpis',
      'breaches',
      'followUps',
      'reviews',
      'improvementPlans',
      'serviceReports',
      'asReportedAndAsCorrected',
    ]);
    expect(bundle.figures).toMatchObject({ reviews: [], improvementPlans: [], serviceReports: [] });
    expect(bundle.figures.asReportedAndAsCorrected).toBeNull();
    expect(summaryHtml).toContain('<h1>Evidence bundle: agreement email-sla, 2026-03 (Asia/Shanghai)</h1>');
  });

  it('downloads over HTTP (GET /audit/agreements/{id}/evidence-bundle) as a file that verifies offline', async () => {
    const http = httpClient(api.baseUrl, { 'x-actor': 'auditor.ann' }, api.conformance);
    // The first quarter, not March: a manifest already logged (the export above) is not logged again under a new actor.
    const url = `${api.baseUrl}/audit/agreements/email-sla/evidence-bundle?period=2026-Q1&timeZone=Asia%2FShanghai`;
    const response = await fetch(url, { headers: { 'x-actor': 'auditor.ann' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="evidence-email-sla-2026-Q1.json"');
    const bundle = (await response.json()) as EvidenceBundle;
    expect(verifyEvidenceBundle(bundle)).toMatchObject({ ok: true, problems: [] });
    expect(bundle.period).toMatchObject({ label: '2026-Q1', timeZone: 'Asia/Shanghai' });
    // The manifest is logged with the actor who asked for the bundle.
    const manifests = await api.infrastructure.eventStore.readStream(evidenceManifestStreamName('email-sla'));
    const record = manifests.find((event) => event.id === bundle.manifestRecord.id);
    expect(record?.metadata.actor).toBe('auditor.ann');
    // Through the client that checks every exchange against /openapi.json.
    expect((await http.get('/audit/agreements/email-sla/evidence-bundle?period=2026-03')).status).toBe(200);
  }, 120_000);

  it('answers field errors for a malformed period or time zone and 404 for an unknown agreement', async () => {
    const http = httpClient(api.baseUrl, { 'x-actor': 'auditor.ann' }, api.conformance);
    const badPeriod = await http.get('/audit/agreements/email-sla/evidence-bundle?period=2026-13');
    expect(badPeriod.status).toBe(400);
    expect(JSON.stringify(badPeriod.body)).toContain('period');
    expect(
      (await http.get('/audit/agreements/email-sla/evidence-bundle?period=2026-03&timeZone=Mars/Base')).status,
    ).toBe(400);
    expect((await http.get('/audit/agreements/email-sla/evidence-bundle')).status).toBe(400);
    expect((await http.get('/audit/agreements/no-such-sla/evidence-bundle?period=2026-03')).status).toBe(404);
  }, 120_000);

  it('refuses a malformed period before reading anything', async () => {
    const exporter = api.app.get(EvidenceBundleExporter);
    await expect(
      exporter.export(api.infrastructure, { agreementId: 'email-sla', period: '2026-13', timeZone: 'UTC' }),
    ).rejects.toThrow("period '2026-13': a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)");
  });
});

/**
 * Issue 14 item 3: a real bundle, changed the ways the independent tampering run changed it. Each must fail and name
 * what is wrong.
 */
describe('a tampered evidence bundle does not verify (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let bundle: EvidenceBundle;
  const tampered = (change: (copy: EvidenceBundle) => void) => {
    const copy = structuredClone(bundle);
    change(copy);
    return verifyEvidenceBundle(copy);
  };

  beforeAll(async () => {
    api = await startTestApi('evidence_bundle_tamper');
    const http = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' }, api.conformance);
    await givenShanghaiEmailAgreement(http);
    const fact = (ticketId: string, externalId: string, type: string, data: Record<string, unknown>) =>
      http.post(`/tickets/${ticketId}/facts`, { source: 'servicenow', externalId, type, data });
    const opened = (occurredAt: string) => ({
      ticketType: 'incident',
      serviceId: 'email',
      priority: 'P1',
      impact: 'high',
      major: false,
      title: 'Mail down',
      occurredAt,
    });
    // INC-1 is never answered: the SLA watch records its response and resolution breaches.
    expect((await fact('INC-1', 'inc-1-open', 'TicketOpened', opened('2026-03-09T10:00:00+08:00'))).status).toBe(201);
    // INC-2 is answered and resolved in time: three events in its stream, nothing breached.
    expect((await fact('INC-2', 'inc-2-open', 'TicketOpened', opened('2026-03-10T10:00:00+08:00'))).status).toBe(201);
    expect(
      (await fact('INC-2', 'inc-2-ack', 'TicketAcknowledged', { occurredAt: '2026-03-10T10:20:00+08:00' })).status,
    ).toBe(201);
    expect(
      (
        await fact('INC-2', 'inc-2-res', 'TicketResolved', {
          resolution: 'restarted the mail relay',
          occurredAt: '2026-03-10T11:00:00+08:00',
        })
      ).status,
    ).toBe(201);
    const outageFact = (outageId: string, externalId: string, type: string, data: Record<string, unknown>) =>
      http.post(`/outages/${outageId}/facts`, { source: 'statuspage', externalId, type, data });
    // O-1: one hour of service time down. O-2: two hours, the first inside the approved window MW-1 (excluded).
    const outage = async (outageId: string, start: string, end: string) => {
      const started = { serviceId: 'email', impact: 'full', occurredAt: start };
      expect((await outageFact(outageId, `${outageId}/start`, 'OutageStarted', started)).status).toBe(201);
      expect((await outageFact(outageId, `${outageId}/end`, 'OutageEnded', { occurredAt: end })).status).toBe(201);
    };
    await outage('O-1', '2026-03-11T10:00:00+08:00', '2026-03-11T11:00:00+08:00');
    await outage('O-2', '2026-03-12T10:00:00+08:00', '2026-03-12T12:00:00+08:00');
    expect(
      (
        await http.post('/maintenance-windows/MW-1/facts', {
          source: 'change-calendar',
          externalId: 'CHG-1',
          type: 'MaintenanceWindowScheduled',
          data: {
            serviceId: 'email',
            changeReference: 'CHG-1',
            title: 'Relay upgrade',
            schedule: { kind: 'once', start: '2026-03-12T09:00:00+08:00', end: '2026-03-12T11:00:00+08:00' },
            occurredAt: '2026-03-05T10:00:00+08:00',
          },
        })
      ).status,
    ).toBe(201);
    const exporter = api.app.get(EvidenceBundleExporter);
    const request = { agreementId: 'email-sla', period: '2026-03', timeZone: 'Asia/Shanghai' };
    // The SLA watch records INC-1's breaches as it finds them. If it looked at INC-2 between its opening and its
    // acknowledgement (the wall clock is long past March), it recorded breaches there too, and retracts them once the
    // later facts show they did not happen. The bundle is exported when INC-1 has both and INC-2 none standing.
    const detected = async (ticketId: string, type: string) =>
      (await api.infrastructure.rawEventStore.readStream(slaDetectionStreamName(ticketId))).filter(
        (event) => event.type === type,
      ).length;
    await eventually(async () => {
      const standing =
        (await detected('INC-2', 'TicketSlaBreached')) - (await detected('INC-2', 'TicketSlaBreachRetracted'));
      return (await detected('INC-1', 'TicketSlaBreached')) === 2 && standing === 0 ? true : undefined;
    }, 30_000);
    ({ bundle } = await exporter.export(api.infrastructure, request));
    const breachedTickets = bundle.events
      .filter((event) => event.type === 'TicketSlaBreached')
      .map((event) => (event.data as { ticketId: string }).ticketId);
    expect(breachedTickets.filter((ticketId) => ticketId === 'INC-1')).toHaveLength(2);
  }, 120_000);

  afterAll(() => api?.close());

  it('verifies as exported', () => {
    expect(verifyEvidenceBundle(bundle)).toMatchObject({ ok: true, problems: [] });
  });

  it("recomputes the stated response and resolution figures from the bundle's events", () => {
    const stated = bundle.figures.responseResolution as Record<string, unknown>[];
    expect(stated.length).toBeGreaterThan(0);
    const fields = ['serviceId', 'priority', 'metric', 'tickets', 'met', 'breached', 'open', 'percentWithinTarget'];
    const pick = (row: Record<string, unknown>) => Object.fromEntries(fields.map((field) => [field, row[field]]));
    expect(responseResolutionFromEvents('email-sla', bundle.period, bundle.events).map(pick)).toEqual(
      expect.arrayContaining(stated.map(pick)),
    );
    expect(
      responseResolutionFigureProblems('email-sla', bundle.period, bundle.events, [
        { ...stated[0], met: Number(stated[0]['met']) + 1 },
        ...stated.slice(1),
      ]),
    ).toEqual([
      `figure responseResolution: email P1 ${String(stated[0]['metric'])} met is stated as ${Number(stated[0]['met']) + 1}, the bundle's events give ${String(stated[0]['met'])}`,
    ]);
  });

  const HOUR = 3_600_000;
  const availabilityTerm = () => (bundle.figures.availability as { terms: Record<string, unknown>[] }).terms[0];

  it("carries the outage and maintenance streams and recomputes the stated availability from the bundle's events", () => {
    const streams = new Set(bundle.events.map((event) => event.streamName));
    for (const stream of [outageStreamName('O-1'), outageStreamName('O-2'), maintenanceWindowStreamName('MW-1')])
      expect(streams).toContain(stream);
    const stated = availabilityTerm();
    expect(stated).toMatchObject({ serviceId: 'email', downtime: 2 * HOUR, excludedMaintenanceDowntime: HOUR });
    const [recomputed] = availabilityFromEvents(
      'email-sla',
      bundle.period,
      bundle.events,
      Date.parse(String(stated['measuredUntil'])),
    );
    expect(stated).toMatchObject(recomputed);
  });

  it("given an outage's end dropped, then the stream and the recomputed downtime name it", () => {
    const ended = bundle.events.find((event) => event.type === 'OutageEnded' && event.streamName === 'outage-O-1')!;
    const result = tampered((copy) => (copy.events = copy.events.filter((event) => event.id !== ended.id)));
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(
      `stream outage-O-1 ends at revision 0 in the bundle, but at revision 1 at the bundle's head`,
    );
    expect(result.problems).toContainEqual(
      expect.stringMatching(
        /^figure availability: term email version 1 from \S+ downtime is stated as 7200000, the bundle's events give \d+$/,
      ),
    );
  });

  it('given an outage dropped whole with its manifest entries, then the stated terms still name it', () => {
    const result = tampered((copy) => {
      copy.events = copy.events.filter((event) => event.streamName !== 'outage-O-1');
      copy.manifest = {
        ...copy.manifest,
        events: copy.manifest.events.filter((event) => event.streamName !== 'outage-O-1'),
        streams: copy.manifest.streams.filter((stream) => stream.streamName !== 'outage-O-1'),
      };
    });
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(
      'the stated availability of email counts outage O-1, whose stream is not in the bundle',
    );
    expect(result.problems).toContainEqual(
      expect.stringMatching(
        /^figure availability: term email version 1 from \S+ downtime is stated as 7200000, the bundle's events give 3600000$/,
      ),
    );
  });

  it('given the maintenance window dropped, then the recomputed excluded downtime differs', () => {
    const result = tampered(
      (copy) => (copy.events = copy.events.filter((event) => event.streamName !== 'maintenance-MW-1')),
    );
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.stringMatching(
        /^figure availability: term email version 1 from \S+ downtime is stated as 7200000, the bundle's events give 10800000$/,
      ),
    );
  });

  it('given the stated availability edited, then the section hash and the recomputation both name it', () => {
    const result = tampered((copy) => {
      const [term] = (copy.figures.availability as { terms: Record<string, unknown>[] }).terms;
      term['availabilityPercent'] = '100.000000';
    });
    expect(result.ok).toBe(false);
    expect(result.problems).toContain("figure section 'availability' is not the one the logged manifest committed to");
    const { from, availabilityPercent } = availabilityTerm();
    expect(result.problems).toContain(
      `figure availability: term email version 1 from ${String(from)} availabilityPercent is stated as 100.000000, the bundle's events give ${String(availabilityPercent)}`,
    );
  });

  it('given an outage of a service the agreement does not cover, then the downtime set names it', () => {
    const foreign = structuredClone(bundle.events.find((event) => event.type === 'OutageStarted')!);
    foreign.streamName = 'outage-VPN-1';
    foreign.data = { ...(foreign.data as object), outageId: 'VPN-1', serviceId: 'vpn' };
    expect(downtimeSetProblems('email-sla', [...bundle.events, foreign], bundle.figures.availability)).toEqual([
      "stream outage-VPN-1 is for service 'vpn', which agreement email-sla does not cover",
    ]);
  });

  it("given a whole ticket's streams dropped, then the manifest names its events and the recomputed figures differ", () => {
    const result = tampered(
      (copy) => (copy.events = copy.events.filter((event) => !event.streamName.endsWith('INC-2'))),
    );
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.stringMatching(/^event .* \(TicketOpened, ticket-INC-2@0\) is in the logged manifest but missing/),
    );
    expect(result.problems).toContainEqual(
      expect.stringMatching(
        /^figure responseResolution: email P1 \w+ tickets is stated as 2, the bundle's events give 1$/,
      ),
    );
  });

  it('given a ticket of a service the agreement does not cover, then the ticket set names it', () => {
    const foreign = structuredClone(bundle.events.find((event) => event.type === 'TicketOpened')!);
    foreign.streamName = 'ticket-VPN-1';
    foreign.data = { ...(foreign.data as object), ticketId: 'VPN-1', serviceId: 'vpn' };
    expect(ticketSetProblems('email-sla', bundle.period, [...bundle.events, foreign], [])).toEqual([
      "ticket stream ticket-VPN-1 is for service 'vpn', which agreement email-sla does not cover",
    ]);
  });

  it('given one event dropped from the middle of a stream, then it names the event and the gap', () => {
    const acknowledged = bundle.events.find((event) => event.type === 'TicketAcknowledged')!;
    const result = tampered((copy) => (copy.events = copy.events.filter((event) => event.id !== acknowledged.id)));
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(
      `event ${acknowledged.id} (TicketAcknowledged, ${acknowledged.streamName}@1) is in the logged manifest but missing from the bundle`,
    );
    expect(result.problems).toContain(`stream ${acknowledged.streamName} is not contiguous: revision 1 is missing`);
  });

  it("given a stream's last event dropped, then the logged manifest names it", () => {
    const resolved = bundle.events.find((event) => event.type === 'TicketResolved')!;
    const result = tampered((copy) => (copy.events = copy.events.filter((event) => event.id !== resolved.id)));
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(
      `event ${resolved.id} (TicketResolved, ${resolved.streamName}@2) is in the logged manifest but missing from the bundle`,
    );
    expect(result.problems).toContain(
      `stream ${resolved.streamName} ends at revision 1 in the bundle, but at revision 2 at the bundle's head`,
    );
  });

  it('given every breach event dropped, then the recomputed breaches differ from the stated ones', () => {
    const result = tampered(
      (copy) => (copy.events = copy.events.filter((event) => event.type !== 'TicketSlaBreached')),
    );
    expect(result.ok).toBe(false);
    const [firstBreach] = bundle.figures.breaches as { eventId: string }[];
    expect(result.problems).toContain(
      `figure breaches: the stated figures list breach ${firstBreach.eventId}, which no TicketSlaBreached event in the bundle records`,
    );
  });

  it('given every breach event and the breaches figure dropped together, then the manifest still names both', () => {
    const result = tampered((copy) => {
      copy.events = copy.events.filter((event) => event.type !== 'TicketSlaBreached');
      copy.figures.breaches = [];
    });
    expect(result.ok).toBe(false);
    expect(result.problems).toContain("figure section 'breaches' is not the one the logged manifest committed to");
    // Each dropped breach event is named: INC-1's two, and any the watch recorded (and retracted) for INC-2.
    const dropped = bundle.events.filter((event) => event.type === 'TicketSlaBreached').length;
    expect(dropped).toBeGreaterThanOrEqual(2);
    expect(result.problems.filter((problem) => /^event .* missing from the bundle$/.test(problem))).toHaveLength(
      dropped,
    );
  });

  it('given a figure section emptied, then it names the section', () => {
    const result = tampered((copy) => (copy.figures.responseResolution = []));
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(
      "figure section 'responseResolution' is not the one the logged manifest committed to",
    );
  });

  it('given the agreement relabelled, then it says the manifest was logged for another agreement', () => {
    const result = tampered((copy) => (copy.agreementId = 'other-sla'));
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(
      "the bundle is labelled agreement 'other-sla', but its logged manifest is for agreement 'email-sla'",
    );
  });

  it('given the period relabelled, then it says the manifest was logged for another period', () => {
    const result = tampered((copy) => (copy.period = { ...copy.period, label: '2026-04' }));
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(
      "the bundle is labelled period '2026-04', but its logged manifest is for period '2026-03'",
    );
  });

  it('given the manifest rewritten to match a dropped event, then its hash no longer matches the logged one', () => {
    const resolved = bundle.events.find((event) => event.type === 'TicketResolved')!;
    const result = tampered((copy) => {
      copy.events = copy.events.filter((event) => event.id !== resolved.id);
      copy.manifest = { ...copy.manifest, events: copy.manifest.events.filter((event) => event.id !== resolved.id) };
    });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(
      /^the bundle's manifest hashes to [0-9a-f]{64}, not to the hash logged in event /,
    );
  });
});
