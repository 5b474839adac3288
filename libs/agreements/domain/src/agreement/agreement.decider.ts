import type { Decider } from '@sla/event-sourcing';
import type { AgreementContent, AgreementKind, Party } from './agreement-content';
import { AgreementError } from './agreement.errors';
import type { AgreementEvent } from './agreement.events';
import type { UnderpinningGap } from '../underpinning/underpinning-gaps';

type PartyRole = 'provider' | 'counterparty';
type Signatory = { name: string; title: string };

export type AgreementVersion = {
  readonly number: number;
  readonly status: 'draft' | 'submitted' | 'approved';
  readonly content: AgreementContent;
  readonly changeRequest: string | null;
  /** `by`: the actor who recorded the signature. */
  readonly signatures: Partial<Record<PartyRole, { signatory: Signatory; at: string; by: string }>>;
  readonly approvedAt: string | null;
};

export type AgreementState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly agreementId: string;
      readonly kind: AgreementKind;
      readonly provider: Party;
      readonly counterparty: Party;
      readonly versions: readonly AgreementVersion[];
      readonly suspended: boolean;
      readonly terminatesAt: string | null;
      readonly expiresAt: string | null;
      readonly expired: boolean;
    };

type Existing = Extract<AgreementState, { exists: true }>;

export type AgreementCommand =
  | {
      type: 'DraftAgreement';
      data: {
        agreementId: string;
        kind: AgreementKind;
        provider: Party;
        counterparty: Party;
        content: AgreementContent;
        occurredAt: string;
      };
    }
  | { type: 'ReviseDraft'; data: { version: number; content: AgreementContent; note: string; occurredAt: string } }
  | {
      type: 'SubmitVersion';
      data: { version: number; underpinningGaps: readonly UnderpinningGap[]; occurredAt: string };
    }
  | {
      type: 'SignVersion';
      data: {
        version: number;
        party: PartyRole;
        signatory: Signatory;
        underpinningGaps: readonly UnderpinningGap[];
        riskAcceptance: { acceptedBy: string; reason: string } | null;
        /** The actor recording this signature. */
        signedBy: string;
        occurredAt: string;
      };
    }
  | { type: 'DraftAmendment'; data: { changeRequest: string; content: AgreementContent; occurredAt: string } }
  | { type: 'SuspendAgreement'; data: { reason: string; occurredAt: string } }
  | { type: 'ResumeAgreement'; data: { occurredAt: string } }
  | {
      type: 'GiveTerminationNotice';
      data: {
        givenBy: PartyRole;
        reason: string;
        terminatesAt: string;
        shortNoticeAgreement: { provider: Signatory; counterparty: Signatory; reason: string } | null;
        occurredAt: string;
      };
    }
  | { type: 'RenewAgreement'; data: { expiresAt: string; occurredAt: string } }
  | { type: 'ExpireAgreement'; data: { occurredAt: string } };

/** ISO/IEC 20000 practice in the process documents: written notice at least 30 days ahead. */
export const MINIMUM_NOTICE_MILLISECONDS = 30 * 24 * 60 * 60 * 1000;

const OTHER: Record<PartyRole, PartyRole> = { provider: 'counterparty', counterparty: 'provider' };

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  initialState: () => ({ exists: false }),

  evolve(state, event) {
    if (event.type === 'AgreementDrafted') {
      const { agreementId, kind, provider, counterparty, content } = event.data;
      return {
        exists: true,
        agreementId,
        kind,
        provider,
        counterparty,
        versions: [{ number: 1, status: 'draft', content, changeRequest: null, signatures: {}, approvedAt: null }],
        suspended: false,
        terminatesAt: null,
        expiresAt: content.expiresAt ?? null,
        expired: false,
      };
    }
    if (!state.exists) return state;
    const withVersion = (number: number, change: (version: AgreementVersion) => AgreementVersion): Existing => ({
      ...state,
      versions: state.versions.map((version) => (version.number === number ? change(version) : version)),
    });
    switch (event.type) {
      case 'AgreementDraftRevised':
        return withVersion(event.data.version, (version) => ({
          ...version,
          status: 'draft',
          content: event.data.content,
          signatures: {},
        }));
      case 'AgreementVersionSubmitted':
        return withVersion(event.data.version, (version) => ({ ...version, status: 'submitted' }));
      case 'AgreementVersionSigned':
        return withVersion(event.data.version, (version) => ({
          ...version,
          signatures: {
            ...version.signatures,
            [event.data.party]: { signatory: event.data.signatory, at: event.data.occurredAt, by: event.data.signedBy },
          },
        }));
      case 'AgreementVersionApproved': {
        const approved = withVersion(event.data.version, (version) => ({
          ...version,
          status: 'approved',
          approvedAt: event.data.occurredAt,
        }));
        const content = approved.versions.find((version) => version.number === event.data.version)!.content;
        return { ...approved, expiresAt: content.expiresAt ?? approved.expiresAt };
      }
      case 'AgreementAmendmentDrafted':
        return {
          ...state,
          versions: [
            ...state.versions,
            {
              number: event.data.version,
              status: 'draft',
              content: event.data.content,
              changeRequest: event.data.changeRequest,
              signatures: {},
              approvedAt: null,
            },
          ],
        };
      case 'AgreementSuspended':
        return { ...state, suspended: true };
      case 'AgreementResumed':
        return { ...state, suspended: false };
      case 'AgreementTerminationNoticeGiven':
        return { ...state, terminatesAt: event.data.terminatesAt };
      case 'AgreementRenewed':
        return { ...state, expiresAt: event.data.expiresAt };
      case 'AgreementExpired':
        return { ...state, expired: true };
    }
  },

  decide(command, state) {
    if (command.type === 'DraftAgreement') {
      if (state.exists)
        throw new AgreementError('AGREEMENT_ALREADY_EXISTS', `agreement ${command.data.agreementId} already exists`);
      return [{ type: 'AgreementDrafted', data: { ...command.data, version: 1 } }];
    }
    if (!state.exists) throw new AgreementError('AGREEMENT_NOT_FOUND', 'no such agreement');
    const agreementId = state.agreementId;
    switch (command.type) {
      case 'ReviseDraft': {
        const version = versionOf(state, command.data.version);
        if (version.status === 'approved') {
          throw new AgreementError(
            'VERSION_NOT_EDITABLE',
            `version ${version.number} is approved: amend it through a change request instead`,
          );
        }
        return [{ type: 'AgreementDraftRevised', data: { agreementId, ...command.data } }];
      }
      case 'SubmitVersion': {
        const version = versionOf(state, command.data.version);
        if (version.status !== 'draft')
          throw new AgreementError('VERSION_NOT_DRAFT', `version ${version.number} is ${version.status}, not a draft`);
        return [
          {
            type: 'AgreementVersionSubmitted',
            data: {
              agreementId,
              version: version.number,
              underpinningGaps: [...command.data.underpinningGaps],
              occurredAt: command.data.occurredAt,
            },
          },
        ];
      }
      case 'SignVersion': {
        const { party, signatory, underpinningGaps, riskAcceptance, signedBy, occurredAt } = command.data;
        const version = versionOf(state, command.data.version);
        if (version.status !== 'submitted') {
          throw new AgreementError(
            'VERSION_NOT_SUBMITTED',
            `version ${version.number} is ${version.status}: only a submitted version can be signed`,
          );
        }
        if (version.signatures[party])
          throw new AgreementError(
            'ALREADY_SIGNED_BY_PARTY',
            `the ${party} has already signed version ${version.number}`,
          );
        // Two signatures are two parties' consent: one actor recording both would be one person approving alone.
        const other = version.signatures[OTHER[party]];
        if (other && other.by === signedBy) {
          throw new AgreementError(
            'SAME_ACTOR_FOR_BOTH_PARTIES',
            `${signedBy} recorded the ${OTHER[party]}'s signature of version ${version.number}; the ${party}'s signature must come from another actor`,
          );
        }
        if (state.kind === 'SLA' && underpinningGaps.length > 0 && !riskAcceptance) {
          throw new AgreementError(
            'UNDERPINNING_GAPS_NOT_ACCEPTED',
            `${underpinningGaps.length} SLA target(s) lack adequate OLA/UC support; approve only with an explicit risk acceptance: ${underpinningGaps.map((gap) => gap.detail).join('; ')}`,
            underpinningGaps,
          );
        }
        const events: AgreementEvent[] = [
          {
            type: 'AgreementVersionSigned',
            data: {
              agreementId,
              version: version.number,
              party,
              signatory,
              underpinningGaps: [...underpinningGaps],
              riskAcceptance,
              signedBy,
              occurredAt,
            },
          },
        ];
        if (version.signatures[OTHER[party]]) {
          events.push({
            type: 'AgreementVersionApproved',
            data: { agreementId, version: version.number, effectiveFrom: version.content.effectiveFrom, occurredAt },
          });
        }
        return events;
      }
      case 'DraftAmendment': {
        const approved = latestApproved(state);
        assertAlive(state);
        const open = state.versions.find((version) => version.status !== 'approved');
        if (open)
          throw new AgreementError(
            'OPEN_DRAFT_EXISTS',
            `version ${open.number} is still ${open.status}: finish or revise it first`,
          );
        if (Date.parse(command.data.content.effectiveFrom) <= Date.parse(approved.content.effectiveFrom)) {
          throw new AgreementError(
            'EFFECTIVE_DATE_NOT_AFTER_CURRENT',
            `an amendment must take effect after version ${approved.number} (effective ${approved.content.effectiveFrom})`,
          );
        }
        return [
          {
            type: 'AgreementAmendmentDrafted',
            data: { agreementId, version: state.versions.length + 1, basedOnVersion: approved.number, ...command.data },
          },
        ];
      }
      case 'SuspendAgreement':
        latestApproved(state);
        assertAlive(state);
        if (state.suspended) throw new AgreementError('NOT_IN_EFFECT', 'the agreement is already suspended');
        return [{ type: 'AgreementSuspended', data: { agreementId, ...command.data } }];
      case 'ResumeAgreement':
        if (!state.suspended) throw new AgreementError('NOT_SUSPENDED', 'the agreement is not suspended');
        return [{ type: 'AgreementResumed', data: { agreementId, ...command.data } }];
      case 'GiveTerminationNotice': {
        latestApproved(state);
        assertAlive(state);
        const notice = Date.parse(command.data.terminatesAt) - Date.parse(command.data.occurredAt);
        if (notice < MINIMUM_NOTICE_MILLISECONDS && !command.data.shortNoticeAgreement) {
          throw new AgreementError(
            'NOTICE_PERIOD_TOO_SHORT',
            `termination needs at least 30 days' written notice (given ${(notice / 86_400_000).toFixed(2)} days) unless both parties agree to a shorter notice and that agreement is recorded`,
          );
        }
        return [{ type: 'AgreementTerminationNoticeGiven', data: { agreementId, ...command.data } }];
      }
      case 'RenewAgreement':
        latestApproved(state);
        assertAlive(state);
        if (state.expiresAt && Date.parse(command.data.expiresAt) <= Date.parse(state.expiresAt)) {
          throw new AgreementError('EXPIRY_NOT_LATER', `a renewal must extend the agreement beyond ${state.expiresAt}`);
        }
        return [{ type: 'AgreementRenewed', data: { agreementId, ...command.data } }];
      case 'ExpireAgreement':
        latestApproved(state);
        assertAlive(state);
        if (!state.expiresAt) throw new AgreementError('NO_EXPIRY_DATE', 'the agreement has no expiry date');
        if (Date.parse(state.expiresAt) > Date.parse(command.data.occurredAt)) {
          throw new AgreementError('NOT_YET_EXPIRED', `the agreement runs until ${state.expiresAt}`);
        }
        return [{ type: 'AgreementExpired', data: { agreementId, ...command.data } }];
    }
  },
};

function versionOf(state: Existing, number: number): AgreementVersion {
  const version = state.versions.find((candidate) => candidate.number === number);
  if (!version)
    throw new AgreementError('VERSION_NOT_FOUND', `agreement ${state.agreementId} has no version ${number}`);
  return version;
}

function latestApproved(state: Existing): AgreementVersion {
  const approved = [...state.versions].reverse().find((version) => version.status === 'approved');
  if (!approved)
    throw new AgreementError('NOT_IN_EFFECT', `agreement ${state.agreementId} has no approved version yet`);
  return approved;
}

function assertAlive(state: Existing): void {
  if (state.terminatesAt)
    throw new AgreementError(
      'ALREADY_TERMINATED',
      `termination notice was given: the agreement ends ${state.terminatesAt}`,
    );
  if (state.expired) throw new AgreementError('NOT_IN_EFFECT', 'the agreement has expired');
}

/**
 * The amendment a review decided on: the latest approved content, taking
 * effect from the decided date. Built from the agreement's own stream, so it
 * never acts on a read model that lags.
 */
export function amendmentFromReview(
  state: AgreementState,
  agreementId: string,
  amendment: { changeRequest: string; effectiveFrom: string; occurredAt: string },
): Extract<AgreementCommand, { type: 'DraftAmendment' }> {
  const approved = state.exists ? [...state.versions].reverse().find((version) => version.status === 'approved') : null;
  if (!state.exists || !approved) {
    throw new AgreementError('NOT_IN_EFFECT', `${agreementId} has no approved version to amend`);
  }
  return {
    type: 'DraftAmendment',
    data: {
      changeRequest: amendment.changeRequest,
      content: { ...approved.content, effectiveFrom: amendment.effectiveFrom },
      occurredAt: amendment.occurredAt,
    },
  };
}
