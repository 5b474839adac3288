import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { agreementStreamName, improvementPlanStreamName, reviewStreamName } from '@sla/agreements-domain';
import type { EvidenceBundle } from '@sla/audit-domain';
import { proveEventsUnderLatestHead } from '@sla/audit-read-models';
import { breachFollowUpStreamName, reportingRange, slaDetectionStreamName } from '@sla/compliance-domain';
import type { EventStore } from '@sla/event-sourcing';
import { CLOCK, READ_STORE, type Clock } from '@sla/nest-platform';
import { ticketStreamName } from '@sla/operations-domain';
import { serviceReportStreamName } from '@sla/reports-domain';
import { ReplayAgreementQuery } from '../replays.queries';
import { evidenceSummaryHtml } from './evidence-summary.html';
import { EVIDENCE_SOURCES, type EvidenceSources, type EvidenceSourcesBinding } from './evidence-sources';

/** What a bundle needs of the opened infrastructure beyond the read models: the log as stored, caught up, sealed. */
export type SealableLog = {
  /** The store as written, without upcasting: what the audit tree commits to. */
  readonly rawEventStore: EventStore;
  readonly projections: { catchUp(): Promise<unknown> };
  readonly logSealer: { seal(force: boolean): Promise<unknown> };
};

export type EvidenceRequest = { readonly agreementId: string; readonly period: string; readonly timeZone: string };

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
    await log.projections.catchUp();
    await log.logSealer.seal(true);

    const { agreementId } = request;
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
    const tickets = await sources.ticketsOpenedIn(agreementId, from, to);
    const streams = [
      agreementStreamName(agreementId),
      ...tickets.flatMap((ticketId) => [ticketStreamName(ticketId), slaDetectionStreamName(ticketId)]),
      ...figures.breaches.map((breach) => breachFollowUpStreamName(breach.eventId)),
      ...reviews.map((review) => reviewStreamName(review.reviewId)),
      ...improvementPlans.map((plan) => improvementPlanStreamName(plan.planId)),
      ...reports.reportIds.map((reportId) => serviceReportStreamName(reportId)),
    ];
    const events = (await Promise.all(streams.map((stream) => log.rawEventStore.readStream(stream)))).flat();
    // As reported: what was known when the period's first report was published (its recording time, not its stated
    // time).
    const firstPublication = events
      .filter((event) => event.type === 'ServiceReportPublished')
      .map((event) => event.recordedAt)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    const asReportedAndAsCorrected = firstPublication
      ? await sources.restatement(agreementId, from, to, firstPublication)
      : null;

    const proven = await proveEventsUnderLatestHead(this.readStore, events);
    const bundle: EvidenceBundle = {
      format: 'sla-engine-evidence-bundle/1',
      generatedAt: this.clock.now().toISOString(),
      agreementId,
      period: { label: request.period, from: from.toISOString(), to: to.toISOString(), timeZone: request.timeZone },
      treeHead: proven.treeHead,
      figures: { ...figures, reviews, improvementPlans, serviceReports: reports.revisions, asReportedAndAsCorrected },
      events: proven.events,
    };
    return { bundle, summaryHtml: evidenceSummaryHtml(bundle) };
  }
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
