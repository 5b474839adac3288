import { ServiceError } from './service.errors';
import { serviceDecider, type ServiceCommand } from './service.decider';
import type { ServiceEvent } from './service.events';

const registered: ServiceEvent = {
  type: 'ServiceRegistered',
  data: {
    serviceId: 'email',
    name: 'Corporate e-mail',
    description: '',
    owner: { name: 'Li Wei', email: null },
    contactPoint: null,
    changeRequest: 'CR-1',
    occurredAt: '2026-03-01T09:00:00+01:00',
  },
};

function given(events: ServiceEvent[]) {
  const state = events.reduce(serviceDecider.evolve, serviceDecider.initialState());
  return { when: (command: ServiceCommand) => () => serviceDecider.decide(command, state) };
}

describe('service decider', () => {
  it('registers a new service', () => {
    expect(given([]).when({ type: 'RegisterService', data: registered.data })()).toEqual([registered]);
  });

  it('refuses to register the same service twice', () => {
    expect(given([registered]).when({ type: 'RegisterService', data: registered.data })).toThrow(
      expect.objectContaining({ code: 'SERVICE_ALREADY_REGISTERED', kind: 'conflict' }),
    );
  });

  const retire: ServiceCommand = {
    type: 'RetireService',
    data: { serviceId: 'email', reason: 'replaced', changeRequest: 'CR-9', occurredAt: '2026-06-01T00:00:00Z' },
  };

  it('retires an active service', () => {
    expect(given([registered]).when(retire)()).toEqual([{ type: 'ServiceRetired', data: retire.data }]);
  });

  it('refuses to retire an unknown or already retired service', () => {
    expect(given([]).when(retire)).toThrow(ServiceError);
    expect(given([]).when(retire)).toThrow(expect.objectContaining({ code: 'SERVICE_NOT_FOUND', kind: 'not_found' }));
    expect(given([registered, { type: 'ServiceRetired', data: retire.data }]).when(retire)).toThrow(
      expect.objectContaining({ code: 'SERVICE_ALREADY_RETIRED' }),
    );
  });
});
