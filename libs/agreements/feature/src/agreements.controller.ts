import { Controller, ForbiddenException, Headers, Inject, NotFoundException, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import { toDomainEvent, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import {
  agreementContentSchema,
  agreementStreamName,
  assertKnownReferences,
  diffAgreementContent,
  draftContentFromTemplate,
  versionInForceAt,
  type AgreementEvent,
  type UnderpinningGap,
  type AgreementKind,
} from '@sla/agreements-domain';
import { RequestPrincipal, signatureRefusal, type Principal } from '@sla/access-control';
import {
  Endpoint,
  ValidBody,
  ValidParam,
  ValidQuery,
  CLOCK,
  EVENT_STORE,
  READ_STORE,
  RequestMetadata,
  keysetAfter,
  pageOf,
  parseIfMatch,
  versionParameter,
  type Clock,
  type KeysetColumn,
} from '@sla/nest-platform';
import { ChangeAgreementCommand, UnderpinningCheck } from './commands/change-agreement.command';
import type { AgreementTables } from './read-models/agreements.projection';
import {
  agreementHistoryRoute,
  agreementIdParameter,
  amendBody,
  diffQuery,
  diffVersionsRoute,
  draftAgreementRoute,
  draftAmendmentRoute,
  draftBody,
  expireAgreementRoute,
  getAgreementRoute,
  giveTerminationNoticeRoute,
  inForceQuery,
  listAgreementsQuery,
  listAgreementsRoute,
  plainBody,
  reasonBody,
  renewAgreementRoute,
  renewBody,
  resumeAgreementRoute,
  reviseBody,
  reviseDraftRoute,
  signBody,
  signVersionRoute,
  submitBody,
  submitVersionRoute,
  suspendAgreementRoute,
  terminationBody,
  versionInForceRoute,
} from './agreements.routes';

const AGREEMENT_ORDER: KeysetColumn[] = [{ column: 'agreement_id', direction: 'asc' }];

type Response = { setHeader(name: string, value: string): void };

/** Service level managers' agreement process: every step an event with its actor. */
@Controller()
export class AgreementsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly underpinning: UnderpinningCheck,
    @Inject(READ_STORE) private readonly db: Kysely<AgreementTables>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private now(occurredAt: string | undefined): string {
    return occurredAt ?? this.clock.now().toISOString();
  }

  /** Services and calendars named by the content must exist (read models: the catalogue is another context). */
  private async checkReferences(content: z.infer<typeof agreementContentSchema>): Promise<void> {
    const db = this.db as unknown as Kysely<{
      service_catalogue: { service_id: string; status: string };
      service_calendar: { calendar_id: string };
    }>;
    const services = await db
      .selectFrom('service_catalogue')
      .select('service_id')
      .where('status', '<>', 'retired')
      .execute();
    const calendars = await db.selectFrom('service_calendar').select('calendar_id').execute();
    assertKnownReferences(
      content,
      new Set(services.map((row) => row.service_id)),
      new Set(calendars.map((row) => row.calendar_id)),
    );
  }

  private change(
    agreementId: string,
    command: ChangeAgreementCommand['command'],
    metadata: EventMetadata,
    ifMatch: string | undefined,
  ) {
    return this.commands.execute(new ChangeAgreementCommand(agreementId, command, metadata, parseIfMatch(ifMatch)));
  }

  @Endpoint(draftAgreementRoute)
  async draft(
    @ValidBody(draftAgreementRoute) body: z.infer<typeof draftBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const content = body.content ?? draftContentFromTemplate(body.template!);
    await this.checkReferences(content);
    return this.change(
      body.agreementId,
      {
        type: 'DraftAgreement',
        data: {
          agreementId: body.agreementId,
          kind: body.kind,
          provider: body.provider,
          counterparty: body.counterparty,
          content,
          occurredAt: this.now(body.occurredAt),
        },
      },
      metadata,
      undefined,
    );
  }

  @Endpoint(reviseDraftRoute)
  async revise(
    @ValidParam(reviseDraftRoute, 'agreementId', agreementIdParameter) agreementId: string,
    @ValidParam(reviseDraftRoute, 'version', versionParameter) version: number,
    @ValidBody(reviseDraftRoute) body: z.infer<typeof reviseBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    await this.checkReferences(body.content);
    return this.change(
      agreementId,
      {
        type: 'ReviseDraft',
        data: { version, content: body.content, note: body.note, occurredAt: this.now(body.occurredAt) },
      },
      metadata,
      ifMatch,
    );
  }

  @Endpoint(submitVersionRoute)
  async submit(
    @ValidParam(submitVersionRoute, 'agreementId', agreementIdParameter) agreementId: string,
    @ValidParam(submitVersionRoute, 'version', versionParameter) version: number,
    @ValidBody(submitVersionRoute) body: z.infer<typeof submitBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const occurredAt = this.now(body.occurredAt);
    // The gaps recorded in the submission, answered beside its events: the approvers' to-do list.
    let underpinningGaps: UnderpinningGap[] = [];
    const submitted = await this.change(
      agreementId,
      async (state) => {
        underpinningGaps = await this.underpinning.gapsFor(state, version);
        return { type: 'SubmitVersion', data: { version, underpinningGaps, occurredAt } };
      },
      metadata,
      ifMatch,
    );
    return { ...submitted, underpinningGaps };
  }

  @Endpoint(signVersionRoute)
  sign(
    @ValidParam(signVersionRoute, 'agreementId', agreementIdParameter) agreementId: string,
    @ValidParam(signVersionRoute, 'version', versionParameter) version: number,
    @ValidBody(signVersionRoute) body: z.infer<typeof signBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
    @RequestPrincipal() principal: Principal | null,
  ) {
    const occurredAt = this.now(body.occurredAt);
    return this.change(
      agreementId,
      async (state) => {
        // Decided on the stream's own counterparty, not the read model the guard scoped the customer by.
        const refusal =
          principal && state.exists ? signatureRefusal(principal, body.party, state.counterparty.name) : null;
        if (refusal) throw new ForbiddenException(refusal);
        return {
          type: 'SignVersion',
          data: {
            version,
            party: body.party,
            signatory: body.signatory,
            // Checked again at signing: supporting agreements may have changed since submission.
            underpinningGaps: await this.underpinning.gapsFor(state, version),
            riskAcceptance: body.riskAcceptance
              ? { acceptedBy: metadata.actor, reason: body.riskAcceptance.reason }
              : null,
            signedBy: metadata.actor,
            occurredAt,
          },
        };
      },
      metadata,
      ifMatch,
    );
  }

  @Endpoint(draftAmendmentRoute)
  async amend(
    @ValidParam(draftAmendmentRoute, 'agreementId', agreementIdParameter) agreementId: string,
    @ValidBody(draftAmendmentRoute) body: z.infer<typeof amendBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    await this.checkReferences(body.content);
    return this.change(
      agreementId,
      {
        type: 'DraftAmendment',
        data: { changeRequest: body.changeRequest, content: body.content, occurredAt: this.now(body.occurredAt) },
      },
      metadata,
      ifMatch,
    );
  }

  @Endpoint(suspendAgreementRoute)
  suspend(
    @ValidParam(suspendAgreementRoute, 'agreementId', agreementIdParameter) agreementId: string,
    @ValidBody(suspendAgreementRoute) body: z.infer<typeof reasonBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.change(
      agreementId,
      { type: 'SuspendAgreement', data: { reason: body.reason, occurredAt: this.now(body.occurredAt) } },
      metadata,
      ifMatch,
    );
  }

  @Endpoint(resumeAgreementRoute)
  resume(
    @ValidParam(resumeAgreementRoute, 'agreementId', agreementIdParameter) agreementId: string,
    @ValidBody(resumeAgreementRoute) body: z.infer<typeof plainBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.change(
      agreementId,
      { type: 'ResumeAgreement', data: { occurredAt: this.now(body.occurredAt) } },
      metadata,
      ifMatch,
    );
  }

  @Endpoint(giveTerminationNoticeRoute)
  terminate(
    @ValidParam(giveTerminationNoticeRoute, 'agreementId', agreementIdParameter) agreementId: string,
    @ValidBody(giveTerminationNoticeRoute) body: z.infer<typeof terminationBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.change(
      agreementId,
      {
        type: 'GiveTerminationNotice',
        data: {
          givenBy: body.givenBy,
          reason: body.reason,
          terminatesAt: body.terminatesAt,
          shortNoticeAgreement: body.shortNoticeAgreement ?? null,
          occurredAt: this.now(body.occurredAt),
        },
      },
      metadata,
      ifMatch,
    );
  }

  @Endpoint(renewAgreementRoute)
  renew(
    @ValidParam(renewAgreementRoute, 'agreementId', agreementIdParameter) agreementId: string,
    @ValidBody(renewAgreementRoute) body: z.infer<typeof renewBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.change(
      agreementId,
      { type: 'RenewAgreement', data: { expiresAt: body.expiresAt, occurredAt: this.now(body.occurredAt) } },
      metadata,
      ifMatch,
    );
  }

  @Endpoint(expireAgreementRoute)
  expire(
    @ValidParam(expireAgreementRoute, 'agreementId', agreementIdParameter) agreementId: string,
    @ValidBody(expireAgreementRoute) body: z.infer<typeof plainBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.change(
      agreementId,
      { type: 'ExpireAgreement', data: { occurredAt: this.now(body.occurredAt) } },
      metadata,
      ifMatch,
    );
  }

  @Endpoint(listAgreementsRoute)
  async list(@ValidQuery(listAgreementsRoute) query: z.infer<typeof listAgreementsQuery>) {
    let select = this.db
      .selectFrom('agreement')
      .selectAll()
      .orderBy('agreement_id')
      .limit(query.limit + 1);
    if (query.kind) select = select.where('kind', '=', query.kind);
    if (query.status) select = select.where('status', '=', query.status);
    if (query.counterparty) select = select.where(sql<boolean>`counterparty->>'name' = ${query.counterparty}`);
    const after = keysetAfter(AGREEMENT_ORDER, query.cursor);
    if (after) select = select.where(after);
    return pageOf(await select.execute(), query.limit, (row) => [row.agreement_id], toAgreementView);
  }

  @Endpoint(getAgreementRoute)
  async get(
    @ValidParam(getAgreementRoute, 'agreementId', agreementIdParameter) agreementId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const row = await this.db
      .selectFrom('agreement')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .executeTakeFirst();
    if (!row) throw new NotFoundException(`no agreement '${agreementId}' (yet: views follow the log within moments)`);
    const versions = await this.db
      .selectFrom('agreement_version')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .orderBy('version')
      .execute();
    response.setHeader('ETag', `"${row.stream_revision}"`);
    return { ...toAgreementView(row), versions: versions.map(toVersionView) };
  }

  @Endpoint(agreementHistoryRoute)
  async history(@ValidParam(agreementHistoryRoute, 'agreementId', agreementIdParameter) agreementId: string) {
    const rows = await this.db
      .selectFrom('agreement_history')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .orderBy('stream_revision')
      .execute();
    return rows.map((row) => ({
      revision: Number(row.stream_revision),
      event: row.event_type,
      version: row.version,
      actor: row.actor,
      correlationId: row.correlation_id,
      changeRequest: row.change_request,
      occurredAt: row.occurred_at.toISOString(),
      recordedAt: row.recorded_at.toISOString(),
      summary: row.summary,
    }));
  }

  /** What changed between two versions, field by field. */
  @Endpoint(diffVersionsRoute)
  async diff(
    @ValidParam(diffVersionsRoute, 'agreementId', agreementIdParameter) agreementId: string,
    @ValidQuery(diffVersionsRoute) query: z.infer<typeof diffQuery>,
  ) {
    const rows = await this.db
      .selectFrom('agreement_version')
      .select(['version', 'content', 'change_request'])
      .where('agreement_id', '=', agreementId)
      .where('version', 'in', [query.from, query.to])
      .execute();
    const from = rows.find((row) => row.version === query.from);
    const to = rows.find((row) => row.version === query.to);
    if (!from || !to)
      throw new NotFoundException(`agreement '${agreementId}' has no version ${!from ? query.from : query.to}`);
    return {
      agreementId,
      from: query.from,
      to: query.to,
      changeRequest: to.change_request,
      changes: diffAgreementContent(from.content, to.content),
    };
  }

  /** Which version was in force at an instant, read from the agreement's own events. */
  @Endpoint(versionInForceRoute)
  async inForce(
    @ValidParam(versionInForceRoute, 'agreementId', agreementIdParameter) agreementId: string,
    @ValidQuery(versionInForceRoute) query: z.infer<typeof inForceQuery>,
  ) {
    const events = (await this.store.readStream(agreementStreamName(agreementId))).map((event) =>
      toDomainEvent<AgreementEvent>(event),
    );
    if (events.length === 0) throw new NotFoundException(`no agreement '${agreementId}'`);
    const inForce = versionInForceAt(events, Date.parse(query.at));
    return { agreementId, at: query.at, inForce };
  }
}

function toAgreementView(row: Selectable<AgreementTables['agreement']>) {
  return {
    agreementId: row.agreement_id,
    // The column holds only kinds the AgreementDrafted event allowed.
    kind: row.kind as AgreementKind,
    title: row.title,
    provider: row.provider,
    counterparty: row.counterparty,
    status: row.status,
    approvedVersion: row.approved_version,
    latestVersion: row.latest_version,
    terminatesAt: row.terminates_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    revision: Number(row.stream_revision),
  };
}

function toVersionView(row: Selectable<AgreementTables['agreement_version']>) {
  return {
    version: row.version,
    status: row.status,
    changeRequest: row.change_request,
    basedOnVersion: row.based_on_version,
    content: row.content,
    signatures: row.signatures,
    underpinningGaps: row.underpinning_gaps,
    draftedAt: row.drafted_at.toISOString(),
    draftedRecordedAt: row.drafted_recorded_at?.toISOString() ?? null,
    draftedBy: row.drafted_by,
    approvedAt: row.approved_at?.toISOString() ?? null,
    approvedRecordedAt: row.approved_recorded_at?.toISOString() ?? null,
  };
}
