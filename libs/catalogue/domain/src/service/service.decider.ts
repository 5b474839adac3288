import type { Decider } from '@sla/event-sourcing';
import { ServiceError } from './service.errors';
import type {
  ServiceActivatedData,
  ServiceDetailsRevisedData,
  ServiceEvent,
  ServiceRegisteredData,
  ServiceRetiredData,
} from './service.events';

/** Catalogue status: proposed → active → retired (a proposal may also be retired). */
export type ServiceState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'proposed' | 'active' | 'retired'; readonly serviceId: string; readonly name: string };

export type ServiceCommand =
  | { readonly type: 'RegisterService'; readonly data: ServiceRegisteredData }
  | { readonly type: 'ActivateService'; readonly data: ServiceActivatedData }
  | { readonly type: 'ReviseServiceDetails'; readonly data: ServiceDetailsRevisedData }
  | { readonly type: 'RetireService'; readonly data: ServiceRetiredData };

export const serviceDecider: Decider<ServiceCommand, ServiceEvent, ServiceState> = {
  initialState: () => ({ status: 'unregistered' }),

  evolve(state, event) {
    switch (event.type) {
      case 'ServiceRegistered':
        // v1 history had no proposal step: those services were registered in service.
        return {
          status: event.data.changeRequest === null ? 'active' : 'proposed',
          serviceId: event.data.serviceId,
          name: event.data.name,
        };
      case 'ServiceActivated':
        return state.status === 'unregistered' ? state : { ...state, status: 'active' };
      case 'ServiceDetailsRevised':
        return state.status === 'unregistered' ? state : { ...state, name: event.data.changes.name ?? state.name };
      case 'ServiceRetired':
        return state.status === 'unregistered' ? state : { ...state, status: 'retired' };
    }
  },

  decide(command, state) {
    if (command.type === 'RegisterService') {
      if (state.status !== 'unregistered') throw new ServiceError('SERVICE_ALREADY_REGISTERED', command.data.serviceId);
      return [{ type: 'ServiceRegistered', data: command.data }];
    }
    if (state.status === 'unregistered') throw new ServiceError('SERVICE_NOT_FOUND', command.data.serviceId);
    if (state.status === 'retired') throw new ServiceError('SERVICE_ALREADY_RETIRED', command.data.serviceId);
    switch (command.type) {
      case 'ActivateService':
        if (state.status !== 'proposed') throw new ServiceError('SERVICE_NOT_PROPOSED', command.data.serviceId);
        return [{ type: 'ServiceActivated', data: command.data }];
      case 'ReviseServiceDetails':
        if (Object.keys(command.data.changes).length === 0)
          throw new ServiceError('NOTHING_TO_CHANGE', command.data.serviceId);
        return [{ type: 'ServiceDetailsRevised', data: command.data }];
      case 'RetireService':
        return [{ type: 'ServiceRetired', data: command.data }];
    }
  },
};
