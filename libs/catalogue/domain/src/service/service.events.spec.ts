import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EventCatalog, EventSchemaViolationError, type RecordedEvent } from '@sla/event-sourcing';
import { serviceEventDefinitions } from './service.events';

const catalog = new EventCatalog(serviceEventDefinitions);

function storedFixture(name: string): RecordedEvent {
  const raw = JSON.parse(readFileSync(path.join(__dirname, '../../test-fixtures', name), 'utf8'));
  return {
    ...raw,
    streamRevision: BigInt(raw.streamRevision),
    position: { commit: 1n, prepare: 1n },
    recordedAt: new Date(raw.recordedAt),
  };
}

describe('ServiceRegistered schema versions', () => {
  it('upcasts the stored v1 shape (owner as free text) to v2', () => {
    const upcast = catalog.upcast(storedFixture('service-registered.v1.json'));
    expect(upcast.schemaVersion).toBe(2);
    expect(upcast.data).toEqual({
      serviceId: 'email',
      name: 'Corporate e-mail',
      description: 'Mailboxes, calendars and shared contacts',
      owner: { name: 'Li Wei', email: null },
      contactPoint: null,
      calendarId: null,
      exceptions: '',
      securityConsiderations: '',
      changeRequest: null,
      occurredAt: '2026-01-15T08:30:00.000Z',
    });
  });

  it('refuses to append an invalid payload, naming each field and the reason', () => {
    let error: unknown;
    try {
      catalog.prepareForAppend({
        id: '0b1e7a7e-3d9c-4a53-8a0f-9e8f7c6b5a41',
        type: 'ServiceRegistered',
        schemaVersion: 0,
        data: {
          serviceId: 'Bad Id!',
          name: '',
          description: 'x',
          owner: { name: 'A', email: 'not-an-email' },
          contactPoint: null,
          changeRequest: null,
          occurredAt: 'yesterday',
        },
        metadata: { actor: 'alice', correlationId: 'c', source: 'test' },
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EventSchemaViolationError);
    const paths = (error as EventSchemaViolationError).issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['data.serviceId', 'data.name', 'data.owner.email', 'data.occurredAt']),
    );
    expect((error as Error).message).toMatch(/data\.owner\.email: .*email/i);
  });

  it('stamps the current schema version on append', () => {
    const prepared = catalog.prepareForAppend({
      id: '0b1e7a7e-3d9c-4a53-8a0f-9e8f7c6b5a42',
      type: 'ServiceRetired',
      schemaVersion: 0,
      data: { serviceId: 'email', reason: 'replaced', changeRequest: 'CR-2', occurredAt: '2026-05-01T10:00:00Z' },
      metadata: { actor: 'alice', correlationId: 'c', source: 'test' },
    });
    expect(prepared.schemaVersion).toBe(1);
  });
});
