import { DomainError, type Decider } from '@sla/event-sourcing';
import type { TicketFact } from '@sla/sla-clock';
import type { TicketEvent } from './ticket.events';

export type TicketErrorCode =
  'TICKET_ALREADY_OPENED' | 'TICKET_NOT_FOUND' | 'FACT_BEFORE_OPENING' | 'TICKET_ALREADY_CLOSED' | 'FACT_AFTER_CLOSING';

export class TicketError extends DomainError {
  readonly kind: DomainError['kind'];
  constructor(
    readonly code: TicketErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TicketError';
    this.kind =
      code === 'TICKET_NOT_FOUND' ? 'not_found' : code === 'FACT_BEFORE_OPENING' ? 'rule_violated' : 'conflict';
  }
}

export type TicketState =
  | { readonly opened: false }
  | { readonly opened: true; readonly ticketId: string; readonly openedAt: number; readonly closedAt: number | null };

/** Recording a fact is the command: tools report what happened, in any order. */
export type RecordTicketFact = { readonly type: 'RecordTicketFact'; readonly fact: TicketEvent };

/**
 * Operations facts arrive late, repeated and out of order; they are
 * accepted in any arrival order and evaluated in event-time order. Only
 * facts that contradict the stream are refused: anything about a ticket
 * never opened, a fact dated before the opening, a second closure, a fact
 * dated after the closure.
 */
export const ticketDecider: Decider<RecordTicketFact, TicketEvent, TicketState> = {
  initialState: () => ({ opened: false }),
  evolve(state, event) {
    if (event.type === 'TicketOpened')
      return {
        opened: true,
        ticketId: event.data.ticketId,
        openedAt: Date.parse(event.data.occurredAt),
        closedAt: null,
      };
    if (!state.opened) return state;
    if (event.type === 'TicketClosed') return { ...state, closedAt: Date.parse(event.data.occurredAt) };
    return state;
  },
  decide({ fact }, state) {
    const at = Date.parse(fact.data.occurredAt);
    if (fact.type === 'TicketOpened') {
      if (state.opened) throw new TicketError('TICKET_ALREADY_OPENED', `ticket ${fact.data.ticketId} is already open`);
      return [fact];
    }
    if (!state.opened) throw new TicketError('TICKET_NOT_FOUND', `ticket ${fact.data.ticketId} was never opened`);
    if (at < state.openedAt) {
      throw new TicketError(
        'FACT_BEFORE_OPENING',
        `${fact.type} at ${fact.data.occurredAt} is dated before the ticket opened (${new Date(state.openedAt).toISOString()})`,
      );
    }
    if (state.closedAt !== null) {
      if (fact.type === 'TicketClosed')
        throw new TicketError(
          'TICKET_ALREADY_CLOSED',
          `ticket ${fact.data.ticketId} was closed at ${new Date(state.closedAt).toISOString()}`,
        );
      if (at > state.closedAt)
        throw new TicketError(
          'FACT_AFTER_CLOSING',
          `${fact.type} at ${fact.data.occurredAt} is dated after the ticket was closed`,
        );
    }
    return [fact];
  },
};

/** The facts the SLA clock evaluates, from a ticket's events (in any order). */
export function toClockFacts(events: readonly TicketEvent[]): TicketFact[] {
  const facts: TicketFact[] = [];
  for (const event of events) {
    const at = Date.parse(event.data.occurredAt);
    switch (event.type) {
      case 'TicketOpened':
        facts.push({ type: 'opened', at, priority: event.data.priority });
        break;
      case 'TicketAcknowledged':
        facts.push({ type: 'responded', at });
        break;
      case 'TicketPriorityChanged':
        facts.push({ type: 'priority-changed', at, priority: event.data.priority });
        break;
      case 'TicketPausedAwaitingCustomer':
        facts.push({ type: 'paused', at });
        break;
      case 'TicketResumed':
        facts.push({ type: 'resumed', at });
        break;
      case 'TicketResolved':
        facts.push({ type: 'resolved', at });
        break;
      case 'TicketReopened':
        facts.push({ type: 'reopened', at });
        break;
      case 'TicketClosed':
        facts.push({ type: 'closed', at });
        break;
      default:
        break;
    }
  }
  return facts;
}
