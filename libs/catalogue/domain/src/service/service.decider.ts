import type { Decider } from '@sla/event-sourcing';
import { ServiceError } from './service.errors';
import type { ServiceEvent, ServiceRegisteredData } from './service.events';

export type ServiceState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'active' | 'retired'; readonly serviceId: string; readonly name: string };

export type RegisterService = { readonly type: 'RegisterService'; readonly data: ServiceRegisteredData };

export type RetireService = {
  readonly type: 'RetireService';
  readonly data: { serviceId: string; reason: string; changeRequest: string; occurredAt: string };
};

export type ServiceCommand = RegisterService | RetireService;

export const serviceDecider: Decider<ServiceCommand, ServiceEvent, ServiceState> = {
  initialState: () => ({ status: 'unregistered' }),

  evolve(state, event) {
    switch (event.type) {
      case 'ServiceRegistered':
        return { status: 'active', serviceId: event.data.serviceId, name: event.data.name };
      case 'ServiceRetired':
        return state.status === 'unregistered' ? state : { ...state, status: 'retired' };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterService':
        if (state.status !== 'unregistered') {
          throw new ServiceError('SERVICE_ALREADY_REGISTERED', command.data.serviceId);
        }
        return [{ type: 'ServiceRegistered', data: command.data }];
      case 'RetireService':
        if (state.status === 'unregistered') throw new ServiceError('SERVICE_NOT_FOUND', command.data.serviceId);
        if (state.status === 'retired') throw new ServiceError('SERVICE_ALREADY_RETIRED', command.data.serviceId);
        return [{ type: 'ServiceRetired', data: command.data }];
    }
  },
};
