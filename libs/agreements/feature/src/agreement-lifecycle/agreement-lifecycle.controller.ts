import { Controller, Headers, Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { type EventMetadata, slugSchema } from '@sla/event-sourcing';
import { Endpoint, ValidBody, ValidParam, CLOCK, RequestMetadata, parseIfMatch, type Clock } from '@sla/nest-platform';
import { ChangeAgreementCommand } from '../commands/change-agreement.command';
import {
  reasonBody,
  plainBody,
  terminationBody,
  renewBody,
  suspendAgreementRoute,
  resumeAgreementRoute,
  giveTerminationNoticeRoute,
  renewAgreementRoute,
  expireAgreementRoute,
} from './agreement-lifecycle.routes';

/** An agreement in effect: suspended, resumed, given notice, renewed, expired. */
@Controller()
export class AgreementLifecycleController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private now(occurredAt: string | undefined): string {
    return occurredAt ?? this.clock.now().toISOString();
  }

  private change(
    agreementId: string,
    command: ChangeAgreementCommand['command'],
    metadata: EventMetadata,
    ifMatch: string | undefined,
  ) {
    return this.commands.execute(new ChangeAgreementCommand(agreementId, command, metadata, parseIfMatch(ifMatch)));
  }

  @Endpoint(suspendAgreementRoute)
  suspend(
    @ValidParam(suspendAgreementRoute, 'agreementId', slugSchema) agreementId: string,
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
    @ValidParam(resumeAgreementRoute, 'agreementId', slugSchema) agreementId: string,
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
    @ValidParam(giveTerminationNoticeRoute, 'agreementId', slugSchema) agreementId: string,
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
    @ValidParam(renewAgreementRoute, 'agreementId', slugSchema) agreementId: string,
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
    @ValidParam(expireAgreementRoute, 'agreementId', slugSchema) agreementId: string,
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
}
