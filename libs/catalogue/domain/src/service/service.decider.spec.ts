import { deciderSpec } from '@sla/event-sourcing/testing';
import { serviceDecider, type ServiceCommand } from './service.decider';
import type { ServiceEvent } from './service.events';

const registration = {
  serviceId: 'email',
  name: 'Corporate e-mail',
  description: '',
  owner: { name: 'Li Wei', email: null },
  contactPoint: null,
  calendarId: 'office',
  exceptions: '',
  securityConsiderations: 'Mailboxes hold personal data',
  changeRequest: 'CR-1',
  occurredAt: '2026-03-01T09:00:00+01:00',
};
const registered: ServiceEvent = { type: 'ServiceRegistered', data: registration };
const activated: ServiceEvent = {
  type: 'ServiceActivated',
  data: { serviceId: 'email', changeRequest: 'CR-2', occurredAt: '2026-03-05T09:00:00Z' },
};
const retire: ServiceCommand = {
  type: 'RetireService',
  data: { serviceId: 'email', reason: 'replaced', changeRequest: 'CR-9', occurredAt: '2026-06-01T00:00:00Z' },
};

const { given } = deciderSpec(serviceDecider);

describe('service decider', () => {
  it('registers a new service as proposed', () => {
    given([]).when({ type: 'RegisterService', data: registration }).then([registered]);
    expect(given([registered]).state.status).toBe('proposed');
  });

  it('refuses to register the same service twice', () => {
    given([registered])
      .when({ type: 'RegisterService', data: registration })
      .thenFails('SERVICE_ALREADY_REGISTERED', { kind: 'conflict' });
  });

  it('activates a proposed service, and only a proposed one', () => {
    given([registered])
      .when({ type: 'ActivateService', data: activated.data as never })
      .then([activated]);
    given([registered, activated])
      .when({ type: 'ActivateService', data: activated.data as never })
      .thenFails('SERVICE_NOT_PROPOSED');
  });

  it('revises details under a change request; an empty revision is refused', () => {
    const revision = {
      serviceId: 'email',
      changes: { calendarId: '24x7', exceptions: 'Maintenance Sundays 02:00-04:00' },
      changeRequest: 'CR-3',
      occurredAt: '2026-03-06T09:00:00Z',
    };
    given([registered, activated])
      .when({ type: 'ReviseServiceDetails', data: revision })
      .then([{ type: 'ServiceDetailsRevised', data: revision }]);
    given([registered])
      .when({ type: 'ReviseServiceDetails', data: { ...revision, changes: {} } })
      .thenFails('NOTHING_TO_CHANGE');
  });

  it('retires an active or proposed service', () => {
    given([registered, activated])
      .when(retire)
      .then([{ type: 'ServiceRetired', data: retire.data }]);
    expect(given([registered]).when(retire).thenEvents()).toHaveLength(1);
  });

  it('refuses any change to an unknown or retired service', () => {
    given([]).when(retire).thenFails('SERVICE_NOT_FOUND', { kind: 'not_found' });
    const retired: ServiceEvent = { type: 'ServiceRetired', data: retire.data as never };
    given([registered, retired]).when(retire).thenFails('SERVICE_ALREADY_RETIRED');
    given([registered, retired])
      .when({
        type: 'ReviseServiceDetails',
        data: { serviceId: 'email', changes: { name: 'x' }, changeRequest: 'CR-4', occurredAt: '2026-07-01T00:00:00Z' },
      })
      .thenFails('SERVICE_ALREADY_RETIRED');
  });

  it('treats services registered before proposals existed (v1, no change request) as active', () => {
    expect(given([{ type: 'ServiceRegistered', data: { ...registration, changeRequest: null } }]).state.status).toBe(
      'active',
    );
  });
});
