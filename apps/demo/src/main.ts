import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { countDeliveries, DEMO_SIZES, demoAlertMapping, generateDemoScenario, type DemoSize } from '@sla/demo';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure, type Infrastructure } from '@sla/composition';
import { systemClock } from '@sla/nest-platform';
import { FactIntake, importFactsFile } from '@sla/operations-feature';
import { loadDemo, type ImportCounts, type ImportRow } from './load-demo';
import { readShippedChinaCalendar } from './shipped-calendar';

const DEFAULT_SEED = 20260101;
const API_START_TIMEOUT_MILLISECONDS = 180_000;

const program = new Command('demo')
  .description('Load the demo year into the product through its HTTP API (idempotent: a second run adds nothing)')
  .addOption(new Option('--size <size>', 'small (tests) or year').env('DEMO_SIZE').argParser(parseSize).default('year'))
  .addOption(
    new Option('--seed <seed>', 'seed of the scenario').env('DEMO_SEED').argParser(parseSeed).default(DEFAULT_SEED),
  )
  .option('--api <url>', 'a running API (default: $DEMO_API_URL, else the API on $PORT, started here if none answers)')
  .action(async (options: { size: DemoSize; seed: number; api?: string }) => {
    const explicitUrl = options.api ?? process.env.DEMO_API_URL;
    const baseUrl = (explicitUrl ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`).replace(/\/$/, '');
    let startedApi: ChildProcess | undefined;
    let importer: BulkImporter | undefined;
    const scenario = generateDemoScenario({
      seed: options.seed,
      size: options.size,
      chinaBusinessHours: readShippedChinaCalendar(),
    });
    const mappingFolder = mkdtempSync(path.join(tmpdir(), 'sla-demo-alerts-'));
    if (!(await answers(baseUrl))) {
      if (explicitUrl) throw new Error(`no API answers at ${baseUrl}`);
      console.log(`No API answers at ${baseUrl}: starting one (npm start's configuration) for the load.`);
      // The demo's alerts name its services: the API it starts maps them (unless a mapping is configured).
      const mappingFile = path.join(mappingFolder, 'alertmanager-mapping.json');
      writeFileSync(mappingFile, JSON.stringify(demoAlertMapping(scenario.services.map(({ serviceId }) => serviceId))));
      // Its own report drafting stays off during the load: by the wall clock every month has closed, and a pass
      // would draft the months whose facts the demo has not delivered yet; the demo drafts them itself.
      // Its projections look for new events every 20 ms and take larger batches: each governance step waits for
      // the views to show it, and each month's bulk import leaves tens of thousands of events to catch up on.
      startedApi = await startApi(baseUrl, {
        ALERTMANAGER_MAPPING_FILE: mappingFile,
        REPORT_DRAFT_INTERVAL_SECONDS: '0',
        PROJECTION_IDLE_MS: '20',
        PROJECTION_BATCH_SIZE: '2000',
      });
    }
    try {
      console.log(
        `Demo ${options.size}, seed ${options.seed}: ${scenario.services.length} services, ` +
          `${scenario.agreements.length} SLAs, ${scenario.tickets.length} tickets, ` +
          `${countDeliveries(scenario)} fact deliveries → ${baseUrl}`,
      );
      const apiKey = process.env.DEMO_API_KEY;
      const cutoff = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
      const summary = await loadDemo({
        baseUrl,
        scenario,
        // What lies after the start of today (UTC) is held back: runs on the same day load the same events.
        now: () => cutoff,
        headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
        actorKeys: readActorKeys(process.env.DEMO_ACTOR_KEYS_FILE),
        progress: true,
        // The product on this machine (same environment): its bulk import takes the bulk of the facts far faster
        // than one request each. A remote API (DEMO_API_URL, --api) gets every fact over HTTP.
        ...(explicitUrl ? {} : { bulkImport: (name, rows) => (importer ??= new BulkImporter()).import(name, rows) }),
      });
      for (const [phase, count] of Object.entries(summary.phases)) {
        if (count.added + count.alreadyPresent + count.notYetDue === 0) continue;
        const waiting = count.notYetDue > 0 ? `, ${count.notYetDue} not yet due` : '';
        const seconds = summary.secondsByPhase[phase as keyof typeof summary.secondsByPhase].toFixed(1);
        console.log(
          `  ${phase.padEnd(17)} ${count.added} added, ${count.alreadyPresent} already stored${waiting} (${seconds} s)`,
        );
      }
      if (summary.added === 0) {
        console.log(`Nothing new: all ${summary.alreadyPresent} records and facts were already stored; nothing added.`);
      } else {
        const perSecond = (count: number) => Math.round(count / summary.seconds);
        console.log(
          `Loaded ${summary.added} records and facts in ${summary.seconds.toFixed(1)} s (${perSecond(summary.added)}/s): ` +
            `${summary.events} events (${perSecond(summary.events)} events/s), the views caught up.`,
        );
        const { facts, catchUp, steps } = summary.secondsIn;
        console.log(
          `  operations facts ${facts.toFixed(1)} s, views catching up ${catchUp.toFixed(1)} s, ` +
            `governance steps ${steps.toFixed(1)} s`,
        );
      }
      if (summary.notYetDue > 0) {
        console.log(
          `${summary.notYetDue} facts and steps are dated after ${cutoff.toISOString()} (the start of today, UTC) ` +
            'and were not sent; a run on a later day delivers them.',
        );
      }
      console.log(whereToLook(baseUrl, scenario.agreements[0]!.agreementId, scenario.agreements[0]!.template));
    } finally {
      await importer?.close();
      if (startedApi) await stopApi(startedApi);
      rmSync(mappingFolder, { recursive: true, force: true });
    }
  });

/**
 * The product's bulk import (`sla import`'s `importFactsFile`), run in this process against the product's own stores
 * (the same environment as `npm start`): one month's rows at a time, without a process start per file.
 */
class BulkImporter {
  private infrastructure?: Promise<Infrastructure>;

  async import(name: string, rows: readonly ImportRow[]): Promise<ImportCounts> {
    if (rows.length === 0) return { stored: 0, duplicates: 0 };
    this.infrastructure ??= openInfrastructure(loadConfiguration(process.env), (message) => console.error(message));
    const { eventStore, readStore } = await this.infrastructure;
    const folder = mkdtempSync(path.join(tmpdir(), 'sla-demo-'));
    try {
      const file = path.join(folder, `${name}.ndjson`);
      writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
      const summary = await importFactsFile(new FactIntake(eventStore, readStore, systemClock), {
        file,
        defaultSource: 'demo',
        actor: 'demo.loader',
        restart: true,
        concurrency: 8,
      });
      if (summary.rejected > 0 || summary.outcome !== 'completed') {
        const rejects = readFileSync(summary.rejectsPath, 'utf8').split('\n').slice(0, 5).join('\n');
        throw new Error(`the bulk import of ${name} rejected ${summary.rejected} rows, the first:\n${rejects}`);
      }
      return { stored: summary.stored, duplicates: summary.duplicates };
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    if (this.infrastructure) await (await this.infrastructure).close();
  }
}

function parseSize(value: string): DemoSize {
  if (!DEMO_SIZES.includes(value as DemoSize)) {
    throw new InvalidArgumentError(
      `size must be one of ${DEMO_SIZES.join(', ')} (DEMO_SIZE or --size), not "${value}"`,
    );
  }
  return value as DemoSize;
}

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new InvalidArgumentError(`seed must be a whole number from 0 to 4294967295 (DEMO_SEED or --seed)`);
  }
  return seed;
}

async function answers(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/health`)).status === 200;
  } catch {
    return false;
  }
}

/** The built API, with the environment `npm start` would have (embedded PostgreSQL unless DATABASE_URL is set). */
async function startApi(baseUrl: string, defaults: Record<string, string>): Promise<ChildProcess> {
  const entry = path.join(__dirname, '../../api/src/main.js');
  const env = { ...defaults, ...process.env };
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the API stopped while starting (exit code ${code})`))),
  );
  const ready = (async () => {
    const deadline = Date.now() + API_START_TIMEOUT_MILLISECONDS;
    while (!(await answers(baseUrl))) {
      if (Date.now() > deadline) throw new Error(`the API did not answer at ${baseUrl} within 3 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  await Promise.race([ready, exited]);
  return child;
}

async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const stopped = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await stopped;
}

function whereToLook(baseUrl: string, agreementId: string, template: { calendars: { roundTheClock: string } }): string {
  return [
    '',
    'Where to look (start the API with `npm start` if this run started its own):',
    `  open ${baseUrl}/ for the console (portfolio of every agreement this month; pick a month of 2026)`,
    `  curl ${baseUrl}/agreements`,
    `  curl "${baseUrl}/compliance/agreements/${agreementId}/response-resolution?period=2026-01&timeZone=Asia/Shanghai"`,
    `  curl "${baseUrl}/compliance/agreements/${agreementId}/availability?period=2026-02&timeZone=Asia/Shanghai"`,
    `  curl "${baseUrl}/compliance/breaches?agreementId=${agreementId}&period=2026-01"`,
    `  curl "${baseUrl}/compliance/services/sh-erp/availability?period=2026-02&timeZone=Asia/Shanghai` +
      `&calendarId=${template.calendars.roundTheClock}"`,
    `  curl "${baseUrl}/reports?status=all&agreementId=${agreementId}"`,
    `  curl -o report.pdf ${baseUrl}/reports/${agreementId}-2026-01-customer/revisions/1/pdf`,
    '  npm run cli -- projections status',
    '  npm run cli -- audit verify',
    `  open ${baseUrl}/docs for every endpoint`,
  ].join('\n');
}

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

/** DEMO_ACTOR_KEYS_FILE: a JSON object of the demo's actors to their own API keys (`{ "berlin.buyer": "…" }`). */
function readActorKeys(file: string | undefined): Record<string, string> {
  if (!file) return {};
  const parsed = z.record(z.string().min(1), z.string().min(1)).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`DEMO_ACTOR_KEYS_FILE=${file}: not a JSON object of actor names to API keys`);
  return parsed.data;
}
