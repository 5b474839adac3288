import { sql, type Generated, type Transaction, type Updateable } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { AgreementContent, AgreementEvent, Party, UnderpinningGap } from '@sla/agreements-domain';
import type { Projection } from '@sla/projection-runtime';

export type AgreementSignatureRow = {
  party: string;
  signatory: { name: string; title: string };
  signedAt: string;
  recordedAt: string;
  actor: string;
  riskAcceptance: unknown;
};

export type AgreementStatus = 'drafting' | 'in-effect' | 'suspended' | 'terminating' | 'expired';

export type AgreementTables = {
  agreement: {
    agreement_id: string;
    kind: string;
    title: string;
    provider: Party;
    counterparty: Party;
    status: AgreementStatus;
    approved_version: number | null;
    latest_version: number;
    terminates_at: Date | null;
    expires_at: Date | null;
    stream_revision: string;
  };
  agreement_version: {
    agreement_id: string;
    version: number;
    status: 'draft' | 'submitted' | 'approved';
    content: AgreementContent;
    change_request: string | null;
    based_on_version: number | null;
    /** `signedAt` when the signature was given, `recordedAt` when it was entered. */
    signatures: Generated<AgreementSignatureRow[]>;
    underpinning_gaps: Generated<UnderpinningGap[]>;
    drafted_at: Date;
    drafted_by: string;
    drafted_recorded_at: Date | null;
    approved_at: Date | null;
    approved_recorded_at: Date | null;
  };
  agreement_history: {
    agreement_id: string;
    stream_revision: string;
    event_type: string;
    version: number | null;
    actor: string;
    correlation_id: string;
    change_request: string | null;
    occurred_at: Date;
    recorded_at: Date;
    summary: string;
  };
};

const json = (value: unknown) => JSON.stringify(value) as never;

/** Agreement list, versions and the auditable history, all from the agreement streams. */
export const agreementsProjection: Projection<AgreementTables> = {
  name: 'agreements',
  // 2: recorded-at of drafts, signatures and approvals.
  version: 2,
  handles: [
    'AgreementDrafted',
    'AgreementDraftRevised',
    'AgreementVersionSubmitted',
    'AgreementVersionSigned',
    'AgreementVersionApproved',
    'AgreementAmendmentDrafted',
    'AgreementSuspended',
    'AgreementResumed',
    'AgreementTerminationNoticeGiven',
    'AgreementRenewed',
    'AgreementExpired',
  ],
  tables: ['agreement', 'agreement_version', 'agreement_history'],
  async apply(transaction: Transaction<AgreementTables>, events: readonly RecordedEvent[]) {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as AgreementEvent;
      const agreementId = event.data.agreementId;
      const revision = recorded.streamRevision.toString();
      const setAgreement = (values: Updateable<AgreementTables['agreement']>) =>
        transaction
          .updateTable('agreement')
          .set({ ...values, stream_revision: revision })
          .where('agreement_id', '=', agreementId)
          .execute();
      const setVersion = (version: number, values: Updateable<AgreementTables['agreement_version']>) =>
        transaction
          .updateTable('agreement_version')
          .set(values)
          .where('agreement_id', '=', agreementId)
          .where('version', '=', version)
          .execute();
      let summary: string;
      let version: number | null = null;
      let changeRequest: string | null = null;
      switch (event.type) {
        case 'AgreementDrafted':
          version = 1;
          summary = `${event.data.kind} drafted between ${event.data.provider.name} and ${event.data.counterparty.name}`;
          await transaction
            .insertInto('agreement')
            .values({
              agreement_id: agreementId,
              kind: event.data.kind,
              title: event.data.content.title,
              provider: json(event.data.provider),
              counterparty: json(event.data.counterparty),
              status: 'drafting',
              approved_version: null,
              latest_version: 1,
              terminates_at: null,
              expires_at: event.data.content.expiresAt ? new Date(event.data.content.expiresAt) : null,
              stream_revision: revision,
            })
            .execute();
          await transaction
            .insertInto('agreement_version')
            .values({
              agreement_id: agreementId,
              version: 1,
              status: 'draft',
              content: json(event.data.content),
              change_request: null,
              based_on_version: null,
              drafted_at: new Date(event.data.occurredAt),
              drafted_by: recorded.metadata.actor,
              drafted_recorded_at: recorded.recordedAt,
              approved_at: null,
            })
            .execute();
          break;
        case 'AgreementDraftRevised':
          version = event.data.version;
          summary = `version ${version} revised${event.data.note ? `: ${event.data.note}` : ''}`;
          await setVersion(version, { status: 'draft', content: json(event.data.content), signatures: json([]) });
          if (version === 1) await setAgreement({ title: event.data.content.title });
          else await setAgreement({});
          break;
        case 'AgreementVersionSubmitted':
          version = event.data.version;
          summary = `version ${version} submitted for approval with ${event.data.underpinningGaps.length} underpinning gap(s)`;
          await setVersion(version, { status: 'submitted', underpinning_gaps: json(event.data.underpinningGaps) });
          await setAgreement({});
          break;
        case 'AgreementVersionSigned':
          version = event.data.version;
          summary = `version ${version} signed for the ${event.data.party} by ${event.data.signatory.name} (${event.data.signatory.title})${event.data.riskAcceptance ? `, accepting underpinning risk: ${event.data.riskAcceptance.reason}` : ''}`;
          await transaction
            .updateTable('agreement_version')
            .set({
              signatures: sql`signatures || ${JSON.stringify([{ party: event.data.party, signatory: event.data.signatory, signedAt: event.data.occurredAt, recordedAt: recorded.recordedAt.toISOString(), actor: recorded.metadata.actor, riskAcceptance: event.data.riskAcceptance }])}::jsonb`,
              underpinning_gaps: json(event.data.underpinningGaps),
            })
            .where('agreement_id', '=', agreementId)
            .where('version', '=', version)
            .execute();
          await setAgreement({});
          break;
        case 'AgreementVersionApproved': {
          version = event.data.version;
          summary = `version ${version} approved by both parties, effective ${event.data.effectiveFrom}`;
          await setVersion(version, {
            status: 'approved',
            approved_at: new Date(event.data.occurredAt),
            approved_recorded_at: recorded.recordedAt,
          });
          const row = await transaction
            .selectFrom('agreement_version')
            .select('content')
            .where('agreement_id', '=', agreementId)
            .where('version', '=', version)
            .executeTakeFirstOrThrow();
          const current = await transaction
            .selectFrom('agreement')
            .select('status')
            .where('agreement_id', '=', agreementId)
            .executeTakeFirstOrThrow();
          await setAgreement({
            approved_version: version,
            title: row.content.title,
            status: current.status === 'drafting' ? 'in-effect' : current.status,
            ...(row.content.expiresAt ? { expires_at: new Date(row.content.expiresAt) } : {}),
          });
          break;
        }
        case 'AgreementAmendmentDrafted':
          version = event.data.version;
          changeRequest = event.data.changeRequest;
          summary = `amendment drafted as version ${version} under ${changeRequest}`;
          await transaction
            .insertInto('agreement_version')
            .values({
              agreement_id: agreementId,
              version,
              status: 'draft',
              content: json(event.data.content),
              change_request: changeRequest,
              based_on_version: event.data.basedOnVersion,
              drafted_at: new Date(event.data.occurredAt),
              drafted_by: recorded.metadata.actor,
              drafted_recorded_at: recorded.recordedAt,
              approved_at: null,
            })
            .execute();
          await setAgreement({ latest_version: version });
          break;
        case 'AgreementSuspended':
          summary = `suspended: ${event.data.reason}`;
          await setAgreement({ status: 'suspended' });
          break;
        case 'AgreementResumed':
          summary = 'resumed';
          await setAgreement({ status: 'in-effect' });
          break;
        case 'AgreementTerminationNoticeGiven':
          summary = `termination notice given by the ${event.data.givenBy}, ends ${event.data.terminatesAt}${event.data.shortNoticeAgreement ? ' (short notice agreed by both parties)' : ''}: ${event.data.reason}`;
          await setAgreement({ status: 'terminating', terminates_at: new Date(event.data.terminatesAt) });
          break;
        case 'AgreementRenewed':
          summary = `renewed until ${event.data.expiresAt}`;
          await setAgreement({ expires_at: new Date(event.data.expiresAt) });
          break;
        case 'AgreementExpired':
          summary = 'expired';
          await setAgreement({ status: 'expired' });
          break;
      }
      await transaction
        .insertInto('agreement_history')
        .values({
          agreement_id: agreementId,
          stream_revision: revision,
          event_type: event.type,
          version,
          actor: recorded.metadata.actor,
          correlation_id: recorded.metadata.correlationId,
          change_request: changeRequest,
          occurred_at: new Date(event.data.occurredAt),
          recorded_at: recorded.recordedAt,
          summary,
        })
        .execute();
    }
  },
};
