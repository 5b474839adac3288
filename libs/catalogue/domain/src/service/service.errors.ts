import { DomainError } from '@sla/event-sourcing';

export type ServiceErrorCode =
  | 'SERVICE_ALREADY_REGISTERED'
  | 'SERVICE_NOT_FOUND'
  | 'SERVICE_ALREADY_RETIRED'
  | 'SERVICE_NOT_PROPOSED'
  | 'NOTHING_TO_CHANGE';

export class ServiceError extends DomainError {
  readonly kind;
  constructor(
    readonly code: ServiceErrorCode,
    readonly serviceId: string,
  ) {
    super(`${MESSAGES[code]}: ${serviceId}`);
    this.name = 'ServiceError';
    this.kind = code === 'SERVICE_NOT_FOUND' ? ('not_found' as const) : ('conflict' as const);
  }
}

const MESSAGES: Record<ServiceErrorCode, string> = {
  SERVICE_ALREADY_REGISTERED: 'a service with this id is already registered',
  SERVICE_NOT_FOUND: 'no service with this id is registered',
  SERVICE_ALREADY_RETIRED: 'the service is already retired',
  SERVICE_NOT_PROPOSED: 'only a proposed service can be activated',
  NOTHING_TO_CHANGE: 'the revision changes nothing',
};
