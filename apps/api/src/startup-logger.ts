import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/** Nest's own start-up chatter: one line per module and route, useful only when debugging. */
const BOOTSTRAP_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/**
 * Nest's console logger without the bootstrap lines at level `log`, so the
 * first lines a person reads are the product's own (where it listens,
 * warnings). They still show with LOG_LEVEL=debug or verbose.
 */
export class StartupQuietLogger extends ConsoleLogger {
  constructor(private readonly levels: LogLevel[]) {
    super();
    this.setLogLevels(levels);
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (typeof context === 'string' && BOOTSTRAP_CONTEXTS.has(context) && !this.levels.includes('debug')) return;
    super.log(message, ...(rest as [string]));
  }
}
