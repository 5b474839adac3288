import 'reflect-metadata';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigurationError, loadConfiguration } from '@sla/configuration';
import { openInfrastructure, productReadModels, type Infrastructure } from '@sla/composition';
import { systemClock } from '@sla/nest-platform';
import { FactIntake, importFactsFile, type ImportFormat } from '@sla/operations-feature';
import {
  exportTreeHeads,
  openReadModelsKnownAt,
  parseKnownHeads,
  parseTrustedKeys,
  rotateSigningKey,
  signingKeys,
  verifyLog,
  type KnownHead,
} from '@sla/audit-read-models';
import { verifyEvidenceBundle, type EvidenceBundle } from '@sla/audit-domain';
import { withProductContext, withQueryBus } from './product-context';
import { registerReportCommands } from './reports';
import { registerKeyCommands } from './keys';
import { EvidenceBundleExporter, ReplayAgreementQuery, ReplayTicketClockQuery } from '@sla/audit-feature';
import { AgreementFiguresReader, EvaluateWhatIfQuery, GetRestatementQuery } from '@sla/compliance-feature';
import { reportingRange } from '@sla/compliance-domain';

/**
 * `npm run cli` runs in the project folder, but a person means the files they
 * name relative to the folder they typed the command in (npm passes it as
 * INIT_CWD). Settings keep meaning what they mean to `npm start`: relative
 * to the project folder, so the CLI finds the API's data folder.
 */
function runFromTheCallersFolder(environment: NodeJS.ProcessEnv): void {
  const callersFolder = environment.INIT_CWD;
  if (environment.npm_lifecycle_event !== 'cli' || !callersFolder) return;
  environment.DATA_DIR = path.resolve(environment.DATA_DIR ?? '.data');
  for (const name of [
    'AUDIT_SIGNING_KEY_FILE',
    'AUDIT_HEAD_LOG_FILE',
    'AUTH_API_KEYS_FILE',
    'ALERTMANAGER_MAPPING_FILE',
    'JSON_WEBHOOK_SOURCES_FILE',
  ]) {
    const value = environment[name];
    if (value) environment[name] = path.resolve(value);
  }
  process.chdir(callersFolder);
}
runFromTheCallersFolder(process.env);

/** Operator and auditor commands. Reads the same environment as the API. */
const program = new Command()
  .name('sla')
  .description('SLA compliance engine: operator and auditor commands')
  .showHelpAfterError();

async function withInfrastructure(action: (infrastructure: Infrastructure) => Promise<void>): Promise<void> {
  const infrastructure = await openInfrastructure(loadConfiguration(process.env), (message) => console.error(message));
  try {
    await action(infrastructure);
  } finally {
    await infrastructure.close();
  }
}

const projections = program.command('projections').description('read models fed from the global log');

projections
  .command('status')
  .description('checkpoint, lag and last error of every projection')
  .action(() =>
    withInfrastructure(async ({ projections: runner }) => {
      console.table(await runner.status());
    }),
  );

projections
  .command('rebuild')
  .description('empty a projection and replay it from the start of the log')
  .argument('[name]', 'projection to rebuild')
  .option('--all', 'rebuild every projection')
  .action((name: string | undefined, options: { all?: boolean }) => {
    if (!name && !options.all) program.error('name a projection or pass --all');
    return withInfrastructure(async ({ projections: runner }) => {
      const started = Date.now();
      const applied = await runner.rebuild(options.all ? undefined : name);
      const seconds = (Date.now() - started) / 1000;
      console.log(`rebuilt ${options.all ? 'all projections' : name}: ${applied} events in ${seconds.toFixed(1)} s`);
    });
  });

projections
  .command('catch-up')
  .description('apply every event not yet applied, then exit')
  .action(() =>
    withInfrastructure(async ({ projections: runner }) => {
      console.log(`applied ${await runner.catchUp()} events`);
    }),
  );

const audit = program.command('audit').description('tamper evidence over the global log');

function nonNegativeSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0) throw new InvalidArgumentError('a whole number of seconds, 0 or more');
  return seconds;
}

/** Exit code when verification finds the log altered. */
const EXIT_TAMPERED = 3;

audit
  .command('verify')
  .description(
    'recompute every leaf and signed tree head of the audit Merkle tree from the log as stored; report the first difference',
  )
  .option('--public-key <file...>', 'trust only heads signed with these Ed25519 public keys (PEM)')
  .option(
    '--trusted-keys <file...>',
    'trust only heads signed with the public keys in these files (PEM, or `audit key list --json`), matched by key id; a key only the database knows is reported',
  )
  .option(
    '--seal-grace <seconds>',
    'events recorded longer ago than this must be covered by a signed head (default: 3 × AUDIT_TREE_HEAD_INTERVAL_SECONDS)',
    nonNegativeSeconds,
  )
  .option(
    '--known-heads <file...>',
    'signed heads kept from earlier (`audit heads export`): the log must extend each (RFC 9162 consistency proof)',
  )
  .option('--json', 'print the report as JSON')
  .addHelpText('after', '\nExit codes: 0 the log matches every signed head, 3 differences found, 1 failed.')
  .action(
    (options: {
      publicKey?: string[];
      trustedKeys?: string[];
      sealGrace?: number;
      knownHeads?: string[];
      json?: boolean;
    }) =>
      withInfrastructure(async ({ rawEventStore, appendRecord, readStore, configuration }) => {
        let trustedKeys: string[] | undefined;
        let knownHeads: KnownHead[] | undefined;
        try {
          const keyFiles = [...(options.publicKey ?? []), ...(options.trustedKeys ?? [])];
          if (keyFiles.length > 0)
            trustedKeys = keyFiles.flatMap((file) => parseTrustedKeys(readFileSync(file, 'utf8'), file));
          knownHeads = options.knownHeads?.flatMap((file) => parseKnownHeads(readFileSync(file, 'utf8'), file));
        } catch (error) {
          program.error((error as Error).message);
        }
        // The sealer signs a head every interval while the log grows; a few intervals
        // later, an event no head covers means heads (or the whole tree) were removed.
        const graceSeconds = options.sealGrace ?? 3 * configuration.AUDIT_TREE_HEAD_INTERVAL_SECONDS;
        const sealedBy = new Date(systemClock.now().getTime() - graceSeconds * 1_000);
        const bar = new SingleBar(
          {
            stream: process.stderr,
            format: 'verifying |{bar}| {value}/{total} events | ETA {eta_formatted}',
            noTTYOutput: true,
            notTTYSchedule: 2_000,
          },
          Presets.shades_classic,
        );
        bar.start(1, 0);
        const onProgress = (checked: number, total: number) => {
          bar.setTotal(total);
          bar.update(checked);
        };
        const report = await verifyLog(rawEventStore, readStore, {
          ...(trustedKeys ? { trustedKeys } : {}),
          ...(appendRecord ? { appendRecord } : {}),
          sealedBy,
          ...(knownHeads ? { knownHeads } : {}),
          onProgress,
        }).finally(() => bar.stop());
        if (options.json) console.log(JSON.stringify(report, null, 2));
        else {
          console.log(
            report.ok
              ? 'OK: the log matches every signed tree head'
              : `ALTERED: ${report.findings.length} finding(s); the first:\n  ${report.findings[0].kind}: ${report.findings[0].detail}`,
          );
          for (const finding of report.findings.slice(1, 10)) console.log(`  ${finding.kind}: ${finding.detail}`);
          console.log(`\nchecked:\n${report.checks.map((check) => `  - ${check}`).join('\n')}`);
          console.log(
            `events in log ${report.eventsInLog}, sealed ${report.sealedLeaves}, not yet sealed ${report.unsealedEvents}; latest head: ${report.latestHead ? `size ${report.latestHead.treeSize}, root ${report.latestHead.rootHash}, signed ${report.latestHead.signedAt} by key ${report.latestHead.keyId}` : 'none'}`,
          );
        }
        process.exitCode = report.ok ? 0 : EXIT_TAMPERED;
      }),
  );

const key = audit.command('key').description('the Ed25519 key that signs tree heads (AUDIT_SIGNING_KEY_FILE)');

key
  .command('rotate')
  .description(
    'replace the signing key with a new one; the old public key stays recorded, with the tree sizes it signed, so its heads still verify',
  )
  .action(() =>
    withInfrastructure(async ({ readStore, signingKeyFile }) => {
      const { retired, current } = await rotateSigningKey(readStore, signingKeyFile, systemClock);
      const signed = retired.treeSizes
        ? `signed ${retired.treeSizes.heads} head(s), tree sizes ${retired.treeSizes.first}–${retired.treeSizes.last}`
        : 'signed no head';
      console.log(`retired key ${retired.keyId} (${signed}); its public key stays recorded for verification`);
      console.log(`new key ${current.keyId} written to ${signingKeyFile} (mode 600); its public key:\n`);
      console.log(current.publicKeyPem.trim());
      console.log(
        '\nGive the new public key to your auditors (`audit verify --trusted-keys`); a running sealer switches to it at its next head.',
      );
    }),
  );

key
  .command('list')
  .description('every signing key, retired ones too, with the tree sizes of the heads each signed')
  .option('--json', 'as JSON, which `audit verify --trusted-keys` reads')
  .action((options: { json?: boolean }) =>
    withInfrastructure(async ({ readStore }) => {
      const keys = await signingKeys(readStore);
      if (options.json) {
        printJson({ keys });
        return;
      }
      for (const record of keys) {
        const sizes = record.treeSizes
          ? `tree sizes ${record.treeSizes.first}–${record.treeSizes.last} (${record.treeSizes.heads} head(s))`
          : 'no heads yet';
        console.log(
          `${record.keyId}  ${record.retiredAt ? `retired ${record.retiredAt}` : 'in use'}  first used ${record.firstUsedAt}  ${sizes}`,
        );
      }
    }),
  );

audit
  .command('seal')
  .description('add the events not yet sealed to the audit tree and sign a tree head now')
  .action(() =>
    withInfrastructure(async ({ logSealer }) => {
      const { leaves, head, refused } = await logSealer.seal(true);
      console.log(
        `sealed ${leaves} new event(s); ${head ? `signed head: size ${head.treeSize}, root ${head.rootHash}, key ${head.keyId}` : 'no new head (nothing new since the last one)'}`,
      );
      if (refused) {
        console.error(`sealing stopped at event ${refused.eventId} (${refused.kind}): ${refused.detail}`);
        process.exitCode = EXIT_TAMPERED;
      }
    }),
  );

const heads = audit.command('heads').description('the signed tree heads, for auditors to keep outside the database');

heads
  .command('export')
  .description(
    'every signed tree head, oldest first, with its public key, as JSON; keep it and pass it to `audit verify --known-heads` later',
  )
  .option('--out <file>', 'write to this file instead of standard output')
  .action((options: { out?: string }) =>
    withInfrastructure(async ({ readStore }) => {
      const exported = await exportTreeHeads(readStore);
      const json = `${JSON.stringify(exported, null, 2)}\n`;
      if (!options.out) {
        process.stdout.write(json);
        return;
      }
      writeFileSync(options.out, json);
      const latest = exported.heads.at(-1);
      console.error(
        `wrote ${exported.heads.length} signed head(s) to ${options.out}${latest ? `; latest: size ${latest.treeSize}, root ${latest.rootHash}` : ''}`,
      );
    }),
  );

audit
  .command('export')
  .description(
    "an agreement's evidence for a period: figures as reported, agreement history, and the stored events behind them with inclusion proofs to a signed tree head (JSON, plus an HTML summary beside it)",
  )
  .requiredOption('--agreement <id>', 'the agreement')
  .requiredOption('--period <period>', 'a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)')
  .option('--time-zone <zone>', 'the zone the period is reckoned in', 'UTC')
  .requiredOption('--out <file.json>', 'where to write the bundle')
  .action((options: { agreement: string; period: string; timeZone: string; out: string }) =>
    withInfrastructure((infrastructure) =>
      withProductContext(infrastructure, async (context) => {
        const { bundle, summaryHtml } = await context.get(EvidenceBundleExporter).export(infrastructure, {
          agreementId: options.agreement,
          period: options.period,
          timeZone: options.timeZone,
        });
        writeFileSync(options.out, `${JSON.stringify(bundle, null, 2)}\n`);
        writeFileSync(options.out.replace(/\.json$/i, '') + '.html', summaryHtml);
        console.log(
          `wrote ${options.out} (${bundle.events.length} events with proofs to the head of size ${bundle.treeHead.treeSize}; manifest logged as event ${bundle.manifestRecord.id} at leaf ${bundle.manifestRecord.leafIndex}) and its HTML summary`,
        );
      }),
    ),
  );

audit
  .command('verify-bundle')
  .description(
    'check an evidence bundle offline, without the database: head signature, every event against its leaf and inclusion proof, the logged manifest (agreement, period, event list, figure sections), stream completeness, the ticket, outage and maintenance sets, and the breach, response/resolution and availability figures recomputed from the events',
  )
  .argument('<file>', 'the bundle (JSON)')
  .option('--public-key <file...>', 'trust only a head signed with these Ed25519 public keys (PEM)')
  .addHelpText('after', '\nExit codes: 0 verified, 3 the bundle does not verify, 1 failed.')
  .action((file: string, options: { publicKey?: string[] }) => {
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as EvidenceBundle;
    const result = verifyEvidenceBundle(
      bundle,
      options.publicKey ? { trustedKeys: options.publicKey.map((key) => readFileSync(key, 'utf8')) } : {},
    );
    console.log(
      result.ok
        ? `VERIFIED: ${result.eventsVerified} events proven in the log under the signed head of size ${bundle.treeHead.treeSize}, as listed by the manifest logged at leaf ${bundle.manifestRecord.leafIndex}`
        : `NOT VERIFIED:\n${result.problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    console.log(`checked:\n${result.checks.map((check) => `  - ${check}`).join('\n')}`);
    process.exitCode = result.ok ? 0 : EXIT_TAMPERED;
  });

function periodRange(period: string, timeZone: string): { from: Date; to: Date } {
  const range = reportingRange(period, timeZone);
  if (!range)
    program.error(`--period '${period}': a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)`);
  return { from: new Date(range!.from), to: new Date(range!.to) };
}
const printJson = (value: unknown) => console.log(JSON.stringify(value, null, 2));

audit
  .command('replay')
  .description("an agreement's state after each event, or with --ticket a ticket's clocks after each fact (JSON)")
  .option('--agreement <id>', 'the agreement')
  .option('--ticket <id>', 'the ticket')
  .action((options: { agreement?: string; ticket?: string }) => {
    if (!options.agreement === !options.ticket) program.error('name either --agreement or --ticket');
    return withInfrastructure((infrastructure) =>
      withQueryBus(infrastructure, async (queries) =>
        printJson(
          await queries.execute(
            options.agreement
              ? new ReplayAgreementQuery(options.agreement)
              : new ReplayTicketClockQuery(options.ticket!),
          ),
        ),
      ),
    );
  });

audit
  .command('restatement')
  .description(
    "a period's figures as known when reported beside what is known now, with the late facts behind each change (JSON)",
  )
  .requiredOption('--agreement <id>', 'the agreement')
  .requiredOption('--period <period>', 'a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)')
  .option('--time-zone <zone>', 'the zone the period is reckoned in', 'UTC')
  .requiredOption('--reported-at <instant>', 'when the report was made (ISO 8601 with offset)')
  .action((options: { agreement: string; period: string; timeZone: string; reportedAt: string }) => {
    const { from, to } = periodRange(options.period, options.timeZone);
    return withInfrastructure((infrastructure) =>
      withQueryBus(infrastructure, async (queries) =>
        printJson(
          await queries.execute(new GetRestatementQuery(options.agreement, from, to, new Date(options.reportedAt))),
        ),
      ),
    );
  });

audit
  .command('as-known')
  .description(
    "an agreement's compliance views for a period as known at a recorded time: every read model rebuilt from only the events recorded before it (JSON)",
  )
  .requiredOption('--agreement <id>', 'the agreement')
  .requiredOption('--period <period>', 'a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)')
  .option('--time-zone <zone>', 'the zone the period is reckoned in', 'UTC')
  .requiredOption('--known-at <instant>', 'the recorded time to look back to (ISO 8601 with offset)', (value) => {
    if (!/(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value)))
      throw new InvalidArgumentError('an ISO 8601 instant with an offset, e.g. 2026-04-05T09:00:00Z');
    return new Date(value);
  })
  .action((options: { agreement: string; period: string; timeZone: string; knownAt: Date }) => {
    const { from, to } = periodRange(options.period, options.timeZone);
    return withInfrastructure(async (infrastructure) => {
      console.error(
        `rebuilding every read model from the events recorded before ${options.knownAt.toISOString()} (a throw-away schema, dropped afterwards)`,
      );
      const knownAt = await openReadModelsKnownAt(infrastructure, productReadModels, options.knownAt);
      console.error(`${knownAt.eventsApplied} events applied`);
      try {
        const clock = { now: () => options.knownAt };
        const stores = { configuration: infrastructure.configuration, ...knownAt, clock };
        const { availability, responseResolution, kpis, breaches } = await withProductContext(stores, (context) =>
          context.get(AgreementFiguresReader).periodFigures(options.agreement, from, to, options.timeZone),
        );
        const figures = { availability, responseResolution, kpis, breaches };
        printJson({
          agreementId: options.agreement,
          period: options.period,
          timeZone: options.timeZone,
          knownAt: options.knownAt.toISOString(),
          eventsReplayed: knownAt.eventsApplied,
          ...figures,
        });
      } finally {
        await knownAt.close();
      }
    });
  });

audit
  .command('what-if')
  .description(
    "a past period's tickets under another version of the agreement beside the version in force (JSON; nothing stored)",
  )
  .requiredOption('--agreement <id>', 'the agreement')
  .requiredOption('--period <period>', 'a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)')
  .option('--time-zone <zone>', 'the zone the period is reckoned in', 'UTC')
  .requiredOption('--version <n>', 'the version to evaluate (e.g. an amendment draft)', (value) =>
    Number.parseInt(value, 10),
  )
  .action((options: { agreement: string; period: string; timeZone: string; version: number }) => {
    const { from, to } = periodRange(options.period, options.timeZone);
    return withInfrastructure((infrastructure) =>
      withQueryBus(infrastructure, async (queries) =>
        printJson(
          await queries.execute(new EvaluateWhatIfQuery(options.agreement, from, to, { version: options.version })),
        ),
      ),
    );
  });

/** Exit codes scripts can rely on. */
const EXIT_REJECTED_ROWS = 2;
const EXIT_INTERRUPTED = 130;

program
  .command('import')
  .description(
    'import ticket, outage and maintenance facts from a CSV or NDJSON file (resumable; rejected rows are reported with their line)',
  )
  .argument('<file>', 'the file; .csv, .ndjson or .jsonl')
  .addOption(new Option('--format <format>', 'file format when the name does not tell').choices(['csv', 'ndjson']))
  .option('--source <name>', 'source for rows that name none (part of each fact delivery id)', 'import')
  .option('--actor <name>', 'who is importing (recorded on every event)', 'bulk-import')
  .option('--state <path>', 'progress file (default <file>.import-state.json)')
  .option('--rejects <path>', 'rejected rows, one JSON line each (default <file>.rejects.ndjson)')
  .option('--restart', 'forget earlier progress and start from the first row')
  .option('--concurrency <n>', 'records written at the same time', (value) => Number.parseInt(value, 10), 8)
  .addHelpText(
    'after',
    '\nExit codes: 0 every row stored or already stored, 2 finished with rejected rows, 130 interrupted (run again to resume), 1 failed.',
  )
  .action(
    (
      file: string,
      options: {
        format?: ImportFormat;
        source: string;
        actor: string;
        state?: string;
        rejects?: string;
        restart?: boolean;
        concurrency: number;
      },
    ) =>
      withInfrastructure(async ({ eventStore, readStore }) => {
        let stopRequested = false;
        const stop = () => {
          if (stopRequested) process.exit(EXIT_INTERRUPTED);
          stopRequested = true;
          console.error('\nstopping after the current chunk (again to quit at once)');
        };
        process.on('SIGINT', stop).on('SIGTERM', stop);
        const bar = new SingleBar(
          {
            stream: process.stderr,
            format:
              'importing |{bar}| {percentage}% | line {line} | {stored} stored, {duplicates} duplicates, {rejected} rejected | ETA {eta_formatted}',
            // Without a terminal (CI logs), a plain line every two seconds.
            noTTYOutput: true,
            notTTYSchedule: 2_000,
            etaBuffer: 50,
          },
          Presets.shades_classic,
        );
        bar.start(statSync(file).size, 0, { line: 0, stored: 0, duplicates: 0, rejected: 0 });
        const summary = await importFactsFile(new FactIntake(eventStore, readStore, systemClock), {
          file,
          format: options.format,
          defaultSource: options.source,
          actor: options.actor,
          statePath: options.state,
          rejectsPath: options.rejects,
          restart: options.restart,
          concurrency: options.concurrency,
          onProgress: (progress) => bar.update(progress.bytes, progress),
          shouldStop: () => stopRequested,
        }).finally(() => bar.stop());
        const seconds = summary.elapsedMs / 1000;
        console.log(
          [
            `${summary.outcome === 'completed' ? 'imported' : 'interrupted'} ${file}${summary.resumedAfterLine > 0 ? ` (resumed after line ${summary.resumedAfterLine})` : ''}`,
            `rows: ${summary.rows}, stored: ${summary.stored}, duplicates: ${summary.duplicates}, rejected: ${summary.rejected} (all runs of this file, up to line ${summary.lastLine})`,
            `${seconds.toFixed(1)} s, ${Math.round((summary.stored + summary.duplicates) / Math.max(seconds, 0.001))} facts/s`,
            summary.rejected > 0 ? `rejected rows: ${summary.rejectsPath}` : 'no rejected rows',
            summary.outcome === 'interrupted'
              ? `progress saved in ${summary.statePath}: run the same command again to resume`
              : '',
          ]
            .filter(Boolean)
            .join('\n'),
        );
        process.exitCode =
          summary.outcome === 'interrupted' ? EXIT_INTERRUPTED : summary.rejected > 0 ? EXIT_REJECTED_ROWS : 0;
      }),
  );

registerReportCommands(program, withInfrastructure);
registerKeyCommands(program, withInfrastructure);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(
    error instanceof ConfigurationError
      ? error.message
      : `failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
