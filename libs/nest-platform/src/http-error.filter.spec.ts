import { EventStoreUnavailableError } from '@sla/event-sourcing';
import { isStoreUnreachable } from './http-error.filter';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isStoreUnreachable', () => {
  it.each([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['admin shutdown', withCode('terminating connection due to administrator command', '57P01')],
    ['server starting up', withCode('the database system is starting up', '57P03')],
    ['connection exception class 08', withCode('connection failure', '08006')],
    ['connection dropped mid-query', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['wrapped in a cause', new Error('query failed', { cause: withCode('read ECONNRESET', 'ECONNRESET') })],
    ['the event store says so', new EventStoreUnavailableError('PostgreSQL event store unreachable')],
  ])('recognises %s', (_, error) => {
    expect(isStoreUnreachable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key', '23505')],
    ['a syntax error', withCode('syntax error at or near', '42601')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['not an error at all', 'boom'],
  ])('does not mistake %s for an outage', (_, error) => {
    expect(isStoreUnreachable(error)).toBe(false);
  });
});
