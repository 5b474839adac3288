import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import {
  agreementStreamName,
  improvementPlanStreamName,
  reviewStreamName,
  type AgreementContent,
} from '@sla/agreements-domain';
import {
  availabilityFigureProblems,
  breachFigureProblems,
  downtimeSetProblems,
  buildEvidenceManifest,
  responseResolutionFigureProblems,
  ticketSetProblems,
  EvidenceManifestRecorded,
  evidenceManifestEventId,
  evidenceManifestHash,
  evidenceManifestStreamName,
  type EvidenceBundle,
} from '@sla/audit-domain';
import { proveEventsUnderLatestHead } from '@sla/audit-read-models';
import { breachFollowUpStreamName, reportingRange, slaDetectionStreamName } from '@sla/compliance-domain';
import { serviceCalendarStreamName } from '@sla/catalogue-domain';
import type { EventStore, RecordedEvent } from '@sla/event-sourcing';
import { CLOCK, READ_STORE, type Clock } from '@sla/nest-platform';
import { maintenanceWindowStreamName, outageStreamName, ticketStreamName } from '@sla/operations-domain';
import { serviceReportStreamName } from '@sla/reports-domain';
import { ReplayAgreementQuery } from '../replays.queries';
import { evidenceSummaryHtml } from './evidence-summary.html';
import { EVIDENCE_SOURCES, type EvidenceSources, type EvidenceSourcesBinding } from './evidence-sources';

const SEAL_PASSES = 50;
const CONSISTENT_GATHER_ATTEMPTS = 10;

/** What a bundle needs of the opened infrastructure beyond the read models: the log as stored, caught up, sealed. */
export type SealableLog = {
  /** The store as written, without upcasting: what the audit tree commits to. */
  readonly rawEventStore: EventStore;
  /** The store through the product's schemas: where the manifest's record is appended. */
  readonly eventStore: EventStore;
  readonly projections: { catchUp(): Promise<unknown> };
  readonly logSealer: { seal(force: boolean): Promise<unknown> };
};

export type EvidenceRequest = {
  readonly agreementId: string;
  readonly period: string;
  readonly timeZone: string;
  /** Who asked for the bundle: the actor of the manifest's record in the log. */
  readonly actor?: string;
};

/**
 * Gathers an agreement's evidence for a period: catches the read models up, seals the log and signs a head, collects
 * the figures through the same queries as the API, and the stored events behind them with their proofs.
 */
@Injectable()
export class EvidenceBundleExporter {
  constructor(
    private readonly queries: QueryBus,
    @Inject(EVIDENCE_SOURCES) private readonly sources: EvidenceSources,
    @Inject(READ_STORE) private readonly readStore: Kysely<any>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async export(log: SealableLog, request: EvidenceRequest): Promise<{ bundle: EvidenceBundle; summaryHtml: string }> {
    const range = reportingRange(request.period, request.timeZone);
    if (!range)
      throw new Error(
        `period '${request.period}': a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)`,
      );
    const [from, to] = [new Date(range.from), new Date(range.to)];
    const period = {
      label: request.period,
      from: from.toISOString(),
      to: to.toISOString(),
      timeZone: request.timeZone,
    };
    const { agreementId } = request;
    // The figures come from the read models, the events from their streams: a fact (an SLA watch finding) stored
    // between the two reads would make them disagree. Gather again until the figures recomputed from the events
    // match the stated ones, as the verifier will check them.
    let gathered = await this.gather(log, request, from, to);
    for (let attempt = 1; attempt < CONSISTENT_GATHER_ATTEMPTS; attempt += 1) {
      if (figureProblems(agreementId, period, gathered).length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      gathered = await this.gather(log, request, from, to);
    }
    const { events, allFigures } = gathered;
    // Every event read is sealed before the manifest lists it (one appended since the first seal too).
    const sealed = await this.sealUntilProven(log, events);
    const manifest = buildEvidenceManifest({ agreementId, period, events: sealed.events, figures: allFigures });
    // The manifest's hash goes into the log and is sealed before the bundle is handed out: the head the bundle is
    // proven against then commits to exactly this manifest, for anyone who holds that head or a later one.
    const manifestHash = evidenceManifestHash(manifest);
    const recordId = evidenceManifestEventId(manifestHash);
    await log.eventStore.appendToStream(
      evidenceManifestStreamName(agreementId),
      [
        {
          id: recordId,
          type: EvidenceManifestRecorded.type,
          schemaVersion: EvidenceManifestRecorded.schemaVersion,
          data: { agreementId, period: request.period, manifestHash, events: manifest.events.length },
          metadata: { actor: request.actor ?? 'evidence-export', correlationId: recordId, source: 'evidence-export' },
        },
      ],
      'any',
    );
    const [record] = (await log.rawEventStore.readStream(evidenceManifestStreamName(agreementId))).filter(
      (event) => event.id === recordId,
    );
    if (!record) throw new Error(`the manifest's record ${recordId} was not stored`);
    const proven = await this.sealUntilProven(log, [...events, record]);
    const manifestRecord = proven.events.find((event) => event.id === recordId)!;
    const listed = new Set(manifest.events.map((entry) => entry.id));
    const bundle: EvidenceBundle = {
      format: 'sla-engine-evidence-bundle/2',
      generatedAt: this.clock.now().toISOString(),
      agreementId,
      period,
      treeHead: proven.treeHead,
      figures: allFigures,
      // Only what the manifest lists: events sealed by the second pass came after the manifest was made.
      events: proven.events.filter((event) => listed.has(event.id)),
      manifest,
      manifestRecord,
    };
    return { bundle, summaryHtml: evidenceSummaryHtml(bundle) };
  }

  /** The figures as the product gives them now, and the stored events behind them. */
  private async gather(log: SealableLog, request: EvidenceRequest, from: Date, to: Date) {
    const { agreementId } = request;
    await log.projections.catchUp();
    await log.logSealer.seal(true);

    const { sources } = this;
    const figures = {
      agreementHistory: await this.queries.execute(new ReplayAgreementQuery(agreementId)),
      ...(await sources.periodFigures(agreementId, from, to, request.timeZone)),
      followUps: await sources.followUpsOfBreachesIn(agreementId, from, to),
    };
    // Service level management records of the agreement: reviews with their decisions, improvement plans (PDCA).
    const { reviews, improvementPlans } = await sources.governanceRecords(agreementId);
    // What was reported for the period (every revision of its service reports, with content hashes) beside what is
    // known now.
    const reports = await sources.serviceReportRevisions(agreementId, request.period);
    // The tickets opened in the period, and those opened earlier that breached in it (the breach log names them).
    const tickets = [
      ...new Set([
        ...(await sources.ticketsOpenedIn(agreementId, from, to)),
        ...figures.breaches.map((breach) => breach.ticketId),
      ]),
    ];
    // The outages and maintenance windows availability is measured from, so that a verifier can measure it again.
    const downtime = await sources.downtimeRecordsOf(agreementId, from, to);
    const streams = [
      agreementStreamName(agreementId),
      ...downtime.outageIds.map(outageStreamName),
      ...downtime.maintenanceWindowIds.map(maintenanceWindowStreamName),
      ...tickets.flatMap((ticketId) => [ticketStreamName(ticketId), slaDetectionStreamName(ticketId)]),
      ...figures.breaches.map((breach) => breachFollowUpStreamName(breach.eventId)),
      ...reviews.map((review) => reviewStreamName(review.reviewId)),
      ...improvementPlans.map((plan) => improvementPlanStreamName(plan.planId)),
      ...reports.reportIds.map((reportId) => serviceReportStreamName(reportId)),
    ];
    const read = async (names: readonly string[]) =>
      (await Promise.all([...new Set(names)].map((stream) => log.rawEventStore.readStream(stream)))).flat();
    const events = await read(streams);
    // The calendars the agreement's targets are measured in, so that a verifier can evaluate the tickets' clocks.
    events.push(...(await read(calendarStreamsOf(events.filter((event) => streams[0] === event.streamName)))));
    // As reported: what was known when the period's first report was published (its recording time, not its stated
    // time).
    const firstPublication = events
      .filter((event) => event.type === 'ServiceReportPublished')
      .map((event) => event.recordedAt)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    const asReportedAndAsCorrected = firstPublication
      ? await sources.restatement(agreementId, from, to, firstPublication)
      : null;

    const allFigures = {
      ...figures,
      reviews,
      improvementPlans,
      serviceReports: reports.revisions,
      asReportedAndAsCorrected,
    };
    return { events, allFigures };
  }

  /**
   * Seals until one head covers every given event. The log is read in commit-safe order, so an event just appended can
   * stay out of the sealer's reach while a transaction that began before it is still open (docs/event-store-
   * postgres.md): a few passes, then a clear refusal rather than a bundle with a gap.
   */
  private async sealUntilProven(log: SealableLog, events: readonly RecordedEvent[]) {
    for (let pass = 1; ; pass += 1) {
      await log.logSealer.seal(true);
      const proven = await proveEventsUnderLatestHead(this.readStore, events);
      if (proven.events.length === events.length) return proven;
      if (pass === SEAL_PASSES)
        throw new Error(
          `${events.length - proven.events.length} of the bundle's events were not sealed after ${pass} passes: sealing stopped (see audit_seal_finding and /health)`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The calendar streams every version of the agreement names in its response, resolution and availability targets. */
function calendarStreamsOf(agreementEvents: readonly RecordedEvent[]): string[] {
  const calendarIds = new Set<string>();
  for (const event of agreementEvents) {
    const content = (event.data as { content?: AgreementContent }).content;
    for (const target of content?.serviceTargets ?? [])
      for (const calendarId of [target.response.calendarId, target.resolution.calendarId]) calendarIds.add(calendarId);
    for (const target of content?.availabilityTargets ?? []) calendarIds.add(target.calendarId);
  }
  return [...calendarIds].sort().map(serviceCalendarStreamName);
}

/** The evidence bundle export; needs the audit queries (AuditModule) and the stores, with its sources bound. */
@Module({})
export class EvidenceModule {
  static register(sources: EvidenceSourcesBinding): DynamicModule {
    return {
      module: EvidenceModule,
      imports: sources.imports ?? [],
      providers: [
        { provide: EVIDENCE_SOURCES, inject: sources.inject ?? [], useFactory: sources.useFactory },
        EvidenceBundleExporter,
      ],
      exports: [EvidenceBundleExporter],
    };
  }
}

/** What the verifier will find between the stated figures and those recomputed from the events (JSON, as shipped). */
function figureProblems(
  agreementId: string,
  period: { readonly from: string; readonly to: string },
  gathered: { readonly events: readonly RecordedEvent[]; readonly allFigures: object },
): string[] {
  const asShipped = JSON.stringify({ events: gathered.events, figures: gathered.allFigures }, (_key, value) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
  const { events, figures } = JSON.parse(asShipped);
  return [
    ...ticketSetProblems(agreementId, period, events, figures.breaches ?? []),
    ...downtimeSetProblems(agreementId, events, figures.availability),
    ...breachFigureProblems(agreementId, period, events, figures.breaches),
    ...responseResolutionFigureProblems(agreementId, period, events, figures.responseResolution),
    ...availabilityFigureProblems(agreementId, period, events, figures.availability),
  ];
}
