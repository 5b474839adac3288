import { DomainError } from './domain-error';

/**
 * How far a fact's `occurredAt` may lie ahead of the clock: clocks of the
 * systems that report facts drift a little, a fact from next week is a mistake.
 */
export const DEFAULT_FUTURE_SKEW_MILLISECONDS = 5 * 60_000;

/**
 * Bounds on the `occurredAt` of the events a command adds to a stream.
 * Governance streams (agreements, catalogue, calendars, reviews, plans,
 * reports, follow-ups) are a sequence of decisions: a later decision cannot
 * have happened before an earlier one, so they use `in-stream-order`.
 * Operations facts arrive in any order by design and only get the future bound.
 */
export type OccurredAtBounds = {
  /** The injected clock's current time. */
  readonly now: Date;
  readonly order: 'in-stream-order' | 'any-order';
  readonly futureSkewMilliseconds?: number;
};

export type OccurredAtErrorCode = 'OCCURRED_AT_BEFORE_EARLIER_FACT' | 'OCCURRED_AT_IN_FUTURE';

export class OccurredAtOutOfBoundsError extends DomainError {
  readonly kind = 'rule_violated' as const;
  constructor(
    readonly code: OccurredAtErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OccurredAtOutOfBoundsError';
  }
}

type WithOccurredAt = { readonly type: string; readonly data: unknown };

const occurredAtOf = (event: WithOccurredAt): string | undefined => {
  const value = (event.data as { occurredAt?: unknown } | null)?.occurredAt;
  return typeof value === 'string' ? value : undefined;
};

/**
 * Refuses new events whose `occurredAt` lies in the future beyond the skew,
 * or (in stream order) before the `occurredAt` of the stream's last fact.
 * Back-dating as such stays allowed: migrating an agreement signed last year
 * records its facts with last year's times, in their order.
 */
export function checkOccurredAt(
  earlier: readonly WithOccurredAt[],
  proposed: readonly WithOccurredAt[],
  bounds: OccurredAtBounds,
): void {
  const skew = bounds.futureSkewMilliseconds ?? DEFAULT_FUTURE_SKEW_MILLISECONDS;
  const latestAllowed = bounds.now.getTime() + skew;
  let last = [...earlier].reverse().find((event) => occurredAtOf(event) !== undefined);
  for (const event of proposed) {
    const occurredAt = occurredAtOf(event);
    if (occurredAt === undefined) continue;
    if (Date.parse(occurredAt) > latestAllowed) {
      throw new OccurredAtOutOfBoundsError(
        'OCCURRED_AT_IN_FUTURE',
        `occurredAt ${occurredAt} lies in the future (now is ${bounds.now.toISOString()}; ` +
          `at most ${skew / 1000} s ahead is accepted)`,
      );
    }
    const previous = last === undefined ? undefined : occurredAtOf(last)!;
    if (bounds.order === 'in-stream-order' && previous !== undefined && Date.parse(occurredAt) < Date.parse(previous)) {
      throw new OccurredAtOutOfBoundsError(
        'OCCURRED_AT_BEFORE_EARLIER_FACT',
        `occurredAt ${occurredAt} precedes the stream's last fact (${last!.type} at ${previous}): ` +
          'facts of this record are entered in the order they happened',
      );
    }
    last = event;
  }
}

/** The bounds of a governance stream: a sequence of decisions, entered in the order they happened. */
export const inStreamOrder = (clock: { now(): Date }): OccurredAtBounds => ({
  now: clock.now(),
  order: 'in-stream-order',
});

/** The bounds of operations facts: any arrival order, nothing from the future. */
export const inAnyOrder = (clock: { now(): Date }): OccurredAtBounds => ({ now: clock.now(), order: 'any-order' });
