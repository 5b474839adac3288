/** A JSON value used as a pattern: see `matchesPattern`. */
export type JsonPattern =
  null | boolean | number | string | readonly JsonPattern[] | { readonly [key: string]: JsonPattern };

/**
 * Whether `value` shows everything `pattern` asks for: an object pattern by each of its keys (other keys of the
 * value are ignored), an array pattern when each of its elements matches some element of the value, anything else
 * by equality. `{}` matches any object.
 */
export function matchesPattern(value: unknown, pattern: JsonPattern): boolean {
  if (Array.isArray(pattern)) {
    return Array.isArray(value) && pattern.every((wanted) => value.some((item) => matchesPattern(item, wanted)));
  }
  if (pattern !== null && typeof pattern === 'object') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    return Object.entries(pattern).every(([key, wanted]) => key in record && matchesPattern(record[key], wanted));
  }
  return value === pattern;
}

/** The groups the loader counts and shows a progress bar for. */
export const DEMO_PHASES = [
  'calendars',
  'services',
  'agreements',
  'underpinning',
  'changes',
  'tickets',
  'outages',
  'maintenance',
  'alerts',
  'follow-ups',
  'reviews',
  'improvement-plans',
  'reports',
] as const;
export type DemoPhase = (typeof DEMO_PHASES)[number];

/**
 * A value a step needs from the product's own answers, such as the id of a breach the product detected: GET
 * `path`, take the first element (of the body, or of its `items`) matching `find`, and its field `pick` (dotted).
 * Every `{name}` in the step's paths and body strings is replaced by it. The loader waits until one matches.
 */
export type DemoLookup = {
  readonly name: string;
  readonly path: string;
  readonly find: JsonPattern;
  readonly pick: string;
};

/**
 * One governance write of the scenario (an agreement amendment, a review, a report approval...), as a client of
 * the public HTTP API sends it. Steps run in their order, after the operations facts delivered in the same UTC
 * month as `occurredAt` and before those of later months: a step that must change how later facts are measured
 * takes effect from a later month; a step that reads facts (a breach follow-up, a report) is dated after them.
 */
export type DemoStep = {
  readonly phase: DemoPhase;
  /** When it happened; a step dated after now is not sent (a later run sends it). */
  readonly occurredAt: string;
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly body?: Record<string, unknown>;
  /** Sent as `x-actor` (who did it; the API records it on the event). */
  readonly actor: string;
  readonly lookups?: readonly DemoLookup[];
  /**
   * What the step records depends on the views (a report's figures): the loader first waits until every projection
   * has applied the whole log, so the same facts give the same figures on every run and machine.
   */
  readonly readsViews?: boolean;
  /**
   * The step is done once GET `path` answers 200 with a body matching `matches`: a later run skips it, and after
   * writing, the loader waits for it (the views caught up). Without it the API itself must recognise a second
   * delivery (it answers `duplicate: true`), as with webhooks.
   */
  readonly doneWhen?: { readonly path: string; readonly matches: JsonPattern };
};

/** Replaces every `{name}` in a string, and in the strings of nested objects and arrays. */
export function substitute<Value>(value: Value, values: Readonly<Record<string, string>>): Value {
  if (typeof value === 'string') {
    return value.replace(/\{([a-zA-Z][\w-]*)\}/g, (whole, name: string) => values[name] ?? whole) as Value;
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, values)) as Value;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, substitute(item, values)]),
    ) as Value;
  }
  return value;
}

/** The UTC month (`YYYY-MM`) of an instant: the unit in which facts and steps are interleaved. */
export const deliveryMonth = (instant: string): string => new Date(instant).toISOString().slice(0, 7);
