import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import {
  DEMO_PHASES,
  deliveryMonth,
  matchesPattern,
  substitute,
  type DemoPhase,
  type DemoScenario,
  type DemoStep,
  type FactDelivery,
  type JsonPattern,
} from '@sla/demo';

/** Per phase: what this run stored, what an earlier run had stored already, what lies after now and waits. */
export type PhaseCount = { added: number; alreadyPresent: number; notYetDue: number };

export type DemoLoadSummary = {
  readonly phases: Record<DemoPhase, PhaseCount>;
  readonly added: number;
  readonly alreadyPresent: number;
  readonly notYetDue: number;
  /** Events the log gained during the load (the facts' and steps' events, and what reactors derived from them). */
  readonly events: number;
  readonly seconds: number;
  /**
   * Where the time went: delivering operations facts, the projections catching up on each month's facts, and the
   * governance steps (each waiting for the views to show it).
   */
  readonly secondsIn: { readonly facts: number; readonly catchUp: number; readonly steps: number };
  /** The same, per phase: a fact kind's delivery, a step kind's requests and waits. */
  readonly secondsByPhase: Record<DemoPhase, number>;
};

export type DemoLoadOptions = {
  readonly baseUrl: string;
  readonly scenario: DemoScenario;
  /** Facts dated after this are not delivered (the API refuses facts from the future); a later run adds them. */
  readonly now: () => Date;
  /** Headers sent with every request, e.g. an API key when access control is on. */
  readonly headers?: Record<string, string>;
  /**
   * With access control on, the API records the key's actor, not `x-actor`: a step done by one of these actors is
   * sent with that actor's own key instead (a counterparty signs with its customer key; one key cannot sign for
   * both parties).
   */
  readonly actorKeys?: Readonly<Record<string, string>>;
  /** Tickets delivered at the same time (each ticket's facts stay in order). */
  readonly concurrency?: number;
  /** Show a progress bar per phase (on stderr). */
  readonly progress?: boolean;
  /**
   * Where operations facts go instead of one request each: the product's bulk import (`sla import`), given the rows
   * of one file (NDJSON shape). Unset: every fact is a `POST /tickets/{id}/facts` or `/outages/{id}/facts`.
   */
  readonly bulkImport?: (name: FactPhase, rows: readonly ImportRow[]) => Promise<ImportCounts>;
};

type FactPhase = 'tickets' | 'outages' | 'maintenance';
type FactRecordKind = 'ticket' | 'outage' | 'maintenance';

/** One line of an `sla import` NDJSON file: a REST fact body plus the record it belongs to. */
export type ImportRow = Omit<FactDelivery, 'deliveredAt'> & { readonly record: FactRecordKind; readonly id: string };
export type ImportCounts = { readonly stored: number; readonly duplicates: number };

const LOADER_ACTOR = 'demo.loader';
const READ_TIMEOUT_MILLISECONDS = 60_000;

class DemoLoadError extends Error {}

/**
 * Loads the scenario through the product's public HTTP API, as any client would. Idempotent: governance records
 * that exist are left alone, and every operations fact carries a stable source + externalId, so the API answers a
 * second delivery with 200 `duplicate` and stores nothing.
 */
export async function loadDemo(options: DemoLoadOptions): Promise<DemoLoadSummary> {
  const started = performance.now();
  const { scenario } = options;
  const api = apiClient(options.baseUrl, options.headers ?? {}, options.actorKeys ?? {});
  const phases = Object.fromEntries(
    DEMO_PHASES.map((phase) => [phase, { added: 0, alreadyPresent: 0, notYetDue: 0 }]),
  ) as Record<DemoPhase, PhaseCount>;
  const nowMilliseconds = options.now().getTime();
  const due = (instant: string) => Date.parse(instant) <= nowMilliseconds;
  const factRecords = factRecordsOf(scenario);
  const progress = options.progress ? new Progress(scenario, factRecords) : undefined;
  const eventsBefore = await eventsApplied(api);
  const secondsIn = { facts: 0, catchUp: 0, steps: 0 };
  const secondsByPhase = Object.fromEntries(DEMO_PHASES.map((phase) => [phase, 0])) as Record<DemoPhase, number>;
  const timed = async <Result>(phase: DemoPhase, work: () => Promise<Result>): Promise<Result> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      secondsByPhase[phase] += (performance.now() - started) / 1_000;
    }
  };

  try {
    await inOrder(progress, 'calendars', scenario.calendars, async ({ definition, occurredAt }) => {
      if ((await api.get(`/calendars/${definition.id}`)).status === 200) return (phases.calendars.alreadyPresent += 1);
      await api.write('POST', '/calendars', { definition, occurredAt });
      phases.calendars.added += 1;
      await api.until(`/calendars/${definition.id}`, () => true);
    });

    await inOrder(progress, 'services', scenario.services, async (service) => {
      const { activatedAt, ...registration } = service;
      const existing = await api.get(`/services/${service.serviceId}`);
      if (existing.status === 200 && existing.body.status === 'active') return (phases.services.alreadyPresent += 1);
      if (existing.status !== 200) {
        await api.write('POST', '/services', registration);
        await api.until(`/services/${service.serviceId}`, () => true);
      }
      const activation = { changeRequest: service.changeRequest, occurredAt: activatedAt };
      await api.write('POST', `/services/${service.serviceId}/activation`, activation);
      phases.services.added += 1;
      // Agreements check the catalogue's view of their services.
      await api.until(`/services/${service.serviceId}`, (body) => body.status === 'active');
    });

    await inOrder(progress, 'agreements', scenario.agreements, async (agreement) => {
      const path = `/agreements/${agreement.agreementId}`;
      const existing = await api.get(path);
      if (existing.status === 200 && existing.body.status !== 'drafting')
        return (phases.agreements.alreadyPresent += 1);
      if (existing.status === 200) {
        throw new DemoLoadError(
          `${path} exists but is ${existing.body.status}: an earlier load stopped half-way; load into an empty store`,
        );
      }
      const { agreementId, kind, provider, counterparty, template, draftedAt } = agreement;
      await api.write('POST', '/agreements', {
        agreementId,
        kind,
        provider,
        counterparty,
        template,
        occurredAt: draftedAt,
      });
      await api.write('POST', `${path}/versions/1/submission`, { occurredAt: agreement.submittedAt });
      for (const { actor, ...signature } of agreement.signatures) {
        const body = { ...signature, riskAcceptance: agreement.riskAcceptance };
        await api.write('POST', `${path}/versions/1/signatures`, body, { 'x-actor': actor });
      }
      phases.agreements.added += 1;
      await api.until(path, (body) => body.status === 'in-effect');
    });

    // Then month by month, as the year happened: the month's operations facts, then its governance steps.
    const stepsByMonth = groupBy(scenario.steps, (step) => deliveryMonth(step.occurredAt));
    const factsByMonth = groupBy(factRecords, ({ deliveredAt }) => deliveryMonth(deliveredAt));
    const months = [...new Set([...stepsByMonth.keys(), ...factsByMonth.keys()])].sort();
    for (const month of months) {
      const factsStarted = performance.now();
      const facts = factsByMonth.get(month) ?? [];
      for (const kind of ['tickets', 'outages', 'maintenance'] as const) {
        const ofKind = facts.filter((fact) => fact.phase === kind);
        const sendable = ofKind.filter((fact) => due(fact.deliveredAt) && due(String(fact.delivery.data.occurredAt)));
        phases[kind].notYetDue += ofKind.length - sendable.length;
        if (options.bulkImport) {
          const rows: ImportRow[] = sendable.map(({ record, id, delivery }) => ({ record, id, ...body(delivery) }));
          const bulkImport = options.bulkImport;
          const counts =
            rows.length > 0 ? await timed(kind, () => bulkImport(kind, rows)) : { stored: 0, duplicates: 0 };
          phases[kind].added += counts.stored;
          phases[kind].alreadyPresent += counts.duplicates;
          progress?.advance(kind, ofKind.length);
        } else {
          progress?.advance(kind, ofKind.length - sendable.length);
          await timed(kind, () =>
            deliverOverHttp(api, sendable, options.concurrency ?? 8, async (fact, response) => {
              phases[kind][response.body?.duplicate ? 'alreadyPresent' : 'added'] += 1;
              progress?.advance(kind, 1);
            }),
          );
        }
      }
      const factsDelivered = performance.now();
      secondsIn.facts += (factsDelivered - factsStarted) / 1_000;
      // The month's steps read what its facts changed (breaches, figures): the views first take them all in.
      if (facts.length > 0) await waitForProjections(api);
      const stepsStarted = performance.now();
      secondsIn.catchUp += (stepsStarted - factsDelivered) / 1_000;
      for (const step of stepsByMonth.get(month) ?? []) {
        const count = phases[step.phase];
        if (!due(step.occurredAt)) count.notYetDue += 1;
        else count[(await timed(step.phase, () => runStep(api, step))) ? 'added' : 'alreadyPresent'] += 1;
        progress?.advance(step.phase, 1);
      }
      secondsIn.steps += (performance.now() - stepsStarted) / 1_000;
    }
  } finally {
    progress?.stop();
  }

  await waitForProjections(api);
  const total = (key: keyof PhaseCount) => Object.values(phases).reduce((sum, count) => sum + count[key], 0);
  return {
    phases,
    added: total('added'),
    alreadyPresent: total('alreadyPresent'),
    notYetDue: total('notYetDue'),
    events: (await eventsApplied(api)) - eventsBefore,
    seconds: (performance.now() - started) / 1_000,
    secondsIn,
    secondsByPhase,
  };
}

type FactRecord = {
  readonly phase: FactPhase;
  readonly record: FactRecordKind;
  readonly id: string;
  readonly path: string;
  readonly delivery: FactDelivery;
  /** When the tool sent it: `deliveredAt`, else when it happened. */
  readonly deliveredAt: string;
};

/** Every operations fact of the scenario, in scenario order, with where it goes and when it was sent. */
function factRecordsOf(scenario: DemoScenario): FactRecord[] {
  const of =
    (phase: FactPhase, record: FactRecordKind, path: (id: string) => string) =>
    (id: string, facts: readonly FactDelivery[]) =>
      facts.map((delivery) => ({
        phase,
        record,
        id,
        path: path(id),
        delivery,
        deliveredAt: delivery.deliveredAt ?? String(delivery.data.occurredAt),
      }));
  const ticket = of('tickets', 'ticket', (id) => `/tickets/${id}/facts`);
  const outage = of('outages', 'outage', (id) => `/outages/${id}/facts`);
  const window = of('maintenance', 'maintenance', (id) => `/maintenance-windows/${id}/facts`);
  return [
    ...scenario.tickets.flatMap(({ ticketId, facts }) => ticket(ticketId, facts)),
    ...scenario.outages.flatMap(({ outageId, facts }) => outage(outageId, facts)),
    ...scenario.maintenance.flatMap(({ windowId, facts }) => window(windowId, facts)),
  ];
}

/** The REST body of a fact: the delivery without the scenario's own `deliveredAt`. */
const body = ({ deliveredAt: _sentAt, ...delivery }: FactDelivery) => delivery;

/** Sends facts `concurrency` records at a time, each record's facts one after the other, in order. */
async function deliverOverHttp(
  api: ApiClient,
  facts: readonly FactRecord[],
  concurrency: number,
  delivered: (fact: FactRecord, response: ApiResponse) => Promise<void>,
): Promise<void> {
  const records = [...groupBy(facts, (fact) => fact.path).values()];
  await inParallel(records, concurrency, async (record) => {
    for (const fact of record) await delivered(fact, await api.write('POST', fact.path, body(fact.delivery)));
  });
}

/**
 * Sends one governance step unless it shows as done already; true when it was sent. After sending, waits until
 * the views show it, so the next step (which may depend on it) finds it.
 */
async function runStep(api: ApiClient, step: DemoStep): Promise<boolean> {
  const values: Record<string, string> = {};
  for (const lookup of step.lookups ?? []) {
    values[lookup.name] = await api.lookup(
      substitute(lookup.path, values),
      substitute(lookup.find, values),
      lookup.pick,
    );
  }
  const doneWhen = step.doneWhen ? substitute(step.doneWhen, values) : undefined;
  if (doneWhen) {
    const existing = await api.get(doneWhen.path);
    if (existing.status === 200 && matchesPattern(existing.body, doneWhen.matches)) return false;
  }
  if (step.readsViews) await waitForProjections(api);
  const path = substitute(step.path, values);
  const response = await api.request(step.method, path, substitute(step.body, values), { 'x-actor': step.actor });
  // Done meanwhile by someone else (an API's own report drafting): the step is done, not sent by this run.
  if (response.status === 409 && doneWhen && matchesPattern((await api.get(doneWhen.path)).body, doneWhen.matches)) {
    return false;
  }
  api.accepted(step.method, path, response, step.actor);
  // Checked for every step: an alert the product did not store must stop the load, done-when or not.
  const duplicate = isDuplicateDelivery(step, response);
  if (!doneWhen) return !duplicate;
  await api.until(doneWhen.path, (found) => matchesPattern(found, doneWhen.matches));
  return true;
}

/**
 * Whether the API recognised a step without `doneWhen` as a redelivery: `duplicate: true`, or for a webhook every
 * alert's outcome `duplicate`. An alert the product did not store (unmapped, refused, in conflict) stops the load:
 * counted as sent, it would hide an outage that never was recorded.
 */
function isDuplicateDelivery(step: DemoStep, response: ApiResponse): boolean {
  const outcomes: { outcome: string; fingerprint: string; reason?: string }[] | undefined = response.body?.outcomes;
  if (!Array.isArray(outcomes)) return response.body?.duplicate === true;
  const unstored = outcomes.find(({ outcome }) => !['started', 'ended', 'duplicate'].includes(outcome));
  if (unstored) {
    const hint = unstored.outcome === 'unmapped' ? " (start the API with the demo's ALERTMANAGER_MAPPING_FILE)" : '';
    throw new DemoLoadError(
      `${step.method} ${step.path}: alert ${unstored.fingerprint} was ${unstored.outcome}${hint}` +
        (unstored.reason ? `: ${unstored.reason}` : ''),
    );
  }
  return outcomes.length > 0 && outcomes.every(({ outcome }) => outcome === 'duplicate');
}

function groupBy<Item>(items: readonly Item[], keyOf: (item: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

async function inParallel<Item>(
  items: readonly Item[],
  concurrency: number,
  work: (item: Item) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Governance records of the set-up, one after the other (their order matters). */
async function inOrder<Item>(
  progress: Progress | undefined,
  phase: DemoPhase,
  items: readonly Item[],
  work: (item: Item) => Promise<unknown>,
): Promise<void> {
  for (const item of items) {
    await work(item);
    progress?.advance(phase, 1);
  }
}

/**
 * Progress per phase on stderr: a bar per phase on a terminal; without one (CI logs), a line every 5 s naming the
 * phases that moved, so a log is not flooded with redrawn bars.
 */
class Progress {
  private readonly totals = new Map<DemoPhase, number>();
  private readonly done = new Map<DemoPhase, number>();
  private readonly bars?: MultiBar;
  private readonly barOf = new Map<DemoPhase, SingleBar>();
  private readonly timer?: NodeJS.Timeout;
  private readonly reported = new Map<DemoPhase, number>();

  constructor(scenario: DemoScenario, facts: readonly FactRecord[]) {
    const totals: Partial<Record<DemoPhase, number>> = {
      calendars: scenario.calendars.length,
      services: scenario.services.length,
      agreements: scenario.agreements.length,
    };
    for (const { phase } of [...facts, ...scenario.steps]) totals[phase] = (totals[phase] ?? 0) + 1;
    for (const phase of DEMO_PHASES) if (totals[phase]) this.totals.set(phase, totals[phase]);
    if (process.stderr.isTTY) {
      this.bars = new MultiBar(
        { stream: process.stderr, format: '{phase} |{bar}| {value}/{total}', hideCursor: true },
        Presets.shades_classic,
      );
      for (const [phase, total] of this.totals) {
        this.barOf.set(phase, this.bars.create(total, 0, { phase: phase.padEnd(17) }));
      }
    } else {
      this.timer = setInterval(() => this.printMoved(), 5_000);
      this.timer.unref();
    }
  }

  advance(phase: DemoPhase, count: number): void {
    if (count <= 0) return;
    this.done.set(phase, (this.done.get(phase) ?? 0) + count);
    this.barOf.get(phase)?.increment(count);
  }

  stop(): void {
    this.bars?.stop();
    if (this.timer) {
      clearInterval(this.timer);
      this.printMoved();
    }
  }

  private printMoved(): void {
    const moved = [...this.done].filter(([phase, count]) => this.reported.get(phase) !== count);
    if (moved.length === 0) return;
    for (const [phase, count] of moved) this.reported.set(phase, count);
    process.stderr.write(
      `${moved.map(([phase, count]) => `${phase} ${count}/${this.totals.get(phase)}`).join(', ')}\n`,
    );
  }
}

/** Done means the views show what was loaded: every projection has applied the whole log, twice in a row. */
async function waitForProjections(api: ReturnType<typeof apiClient>): Promise<void> {
  let caughtUpInARow = 0;
  const deadline = Date.now() + 10 * READ_TIMEOUT_MILLISECONDS;
  while (caughtUpInARow < 2) {
    if (Date.now() > deadline) throw new DemoLoadError('the projections did not catch up within 10 minutes');
    const health = await api.get('/health');
    const projections: { lag: number }[] = health.body?.projections ?? [];
    caughtUpInARow = projections.length > 0 && projections.every(({ lag }) => lag === 0) ? caughtUpInARow + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * How many events of the log the `stream-activity` projection (which applies every event) has applied: read when
 * the projections have caught up, the difference counts the events a load added, from the API alone.
 */
async function eventsApplied(api: ApiClient): Promise<number> {
  await waitForProjections(api);
  const projections: { name: string; eventsApplied: number }[] = (await api.get('/health')).body?.projections ?? [];
  return projections.find(({ name }) => name === 'stream-activity')?.eventsApplied ?? 0;
}

type ApiResponse = { readonly status: number; readonly body: any };
type ApiClient = ReturnType<typeof apiClient>;

function apiClient(baseUrl: string, headers: Record<string, string>, actorKeys: Readonly<Record<string, string>>) {
  const request = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
    const actorKey = extra['x-actor'] === undefined ? undefined : actorKeys[extra['x-actor']];
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'x-actor': LOADER_ACTOR,
        ...headers,
        ...extra,
        ...(actorKey ? { authorization: `Bearer ${actorKey}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('json');
    return { status: response.status, body: text && isJson ? JSON.parse(text) : text || undefined } as ApiResponse;
  };
  const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
  /** Stops the load with the API's answer unless it accepted the write. */
  const accepted = (method: string, path: string, response: ApiResponse, actor?: string) => {
    if (response.status >= 300) {
      // One key cannot sign for both parties: the API records the key's actor, whatever x-actor says.
      const ownKeyNeeded =
        actor !== undefined &&
        !actorKeys[actor] &&
        (response.body?.error?.code === 'SAME_ACTOR_FOR_BOTH_PARTIES' ||
          (response.status === 403 && /signature/.test(path)));
      const hint = ownKeyNeeded
        ? ` (access control is on: ${actor} signs with its own key; name it in DEMO_ACTOR_KEYS_FILE, see the README)`
        : '';
      throw new DemoLoadError(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}${hint}`);
    }
    return response;
  };
  return {
    get: (path: string) => request('GET', path),
    request,
    accepted,
    /** A write that must be accepted; anything else stops the load with the API's answer. */
    write: async (method: string, path: string, body: unknown, extra?: Record<string, string>) =>
      accepted(method, path, await request(method, path, body, extra), extra?.['x-actor']),
    /** Waits until GET `path` answers 200 with a body the check accepts (the view has caught up with a write). */
    until: async (path: string, check: (body: any) => boolean) => {
      const deadline = Date.now() + READ_TIMEOUT_MILLISECONDS;
      while (Date.now() < deadline) {
        const response = await request('GET', path);
        if (response.status === 200 && check(response.body)) return;
        await pause(20);
      }
      throw new DemoLoadError(`GET ${path} did not show the write within ${READ_TIMEOUT_MILLISECONDS / 1_000} s`);
    },
    /** Waits until GET `path` lists an element matching `find` (in the body or its `items`); gives its field `pick`. */
    lookup: async (path: string, find: JsonPattern, pick: string): Promise<string> => {
      const deadline = Date.now() + READ_TIMEOUT_MILLISECONDS;
      while (Date.now() < deadline) {
        const response = await request('GET', path);
        const items: unknown[] = Array.isArray(response.body) ? response.body : (response.body?.items ?? []);
        const found = response.status === 200 ? items.find((item) => matchesPattern(item, find)) : undefined;
        const value = found && pick.split('.').reduce<any>((at, key) => at?.[key], found);
        if (value !== undefined && value !== null) return String(value);
        await pause(100);
      }
      throw new DemoLoadError(`GET ${path} listed nothing matching ${JSON.stringify(find)} within 60 s`);
    },
  };
}
