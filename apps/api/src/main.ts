import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import {
  checkAccessControlRequirement,
  ConfigurationError,
  loadConfiguration,
  type Configuration,
} from '@sla/configuration';
import { openInfrastructure } from '@sla/composition';
import { createApiApplication } from './api.application';
import { checkConfigurationFiles } from './configuration-files';
import { startupMessages } from './startup-messages';

async function main(): Promise<void> {
  const logger = new Logger('Startup');
  let configuration: Configuration;
  try {
    configuration = loadConfiguration(process.env);
    checkAccessControlRequirement(configuration);
    checkConfigurationFiles(configuration);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`${error.message}\nNothing was started. See the README's environment table.`);
      process.exit(1);
    }
    throw error;
  }

  const infrastructure = await openInfrastructure(configuration, (message) => logger.log(message));
  const app = await createApiApplication(infrastructure);
  await app.listen(configuration.PORT, configuration.HOST);
  if (configuration.PROJECTOR === 'inline') infrastructure.startBackgroundWork();
  const firstPage = await infrastructure.eventStore.readAll({ maxCount: 1 });
  const messages = startupMessages(configuration, { logIsEmpty: firstPage.events.length === 0 });
  for (const message of messages.info) logger.log(message);
  for (const warning of messages.warnings) logger.warn(warning);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: stopping`);
    await app.close();
    await infrastructure.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
