import { Controller, ForbiddenException, Headers, Inject, NotFoundException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type Kysely } from 'kysely';
import { z } from 'zod';
import { CalendarCatalogue, ServiceCatalogueReader } from '@sla/catalogue-read-models';
import { type EventMetadata, slugSchema } from '@sla/event-sourcing';
import {
  agreementContentSchema,
  assertKnownReferences,
  draftContentFromTemplate,
  type UnderpinningGap,
} from '@sla/agreements-domain';
import { RequestPrincipal, signatureRefusal, type Principal } from '@sla/access-control';
import {
  Endpoint,
  ValidBody,
  ValidParam,
  CLOCK,
  READ_STORE,
  RequestMetadata,
  parseIfMatch,
  versionParameter,
  type Clock,
} from '@sla/nest-platform';
import { ChangeAgreementCommand, UnderpinningCheck } from '../commands/change-agreement.command';
import type { AgreementTables } from '../read-models/agreements.projection';
import {
  draftBody,
  reviseBody,
  submitBody,
  signBody,
  amendBody,
  draftAgreementRoute,
  reviseDraftRoute,
  submitVersionRoute,
  signVersionRoute,
  draftAmendmentRoute,
  underpinningGapsPreviewRoute,
} from './negotiate-agreement.routes';

/** Drafting, negotiating and approving agreement versions: every step an event with its actor. */
@Controller()
export class NegotiateAgreementController {
  constructor(
    private readonly commands: CommandBus,
    private readonly underpinning: UnderpinningCheck,
    @Inject(READ_STORE) private readonly db: Kysely<AgreementTables>,
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
    @ValidParam(reviseDraftRoute, 'agreementId', slugSchema) agreementId: string,
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
    @ValidParam(submitVersionRoute, 'agreementId', slugSchema) agreementId: string,
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

  /** Read-only: the gap check a submission runs, on the version as the read model holds it, recording nothing. */
  @Endpoint(underpinningGapsPreviewRoute)
  async previewGaps(
    @ValidParam(underpinningGapsPreviewRoute, 'agreementId', slugSchema) agreementId: string,
    @ValidParam(underpinningGapsPreviewRoute, 'version', versionParameter) version: number,
  ) {
    const row = await this.db
      .selectFrom('agreement')
      .innerJoin('agreement_version', 'agreement_version.agreement_id', 'agreement.agreement_id')
      .select(['agreement.kind', 'agreement_version.status', 'agreement_version.content'])
      .where('agreement.agreement_id', '=', agreementId)
      .where('agreement_version.version', '=', version)
      .executeTakeFirst();
    if (!row)
      throw new NotFoundException(
        `no version ${version} of agreement '${agreementId}' (yet: views follow the log within moments)`,
      );
    const underpinningGaps =
      row.kind === 'SLA' ? await this.underpinning.gapsForContent(agreementContentSchema.parse(row.content)) : [];
    return { agreementId, version, versionStatus: row.status, underpinningGaps };
  }

  @Endpoint(signVersionRoute)
  sign(
    @ValidParam(signVersionRoute, 'agreementId', slugSchema) agreementId: string,
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
    @ValidParam(draftAmendmentRoute, 'agreementId', slugSchema) agreementId: string,
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
}
