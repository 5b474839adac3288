import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EventCatalog, type RecordedEvent } from '@sla/event-sourcing';
import { agreementEventDefinitions } from './agreement.events';

const catalog = new EventCatalog(agreementEventDefinitions);

function storedFixture(name: string): RecordedEvent {
  const raw = JSON.parse(readFileSync(path.join(__dirname, '../../test-fixtures', name), 'utf8'));
  const position = { commit: 1n, prepare: 1n };
  return { ...raw, streamRevision: BigInt(raw.streamRevision), position, recordedAt: new Date(raw.recordedAt) };
}

describe('AgreementVersionSigned schema versions', () => {
  it('upcasts a stored v1 signature to v2, taking signedBy from the actor its envelope recorded', () => {
    const upcast = catalog.upcast(storedFixture('agreement-version-signed.v1.json'));
    expect(upcast.schemaVersion).toBe(2);
    expect(upcast.data).toEqual({
      agreementId: 'email-sla',
      version: 1,
      party: 'provider',
      signatory: { name: 'Alice Chen', title: 'SLM' },
      underpinningGaps: [],
      riskAcceptance: null,
      signedBy: 'slm.alice',
      occurredAt: '2026-03-03T10:00:00.000Z',
    });
  });
});
