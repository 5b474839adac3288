import { ConfigurationError, loadConfiguration } from '@sla/configuration';
import { openInfrastructure } from '@sla/composition';

/**
 * The projection worker as a process of its own: follows the global log,
 * keeps every read model current and carries out the reactors' follow-ups.
 * Safe to run beside the API's inline projector or a second worker:
 * checkpoints are locked per batch.
 */
async function main(): Promise<void> {
  const configuration = loadConfiguration(process.env);
  const log = (message: string) => console.log(`[projector] ${message}`);
  const infrastructure = await openInfrastructure(configuration, log);
  infrastructure.startBackgroundWork();
  log(
    `following the global log with ${infrastructure.projections.projections.length} projections` +
      ` and ${infrastructure.reactors.reactors.length} reactors`,
  );

  const stop = async () => {
    await infrastructure.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : `projector failed: ${String(error)}`);
  process.exit(1);
});
