import { writeFileSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule, QueryBus } from '@nestjs/cqrs';
import { inclusionProof, type EvidenceBundle, type Hash } from '@sla/audit-domain';
import { AuditModule, ReplayAgreementQuery } from '@sla/audit-feature';
import type { Infrastructure } from '@sla/composition';
import { breachFollowUpStreamName, reportingRange, slaDetectionStreamName } from '@sla/compliance-domain';
import { agreementStreamName, improvementPlanStreamName, reviewStreamName } from '@sla/agreements-domain';
import { ticketStreamName } from '@sla/operations-domain';
import { serviceReportStreamName } from '@sla/reports-domain';
import {
  ComplianceModule,
  GetAgreementAvailabilityQuery,
  GetKpiSummaryQuery,
  GetResponseResolutionComplianceQuery,
  GetRestatementQuery,
  ListBreachesQuery,
  ListFollowUpsQuery,
} from '@sla/compliance-feature';
import { sql, type Kysely } from 'kysely';
import type { ReviewTables } from '@sla/agreements-feature';
import type { ServiceReportTables } from '@sla/reports-feature';
import { StoresModule } from '@sla/nest-platform';

const escape = (value: unknown) =>
  String(value ?? '—').replace(
    /[&<>"]/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character]!,
  );

function table(rows: Record<string, unknown>[], columns: string[]): string {
  if (rows.length === 0) return '<p>none</p>';
  return `<table><tr>${columns.map((column) => `<th>${escape(column)}</th>`).join('')}</tr>${rows.map((row) => `<tr>${columns.map((column) => `<td>${escape(typeof row[column] === 'object' ? JSON.stringify(row[column]) : row[column])}</td>`).join('')}</tr>`).join('')}</table>`;
}

/** A readable summary beside the JSON: the figures as reported and what the proofs cover. */
function summaryHtml(bundle: EvidenceBundle): string {
  const figures = bundle.figures as {
    kpis: Record<string, unknown>[];
    availability: { terms: Record<string, unknown>[] };
    responseResolution: Record<string, unknown>[];
    breaches: Record<string, unknown>[];
    agreementHistory: Record<string, unknown>[];
    reviews: Record<string, unknown>[];
    improvementPlans: Record<string, unknown>[];
    serviceReports: Record<string, unknown>[];
    asReportedAndAsCorrected: { changes: Record<string, unknown>[] } | null;
  };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Evidence: ${escape(bundle.agreementId)} ${escape(bundle.period.label)}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #999;padding:.2em .5em;font-size:.9em;text-align:left}</style></head><body>
<h1>Evidence bundle: agreement ${escape(bundle.agreementId)}, ${escape(bundle.period.label)} (${escape(bundle.period.timeZone)})</h1>
<p>Generated ${escape(bundle.generatedAt)}. ${bundle.events.length} stored events, each with an inclusion proof to the tree head of size ${bundle.treeHead.treeSize}
(root <code>${escape(bundle.treeHead.rootHash)}</code>, signed ${escape(bundle.treeHead.signedAt)} by key ${escape(bundle.treeHead.keyId)}).
Check it offline: <code>npm run cli -- audit verify-bundle &lt;file&gt;.json --public-key &lt;key&gt;.pem</code>.</p>
<h2>Process KPIs</h2>${table(figures.kpis, ['kpi', 'value', 'numerator', 'denominator', 'goal', 'met'])}
<h2>Availability</h2>${table(figures.availability.terms, ['serviceId', 'version', 'from', 'to', 'availabilityPercent', 'targetPercentage', 'targetMet', 'downtime', 'failures'])}
<h2>Response and resolution</h2>${table(figures.responseResolution, ['serviceId', 'priority', 'metric', 'tickets', 'met', 'breached', 'open', 'percentWithinTarget'])}
<h2>Breaches</h2>${table(figures.breaches, ['ticketId', 'metric', 'priority', 'version', 'breachedAt', 'detectedAt', 'retractedAt', 'waiver'])}
<h2>Agreement history</h2>${table(figures.agreementHistory, ['revision', 'type', 'occurredAt', 'recordedAt', 'actor', 'changeRequest'])}
<h2>Reviews and decisions</h2>${table(figures.reviews, ['reviewId', 'kind', 'status', 'heldAt', 'decisions'])}
<h2>Improvement plans</h2>${table(figures.improvementPlans, ['planId', 'item', 'phase', 'owner', 'dueAt', 'percentComplete', 'effective', 'closedAt'])}
<h2>Service reports (as reported)</h2>${table(figures.serviceReports, ['reportId', 'revision', 'status', 'contentHash', 'reason', 'approvedBy', 'publishedAt'])}
<h2>As reported and as corrected</h2>${figures.asReportedAndAsCorrected ? table(figures.asReportedAndAsCorrected.changes, ['ticketId', 'metric', 'reported', 'corrected', 'causedBy']) : '<p>no report published for this period</p>'}
</body></html>`;
}

/**
 * Runs `work` with the query handlers of the compliance and audit features, composed as the API composes them (no
 * HTTP).
 * The stores are the live ones, or those of read models as known at a past instant (with a clock standing then).
 */
export async function withQueryBus<T>(
  stores: Pick<Infrastructure, 'eventStore' | 'readStore'> & { clock?: { now(): Date } },
  work: (queries: QueryBus) => Promise<T>,
): Promise<T> {
  @Module({
    imports: [
      CqrsModule.forRoot(),
      StoresModule.register({
        eventStore: stores.eventStore,
        readStore: stores.readStore,
        clock: stores.clock ?? { now: () => new Date() },
      }),
      ComplianceModule,
      AuditModule,
    ],
  })
  class QueriesModule {}
  const context = await NestFactory.createApplicationContext(QueriesModule, { logger: false });
  try {
    return await work(context.get(QueryBus));
  } finally {
    await context.close();
  }
}

/**
 * Gathers an agreement's evidence for a period: catches the read models up,
 * seals the log and signs a head, collects the figures through the same
 * queries as the API, and the stored events behind them with their proofs.
 */
export async function exportEvidenceBundle(
  infrastructure: Infrastructure,
  options: { agreementId: string; period: string; timeZone: string; out: string },
): Promise<EvidenceBundle> {
  const range = reportingRange(options.period, options.timeZone);
  if (!range)
    throw new Error(`period '${options.period}': a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)`);
  const [from, to] = [new Date(range.from), new Date(range.to)];
  await infrastructure.projections.catchUp();
  await infrastructure.logSealer.seal(true);

  const { agreementId } = options;
  const figures = await withQueryBus(infrastructure, async (queries) => ({
    agreementHistory: await queries.execute(new ReplayAgreementQuery(agreementId)),
    responseResolution: await queries.execute(new GetResponseResolutionComplianceQuery(agreementId, from, to)),
    availability: await queries.execute(new GetAgreementAvailabilityQuery(agreementId, from, to)),
    kpis: await queries.execute(new GetKpiSummaryQuery(agreementId, from, to, options.timeZone)),
    breaches: (await queries.execute(new ListBreachesQuery({ agreementId }, from, to))).items,
    followUps: (await queries.execute(new ListFollowUpsQuery({ status: 'all', agreementId }))).items.filter(
      (followUp) => followUp.breachedAt >= from.toISOString() && followUp.breachedAt < to.toISOString(),
    ),
  }));

  const db = infrastructure.readStore;
  const records = infrastructure.readStore as Kysely<ReviewTables & ServiceReportTables>;
  // Service level management records of the agreement: reviews with their decisions, improvement plans (PDCA).
  const reviews = await records
    .selectFrom('review')
    .selectAll()
    .where(sql<boolean>`agreement_ids @> ${JSON.stringify([agreementId])}::jsonb`)
    .orderBy('scheduled_for')
    .execute();
  const improvementPlans = await records
    .selectFrom('improvement_plan')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('plan_id')
    .execute();
  // What was reported for the period (every revision of its service reports, with content hashes) beside what is known
  // now.
  const reports = await records
    .selectFrom('service_report')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .where('period', '=', options.period)
    .orderBy('report_id')
    .execute();
  const revisions =
    reports.length === 0
      ? []
      : await records
          .selectFrom('service_report_revision')
          .selectAll()
          .where(
            'report_id',
            'in',
            reports.map((report) => report.report_id),
          )
          .orderBy('report_id')
          .orderBy('revision')
          .execute();
  const managementRecords = {
    reviews: reviews.map((review) => ({
      reviewId: review.review_id,
      kind: review.kind,
      status: review.status,
      scheduledFor: review.scheduled_for,
      heldAt: review.held_at,
      attendees: review.attendees,
      minutes: review.minutes,
      decisions: review.decisions,
      facts: review.facts,
    })),
    improvementPlans: improvementPlans.map((plan) => ({
      planId: plan.plan_id,
      item: plan.item,
      phase: plan.phase,
      owner: plan.owner,
      dueAt: plan.due_at,
      percentComplete: plan.percent_complete,
      approvedBy: plan.approved_by,
      effective: plan.effective,
      closedAt: plan.closed_at,
      facts: plan.facts,
    })),
    serviceReports: revisions.map((revision) => ({
      reportId: revision.report_id,
      revision: revision.revision,
      status: revision.status,
      contentHash: revision.content_hash,
      reason: revision.reason,
      draftedBy: revision.drafted_by,
      approvedBy: revision.approved_by,
      publishedAt: revision.published_at,
      content: revision.content,
    })),
  };
  const services = (
    await db
      .selectFrom('compliance_agreement_service')
      .select('service_id')
      .where('agreement_id', '=', agreementId)
      .execute()
  ).map((row: { service_id: string }) => row.service_id);
  const tickets =
    services.length === 0
      ? []
      : (
          await db
            .selectFrom('compliance_ticket')
            .select('ticket_id')
            .where('service_id', 'in', services)
            .where('opened_at', '>=', from)
            .where('opened_at', '<', to)
            .execute()
        ).map((row: { ticket_id: string }) => row.ticket_id);
  const streams = [
    agreementStreamName(agreementId),
    ...tickets.flatMap((ticketId: string) => [ticketStreamName(ticketId), slaDetectionStreamName(ticketId)]),
    ...figures.breaches.map((breach) => breachFollowUpStreamName(breach.eventId)),
    ...reviews.map((review) => reviewStreamName(review.review_id)),
    ...improvementPlans.map((plan) => improvementPlanStreamName(plan.plan_id)),
    ...reports.map((report) => serviceReportStreamName(report.report_id)),
  ];
  const events = (await Promise.all(streams.map((stream) => infrastructure.rawEventStore.readStream(stream)))).flat();
  // As reported: what was known when the period's first report was published (its recording time, not its stated time).
  const firstPublication = events
    .filter((event) => event.type === 'ServiceReportPublished')
    .map((event) => event.recordedAt)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  const asReportedAndAsCorrected = firstPublication
    ? await withQueryBus(infrastructure, (queries) =>
        queries.execute(new GetRestatementQuery(agreementId, from, to, firstPublication)),
      )
    : null;

  const head = await db
    .selectFrom('audit_tree_head')
    .selectAll()
    .orderBy('tree_size', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const key = await db
    .selectFrom('audit_signing_key')
    .selectAll()
    .where('key_id', '=', head.key_id)
    .executeTakeFirstOrThrow();
  const treeSize = Number(head.tree_size);
  const hashes: Hash[] = (
    await db
      .selectFrom('audit_log_leaf')
      .select('leaf_hash')
      .where('leaf_index', '<', String(treeSize))
      .orderBy('leaf_index')
      .execute()
  ).map((row: { leaf_hash: Buffer }) => row.leaf_hash);
  const leaves = new Map(
    (events.length === 0
      ? []
      : await db
          .selectFrom('audit_log_leaf')
          .select(['event_id', 'leaf_index'])
          .where(
            'event_id',
            'in',
            events.map((event) => event.id),
          )
          .execute()
    ).map((row: { event_id: string; leaf_index: string }) => [row.event_id, Number(row.leaf_index)]),
  );
  const bundled = events.flatMap((event) => {
    const leafIndex = leaves.get(event.id);
    if (leafIndex === undefined || leafIndex >= treeSize) return [];
    return [
      {
        id: event.id,
        streamName: event.streamName,
        streamRevision: event.streamRevision.toString(),
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        metadata: event.metadata,
        recordedAt: event.recordedAt.toISOString(),
        leafIndex,
        leafHash: hashes[leafIndex].toString('hex'),
        inclusionProof: inclusionProof(leafIndex, hashes).map((hash) => hash.toString('hex')),
      },
    ];
  });
  const bundle: EvidenceBundle = {
    format: 'sla-engine-evidence-bundle/1',
    generatedAt: new Date().toISOString(),
    agreementId,
    period: { label: options.period, from: from.toISOString(), to: to.toISOString(), timeZone: options.timeZone },
    treeHead: {
      treeSize,
      rootHash: head.root_hash.toString('hex'),
      signedAt: head.signed_at,
      keyId: head.key_id,
      signature: head.signature.toString('base64'),
      publicKeyPem: key.public_key_pem,
    },
    figures: { ...figures, ...managementRecords, asReportedAndAsCorrected },
    events: bundled,
  };
  writeFileSync(options.out, `${JSON.stringify(bundle, null, 2)}\n`);
  writeFileSync(options.out.replace(/\.json$/i, '') + '.html', summaryHtml(bundle));
  return bundle;
}
