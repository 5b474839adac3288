import { Presets, SingleBar } from 'cli-progress';
import type { DemoScenario, FactDelivery } from '@sla/demo';

export type DemoPhase = 'calendars' | 'services' | 'agreements' | 'tickets' | 'outages';

/** Per phase: what this run stored, what an earlier run had stored already, what lies after now and waits. */
export type PhaseCount = { added: number; alreadyPresent: number; notYetDue: number };

export type DemoLoadSummary = {
  readonly phases: Record<DemoPhase, PhaseCount>;
  readonly added: number;
  readonly alreadyPresent: number;
  readonly notYetDue: number;
  readonly seconds: number;
};

export type DemoLoadOptions = {
  readonly baseUrl: string;
  readonly scenario: DemoScenario;
  /** Facts dated after this are not delivered (the API refuses facts from the future); a later run adds them. */
  readonly now: () => Date;
  /** Headers sent with every request, e.g. an API key when access control is on. */
  readonly headers?: Record<string, string>;
  /** Tickets delivered at the same time (each ticket's facts stay in order). */
  readonly concurrency?: number;
  /** Show a progress bar per phase (on stderr). */
  readonly progress?: boolean;
  /**
   * Where operations facts go instead of one request each: the product's bulk import (`sla import`), given the rows
   * of one file (NDJSON shape). Unset: every fact is a `POST /tickets/{id}/facts` or `/outages/{id}/facts`.
   */
  readonly bulkImport?: (name: 'tickets' | 'outages', rows: readonly ImportRow[]) => Promise<ImportCounts>;
};

/** One line of an `sla import` NDJSON file: a REST fact body plus the record it belongs to. */
export type ImportRow = FactDelivery & { readonly record: 'ticket' | 'outage'; readonly id: string };
export type ImportCounts = { readonly stored: number; readonly duplicates: number };

const LOADER_ACTOR = 'demo.loader';
const READ_TIMEOUT_MILLISECONDS = 60_000;

class DemoLoadError extends Error {}

type DemoRecord = { readonly id: string; readonly facts: readonly FactDelivery[] };

/**
 * Loads the scenario through the product's public HTTP API, as any client would. Idempotent: governance records
 * that exist are left alone, and every operations fact carries a stable source + externalId, so the API answers a
 * second delivery with 200 `duplicate` and stores nothing.
 */
export async function loadDemo(options: DemoLoadOptions): Promise<DemoLoadSummary> {
  const started = performance.now();
  const { scenario } = options;
  const api = apiClient(options.baseUrl, options.headers ?? {});
  const phases = Object.fromEntries(
    (['calendars', 'services', 'agreements', 'tickets', 'outages'] as const).map((phase) => [
      phase,
      { added: 0, alreadyPresent: 0, notYetDue: 0 },
    ]),
  ) as Record<DemoPhase, PhaseCount>;
  const nowMilliseconds = options.now().getTime();
  const due = (occurredAt: string) => Date.parse(occurredAt) <= nowMilliseconds;

  await phase(options, 'calendars', scenario.calendars, async ({ definition, occurredAt }) => {
    if ((await api.get(`/calendars/${definition.id}`)).status === 200) return (phases.calendars.alreadyPresent += 1);
    await api.write('POST', '/calendars', { definition, occurredAt });
    phases.calendars.added += 1;
    await api.until(`/calendars/${definition.id}`, () => true);
  });

  await phase(options, 'services', scenario.services, async (service) => {
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

  await phase(options, 'agreements', scenario.agreements, async (agreement) => {
    const path = `/agreements/${agreement.agreementId}`;
    const existing = await api.get(path);
    const unsigned = ['drafting'];
    if (existing.status === 200 && !unsigned.includes(existing.body.status))
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

  const deliverAll =
    (kind: 'tickets' | 'outages', pathOf: (id: string) => string) =>
    async (record: { facts: readonly FactDelivery[] }, id: string) => {
      for (const fact of record.facts) {
        if (!due(String(fact.data.occurredAt))) {
          phases[kind].notYetDue += 1;
          continue;
        }
        const response = await api.write('POST', pathOf(id), fact);
        if (response.body.duplicate) phases[kind].alreadyPresent += 1;
        else phases[kind].added += 1;
      }
    };
  if (options.bulkImport) {
    const rowsOf = (record: 'ticket' | 'outage', kind: 'tickets' | 'outages', items: readonly DemoRecord[]) =>
      items.flatMap(({ id, facts }) =>
        facts.flatMap((fact) => {
          if (due(String(fact.data.occurredAt))) return [{ record, id, ...fact }];
          phases[kind].notYetDue += 1;
          return [];
        }),
      );
    const tickets = scenario.tickets.map(({ ticketId, facts }) => ({ id: ticketId, facts }));
    const outages = scenario.outages.map(({ outageId, facts }) => ({ id: outageId, facts }));
    for (const [kind, record, items] of [
      ['tickets', 'ticket', tickets],
      ['outages', 'outage', outages],
    ] as const) {
      const counts = await options.bulkImport(kind, rowsOf(record, kind, items));
      phases[kind].added += counts.stored;
      phases[kind].alreadyPresent += counts.duplicates;
    }
  } else {
    const deliverTicket = deliverAll('tickets', (id) => `/tickets/${id}/facts`);
    await phase(options, 'tickets', scenario.tickets, (ticket) => deliverTicket(ticket, ticket.ticketId));
    const deliverOutage = deliverAll('outages', (id) => `/outages/${id}/facts`);
    await phase(options, 'outages', scenario.outages, (outage) => deliverOutage(outage, outage.outageId));
  }

  await waitForProjections(api);
  const total = (key: keyof PhaseCount) => Object.values(phases).reduce((sum, count) => sum + count[key], 0);
  return {
    phases,
    added: total('added'),
    alreadyPresent: total('alreadyPresent'),
    notYetDue: total('notYetDue'),
    seconds: (performance.now() - started) / 1_000,
  };
}

/** Runs `work` over the items, `concurrency` at a time (1 for governance records, whose order matters). */
async function phase<Item>(
  options: DemoLoadOptions,
  name: DemoPhase,
  items: readonly Item[],
  work: (item: Item) => Promise<unknown>,
): Promise<void> {
  const concurrency = name === 'tickets' || name === 'outages' ? (options.concurrency ?? 8) : 1;
  const bar = options.progress
    ? new SingleBar(
        {
          stream: process.stderr,
          format: `${name.padEnd(10)} |{bar}| {value}/{total} | ETA {eta_formatted}`,
          noTTYOutput: true,
          notTTYSchedule: 2_000,
        },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(items.length, 0);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
      bar?.increment();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  } finally {
    bar?.stop();
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
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function apiClient(baseUrl: string, headers: Record<string, string>) {
  const request = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-actor': LOADER_ACTOR, ...headers, ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    get: (path: string) => request('GET', path),
    /** A write that must be accepted; anything else stops the load with the API's answer. */
    write: async (method: string, path: string, body: unknown, extra?: Record<string, string>) => {
      const response = await request(method, path, body, extra);
      if (response.status >= 300) {
        throw new DemoLoadError(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
      }
      return response;
    },
    /** Waits until GET `path` answers 200 with a body the check accepts (the view has caught up with a write). */
    until: async (path: string, check: (body: any) => boolean) => {
      const deadline = Date.now() + READ_TIMEOUT_MILLISECONDS;
      while (Date.now() < deadline) {
        const response = await request('GET', path);
        if (response.status === 200 && check(response.body)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new DemoLoadError(`GET ${path} did not show the write within ${READ_TIMEOUT_MILLISECONDS / 1_000} s`);
    },
  };
}
