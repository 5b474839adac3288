import { Command } from 'commander';
import { ConfigurationError, loadConfiguration } from '@sla/configuration';
import { openInfrastructure, type Infrastructure } from '@sla/composition';

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

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : `failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
