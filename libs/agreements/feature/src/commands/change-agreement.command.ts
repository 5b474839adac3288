import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { handleCommand, inStreamOrder, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import {
  agreementDecider,
  agreementStreamName,
  findUnderpinningGaps,
  type AgreementCommand,
  type AgreementContent,
  type AgreementState,
  type SupportingAgreement,
  type UnderpinningGap,
} from '@sla/agreements-domain';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { CLOCK, EVENT_STORE, READ_STORE, type Clock } from '@sla/nest-platform';
import type { AgreementTables } from '../read-models/agreements.projection';

export type AgreementChanged = {
  readonly agreementId: string;
  readonly streamRevision: string;
  readonly events: readonly string[];
};

/** Any agreement command; a function form completes the command from the current state. */
export class ChangeAgreementCommand extends Command<AgreementChanged> {
  constructor(
    readonly agreementId: string,
    readonly command: AgreementCommand | ((state: AgreementState) => Promise<AgreementCommand>),
    readonly metadata: EventMetadata,
    readonly expectedRevision?: bigint,
  ) {
    super();
  }
}

@CommandHandler(ChangeAgreementCommand)
export class ChangeAgreementHandler implements ICommandHandler<ChangeAgreementCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    agreementId,
    command,
    metadata,
    expectedRevision,
  }: ChangeAgreementCommand): Promise<AgreementChanged> {
    const outcome = await handleCommand(this.store, agreementStreamName(agreementId), agreementDecider, command, {
      metadata,
      expectedRevision,
      occurredAt: inStreamOrder(this.clock),
    });
    return {
      agreementId,
      streamRevision: outcome.streamRevision.toString(),
      events: outcome.newEvents.map((event) => event.type),
    };
  }
}

/**
 * Reads what the pure gap check needs: the approved versions of the OLAs
 * and UCs an SLA version points at, and the calendars of all targets.
 */
@Injectable()
export class UnderpinningCheck {
  constructor(
    @Inject(READ_STORE) private readonly db: Kysely<AgreementTables>,
    private readonly calendars: CalendarCatalogue,
  ) {}

  async gapsFor(state: AgreementState, version: number): Promise<UnderpinningGap[]> {
    if (!state.exists || state.kind !== 'SLA') return [];
    const content = state.versions.find((candidate) => candidate.number === version)?.content;
    if (!content) return [];
    return this.gapsForContent(content);
  }

  /** The gaps of an SLA's content against the OLAs and UCs approved now (what a submission would record). */
  async gapsForContent(content: AgreementContent): Promise<UnderpinningGap[]> {
    const referenced = [
      ...new Set([
        ...content.serviceTargets.flatMap((target) => target.supportedBy.map((reference) => reference.agreementId)),
        ...content.availabilityTargets.flatMap((target) =>
          target.supportedBy.map((reference) => reference.agreementId),
        ),
      ]),
    ];
    const supporting: SupportingAgreement[] = [];
    if (referenced.length > 0) {
      const rows = await this.db
        .selectFrom('agreement')
        .innerJoin('agreement_version', (join) =>
          join
            .onRef('agreement_version.agreement_id', '=', 'agreement.agreement_id')
            .onRef('agreement_version.version', '=', 'agreement.approved_version'),
        )
        .select(['agreement.agreement_id', 'agreement.kind', 'agreement_version.version', 'agreement_version.content'])
        .where('agreement.agreement_id', 'in', referenced)
        .execute();
      for (const row of rows) {
        supporting.push({
          agreementId: row.agreement_id,
          kind: row.kind as SupportingAgreement['kind'],
          version: row.version,
          content: row.content,
        });
      }
    }
    const calendarIds = new Set<string>();
    for (const target of [
      ...content.serviceTargets,
      ...supporting.flatMap((agreement) => agreement.content.serviceTargets),
    ]) {
      calendarIds.add(target.response.calendarId);
      calendarIds.add(target.resolution.calendarId);
    }
    for (const target of [
      ...content.availabilityTargets,
      ...supporting.flatMap((agreement) => agreement.content.availabilityTargets),
    ]) {
      calendarIds.add(target.calendarId);
    }
    return findUnderpinningGaps(content, supporting, await this.calendars.load([...calendarIds]));
  }
}
