import { deciderSpec } from '@sla/event-sourcing/testing';
import { agreementDecider, type AgreementCommand } from './agreement.decider';
import type { AgreementEvent } from './agreement.events';
import { agreementContentSchema, type AgreementContent } from './agreement-content';
import type { UnderpinningGap } from '../underpinning/underpinning-gaps';

const content = (overrides: Partial<AgreementContent> = {}): AgreementContent =>
  agreementContentSchema.parse({
    title: 'E-mail SLA',
    services: ['email'],
    effectiveFrom: '2026-04-01T00:00:00Z',
    expiresAt: '2027-04-01T00:00:00Z',
    ...overrides,
  });

const provider = { name: 'IT Services', contacts: [] };
const counterparty = { name: 'Finance department', contacts: [] };
const alice = { name: 'Alice Chen', title: 'Service level manager' };
const bob = { name: 'Bob Meyer', title: 'Head of Finance' };

const drafted: AgreementEvent = {
  type: 'AgreementDrafted',
  data: {
    agreementId: 'email-sla',
    kind: 'SLA',
    provider,
    counterparty,
    version: 1,
    content: content(),
    occurredAt: '2026-03-01T10:00:00Z',
  },
};
const submitted: AgreementEvent = {
  type: 'AgreementVersionSubmitted',
  data: { agreementId: 'email-sla', version: 1, underpinningGaps: [], occurredAt: '2026-03-02T10:00:00Z' },
};
const signedByProvider: AgreementEvent = {
  type: 'AgreementVersionSigned',
  data: {
    agreementId: 'email-sla',
    version: 1,
    party: 'provider',
    signatory: alice,
    underpinningGaps: [],
    riskAcceptance: null,
    signedBy: 'slm.alice',
    occurredAt: '2026-03-03T10:00:00Z',
  },
};
const signedByCustomer: AgreementEvent = {
  type: 'AgreementVersionSigned',
  data: {
    ...signedByProvider.data,
    party: 'counterparty',
    signatory: bob,
    signedBy: 'finance.bob',
    occurredAt: '2026-03-04T10:00:00Z',
  },
} as AgreementEvent;
const approved: AgreementEvent = {
  type: 'AgreementVersionApproved',
  data: {
    agreementId: 'email-sla',
    version: 1,
    effectiveFrom: '2026-04-01T00:00:00Z',
    occurredAt: '2026-03-04T10:00:00Z',
  },
};
const inEffect = [drafted, submitted, signedByProvider, signedByCustomer, approved];

const { given } = deciderSpec(agreementDecider);

const gap: UnderpinningGap = {
  metric: 'resolution',
  serviceId: 'email',
  priority: 'P1',
  problem: 'unsupported',
  supportingAgreementId: null,
  detail: 'no OLA or UC target supports the P1 resolution target of email',
};

describe('agreement lifecycle', () => {
  it('drafts a new agreement as version 1', () => {
    given([])
      .when({
        type: 'DraftAgreement',
        data: {
          agreementId: 'email-sla',
          kind: 'SLA',
          provider,
          counterparty,
          content: content(),
          occurredAt: '2026-03-01T10:00:00Z',
        },
      })
      .then([drafted]);
  });

  it('refuses to draft the same agreement twice', () => {
    given([drafted])
      .when({
        type: 'DraftAgreement',
        data: {
          agreementId: 'email-sla',
          kind: 'SLA',
          provider,
          counterparty,
          content: content(),
          occurredAt: '2026-03-01T10:00:00Z',
        },
      })
      .thenFails('AGREEMENT_ALREADY_EXISTS');
  });

  it('revises a draft during negotiation, and a submitted version goes back to draft when revised', () => {
    const revision = {
      version: 1,
      content: content({ title: 'E-mail SLA (revised)' }),
      note: 'customer asked for shorter P2',
      occurredAt: '2026-03-02T12:00:00Z',
    };
    given([drafted])
      .when({ type: 'ReviseDraft', data: revision })
      .then([{ type: 'AgreementDraftRevised', data: { agreementId: 'email-sla', ...revision } }]);
    const { state } = given([
      drafted,
      submitted,
      { type: 'AgreementDraftRevised', data: { agreementId: 'email-sla', ...revision } } as AgreementEvent,
    ]);
    expect(state.exists && state.versions[0].status).toBe('draft');
  });

  it('never revises an approved version: that takes an amendment', () => {
    given(inEffect)
      .when({
        type: 'ReviseDraft',
        data: { version: 1, content: content(), note: '', occurredAt: '2026-05-01T00:00:00Z' },
      })
      .thenFails('VERSION_NOT_EDITABLE');
  });

  it('submits a draft with the underpinning gaps found at submission', () => {
    given([drafted])
      .when({
        type: 'SubmitVersion',
        data: { version: 1, underpinningGaps: [gap], occurredAt: '2026-03-02T10:00:00Z' },
      })
      .then([
        {
          type: 'AgreementVersionSubmitted',
          data: { agreementId: 'email-sla', version: 1, underpinningGaps: [gap], occurredAt: '2026-03-02T10:00:00Z' },
        },
      ]);
    given([drafted, submitted])
      .when({ type: 'SubmitVersion', data: { version: 1, underpinningGaps: [], occurredAt: '2026-03-02T10:00:00Z' } })
      .thenFails('VERSION_NOT_DRAFT');
  });

  it('is approved when both parties have signed, each signature an event with its named signatory', () => {
    given([drafted, submitted])
      .when({
        type: 'SignVersion',
        data: {
          version: 1,
          party: 'provider',
          signatory: alice,
          underpinningGaps: [],
          riskAcceptance: null,
          signedBy: 'slm.alice',
          occurredAt: '2026-03-03T10:00:00Z',
        },
      })
      .then([signedByProvider]);
    given([drafted, submitted, signedByProvider])
      .when({
        type: 'SignVersion',
        data: {
          version: 1,
          party: 'counterparty',
          signatory: bob,
          underpinningGaps: [],
          riskAcceptance: null,
          signedBy: 'finance.bob',
          occurredAt: '2026-03-04T10:00:00Z',
        },
      })
      .then([signedByCustomer, approved]);
  });

  it('refuses the counterparty signature from the actor who recorded the provider signature', () => {
    given([drafted, submitted, signedByProvider])
      .when({
        type: 'SignVersion',
        data: {
          version: 1,
          party: 'counterparty',
          signatory: bob,
          underpinningGaps: [],
          riskAcceptance: null,
          signedBy: 'slm.alice',
          occurredAt: '2026-03-04T10:00:00Z',
        },
      })
      .thenFails('SAME_ACTOR_FOR_BOTH_PARTIES');
  });

  it('refuses a second signature by the same party and signatures on unsubmitted versions', () => {
    given([drafted, submitted, signedByProvider])
      .when({
        type: 'SignVersion',
        data: {
          version: 1,
          party: 'provider',
          signatory: alice,
          underpinningGaps: [],
          riskAcceptance: null,
          signedBy: 'slm.alice',
          occurredAt: '2026-03-03T11:00:00Z',
        },
      })
      .thenFails('ALREADY_SIGNED_BY_PARTY');
    given([drafted])
      .when({
        type: 'SignVersion',
        data: {
          version: 1,
          party: 'provider',
          signatory: alice,
          underpinningGaps: [],
          riskAcceptance: null,
          signedBy: 'slm.alice',
          occurredAt: '2026-03-03T11:00:00Z',
        },
      })
      .thenFails('VERSION_NOT_SUBMITTED');
  });

  it('refuses to approve an SLA with underpinning gaps unless the approver accepts the risk, which is recorded', () => {
    const sign = (riskAcceptance: { acceptedBy: string; reason: string } | null): AgreementCommand => ({
      type: 'SignVersion',
      data: {
        version: 1,
        party: 'provider',
        signatory: alice,
        underpinningGaps: [gap],
        riskAcceptance,
        signedBy: 'slm.alice',
        occurredAt: '2026-03-03T10:00:00Z',
      },
    });
    given([drafted, submitted]).when(sign(null)).thenFails('UNDERPINNING_GAPS_NOT_ACCEPTED');
    const acceptance = {
      acceptedBy: 'Alice Chen',
      reason: 'UC with the mail host is being renegotiated; interim risk accepted until Q3',
    };
    given([drafted, submitted])
      .when(sign(acceptance))
      .then([
        {
          type: 'AgreementVersionSigned',
          data: {
            agreementId: 'email-sla',
            version: 1,
            party: 'provider',
            signatory: alice,
            underpinningGaps: [gap],
            riskAcceptance: acceptance,
            signedBy: 'slm.alice',
            occurredAt: '2026-03-03T10:00:00Z',
          },
        },
      ]);
  });

  it('does not require underpinning for OLAs and UCs themselves', () => {
    const ola: AgreementEvent = {
      type: 'AgreementDrafted',
      data: {
        ...(drafted.data as Extract<AgreementEvent, { type: 'AgreementDrafted' }>['data']),
        agreementId: 'email-ola',
        kind: 'OLA',
      },
    };
    const olaSubmitted: AgreementEvent = {
      type: 'AgreementVersionSubmitted',
      data: {
        ...(submitted.data as Extract<AgreementEvent, { type: 'AgreementVersionSubmitted' }>['data']),
        agreementId: 'email-ola',
      },
    };
    const signature = {
      version: 1,
      party: 'provider' as const,
      signatory: alice,
      underpinningGaps: [gap],
      riskAcceptance: null,
      signedBy: 'slm.alice',
      occurredAt: '2026-03-03T10:00:00Z',
    };
    given([ola, olaSubmitted])
      .when({ type: 'SignVersion', data: signature })
      .then([{ type: 'AgreementVersionSigned', data: { agreementId: 'email-ola', ...signature } }]);
  });
});

describe('amendments under change control', () => {
  const amendment = {
    changeRequest: 'CR-2026-117',
    content: content({ effectiveFrom: '2026-07-01T00:00:00Z' }),
    occurredAt: '2026-06-01T09:00:00Z',
  };
  const amendmentDrafted: AgreementEvent = {
    type: 'AgreementAmendmentDrafted',
    data: { agreementId: 'email-sla', version: 2, basedOnVersion: 1, ...amendment },
  };

  it('drafts a new version with its change request and its own effective date', () => {
    given(inEffect).when({ type: 'DraftAmendment', data: amendment }).then([amendmentDrafted]);
  });

  it('refuses an amendment before anything is approved, or while another version is open', () => {
    given([drafted]).when({ type: 'DraftAmendment', data: amendment }).thenFails('NOT_IN_EFFECT');
    given([...inEffect, amendmentDrafted])
      .when({ type: 'DraftAmendment', data: amendment })
      .thenFails('OPEN_DRAFT_EXISTS');
  });

  it('refuses an amendment that would not take effect after the version it amends', () => {
    given(inEffect)
      .when({
        type: 'DraftAmendment',
        data: { ...amendment, content: content({ effectiveFrom: '2026-04-01T00:00:00Z' }) },
      })
      .thenFails('EFFECTIVE_DATE_NOT_AFTER_CURRENT');
  });

  it('must be approved again by both parties', () => {
    given([...inEffect, amendmentDrafted])
      .when({
        type: 'SignVersion',
        data: {
          version: 2,
          party: 'provider',
          signatory: alice,
          underpinningGaps: [],
          riskAcceptance: null,
          signedBy: 'slm.alice',
          occurredAt: '2026-06-02T09:00:00Z',
        },
      })
      .thenFails('VERSION_NOT_SUBMITTED');
  });
});

describe('suspension, termination, renewal and expiry', () => {
  it('suspends and resumes an agreement in effect', () => {
    given(inEffect)
      .when({ type: 'SuspendAgreement', data: { reason: 'customer site closed', occurredAt: '2026-05-01T00:00:00Z' } })
      .then([
        {
          type: 'AgreementSuspended',
          data: { agreementId: 'email-sla', reason: 'customer site closed', occurredAt: '2026-05-01T00:00:00Z' },
        },
      ]);
    given(inEffect)
      .when({ type: 'ResumeAgreement', data: { occurredAt: '2026-05-02T00:00:00Z' } })
      .thenFails('NOT_SUSPENDED');
    given([drafted])
      .when({ type: 'SuspendAgreement', data: { reason: 'x', occurredAt: '2026-05-01T00:00:00Z' } })
      .thenFails('NOT_IN_EFFECT');
  });

  const notice = (
    terminatesAt: string,
    shortNoticeAgreement: { provider: typeof alice; counterparty: typeof bob; reason: string } | null = null,
  ): AgreementCommand => ({
    type: 'GiveTerminationNotice',
    data: {
      givenBy: 'counterparty',
      reason: 'service moved in-house',
      terminatesAt,
      shortNoticeAgreement,
      occurredAt: '2026-06-01T00:00:00Z',
    },
  });

  it('accepts termination with at least 30 days of notice', () => {
    given(inEffect)
      .when(notice('2026-07-01T00:00:00Z'))
      .then([
        {
          type: 'AgreementTerminationNoticeGiven',
          data: {
            agreementId: 'email-sla',
            givenBy: 'counterparty',
            reason: 'service moved in-house',
            terminatesAt: '2026-07-01T00:00:00Z',
            shortNoticeAgreement: null,
            occurredAt: '2026-06-01T00:00:00Z',
          },
        },
      ]);
  });

  it('refuses a shorter notice unless both parties agreed to it and that agreement is recorded', () => {
    given(inEffect).when(notice('2026-06-30T23:59:59Z')).thenFails('NOTICE_PERIOD_TOO_SHORT');
    const agreed = { provider: alice, counterparty: bob, reason: 'office closure brought forward' };
    given(inEffect)
      .when(notice('2026-06-15T00:00:00Z', agreed))
      .then([
        {
          type: 'AgreementTerminationNoticeGiven',
          data: {
            agreementId: 'email-sla',
            givenBy: 'counterparty',
            reason: 'service moved in-house',
            terminatesAt: '2026-06-15T00:00:00Z',
            shortNoticeAgreement: agreed,
            occurredAt: '2026-06-01T00:00:00Z',
          },
        },
      ]);
  });

  it('renews to a later expiry, and expires only once its expiry has passed', () => {
    given(inEffect)
      .when({ type: 'RenewAgreement', data: { expiresAt: '2028-04-01T00:00:00Z', occurredAt: '2027-03-01T00:00:00Z' } })
      .then([
        {
          type: 'AgreementRenewed',
          data: { agreementId: 'email-sla', expiresAt: '2028-04-01T00:00:00Z', occurredAt: '2027-03-01T00:00:00Z' },
        },
      ]);
    given(inEffect)
      .when({ type: 'RenewAgreement', data: { expiresAt: '2027-01-01T00:00:00Z', occurredAt: '2026-12-01T00:00:00Z' } })
      .thenFails('EXPIRY_NOT_LATER');
    given(inEffect)
      .when({ type: 'ExpireAgreement', data: { occurredAt: '2027-03-31T23:59:59Z' } })
      .thenFails('NOT_YET_EXPIRED');
    given(inEffect)
      .when({ type: 'ExpireAgreement', data: { occurredAt: '2027-04-01T00:00:00Z' } })
      .then([{ type: 'AgreementExpired', data: { agreementId: 'email-sla', occurredAt: '2027-04-01T00:00:00Z' } }]);
  });

  it('refuses changes once terminated', () => {
    const terminated: AgreementEvent = {
      type: 'AgreementTerminationNoticeGiven',
      data: {
        agreementId: 'email-sla',
        givenBy: 'provider',
        reason: 'x',
        terminatesAt: '2026-08-01T00:00:00Z',
        shortNoticeAgreement: null,
        occurredAt: '2026-06-01T00:00:00Z',
      },
    };
    given([...inEffect, terminated])
      .when({ type: 'RenewAgreement', data: { expiresAt: '2028-01-01T00:00:00Z', occurredAt: '2026-06-02T00:00:00Z' } })
      .thenFails('ALREADY_TERMINATED');
  });
});
