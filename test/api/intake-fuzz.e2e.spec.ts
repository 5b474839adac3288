import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient } from '@sla/test-support';

/**
 * Every intake endpoint of the real app gets thousands of generated invalid
 * and random payloads: junk bytes, malformed JSON, random JSON values and
 * mutations of a valid payload that each break it for certain. Whatever
 * arrives, the answer is never a 5xx, a refusal names the problem, and not
 * one event is stored.
 *
 * Reproducible: the seed is fixed (FUZZ_SEED overrides it) and printed with
 * every failure; FUZZ_RUNS sets the number of generated payloads per endpoint.
 * Another intake endpoint is fuzzed by adding one entry to `endpoints` below.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_309);
const RUNS = Number(process.env.FUZZ_RUNS ?? 5_000);
const CONCURRENCY = 16;
const BODY_LIMIT = 100 * 1024;

jest.setTimeout(120_000);

// ---------------------------------------------------------------------------
// What is sent and what is expected of one request
// ---------------------------------------------------------------------------

/** A JSON token spliced in verbatim where the payload holds this marker (NaN, 1e999, …). */
const RAW = '\u0000raw:';
const raw = (token: string) => `${RAW}${token}`;

type Expectation = {
  /** Exact status, or one of several. */
  readonly status?: number | readonly number[];
  readonly code?: string;
  /** A validation issue with this path (or one below it) must be named. */
  readonly issue?: string;
};

type FuzzCase = {
  readonly label: string;
  readonly path: string;
  readonly body: string | Uint8Array;
  readonly contentType?: string | null;
  /** Replaces the endpoint's own headers (e.g. its valid signature). */
  readonly headers?: Record<string, string>;
  readonly expect?: Expectation;
};

/** A JSON payload (or verbatim text) for a path, to be serialized. */
type Mutation = {
  readonly label: string;
  readonly path: string;
  readonly payload: unknown;
  readonly expect?: Expectation;
  readonly headers?: Record<string, string>;
};

type FuzzedEndpoint = {
  readonly name: string;
  /** Where the valid payload goes. */
  readonly path: string;
  /** One valid payload: never sent as is, only truncated, corrupted, re-typed or oversized. */
  readonly valid: () => unknown;
  /** Mutations of a valid payload, each invalid for certain (schema, catalogue or stream state). */
  readonly mutations: fc.Arbitrary<Mutation>;
  /** Paths that are not valid for this endpoint (a valid body is sent to them). */
  readonly invalidPaths?: fc.Arbitrary<string>;
  /** Headers a request needs to be looked at at all, e.g. a valid signature of the exact bytes. */
  readonly headersFor?: (body: string | Uint8Array) => Record<string, string>;
  /** 2xx answers that by design store nothing (a payload no rule maps, an alert refused). */
  readonly harmless2xx?: (status: number, body: unknown) => boolean;
};

// ---------------------------------------------------------------------------
// Generators shared by all endpoints
// ---------------------------------------------------------------------------

const serialize = (payload: unknown): string => {
  const text = JSON.stringify(payload) ?? '';
  // A marker string becomes its verbatim token: "\u0000raw:NaN" -> NaN
  return text.replace(/"\\u0000raw:([^"]*)"/g, (_, token: string) => token);
};

/** A value of any JSON type but string. */
const notString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
/** A value of any JSON type but boolean. */
const notBoolean = fc.oneof(
  fc.integer(),
  fc.constantFrom('true', 'false', 'yes', '', 'TRUE', '1', '0'),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
);
/** A value of any JSON type but plain object. */
const notObject = fc.oneof(
  fc.integer(),
  fc.string({ maxLength: 10 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
);
/** Anything but one of the allowed strings. */
const notOneOf = (allowed: readonly string[]) =>
  fc
    .oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(...allowed).map((value) => `${value} `),
      fc
        .constantFrom(...allowed)
        .map((value) => (value.toLowerCase() === value ? value.toUpperCase() : value.toLowerCase())),
      notString,
    )
    .filter((value) => typeof value !== 'string' || !allowed.includes(value));

/** Timestamps a fact must not carry: no offset, no time, impossible dates, not ISO 8601 at all. */
const badTimestamp = fc.oneof(
  fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true })
    .chain((date) =>
      fc.constantFrom(
        date.toISOString().slice(0, 19),
        date.toISOString().slice(0, 23),
        date.toISOString().slice(0, 10),
        date.toISOString().replace('T', ' '),
        String(date.getTime()),
      ),
    ),
  fc.constantFrom(
    '2026-03-09T09:00:00',
    '2026-03-09T09:00:00.123',
    '2026-03-09',
    'yesterday',
    'now',
    '',
    ' ',
    '2026-02-30T10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2026-03-09 09:00:00+01:00',
    '2026-03-09T09:00:00+1:00',
    '2026-03-09T09:00:00+0100',
    '2026-03-09T24:00:00Z',
    '2026-03-09T09:00:60Z',
    '2026-13-09T09:00:00Z',
    '2026-03-32T09:00:00Z',
    '2026-03-09T09:00:00 +01:00',
    '2026-03-09T09:00Z',
    '+02026-03-09T09:00:00Z',
    '2026-03-09T09:00:00+25:00',
    'Mon, 09 Mar 2026 09:00:00 GMT',
  ),
  fc.integer().map((value) => value as unknown),
  fc.constant(null),
  fc.constant(raw('1e999')),
);

/** Non-blank strings of a given length range (trimmed length counts). */
const longText = (minLength: number, maxLength: number) =>
  fc
    .integer({ min: minLength, max: maxLength })
    .chain((length) =>
      fc.constantFrom('x', 'ü', '字', 'ab', 'a-b').map((unit) => unit.repeat(length).slice(0, length)),
    );
const blank = fc.constantFrom('', ' ', '   ', '\t', '\n', '\u00a0');

/** Deep nesting, prototype-ish keys and large arrays. */
const nestedGarbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 1, max: 60 }).map((depth) => {
    let value: unknown = 'deep';
    for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { nested: value };
    return value;
  }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')),
  fc.integer({ min: 1_000, max: 8_000 }).map((length) => Array.from({ length }, (_, index) => index)),
);

/** Ids no path accepts: reserved characters, too long, leading punctuation, unicode, percent trouble. */
const badId = (maxLength: number) =>
  fc
    .oneof(
      fc.constantFrom(
        '-lead',
        '.lead',
        '_lead',
        ':lead',
        'has space',
        'a/b',
        'a\\b',
        'ä',
        '字',
        '%00',
        'a?b',
        'a#b',
        "a'b",
        'a"b',
        'a<b>',
        '😀',
      ),
      fc.string({ minLength: 1, maxLength: 30 }).filter((value) => !/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(value)),
      fc.integer({ min: maxLength + 1, max: maxLength + 300 }).map((length) => 'a'.repeat(length)),
    )
    .map(encodeURIComponent);
const rawBadPaths = (prefix: string, suffix: string) =>
  fc.constantFrom(
    `${prefix}/%E0%A4%A${suffix}`,
    `${prefix}/%${suffix}`,
    `${prefix}/%ZZ${suffix}`,
    `${prefix}/${suffix}`,
    `${prefix}/a%2F..%2Fb${suffix}`,
  );

const withDeleted = (record: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));

/** Text that is certainly not JSON: a strict prefix of a JSON object, or a structural character replaced. */
const malformed = (text: string) =>
  fc.oneof(
    fc.integer({ min: 0, max: text.length - 1 }).map((end) => text.slice(0, end)),
    fc
      .record({
        position: fc.constantFrom(
          ...[...text].flatMap((character, index) => ('{}[]:,"'.includes(character) ? [index] : [])),
        ),
        replacement: fc.constantFrom(
          '',
          '{',
          '}',
          '[',
          ']',
          ':',
          ',',
          '"',
          "'",
          ' x ',
          '\\',
          'NaN',
          '\u0000',
          '\ud800',
        ),
      })
      .map(({ position, replacement }) => text.slice(0, position) + replacement + text.slice(position + 1))
      .filter((candidate) => !parses(candidate)),
    fc.constantFrom(
      'NaN',
      'undefined',
      "{'single':'quotes'}",
      '{"a":1,}',
      '[1,2,]',
      '{"a":01}',
      '{"a":0x10}',
      '{"a":Infinity}',
      '\ufeff{}x',
      '{"a":"\\x41"}',
      '{"a" 1}',
      '{,}',
    ),
  );

/** `a[b][0]=c` form encoding of a JSON value, as qs-style parsers read it. */
function bracketForm(value: unknown): string {
  const pairs: [string, string][] = [];
  const walk = (node: unknown, key: string) => {
    if (node !== null && typeof node === 'object') {
      for (const [name, child] of Object.entries(node)) walk(child, key ? `${key}[${name}]` : name);
    } else {
      pairs.push([key, String(node)]);
    }
  };
  walk(value, '');
  return new URLSearchParams(pairs).toString();
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The generated cases of one endpoint: junk, malformed JSON, random JSON, invalid paths, mutations. */
function generatedCases(endpoint: FuzzedEndpoint): fc.Arbitrary<FuzzCase> {
  const validText = serialize(endpoint.valid());
  const json =
    (label: string) =>
    (body: string | Uint8Array): FuzzCase => ({ label, path: endpoint.path, body, contentType: 'application/json' });
  const junk: fc.Arbitrary<FuzzCase>[] = [
    fc.string({ maxLength: 300 }).map(json('junk:ascii')),
    fc.string({ unit: 'grapheme', maxLength: 200 }).map(json('junk:unicode')),
    fc.string({ unit: 'binary', maxLength: 200 }).map(json('junk:binary-string')),
    fc.uint8Array({ maxLength: 600 }).map(json('junk:bytes')),
    malformed(validText).map(json('junk:malformed-json')),
  ];
  const random: fc.Arbitrary<FuzzCase>[] = [
    fc.jsonValue({ maxDepth: 5 }).map((value) => json('random:json-value')(serialize(value))),
    fc.anything({ maxDepth: 3 }).map((value) => json('random:anything')(serialize(value))),
    fc
      .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))
      .map((value) => json('random:object')(serialize(value))),
  ];
  const mutated = endpoint.mutations.map((mutation): FuzzCase => ({
    label: `mutation:${mutation.label}`,
    path: mutation.path,
    body:
      typeof mutation.payload === 'string' && mutation.payload.startsWith(RAW)
        ? mutation.payload.slice(RAW.length)
        : serialize(mutation.payload),
    contentType: 'application/json',
    ...(mutation.headers ? { headers: mutation.headers } : {}),
    ...(mutation.expect ? { expect: mutation.expect } : {}),
  }));
  const paths = endpoint.invalidPaths
    ? [
        endpoint.invalidPaths.map((invalidPath): FuzzCase => ({
          label: 'invalid-path',
          path: invalidPath,
          body: validText,
          contentType: 'application/json',
          expect: { status: [400, 404] },
        })),
      ]
    : [];
  return fc.oneof(
    ...junk.map((arbitrary) => ({ arbitrary, weight: 2 })),
    ...random.map((arbitrary) => ({ arbitrary, weight: 2 })),
    ...paths.map((arbitrary) => ({ arbitrary, weight: 2 })),
    { arbitrary: mutated, weight: 24 },
  );
}

/** A few fixed requests every endpoint gets: wrong content types and a body over the size limit. */
function fixedCases(endpoint: FuzzedEndpoint): FuzzCase[] {
  const valid = endpoint.valid() as Record<string, unknown>;
  const validText = serialize(valid);
  const form = new URLSearchParams(
    Object.entries(valid).map(([key, value]): [string, string] => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  ).toString();
  const padded = serialize({ ...valid, padding: 'x'.repeat(BODY_LIMIT + 50_000) });
  const wrongType = (contentType: string | null, body: string | Uint8Array = validText): FuzzCase => ({
    label: `content-type:${contentType ?? 'none'}`,
    path: endpoint.path,
    body,
    contentType,
    // 200 only where the endpoint answers it for a payload it ignores by design.
    expect: { status: [200, 400, 401, 415] },
  });
  return [
    wrongType('text/plain'),
    wrongType('application/xml', `<fact>${validText}</fact>`),
    wrongType('application/octet-stream'),
    wrongType(
      'multipart/form-data; boundary=fuzz',
      `--fuzz\r\nContent-Disposition: form-data; name="body"\r\n\r\n${validText}\r\n--fuzz--\r\n`,
    ),
    wrongType('application/x-www-form-urlencoded', form),
    // The valid payload as an HTML form would post it (nested keys in brackets): still not JSON.
    wrongType('application/x-www-form-urlencoded', bracketForm(valid)),
    wrongType('application/x-www-form-urlencoded'),
    wrongType('application/json; charset=utf-16'),
    wrongType('application/json; charset=latin-7'),
    wrongType(null, new TextEncoder().encode(validText)),
    {
      label: 'oversize',
      path: endpoint.path,
      body: padded,
      contentType: 'application/json',
      expect: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
    },
    {
      label: 'oversize:junk',
      path: endpoint.path,
      body: 'x'.repeat(BODY_LIMIT * 3),
      contentType: 'application/json',
      expect: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
    },
  ];
}

// ---------------------------------------------------------------------------
// The endpoints
// ---------------------------------------------------------------------------

const SECRET = 'a-shared-secret-of-the-helpdesk';
const SIGNATURE_HEADER = 'x-helpdesk-signature';
const sign = (body: string | Uint8Array, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Stream state created before the fuzzing: a ticket opened and closed, an outage started. */
const OPEN_TICKET = 'FUZZ-OPEN';
const OPENED_AT = '2026-03-09T09:00:00+01:00'; // 08:00Z
const CLOSED_AT = '2026-03-10T09:00:00+01:00'; // 2026-03-10T08:00Z
const STARTED_OUTAGE = 'FUZZ-OUT';
const OUTAGE_STARTED_AT = '2026-03-10T08:00:00+01:00'; // 07:00Z

const freshId = (prefix: string) => fc.integer({ min: 1, max: 1_000_000_000 }).map((value) => `${prefix}-${value}`);
const before = (iso: string) =>
  fc
    .integer({ min: 1, max: 10 * 365 * 24 * 60 })
    .map((minutes) => new Date(Date.parse(iso) - minutes * 60_000).toISOString());
const after = (iso: string) =>
  fc
    .integer({ min: 1, max: 10 * 365 * 24 * 60 })
    .map((minutes) => new Date(Date.parse(iso) + minutes * 60_000).toISOString());
const unknownServiceId = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40 }).map((value) => `no-such-${value}`),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((value) => value !== 'email'),
    fc.constantFrom(' email', 'email ', 'EMAIL', "email'; drop table service_catalogue; --", 'x'.repeat(5_000)),
  )
  .filter((value) => !value.includes('\u0000'));

/** PostgreSQL cannot store U+0000 in text or jsonb: refused before any handler, naming the field. */
const withNulCharacter = fc
  .tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }))
  .map(([before, after]) => `${before}\u0000${after}`);

const ticketOpened = (externalId: string) => ({
  source: 'servicenow',
  externalId,
  type: 'TicketOpened',
  data: {
    ticketType: 'incident',
    serviceId: 'email',
    priority: 'P2',
    impact: 'high',
    major: false,
    title: 'Mail down',
    occurredAt: OPENED_AT,
  },
});
const TICKET_FACT_TYPES = [
  'TicketOpened',
  'TicketAcknowledged',
  'TicketAssigned',
  'TicketPriorityChanged',
  'TicketPausedAwaitingCustomer',
  'TicketResumed',
  'TicketResolved',
  'TicketReopened',
  'TicketClosed',
  'CustomerSatisfactionRecorded',
];
/** The fields besides occurredAt each later ticket fact needs, valid. */
const LATER_FACT_FIELDS: Record<string, Record<string, unknown>> = {
  TicketAcknowledged: {},
  TicketAssigned: { assignee: 'Li Wei' },
  TicketPriorityChanged: { priority: 'P1' },
  TicketPausedAwaitingCustomer: { reason: 'waiting' },
  TicketResumed: {},
  TicketResolved: { resolution: 'restarted' },
  TicketReopened: { reason: 'again' },
  CustomerSatisfactionRecorded: { score: 4 },
};
const laterFact = fc.constantFrom(...Object.keys(LATER_FACT_FIELDS));

function ticketFactMutations(): fc.Arbitrary<Mutation> {
  const base = fc.record({ ticketId: freshId('fz-ticket'), externalId: freshId('evt') });
  const opened = (label: string, change: (payload: ReturnType<typeof ticketOpened>) => unknown, expect?: Expectation) =>
    base.map(({ ticketId, externalId }): Mutation => ({
      label,
      path: `/tickets/${ticketId}/facts`,
      payload: change(ticketOpened(externalId)),
      ...(expect ? { expect } : {}),
    }));
  const field = <T>(
    label: string,
    values: fc.Arbitrary<T>,
    change: (payload: ReturnType<typeof ticketOpened>, value: T) => unknown,
    expect?: Expectation,
  ) =>
    fc.tuple(base, values).map(([{ ticketId, externalId }, value]): Mutation => ({
      label,
      path: `/tickets/${ticketId}/facts`,
      payload: change(ticketOpened(externalId), value),
      ...(expect ? { expect } : {}),
    }));
  const dataOf = (payload: ReturnType<typeof ticketOpened>, data: Record<string, unknown>) => ({ ...payload, data });
  const onOpenTicket = (
    label: string,
    facts: fc.Arbitrary<{ type: string; data: Record<string, unknown> }>,
    expect: Expectation,
  ) =>
    fc.tuple(freshId('evt'), facts).map(([externalId, fact]): Mutation => ({
      label,
      path: `/tickets/${OPEN_TICKET}/facts`,
      payload: { source: 'servicenow', externalId, ...fact },
      expect,
    }));
  const validation = (issue: string): Expectation => ({ status: 400, code: 'VALIDATION_FAILED', issue });
  return fc.oneof(
    field(
      'drop-field',
      fc.constantFrom('source', 'externalId', 'type', 'data'),
      (payload, key) => withDeleted(payload, key),
      undefined,
    ),
    field(
      'drop-data-field',
      fc.constantFrom('ticketType', 'serviceId', 'priority', 'impact', 'major', 'title', 'occurredAt'),
      (payload, key) => dataOf(payload, withDeleted(payload.data, key)),
    ),
    field('wrong-type:source', notString, (payload, value) => ({ ...payload, source: value }), validation('source')),
    field(
      'wrong-type:externalId',
      notString,
      (payload, value) => ({ ...payload, externalId: value }),
      validation('externalId'),
    ),
    field('wrong-type:data', notObject, (payload, value) => ({ ...payload, data: value }), validation('data')),
    field(
      'wrong-type:major',
      notBoolean,
      (payload, value) => dataOf(payload, { ...payload.data, major: value }),
      validation('major'),
    ),
    field(
      'wrong-type:title',
      notString,
      (payload, value) => dataOf(payload, { ...payload.data, title: value }),
      validation('title'),
    ),
    field(
      'wrong-type:serviceId',
      notString,
      (payload, value) => dataOf(payload, { ...payload.data, serviceId: value }),
      validation('serviceId'),
    ),
    field(
      'bad-enum:priority',
      notOneOf(['P1', 'P2', 'P3', 'P4']),
      (payload, value) => dataOf(payload, { ...payload.data, priority: value }),
      validation('priority'),
    ),
    field(
      'bad-enum:impact',
      notOneOf(['low', 'medium', 'high']),
      (payload, value) => dataOf(payload, { ...payload.data, impact: value }),
      validation('impact'),
    ),
    field(
      'bad-enum:ticketType',
      notOneOf(['incident', 'service-request', 'complaint']),
      (payload, value) => dataOf(payload, { ...payload.data, ticketType: value }),
      validation('ticketType'),
    ),
    field(
      'unknown-fact-type',
      notOneOf(TICKET_FACT_TYPES),
      (payload, value) => ({ ...payload, type: value }),
      validation('type'),
    ),
    field(
      'timestamp-without-offset',
      badTimestamp,
      (payload, value) => dataOf(payload, { ...payload.data, occurredAt: value }),
      { status: 400 },
    ),
    field('blank:source', blank, (payload, value) => ({ ...payload, source: value }), validation('source')),
    field('blank:externalId', blank, (payload, value) => ({ ...payload, externalId: value }), validation('externalId')),
    field(
      'blank:title',
      blank,
      (payload, value) => dataOf(payload, { ...payload.data, title: value }),
      validation('title'),
    ),
    field(
      'oversize:title',
      longText(501, 5_000),
      (payload, value) => dataOf(payload, { ...payload.data, title: value }),
      validation('title'),
    ),
    field(
      'oversize:source',
      longText(101, 2_000),
      (payload, value) => ({ ...payload, source: value }),
      validation('source'),
    ),
    field(
      'oversize:externalId',
      longText(201, 2_000),
      (payload, value) => ({ ...payload, externalId: value }),
      validation('externalId'),
    ),
    field(
      'unknown-service',
      unknownServiceId,
      (payload, value) => dataOf(payload, { ...payload.data, serviceId: value }),
      { status: 422, code: 'UNKNOWN_SERVICE' },
    ),
    field(
      'nul-character:serviceId',
      withNulCharacter,
      (payload, value) => dataOf(payload, { ...payload.data, serviceId: value }),
      validation('serviceId'),
    ),
    field(
      'nul-character:title',
      withNulCharacter,
      (payload, value) => dataOf(payload, { ...payload.data, title: value }),
      validation('title'),
    ),
    field('extra-field', nestedGarbage, (payload, value) => ({ ...payload, garbage: value }), {
      status: 400,
      code: 'VALIDATION_FAILED',
    }),
    field('extra-data-field', nestedGarbage, (payload, value) => dataOf(payload, { ...payload.data, garbage: value }), {
      status: 400,
      code: 'VALIDATION_FAILED',
    }),
    field(
      'nested-garbage:title',
      nestedGarbage.filter((value) => typeof value !== 'string'),
      (payload, value) => dataOf(payload, { ...payload.data, title: value }),
      validation('title'),
    ),
    field(
      'huge-array:data',
      fc.integer({ min: 1_000, max: 10_000 }),
      (payload, length) => ({ ...payload, data: Array.from({ length }, () => payload.data.priority) }),
      validation('data'),
    ),
    opened('raw:NaN-major', (payload) => dataOf(payload, { ...payload.data, major: raw('NaN') }), { status: 400 }),
    onOpenTicket(
      'bad-number:score',
      fc
        .oneof(
          fc.constantFrom<unknown>(
            0,
            -1,
            6,
            2.5,
            -0,
            1e308,
            raw('1e999'),
            raw('-1e999'),
            raw('1e-999'),
            '4',
            null,
            true,
          ),
          fc.integer({ max: 0 }),
          fc.integer({ min: 6 }),
          fc.double({ min: 1.01, max: 4.99, noNaN: true }).filter((value) => !Number.isInteger(value)),
        )
        .map((score) => ({
          type: 'CustomerSatisfactionRecorded',
          data: { score, occurredAt: '2026-03-09T12:00:00Z' },
        })),
      validation('score'),
    ),
    onOpenTicket(
      'raw:NaN-score',
      fc.constantFrom('NaN', 'Infinity', '-Infinity', '+1', '0x4', '04', '.5', '4.').map((token) => ({
        type: 'CustomerSatisfactionRecorded',
        data: { score: raw(token), occurredAt: '2026-03-09T12:00:00Z' },
      })),
      {
        status: 400,
      },
    ),
    onOpenTicket(
      'oversize:comment',
      longText(2_001, 6_000).map((comment) => ({
        type: 'CustomerSatisfactionRecorded',
        data: { score: 3, comment, occurredAt: '2026-03-09T12:00:00Z' },
      })),
      validation('comment'),
    ),
    onOpenTicket(
      'fact-before-opening',
      fc
        .tuple(laterFact, before(OPENED_AT))
        .map(([type, occurredAt]) => ({ type, data: { ...LATER_FACT_FIELDS[type], occurredAt } })),
      { status: 422, code: 'FACT_BEFORE_OPENING' },
    ),
    onOpenTicket(
      'fact-after-closing',
      fc
        .tuple(laterFact, after(CLOSED_AT))
        .map(([type, occurredAt]) => ({ type, data: { ...LATER_FACT_FIELDS[type], occurredAt } })),
      { status: 409, code: 'FACT_AFTER_CLOSING' },
    ),
    onOpenTicket(
      'closed-twice',
      after(OPENED_AT).map((occurredAt) => ({ type: 'TicketClosed', data: { occurredAt } })),
      { status: 409, code: 'TICKET_ALREADY_CLOSED' },
    ),
    onOpenTicket('opened-twice', fc.constant({ type: 'TicketOpened', data: ticketOpened('x').data }), {
      status: 409,
      code: 'TICKET_ALREADY_OPENED',
    }),
    fc.tuple(base, laterFact).map(([{ ticketId, externalId }, type]): Mutation => ({
      label: 'fact-of-unknown-ticket',
      path: `/tickets/${ticketId}/facts`,
      payload: {
        source: 'servicenow',
        externalId,
        type,
        data: { ...LATER_FACT_FIELDS[type], occurredAt: '2026-03-09T12:00:00Z' },
      },
      expect: { status: 404, code: 'TICKET_NOT_FOUND' },
    })),
  );
}

const outageStarted = (externalId: string) => ({
  source: 'statuspage',
  externalId,
  type: 'OutageStarted',
  data: { serviceId: 'email', impact: 'partial', weight: 0.25, occurredAt: OUTAGE_STARTED_AT } as Record<
    string,
    unknown
  >,
});

function outageFactMutations(): fc.Arbitrary<Mutation> {
  const base = fc.record({ outageId: freshId('fz-outage'), externalId: freshId('inc') });
  const field = <T>(
    label: string,
    values: fc.Arbitrary<T>,
    change: (payload: ReturnType<typeof outageStarted>, value: T) => unknown,
    expect?: Expectation,
  ) =>
    fc.tuple(base, values).map(([{ outageId, externalId }, value]): Mutation => ({
      label,
      path: `/outages/${outageId}/facts`,
      payload: change(outageStarted(externalId), value),
      ...(expect ? { expect } : {}),
    }));
  const data = (payload: ReturnType<typeof outageStarted>, changes: Record<string, unknown>) => ({
    ...payload,
    data: { ...payload.data, ...changes },
  });
  const validation = (issue: string): Expectation => ({ status: 400, code: 'VALIDATION_FAILED', issue });
  const weightOutOfRange = fc.oneof(
    fc.double({ max: 0, noNaN: true }),
    fc.double({ min: 1, noNaN: true }),
    fc.constantFrom<unknown>(
      0,
      -0,
      1,
      1.0000001,
      -1,
      raw('1e999'),
      raw('-1e999'),
      raw('1e-999'),
      '0.5',
      null,
      true,
      [0.5],
      { value: 0.5 },
    ),
  );
  return fc.oneof(
    field('drop-field', fc.constantFrom('source', 'externalId', 'type', 'data'), (payload, key) =>
      withDeleted(payload, key),
    ),
    field('drop-data-field', fc.constantFrom('serviceId', 'impact', 'occurredAt', 'weight'), (payload, key) => ({
      ...payload,
      data: withDeleted(payload.data, key),
    })),
    field('wrong-type:source', notString, (payload, value) => ({ ...payload, source: value }), validation('source')),
    field('wrong-type:data', notObject, (payload, value) => ({ ...payload, data: value }), validation('data')),
    field(
      'wrong-type:serviceId',
      notString,
      (payload, value) => data(payload, { serviceId: value }),
      validation('serviceId'),
    ),
    field(
      'wrong-type:ticketId',
      fc.oneof(
        notString.filter((value) => value !== null),
        fc.constant(''),
      ),
      (payload, value) => data(payload, { ticketId: value }),
      validation('ticketId'),
    ),
    field(
      'bad-enum:impact',
      notOneOf(['full', 'partial', 'degraded']),
      (payload, value) => data(payload, { impact: value }),
      { status: 400 },
    ),
    field(
      'unknown-fact-type',
      notOneOf(['OutageStarted', 'OutageEnded']),
      (payload, value) => ({ ...payload, type: value }),
      validation('type'),
    ),
    field(
      'timestamp-without-offset',
      badTimestamp,
      (payload, value) => data(payload, { occurredAt: value }),
      validation('occurredAt'),
    ),
    field(
      'weight-out-of-range',
      weightOutOfRange,
      (payload, value) => data(payload, { weight: value }),
      validation('weight'),
    ),
    field(
      'weight-on-full-or-degraded',
      fc.tuple(fc.constantFrom('full', 'degraded'), fc.double({ min: 0.01, max: 0.99, noNaN: true })),
      (payload, [impact, weight]) => data(payload, { impact, weight }),
      validation('weight'),
    ),
    field('blank:externalId', blank, (payload, value) => ({ ...payload, externalId: value }), validation('externalId')),
    field(
      'oversize:source',
      longText(101, 2_000),
      (payload, value) => ({ ...payload, source: value }),
      validation('source'),
    ),
    field(
      'oversize:externalId',
      longText(201, 2_000),
      (payload, value) => ({ ...payload, externalId: value }),
      validation('externalId'),
    ),
    field('unknown-service', unknownServiceId, (payload, value) => data(payload, { serviceId: value }), {
      status: 422,
      code: 'UNKNOWN_SERVICE',
    }),
    field(
      'nul-character:serviceId',
      withNulCharacter,
      (payload, value) => data(payload, { serviceId: value }),
      validation('serviceId'),
    ),
    field('extra-field', nestedGarbage, (payload, value) => ({ ...payload, garbage: value }), {
      status: 400,
      code: 'VALIDATION_FAILED',
    }),
    field('extra-data-field', nestedGarbage, (payload, value) => data(payload, { garbage: value }), {
      status: 400,
      code: 'VALIDATION_FAILED',
    }),
    field(
      'huge-array:weight',
      fc.integer({ min: 1_000, max: 10_000 }),
      (payload, length) => data(payload, { weight: Array.from({ length }, () => 0.5) }),
      validation('weight'),
    ),
    fc.tuple(freshId('inc'), before(OUTAGE_STARTED_AT)).map(([externalId, occurredAt]): Mutation => ({
      label: 'end-before-start',
      path: `/outages/${STARTED_OUTAGE}/facts`,
      payload: { source: 'statuspage', externalId, type: 'OutageEnded', data: { occurredAt } },
      expect: { status: 422, code: 'END_BEFORE_START' },
    })),
    freshId('inc').map((externalId): Mutation => ({
      label: 'started-twice',
      path: `/outages/${STARTED_OUTAGE}/facts`,
      payload: outageStarted(externalId),
      expect: { status: 409, code: 'OUTAGE_ALREADY_STARTED' },
    })),
    base.map(({ outageId, externalId }): Mutation => ({
      label: 'end-of-unknown-outage',
      path: `/outages/${outageId}/facts`,
      payload: { source: 'statuspage', externalId, type: 'OutageEnded', data: { occurredAt: '2026-03-10T09:00:00Z' } },
      expect: { status: 404, code: 'OUTAGE_NOT_FOUND' },
    })),
  );
}

const SCHEDULED_WINDOW = 'FUZZ-MW';
const maintenanceScheduled = (externalId: string) => ({
  source: 'change-calendar',
  externalId,
  type: 'MaintenanceWindowScheduled',
  data: {
    serviceId: 'email',
    changeReference: 'CHG-42',
    title: 'Relay patching',
    schedule: {
      kind: 'recurring',
      rule: 'FREQ=WEEKLY;BYDAY=SU',
      timeZone: 'Europe/Berlin',
      firstStart: '2026-01-04T02:30:00',
      durationMinutes: 120,
    } as Record<string, unknown>,
    occurredAt: '2026-01-02T10:00:00+01:00',
  } as Record<string, unknown> & { schedule: Record<string, unknown> },
});

function maintenanceWindowMutations(): fc.Arbitrary<Mutation> {
  const base = fc.record({ windowId: freshId('fz-mw'), externalId: freshId('chg') });
  type Payload = ReturnType<typeof maintenanceScheduled>;
  const field = <T>(
    label: string,
    values: fc.Arbitrary<T>,
    change: (payload: Payload, value: T) => unknown,
    expect?: Expectation,
  ) =>
    fc.tuple(base, values).map(([{ windowId, externalId }, value]): Mutation => ({
      label,
      path: `/maintenance-windows/${windowId}/facts`,
      payload: change(maintenanceScheduled(externalId), value),
      ...(expect ? { expect } : {}),
    }));
  const data = (payload: Payload, changes: Record<string, unknown>) => ({
    ...payload,
    data: { ...payload.data, ...changes },
  });
  const schedule = (payload: Payload, changes: Record<string, unknown>) =>
    data(payload, { schedule: { ...payload.data.schedule, ...changes } });
  const validation = (issue: string): Expectation => ({ status: 400, code: 'VALIDATION_FAILED', issue });
  const badRule = fc.oneof(
    fc
      .string({ maxLength: 40 })
      .filter((rule) => !/FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY|HOURLY|MINUTELY|SECONDLY)/.test(rule)),
    fc.constantFrom(
      'FREQ=SOMETIMES',
      'FREQ=WEEKLY;BYDAY=XX',
      'BYDAY=SU',
      'FREQ=WEEKLY;UNTIL=tomorrow',
      'DTSTART=20260101T000000;FREQ=DAILY',
      'FREQ=WEEKLY;INTERVAL=-1',
      'FREQ=MONTHLY;BYMONTHDAY=40',
    ),
  );
  return fc.oneof(
    field('drop-field', fc.constantFrom('source', 'externalId', 'type', 'data'), (payload, key) =>
      withDeleted(payload, key),
    ),
    field(
      'drop-data-field',
      fc.constantFrom('serviceId', 'changeReference', 'title', 'schedule', 'occurredAt'),
      (payload, key) => ({ ...payload, data: withDeleted(payload.data, key) }),
    ),
    field(
      'drop-schedule-field',
      fc.constantFrom('kind', 'rule', 'timeZone', 'firstStart', 'durationMinutes'),
      (payload, key) => data(payload, { schedule: withDeleted(payload.data.schedule, key) }),
    ),
    field(
      'wrong-type:serviceId',
      notString,
      (payload, value) => data(payload, { serviceId: value }),
      validation('serviceId'),
    ),
    field(
      'wrong-type:schedule',
      notObject,
      (payload, value) => data(payload, { schedule: value }),
      validation('schedule'),
    ),
    field('bad-rule', badRule, (payload, rule) => schedule(payload, { rule }), {
      status: 400,
      code: 'VALIDATION_FAILED',
    }),
    field(
      'bad-time-zone',
      fc.string({ maxLength: 30 }).map((zone) => `Nowhere/${zone}`),
      (payload, timeZone) => schedule(payload, { timeZone }),
      validation('timeZone'),
    ),
    field(
      'first-start-not-local',
      fc.oneof(
        fc.constantFrom(
          '2026-01-04T02:30:00+01:00',
          '2026-01-04T02:30:00Z',
          '2026-02-30T02:30:00',
          '2026-01-04',
          '02:30',
          '2026-13-04T02:30:00',
          '',
        ),
        fc.string({ maxLength: 30 }).filter((text) => !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)),
      ),
      (payload, firstStart) => schedule(payload, { firstStart }),
      validation('firstStart'),
    ),
    field(
      'duration-out-of-range',
      fc.oneof(
        fc.integer({ max: 0 }),
        fc.integer({ min: 7 * 24 * 60 + 1 }),
        fc.double({ min: 1.01, max: 50, noInteger: true, noNaN: true }),
      ),
      (payload, durationMinutes) => schedule(payload, { durationMinutes }),
      validation('durationMinutes'),
    ),
    field(
      'once:end-before-start',
      before('2026-02-14T22:00:00Z'),
      (payload, end) => data(payload, { schedule: { kind: 'once', start: '2026-02-14T22:00:00Z', end } }),
      validation('end'),
    ),
    field(
      'once:timestamp-without-offset',
      badTimestamp,
      (payload, start) => data(payload, { schedule: { kind: 'once', start, end: '2026-02-15T01:00:00Z' } }),
      validation('start'),
    ),
    field('unknown-kind', notOneOf(['once', 'recurring']), (payload, kind) => schedule(payload, { kind }), {
      status: 400,
      code: 'VALIDATION_FAILED',
    }),
    field(
      'unknown-fact-type',
      notOneOf(['MaintenanceWindowScheduled', 'MaintenanceWindowCancelled']),
      (payload, value) => ({ ...payload, type: value }),
      validation('type'),
    ),
    field(
      'timestamp-without-offset',
      badTimestamp,
      (payload, value) => data(payload, { occurredAt: value }),
      validation('occurredAt'),
    ),
    field(
      'blank:changeReference',
      blank,
      (payload, value) => data(payload, { changeReference: value }),
      validation('changeReference'),
    ),
    field(
      'oversize:title',
      longText(301, 3_000),
      (payload, value) => data(payload, { title: value }),
      validation('title'),
    ),
    field('unknown-service', unknownServiceId, (payload, value) => data(payload, { serviceId: value }), {
      status: 422,
      code: 'UNKNOWN_SERVICE',
    }),
    field(
      'nul-character:title',
      withNulCharacter,
      (payload, value) => data(payload, { title: value }),
      validation('title'),
    ),
    field('extra-data-field', nestedGarbage, (payload, value) => data(payload, { garbage: value }), {
      status: 400,
      code: 'VALIDATION_FAILED',
    }),
    freshId('chg').map((externalId): Mutation => ({
      label: 'scheduled-twice',
      path: `/maintenance-windows/${SCHEDULED_WINDOW}/facts`,
      payload: maintenanceScheduled(externalId),
      expect: { status: 409, code: 'MAINTENANCE_WINDOW_ALREADY_SCHEDULED' },
    })),
    base.map(({ windowId, externalId }): Mutation => ({
      label: 'cancel-unknown-window',
      path: `/maintenance-windows/${windowId}/facts`,
      payload: {
        source: 'change-calendar',
        externalId,
        type: 'MaintenanceWindowCancelled',
        data: { reason: 'x', effectiveFrom: '2026-03-01T00:00:00Z', occurredAt: '2026-02-01T00:00:00Z' },
      },
      expect: { status: 404, code: 'MAINTENANCE_WINDOW_NOT_FOUND' },
    })),
  );
}

const alert = (fingerprint: string, status = 'firing', endsAt = '0001-01-01T00:00:00Z') => ({
  status,
  labels: { alertname: 'MailDown', job: 'mail', severity: 'critical' } as Record<string, unknown>,
  annotations: { summary: 'mail is down' },
  startsAt: '2026-03-09T09:00:00.123456789Z',
  endsAt,
  generatorURL: 'http://prometheus.local/graph',
  fingerprint,
});
const notification = (...alerts: unknown[]) => ({
  version: '4',
  groupKey: '{}:{alertname="MailDown"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'sla-engine',
  groupLabels: { alertname: 'MailDown' },
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager.local',
  alerts,
});

function alertmanagerMutations(): fc.Arbitrary<Mutation> {
  const fingerprint = fc.stringMatching(/^[0-9a-f]{16}$/);
  const at = (label: string, payloads: fc.Arbitrary<unknown>, expect?: Expectation): fc.Arbitrary<Mutation> =>
    payloads.map((payload) => ({ label, path: '/webhooks/alertmanager', payload, ...(expect ? { expect } : {}) }));
  const validation = (issue: string): Expectation => ({ status: 400, code: 'VALIDATION_FAILED', issue });
  const withAlert = <T>(values: fc.Arbitrary<T>, change: (entry: ReturnType<typeof alert>, value: T) => unknown) =>
    fc.tuple(fingerprint, fingerprint, values, fc.nat({ max: 3 })).map(([first, second, value, position]) => {
      // The broken alert among valid, mapped ones: the whole notification is refused.
      const alerts: unknown[] = [alert(first), alert(second, 'resolved', '2026-03-09T10:00:00Z')];
      alerts.splice(Math.min(position, alerts.length), 0, change(alert(`${first}0`), value));
      return notification(...alerts);
    });
  return fc.oneof(
    at(
      'drop-field',
      fc
        .tuple(fingerprint, fc.constantFrom('version', 'status', 'receiver', 'alerts'))
        .map(([print, key]) => withDeleted(notification(alert(print)), key)),
    ),
    at(
      'wrong-version',
      fc
        .tuple(fingerprint, fc.oneof(notOneOf(['4']), fc.constant(4)))
        .map(([print, version]) => ({ ...notification(alert(print)), version })),
      validation('version'),
    ),
    at(
      'bad-status',
      fc
        .tuple(fingerprint, notOneOf(['firing', 'resolved']))
        .map(([print, status]) => ({ ...notification(alert(print)), status })),
      validation('status'),
    ),
    at(
      'wrong-type:receiver',
      fc.tuple(fingerprint, notString).map(([print, receiver]) => ({ ...notification(alert(print)), receiver })),
      validation('receiver'),
    ),
    at(
      'wrong-type:alerts',
      notObject.filter((value) => !Array.isArray(value)).map((alerts) => ({ ...notification(), alerts })),
      validation('alerts'),
    ),
    at(
      'huge-array:alerts',
      fc
        .tuple(fingerprint, fc.integer({ min: 1_001, max: 3_000 }))
        .map(([print, length]) => ({ ...notification(), alerts: Array.from({ length }, () => print.length % 2) })),
      validation('alerts'),
    ),
    at(
      'alert:drop-field',
      withAlert(fc.constantFrom('status', 'labels', 'startsAt', 'endsAt', 'fingerprint'), (entry, key) =>
        withDeleted(entry, key),
      ),
      { status: 400, code: 'VALIDATION_FAILED' },
    ),
    at(
      'alert:bad-status',
      withAlert(notOneOf(['firing', 'resolved']), (entry, status) => ({ ...entry, status })),
      { status: 400, code: 'VALIDATION_FAILED' },
    ),
    at(
      'alert:label-not-string',
      withAlert(notString, (entry, value) => ({ ...entry, labels: { ...entry.labels, job: value } })),
      { status: 400, code: 'VALIDATION_FAILED' },
    ),
    at(
      'alert:labels-not-object',
      withAlert(notObject, (entry, labels) => ({ ...entry, labels })),
      { status: 400, code: 'VALIDATION_FAILED' },
    ),
    at(
      'alert:timestamp-without-offset',
      withAlert(badTimestamp, (entry, startsAt) => ({ ...entry, startsAt })),
      { status: 400, code: 'VALIDATION_FAILED' },
    ),
    at(
      'alert:endsAt-not-string',
      withAlert(notString, (entry, endsAt) => ({ ...entry, endsAt })),
      { status: 400, code: 'VALIDATION_FAILED' },
    ),
    at(
      'alert:bad-fingerprint',
      withAlert(fc.oneof(fc.constant(''), longText(101, 1_000), notString), (entry, value) => ({
        ...entry,
        fingerprint: value,
      })),
      { status: 400, code: 'VALIDATION_FAILED' },
    ),
    at(
      'alert:not-object',
      withAlert(notObject, (_, value) => value),
      { status: 400, code: 'VALIDATION_FAILED' },
    ),
    at(
      'extra-field-with-defect',
      fc
        .tuple(fingerprint, nestedGarbage)
        .map(([print, garbage]) => ({ ...notification(alert(print)), garbage, version: '3' })),
      validation('version'),
    ),
    // Alertmanager sends RFC 3339 end times; a resolved alert whose end is unreadable or before its start is not an
    // outage to record.
    at(
      'resolved:endsAt-garbage',
      fc
        .tuple(
          fingerprint,
          fc.oneof(
            badTimestamp.filter(
              (value): value is string => typeof value === 'string' && Number.isNaN(Date.parse(value)),
            ),
            fc.string({ maxLength: 20 }).filter((value) => Number.isNaN(Date.parse(value))),
          ),
        )
        .map(([print, endsAt]) => ({ ...notification(alert(print, 'resolved', endsAt)), status: 'resolved' })),
    ),
    at(
      'resolved:end-before-start',
      fc
        .tuple(fingerprint, before('2026-03-09T09:00:00Z'))
        .map(([print, endsAt]) => ({ ...notification(alert(print, 'resolved', endsAt)), status: 'resolved' })),
    ),
  );
}

function jsonWebhookMutations(): fc.Arbitrary<Mutation> {
  const source = '/webhooks/json/helpdesk';
  const created = (delivery: string, number: string) => ({
    event: 'ticket.created',
    delivery,
    ticket: {
      number,
      service: 'email',
      priority: 'P3',
      subject: 'Cannot send mail',
      createdAt: '2026-03-09T09:00:00+01:00',
    } as Record<string, unknown>,
  });
  const base = fc.record({ delivery: freshId('d'), number: freshId('HD') });
  const ticketField = <T>(
    label: string,
    values: fc.Arbitrary<T>,
    change: (ticket: Record<string, unknown>, value: T) => Record<string, unknown>,
    expect?: Expectation,
  ) =>
    fc.tuple(base, values).map(([{ delivery, number }, value]): Mutation => {
      const payload = created(delivery, number);
      return {
        label,
        path: source,
        payload: { ...payload, ticket: change(payload.ticket, value) },
        ...(expect ? { expect } : {}),
      };
    });
  const answered = (label: string, values: fc.Arbitrary<{ number: string; at: unknown }>, expect: Expectation) =>
    fc.tuple(freshId('d'), values).map(([delivery, { number, at }]): Mutation => ({
      label,
      path: source,
      payload: { event: 'ticket.answered', delivery, at, ticket: { number } },
      expect,
    }));
  const validation = (issue: string): Expectation => ({ status: 400, code: 'VALIDATION_FAILED', issue });
  const signedWith = (label: string, signature: fc.Arbitrary<(body: string) => Record<string, string>>) =>
    fc.tuple(base, signature).map(([{ delivery, number }, headersFor]): Mutation => {
      const payload = created(delivery, number);
      return {
        label,
        path: source,
        payload,
        headers: headersFor(serialize(payload)),
        expect: { status: 401, code: 'UNAUTHORIZED' },
      };
    });
  return fc.oneof(
    ticketField('unknown-service', unknownServiceId, (ticket, service) => ({ ...ticket, service }), {
      status: 422,
      code: 'UNKNOWN_SERVICE',
    }),
    ticketField(
      'nul-character:service',
      withNulCharacter,
      (ticket, service) => ({ ...ticket, service }),
      validation('service'),
    ),
    ticketField(
      'bad-enum:priority',
      notOneOf(['P1', 'P2', 'P3', 'P4']),
      (ticket, priority) => ({ ...ticket, priority }),
      validation('priority'),
    ),
    ticketField(
      'timestamp-without-offset',
      badTimestamp,
      (ticket, createdAt) => ({ ...ticket, createdAt }),
      validation('occurredAt'),
    ),
    ticketField(
      'drop-field',
      fc.constantFrom('number', 'service', 'priority', 'subject', 'createdAt'),
      (ticket, key) => withDeleted(ticket, key),
      { status: 400, code: 'VALIDATION_FAILED' },
    ),
    ticketField('blank:subject', blank, (ticket, subject) => ({ ...ticket, subject }), validation('title')),
    ticketField(
      'oversize:subject',
      longText(501, 5_000),
      (ticket, subject) => ({ ...ticket, subject }),
      validation('title'),
    ),
    ticketField('wrong-type:subject', notString, (ticket, subject) => ({ ...ticket, subject }), validation('title')),
    ticketField(
      'bad-ticket-number',
      fc.oneof(badId(100).map(decodeURIComponent), fc.constantFrom<unknown>(null, '', { number: 1 }, ['a b'])),
      (ticket, number) => ({ ...ticket, number }),
      validation('ticketId'),
    ),
    fc.tuple(base, fc.constantFrom<unknown>(undefined, null, '')).map(([{ number }, delivery]): Mutation => ({
      label: 'missing-delivery',
      path: source,
      payload: { ...created('x', number), delivery },
      expect: { status: 400, code: 'VALIDATION_FAILED' },
    })),
    fc.tuple(base, nestedGarbage).map(([{ delivery, number }, garbage]): Mutation => ({
      label: 'nested-garbage:ticket',
      path: source,
      payload: { ...created(delivery, number), ticket: garbage },
      expect: { status: 400, code: 'VALIDATION_FAILED' },
    })),
    freshId('d').map((delivery): Mutation => ({
      label: 'opened-twice',
      path: source,
      payload: created(delivery, OPEN_TICKET),
      expect: { status: 409, code: 'TICKET_ALREADY_OPENED' },
    })),
    answered(
      'answered:bad-timestamp',
      badTimestamp.map((at) => ({ number: OPEN_TICKET, at })),
      validation('occurredAt'),
    ),
    answered(
      'answered:before-opening',
      before(OPENED_AT).map((at) => ({ number: OPEN_TICKET, at })),
      { status: 422, code: 'FACT_BEFORE_OPENING' },
    ),
    answered(
      'answered:after-closing',
      after(CLOSED_AT).map((at) => ({ number: OPEN_TICKET, at })),
      { status: 409, code: 'FACT_AFTER_CLOSING' },
    ),
    answered(
      'answered:unknown-ticket',
      freshId('HD').map((number) => ({ number, at: '2026-03-09T12:00:00Z' })),
      { status: 404, code: 'TICKET_NOT_FOUND' },
    ),
    signedWith(
      'signature:missing',
      fc.constant(() => ({})),
    ),
    signedWith(
      'signature:other-body',
      fc.string({ maxLength: 50 }).map((other) => (body: string) => ({ [SIGNATURE_HEADER]: sign(`${body}${other} `) })),
    ),
    signedWith(
      'signature:other-secret',
      fc
        .string({ minLength: 16, maxLength: 40 })
        .filter((secret) => secret !== SECRET)
        .map((secret) => (body: string) => ({ [SIGNATURE_HEADER]: sign(body, secret) })),
    ),
    signedWith(
      'signature:truncated',
      fc
        .integer({ min: 0, max: 69 })
        .map((length) => (body: string) => ({ [SIGNATURE_HEADER]: sign(body).slice(0, length) })),
    ),
    signedWith(
      'signature:garbage',
      fc
        .string({ unit: fc.constantFrom(...'0123456789abcdefxyz=- '.split('')), maxLength: 80 })
        .map((garbage) => () => ({ [SIGNATURE_HEADER]: garbage || 'x' })),
    ),
    signedWith(
      'signature:wrong-prefix',
      fc
        .constantFrom('sha1=', 'SHA256=', 'sha512=', 'sha256:')
        .map((prefix) => (body: string) => ({ [SIGNATURE_HEADER]: `${prefix}${sign(body).slice('sha256='.length)}` })),
    ),
    signedWith(
      'signature:other-header',
      fc
        .constantFrom('x-signature-256', 'x-hub-signature-256', 'signature')
        .map((header) => (body: string) => ({ [header]: sign(body) })),
    ),
  );
}

const endpoints: FuzzedEndpoint[] = [
  {
    name: 'POST /tickets/{ticketId}/facts',
    path: '/tickets/fz-valid/facts',
    valid: () => ticketOpened('evt-valid'),
    mutations: ticketFactMutations(),
    invalidPaths: fc.oneof(
      badId(100).map((id) => `/tickets/${id}/facts`),
      rawBadPaths('/tickets', '/facts'),
    ),
  },
  {
    name: 'POST /outages/{outageId}/facts',
    path: '/outages/fz-valid/facts',
    valid: () => outageStarted('inc-valid'),
    mutations: outageFactMutations(),
    invalidPaths: fc.oneof(
      badId(200).map((id) => `/outages/${id}/facts`),
      rawBadPaths('/outages', '/facts'),
    ),
  },
  {
    name: 'POST /maintenance-windows/{windowId}/facts',
    path: '/maintenance-windows/fz-valid/facts',
    valid: () => maintenanceScheduled('chg-valid'),
    mutations: maintenanceWindowMutations(),
    invalidPaths: fc.oneof(
      badId(200).map((id) => `/maintenance-windows/${id}/facts`),
      rawBadPaths('/maintenance-windows', '/facts'),
    ),
  },
  {
    name: 'POST /webhooks/alertmanager',
    path: '/webhooks/alertmanager',
    valid: () => notification(alert('0123456789abcdef')),
    mutations: alertmanagerMutations(),
    // Per-alert refusals are reported in a 200 answer; they must not have stored anything either.
    harmless2xx: (status, body) =>
      status === 200 &&
      Array.isArray((body as { outcomes?: unknown })?.outcomes) &&
      (body as { outcomes: { outcome: string }[] }).outcomes.every(
        (entry) => entry.outcome === 'refused' || entry.outcome === 'unmapped',
      ),
  },
  {
    name: 'POST /webhooks/json/{source}',
    path: '/webhooks/json/helpdesk',
    valid: () => ({
      event: 'ticket.created',
      delivery: 'd-valid',
      ticket: {
        number: 'HD-VALID',
        service: 'email',
        priority: 'P3',
        subject: 'Cannot send mail',
        createdAt: '2026-03-09T09:00:00+01:00',
      },
    }),
    mutations: jsonWebhookMutations(),
    invalidPaths: fc.oneof(
      fc
        .stringMatching(/^[a-z0-9-]{1,30}$/)
        .filter((name) => name !== 'helpdesk')
        .map((name) => `/webhooks/json/${name}`),
      badId(63).map((id) => `/webhooks/json/${id}`),
    ),
    headersFor: (body) => ({ [SIGNATURE_HEADER]: sign(body) }),
    // Random JSON that no mapping rule matches is ignored by design.
    harmless2xx: (status, body) => status === 200 && (body as { outcome?: unknown })?.outcome === 'ignored',
  },
];

// ---------------------------------------------------------------------------
// Sending and judging
// ---------------------------------------------------------------------------

type Exchange = {
  readonly index: number;
  readonly fuzzCase: FuzzCase;
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
};

async function send(baseUrl: string, endpoint: FuzzedEndpoint, fuzzCase: FuzzCase, index: number): Promise<Exchange> {
  const headers: Record<string, string> = {
    ...(fuzzCase.headers ?? endpoint.headersFor?.(fuzzCase.body) ?? {}),
    'x-correlation-id': `fuzz-${index}`,
    'x-actor': 'fuzzer',
  };
  if (fuzzCase.contentType) headers['content-type'] = fuzzCase.contentType;
  // A string body without a content type would be labelled text/plain by fetch; bytes go unlabelled.
  const body =
    fuzzCase.contentType === null && typeof fuzzCase.body === 'string'
      ? new TextEncoder().encode(fuzzCase.body)
      : fuzzCase.body;
  const response = await fetch(`${baseUrl}${fuzzCase.path}`, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { index, fuzzCase, status: response.status, body: parsed, text };
}

/** What is wrong with one answer, if anything. */
function judge(endpoint: FuzzedEndpoint, exchange: Exchange): string | undefined {
  const { status, body } = exchange;
  const expected = exchange.fuzzCase.expect;
  if (status >= 500) return `answered ${status}`;
  if (status >= 200 && status < 300) {
    if (endpoint.harmless2xx?.(status, body))
      return expected?.status === undefined || [expected.status].flat().includes(status)
        ? undefined
        : `answered ${status}, expected ${String(expected.status)}`;
    return `accepted an invalid payload with ${status}`;
  }
  if (status < 400) return `answered ${status}`;
  const error = (body as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | undefined)?.error;
  if (
    !error ||
    typeof error.code !== 'string' ||
    !/^[A-Z][A-Z0-9_]+$/.test(error.code) ||
    typeof error.message !== 'string' ||
    !error.message.trim()
  ) {
    return `answered ${status} without an error code and message`;
  }
  if (error.code === 'VALIDATION_FAILED') {
    const issues = error.issues as { path?: unknown; message?: unknown }[] | undefined;
    if (
      !Array.isArray(issues) ||
      issues.length === 0 ||
      !issues.every((issue) => typeof issue.path === 'string' && typeof issue.message === 'string' && issue.message)
    ) {
      return 'VALIDATION_FAILED without issues naming the problem';
    }
    if (
      expected?.issue &&
      !issues.some(
        (issue) =>
          issue.path === expected.issue ||
          String(issue.path).startsWith(`${expected.issue}.`) ||
          String(issue.path).endsWith(`.${expected.issue}`),
      )
    ) {
      return `issues ${JSON.stringify(issues.map((issue) => issue.path))} do not name '${expected.issue}'`;
    }
  }
  if (expected?.status !== undefined && ![expected.status].flat().includes(status))
    return `answered ${status} ${error.code}, expected ${String(expected.status)}${expected.code ? ` ${expected.code}` : ''}`;
  if (expected?.code && error.code !== expected.code)
    return `answered ${status} ${error.code}, expected ${expected.code}`;
  return undefined;
}

async function runAll<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

const preview = (body: string | Uint8Array) => {
  const text = typeof body === 'string' ? body : `<bytes> ${Buffer.from(body).toString('hex')}`;
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
};

describe('intake endpoints under fuzzing (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let databaseUrl: string;

  beforeAll(async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'sla-intake-fuzz-'));
    const mapping = path.join(directory, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify([
        { match: { job: 'mail', severity: 'critical' }, serviceId: 'email', impact: 'full' },
        { match: { job: 'mail' }, serviceId: 'email', impact: 'partial', weight: 0.5 },
      ]),
    );
    const sources = path.join(directory, 'sources.json');
    writeFileSync(
      sources,
      JSON.stringify({
        helpdesk: {
          secret: SECRET,
          signatureHeader: SIGNATURE_HEADER,
          rules: [
            {
              when: { event: 'ticket.created' },
              fact: 'TicketOpened',
              ticketId: 'ticket.number',
              externalId: 'delivery',
              data: {
                ticketType: '=incident',
                serviceId: 'ticket.service',
                priority: 'ticket.priority',
                impact: '=medium',
                major: '=false',
                title: 'ticket.subject',
                occurredAt: 'ticket.createdAt',
              },
            },
            {
              when: { event: 'ticket.answered' },
              fact: 'TicketAcknowledged',
              ticketId: 'ticket.number',
              externalId: 'delivery',
              data: { occurredAt: 'at' },
            },
          ],
        },
      }),
    );
    api = await startTestApi('api_intake_fuzz', {
      ALERTMANAGER_MAPPING_FILE: mapping,
      JSON_WEBHOOK_SOURCES_FILE: sources,
    });
    databaseUrl = api.databaseUrl;
    // The state some mutations run into: a known service, a ticket opened and closed, an outage started, a window
    // scheduled.
    const http = httpClient(api.baseUrl, { 'x-actor': 'fuzz-setup' });
    expect(
      (
        await http.post('/services', {
          serviceId: 'email',
          name: 'Corporate e-mail',
          owner: { name: 'Li Wei' },
          changeRequest: 'CR-1',
        })
      ).status,
    ).toBe(201);
    await eventually(async () => ((await http.get('/services/email')).status === 200 ? true : undefined));
    expect((await http.post(`/tickets/${OPEN_TICKET}/facts`, ticketOpened('setup-open'))).status).toBe(201);
    expect(
      (
        await http.post(`/tickets/${OPEN_TICKET}/facts`, {
          source: 'servicenow',
          externalId: 'setup-close',
          type: 'TicketClosed',
          data: { occurredAt: CLOSED_AT },
        })
      ).status,
    ).toBe(201);
    expect((await http.post(`/outages/${STARTED_OUTAGE}/facts`, outageStarted('setup-start'))).status).toBe(201);
    expect(
      (await http.post(`/maintenance-windows/${SCHEDULED_WINDOW}/facts`, maintenanceScheduled('setup-scheduled')))
        .status,
    ).toBe(201);
  });
  afterAll(() => api?.close());

  async function storedEvents(): Promise<{ count: number; last: string }> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string; last: string | null }>(
        'select count(*) as count, max(global_position)::text as last from event_store.events',
      );
      return { count: Number(rows[0].count), last: rows[0].last ?? '0' };
    } finally {
      await client.end();
    }
  }

  async function eventsAfter(
    position: string,
  ): Promise<{ stream_name: string; event_type: string; correlation: string | null }[]> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ stream_name: string; event_type: string; correlation: string | null }>(
        `select stream_name, event_type, metadata->>'correlationId' as correlation from event_store.events where global_position > $1 order by global_position limit 1000`,
        [position],
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  it.each(endpoints.map((endpoint) => [endpoint.name, endpoint] as const))(
    '%s: never a 5xx, refusals name the problem, nothing stored',
    async (_, endpoint) => {
      const generated = fc.sample(generatedCases(endpoint), { seed: SEED, numRuns: RUNS });
      const cases = [...generated, ...fixedCases(endpoint)];
      const stored = await storedEvents();

      const started = Date.now();
      const exchanges = await runAll(cases, CONCURRENCY, (fuzzCase, index) =>
        send(api.baseUrl, endpoint, fuzzCase, index),
      );
      const seconds = (Date.now() - started) / 1_000;

      const describeExchange = (exchange: Exchange, problem: string) => ({
        problem,
        case: exchange.index,
        label: exchange.fuzzCase.label,
        path: exchange.fuzzCase.path,
        contentType: exchange.fuzzCase.contentType,
        request: preview(exchange.fuzzCase.body),
        response: `${exchange.status} ${exchange.text.slice(0, 300)}`,
      });
      const failures = exchanges.flatMap((exchange) => {
        const problem = judge(endpoint, exchange);
        return problem ? [describeExchange(exchange, problem)] : [];
      });
      const after = await storedEvents();
      const newEvents = after.count === stored.count ? [] : await eventsAfter(stored.last);
      const storedBy = newEvents.map((event) => {
        const exchange = exchanges[Number(event.correlation?.replace('fuzz-', '') ?? -1)];
        return {
          stream: event.stream_name,
          type: event.event_type,
          ...(exchange ? describeExchange(exchange, 'stored an event') : { correlation: event.correlation }),
        };
      });

      const statuses = exchanges.reduce<Record<number, number>>(
        (counts, exchange) => ({ ...counts, [exchange.status]: (counts[exchange.status] ?? 0) + 1 }),
        {},
      );
      process.stdout.write(
        `${endpoint.name}: ${exchanges.length} payloads in ${seconds.toFixed(1)} s (seed ${SEED}), statuses ${JSON.stringify(statuses)}\n`,
      );

      expect(exchanges.length).toBeGreaterThanOrEqual(5_000);
      // The labels show the mix really was sent: junk, random JSON and mutations alike.
      const labels = new Set(exchanges.map((exchange) => exchange.fuzzCase.label.split(':')[0]));
      expect([...labels]).toEqual(expect.arrayContaining(['junk', 'random', 'mutation', 'content-type', 'oversize']));
      // Grouped first (what kind of payload, what went wrong, how often), then the first few in full.
      const failureKinds = failures.reduce<Record<string, number>>((counts, failure) => {
        const kind = `${failure.label} -> ${failure.problem.replace(/issues .*/, 'issues not naming the field')}`;
        return { ...counts, [kind]: (counts[kind] ?? 0) + 1 };
      }, {});
      const storedByKind = storedBy.reduce<Record<string, number>>((counts, event) => {
        const kind = `${'label' in event ? event.label : 'unknown request'} -> ${event.type}`;
        return { ...counts, [kind]: (counts[kind] ?? 0) + 1 };
      }, {});
      expect({
        seed: SEED,
        endpoint: endpoint.name,
        failureKinds,
        firstFailures: failures.slice(0, 5),
        storedEvents: after.count - stored.count,
        storedByKind,
        firstStored: storedBy.slice(0, 5),
      }).toEqual({
        seed: SEED,
        endpoint: endpoint.name,
        failureKinds: {},
        firstFailures: [],
        storedEvents: 0,
        storedByKind: {},
        firstStored: [],
      });
    },
  );
});
