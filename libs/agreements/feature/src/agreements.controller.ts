import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import { CalendarCatalogue, ServiceCatalogueReader } from '@sla/catalogue-read-models';
import { toDomainEvent, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import {
  agreementContentSchema,
  agreementKindSchema,
  agreementStreamName,
  assertKnownReferences,
  diffAgreementContent,
  draftContentFromTemplate,
  partySchema,
  versionInForceAt,
  type AgreementEvent,
  type UnderpinningGap,
} from '@sla/agreements-domain';
import { RequestPrincipal, signatureRefusal, type Principal } from '@sla/access-control';
import {
  CLOCK,
  EVENT_STORE,
  READ_STORE,
  RequestMetadata,
  ZodValidationPipe,
  keysetAfter,
  pageOf,
  pageQueryShape,
  pageSchema,
  parseIfMatch,
  versionParameter,
  writeErrors,
  type Clock,
  type KeysetColumn,
  type RouteDocumentation,
} from '@sla/nest-platform';
import { ChangeAgreementCommand, UnderpinningCheck } from './commands/change-agreement.command';
import type { AgreementTables } from './read-models/agreements.projection';

const instant = z.iso.datetime({ offset: true });
const agreementIdParameter = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'not an agreement id');
const signatory = z.strictObject({ name: z.string().trim().min(1), title: z.string().trim().min(1) });

const draftBody = z
  .strictObject({
    agreementId: agreementIdParameter,
    kind: agreementKindSchema,
    provider: partySchema,
    counterparty: partySchema,
    content: agreementContentSchema.optional(),
    /** Start from a shipped template instead of full content. */
    template: z
      .strictObject({
        title: z.string().trim().min(1),
        services: z.array(z.string().min(1)).min(1),
        tier: z.enum(['basic', 'standard', 'advanced', 'exceptional']),
        calendars: z.strictObject({ roundTheClock: z.string().min(1), businessHours: z.string().min(1) }),
        effectiveFrom: instant,
        expiresAt: instant.optional(),
      })
      .optional(),
    occurredAt: instant.optional(),
  })
  .refine((body) => (body.content === undefined) !== (body.template === undefined), {
    message: 'give either content or template',
    path: ['content'],
  });
const reviseBody = z.strictObject({
  content: agreementContentSchema,
  note: z.string().max(2_000).default(''),
  occurredAt: instant.optional(),
});
const submitBody = z.strictObject({ occurredAt: instant.optional() });
const signBody = z.strictObject({
  party: z.enum(['provider', 'counterparty']),
  signatory,
  riskAcceptance: z.strictObject({ reason: z.string().trim().min(1) }).optional(),
  occurredAt: instant.optional(),
});
const amendBody = z.strictObject({
  changeRequest: z.string().trim().min(1).max(100),
  content: agreementContentSchema,
  occurredAt: instant.optional(),
});
const reasonBody = z.strictObject({ reason: z.string().trim().min(1), occurredAt: instant.optional() });
const plainBody = z.strictObject({ occurredAt: instant.optional() });
const terminationBody = z.strictObject({
  givenBy: z.enum(['provider', 'counterparty']),
  reason: z.string().trim().min(1),
  terminatesAt: instant,
  shortNoticeAgreement: z
    .strictObject({ provider: signatory, counterparty: signatory, reason: z.string().trim().min(1) })
    .optional(),
  occurredAt: instant.optional(),
});
const renewBody = z.strictObject({ expiresAt: instant, occurredAt: instant.optional() });
const inForceQuery = z.strictObject({ at: instant });
const diffQuery = z.strictObject({ from: versionParameter, to: versionParameter });
const listAgreementsQuery = z.strictObject({
  kind: z.enum(['SLA', 'OLA', 'UC']).optional(),
  status: z.enum(['drafting', 'in-effect', 'suspended', 'terminating', 'expired']).optional(),
  counterparty: z.string().min(1).max(300).optional().describe("the counterparty's name"),
  ...pageQueryShape,
});
const AGREEMENT_ORDER: KeysetColumn[] = [{ column: 'agreement_id', direction: 'asc' }];

type Response = { setHeader(name: string, value: string): void };

/** Service level managers' agreement process: every step an event with its actor. */
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly underpinning: UnderpinningCheck,
    @Inject(READ_STORE) private readonly db: Kysely<AgreementTables>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly services: ServiceCatalogueReader,
    private readonly calendars: CalendarCatalogue,
  ) {}

  private now(occurredAt: string | undefined): string {
    return occurredAt ?? this.clock.now().toISOString();
  }

  /** Services and calendars named by the content must exist (read through the catalogue's readers). */
  private async checkReferences(content: z.infer<typeof agreementContentSchema>): Promise<void> {
    assertKnownReferences(content, await this.services.servicesNotRetired(), await this.calendars.calendarIds());
  }

  private change(
    agreementId: string,
    command: ChangeAgreementCommand['command'],
    metadata: EventMetadata,
    ifMatch: string | undefined,
  ) {
    return this.commands.execute(new ChangeAgreementCommand(agreementId, command, metadata, parseIfMatch(ifMatch)));
  }

  @Post()
  async draft(
    @Body(new ZodValidationPipe(draftBody)) body: z.infer<typeof draftBody>,
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

  @Post(':agreementId/versions/:version/revisions')
  @HttpCode(200)
  async revise(
    @Param('agreementId', new ZodValidationPipe(agreementIdParameter, 'path')) agreementId: string,
    @Param('version', new ZodValidationPipe(versionParameter, 'path')) version: number,
    @Body(new ZodValidationPipe(reviseBody)) body: z.infer<typeof reviseBody>,
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

  @Post(':agreementId/versions/:version/submission')
  @HttpCode(200)
  async submit(
    @Param('agreementId', new ZodValidationPipe(agreementIdParameter, 'path')) agreementId: string,
    @Param('version', new ZodValidationPipe(versionParameter, 'path')) version: number,
    @Body(new ZodValidationPipe(submitBody)) body: z.infer<typeof submitBody>,
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

  @Post(':agreementId/versions/:version/signatures')
  @HttpCode(200)
  sign(
    @Param('agreementId', new ZodValidationPipe(agreementIdParameter, 'path')) agreementId: string,
    @Param('version', new ZodValidationPipe(versionParameter, 'path')) version: number,
    @Body(new ZodValidationPipe(signBody)) body: z.infer<typeof signBody>,
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

  @Post(':agreementId/amendments')
  async amend(
    @Param('agreementId', new ZodValidationPipe(agreementIdParameter, 'path')) agreementId: string,
    @Body(new ZodValidationPipe(amendBody)) body: z.infer<typeof amendBody>,
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

  @Post(':agreementId/suspension')
  @HttpCode(200)
  suspend(
    @Param('agreementId', new ZodValidationPipe(agreementIdParameter, 'path')) agreementId: string,
    @Body(new ZodValidationPipe(reasonBody)) body: z.infer<typeof reasonBody>,
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

  @Post(':agreementId/resumption')
  @HttpCode(200)
  resume(
    @Param('agreementId', new ZodValidationPipe(agreementIdParameter, 'path')) agreementId: string,
    @Body(new ZodValidationPipe(plainBody)) body: z.infer<typeof plainBody>,
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

  @Post(':agreementId/termination-notice')
  @HttpCode(200)
  terminate(
    @Param('agreementId', new ZodValidationPipe(agreementIdParameter, 'path')) agreementId: string,
    @Body(new ZodValidationPipe(terminationBody)) body: z.infer<typeof terminationBody>,
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

  @Post(':agreementId/renewal')
  @HttpCode(200)
  renew(
    @Param('agreementId', new ZodValidationPipe(agreementIdParameter, 'path')) agreementId: string,
    @Body(new ZodValidationPipe(renewBody)) body: z.infer<typeof renewBody>,
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

  @Post(':agreementId/expiry')
  @HttpCode(200)
  expire(
    @Param('agreementId', new ZodValidationPipe(agreementIdParameter, 'path')) agreementId: string,
    @Body(new ZodValidationPipe(plainBody)) body: z.infer<typeof plainBody>,
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

  @Get()
  async list(@Query(new ZodValidationPipe(listAgreementsQuery, 'query')) query: z.infer<typeof listAgreementsQuery>) {
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

  @Get(':agreementId')
  async get(
    @Param('agreementId', new ZodValidationPipe(agreementIdParameter, 'path')) agreementId: string,
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

  @Get(':agreementId/history')
  async history(@Param('agreementId', new ZodValidationPipe(agreementIdParameter, 'path')) agreementId: string) {
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
  @Get(':agreementId/diff')
  async diff(
    @Param('agreementId', new ZodValidationPipe(agreementIdParameter, 'path')) agreementId: string,
    @Query(new ZodValidationPipe(diffQuery, 'query')) query: z.infer<typeof diffQuery>,
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
  @Get(':agreementId/in-force')
  async inForce(
    @Param('agreementId', new ZodValidationPipe(agreementIdParameter, 'path')) agreementId: string,
    @Query(new ZodValidationPipe(inForceQuery, 'query')) query: z.infer<typeof inForceQuery>,
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
    kind: row.kind,
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

const changed = z.object({ agreementId: z.string(), streamRevision: z.string(), events: z.array(z.string()) });
const underpinningGap = z.object({
  metric: z.string(),
  serviceId: z.string(),
  priority: z.string().nullable(),
  problem: z.string(),
  supportingAgreementId: z.string().nullable(),
  detail: z.string(),
});
const agreementView = z.object({
  agreementId: z.string(),
  kind: agreementKindSchema,
  title: z.string(),
  provider: z.unknown(),
  counterparty: z.unknown(),
  status: z.enum(['drafting', 'in-effect', 'suspended', 'terminating', 'expired']),
  approvedVersion: z.number().nullable(),
  latestVersion: z.number(),
  terminatesAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revision: z.number(),
});
const versionView = z.object({
  version: z.number(),
  status: z.enum(['draft', 'submitted', 'approved']),
  changeRequest: z.string().nullable(),
  basedOnVersion: z.number().nullable(),
  content: z.unknown(),
  signatures: z.array(
    z.object({
      party: z.string(),
      signatory: z.object({ name: z.string(), title: z.string() }),
      /** When the signature was given (may be back-dated) and when it was entered. */
      signedAt: z.string(),
      recordedAt: z.string(),
      actor: z.string(),
      riskAcceptance: z.unknown(),
    }),
  ),
  underpinningGaps: z.array(underpinningGap),
  draftedAt: z.string(),
  draftedRecordedAt: z.string().nullable(),
  draftedBy: z.string(),
  approvedAt: z.string().nullable(),
  approvedRecordedAt: z.string().nullable(),
});
const historyEntry = z.object({
  revision: z.number(),
  event: z.string(),
  version: z.number().nullable(),
  actor: z.string(),
  correlationId: z.string(),
  changeRequest: z.string().nullable(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  summary: z.string(),
});
const write = (
  method: 'post',
  path: string,
  summary: string,
  body: z.ZodType,
  status: 200 | 201 = 200,
  schema: z.ZodType = changed,
): RouteDocumentation => ({
  method,
  path,
  tag: 'agreements',
  summary,
  body,
  ifMatch: path !== '/agreements',
  responses: { [status]: { description: 'accepted: the events recorded', schema }, ...writeErrors },
});
// The gaps in the shape a signature without risk acceptance is refused with (422, error.details).
const submitted = changed.extend({ underpinningGaps: z.array(underpinningGap) });

export const agreementRoutes: RouteDocumentation[] = [
  write('post', '/agreements', 'Draft an SLA, OLA or UC (full content or a shipped template)', draftBody, 201),
  write(
    'post',
    '/agreements/{agreementId}/versions/{version}/revisions',
    'Revise a draft or submitted version during negotiation',
    reviseBody,
  ),
  write(
    'post',
    '/agreements/{agreementId}/versions/{version}/submission',
    'Submit a version for approval (records the underpinning gaps and answers with them)',
    submitBody,
    200,
    submitted,
  ),
  write(
    'post',
    '/agreements/{agreementId}/versions/{version}/signatures',
    'Sign for one party; both signatures approve the version',
    signBody,
  ),
  write('post', '/agreements/{agreementId}/amendments', 'Draft an amendment under a change request', amendBody, 201),
  write('post', '/agreements/{agreementId}/suspension', 'Suspend an agreement in effect', reasonBody),
  write('post', '/agreements/{agreementId}/resumption', 'Resume a suspended agreement', plainBody),
  write(
    'post',
    '/agreements/{agreementId}/termination-notice',
    'Give termination notice (at least 30 days unless both parties agree)',
    terminationBody,
  ),
  write('post', '/agreements/{agreementId}/renewal', 'Renew to a later expiry', renewBody),
  write('post', '/agreements/{agreementId}/expiry', 'Record that the agreement expired', plainBody),
  {
    method: 'get',
    path: '/agreements',
    tag: 'agreements',
    summary: 'List agreements by id, optionally of one kind, status or counterparty',
    query: listAgreementsQuery,
    responses: {
      200: { description: 'a page of agreements', schema: pageSchema(agreementView) },
      400: writeErrors[400],
    },
  },
  {
    method: 'get',
    path: '/agreements/{agreementId}',
    tag: 'agreements',
    summary: 'An agreement with its versions (ETag = revision)',
    responses: {
      200: { description: 'the agreement', schema: agreementView.extend({ versions: z.array(versionView) }) },
      400: writeErrors[400],
      404: writeErrors[404],
    },
  },
  {
    method: 'get',
    path: '/agreements/{agreementId}/history',
    tag: 'agreements',
    summary: 'Who did what, when, under which change request',
    responses: { 200: { description: 'history', schema: z.array(historyEntry) }, 400: writeErrors[400] },
  },
  {
    method: 'get',
    path: '/agreements/{agreementId}/diff',
    tag: 'agreements',
    summary: 'Field-by-field changes between two versions',
    query: diffQuery,
    responses: {
      200: {
        description: 'the changes',
        schema: z.object({
          agreementId: z.string(),
          from: z.number(),
          to: z.number(),
          changeRequest: z.string().nullable(),
          changes: z.array(
            z.object({
              path: z.string(),
              change: z.enum(['added', 'removed', 'changed']),
              before: z.unknown().optional(),
              after: z.unknown().optional(),
            }),
          ),
        }),
      },
      400: writeErrors[400],
      404: writeErrors[404],
    },
  },
  {
    method: 'get',
    path: '/agreements/{agreementId}/in-force',
    tag: 'agreements',
    summary: 'The version in force at an instant',
    query: inForceQuery,
    responses: {
      200: {
        description: 'the version, or null',
        schema: z.object({
          agreementId: z.string(),
          at: z.string(),
          inForce: z
            .object({
              version: z.number(),
              content: z.unknown(),
              changeRequest: z.string().nullable(),
              suspended: z.boolean(),
            })
            .nullable(),
        }),
      },
      400: writeErrors[400],
      404: writeErrors[404],
    },
  },
];
