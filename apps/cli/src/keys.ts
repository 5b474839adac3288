import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { z } from 'zod';
import {
  ApiKeyError,
  apiKeyIdSchema,
  expiryFrom,
  listApiKeys,
  ManagedApiKeys,
  ROLES,
  type Role,
} from '@sla/access-control';
import type { Infrastructure } from '@sla/composition';
import type { EventMetadata } from '@sla/event-sourcing';
import { systemClock } from '@sla/nest-platform';

/** Refused by a rule of the keys (unknown key, revoked already). */
const EXIT_REFUSED = 2;

type WithInfrastructure = (action: (infrastructure: Infrastructure) => Promise<void>) => Promise<void>;

const parsedBy =
  <T>(schema: z.ZodType<T>) =>
  (value: string): T => {
    const result = schema.safeParse(value);
    if (!result.success)
      throw new InvalidArgumentError([...new Set(result.error.issues.map((issue) => issue.message))].join('; '));
    return result.data;
  };

const name = (what: string) => parsedBy(z.string().trim().min(1, what).max(200));
const expiry = (value: string): Date => {
  try {
    return expiryFrom(value, systemClock.now());
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
};

/** Who runs the command, recorded on the key's events: --by, else the operating system account. */
const byOption = () =>
  new Option(
    '--by <name>',
    'who creates or revokes the key, recorded on the event (default: your login name)',
  ).argParser(name('who is acting'));

/** Read when a command runs, not at start: an account without a name (some containers) must only need --by. */
function operatorName(by: string | undefined, program: Command): string {
  if (by) return by;
  try {
    return userInfo().username;
  } catch {
    program.error("error: option '--by <name>' is required: this operating system account has no name");
  }
}
const metadataOf = (by: string): EventMetadata => ({ actor: by, source: 'cli', correlationId: randomUUID() });

/**
 * `sla keys …`: API keys for machines, kept as events in the product's event store (the API verifies them when
 * started with AUTH_MANAGED_KEYS=on). A key is printed once, on stdout alone so a script can capture it; only its
 * SHA-256 is stored.
 */
export function registerKeyCommands(program: Command, withInfrastructure: WithInfrastructure): void {
  const withKeys = (work: (keys: ManagedApiKeys, infrastructure: Infrastructure) => Promise<void>) =>
    withInfrastructure((infrastructure) =>
      work(new ManagedApiKeys(infrastructure.eventStore, systemClock), infrastructure),
    ).catch((error: unknown) => {
      if (!(error instanceof ApiKeyError)) throw error;
      console.error(`refused: ${error.code}: ${error.message}`);
      process.exitCode = EXIT_REFUSED;
    });

  const keys = program
    .command('keys')
    .description('API keys for machines (the API checks them with AUTH_MANAGED_KEYS=on)');

  keys
    .command('create')
    .description('create an API key and print it once (only its hash is stored)')
    .addOption(
      new Option('--actor <name>', "the key's caller, recorded on every event it causes")
        .argParser(name('the actor the key speaks as'))
        .makeOptionMandatory(),
    )
    .addOption(new Option('--role <role>', 'what the key may do').choices(ROLES).makeOptionMandatory())
    .addOption(
      new Option('--customer <name>', 'for role customer: the counterparty whose agreements the key reads').argParser(
        name("the agreements' counterparty"),
      ),
    )
    .addOption(
      new Option(
        '--expires <when>',
        'an instant (2027-01-31T00:00:00Z) or a duration from now (P90D, 90d, 12h)',
      ).argParser(expiry),
    )
    .addOption(byOption())
    .option('--json', 'print the key and its details as JSON')
    .action(
      (options: { actor: string; role: Role; customer?: string; expires?: Date; by?: string; json?: boolean }) => {
        if (options.role === 'customer' && !options.customer)
          program.error("error: option '--customer <name>' is required with --role customer (whose agreements)");
        if (options.role !== 'customer' && options.customer)
          program.error(`error: option '--customer <name>' is for --role customer only, not ${options.role}`);
        const by = operatorName(options.by, program);
        return withKeys(async (managed) => {
          const request = {
            actor: options.actor,
            role: options.role,
            customer: options.customer ?? null,
            expiresAt: options.expires ?? null,
          };
          const { keyId, key } = await managed.create(request, metadataOf(by));
          const expires = request.expiresAt?.toISOString() ?? 'never';
          if (options.json) {
            console.log(
              JSON.stringify({ keyId, key, ...request, expiresAt: request.expiresAt?.toISOString() ?? null }),
            );
          } else {
            console.log(key);
          }
          console.error(
            `created API key ${keyId} for ${options.actor} (role ${options.role}` +
              `${request.customer ? `, customer ${request.customer}` : ''}), expires ${expires}.\n` +
              'Keep the key now: it is not shown again (only its SHA-256 is stored). ' +
              'Send it as Authorization: Bearer <key>.',
          );
        });
      },
    );

  keys
    .command('list')
    .description('every API key created, with its state now (never the key)')
    .option('--json', 'print the list as JSON')
    .action((options: { json?: boolean }) =>
      withKeys(async (_managed, { projections, readStore }) => {
        // The list is a read model: bring it up to the log first (the API may not be running).
        await projections.catchUp();
        const list = await listApiKeys(readStore, systemClock.now());
        if (options.json) return console.log(JSON.stringify(list));
        if (list.length === 0) return console.log('no API keys (create one with `sla keys create`)');
        console.table(
          list.map((key) => ({
            id: key.keyId,
            actor: key.actor,
            role: key.role,
            customer: key.customer ?? '',
            created: `${key.createdAt} by ${key.createdBy}`,
            expires: key.expiresAt ?? 'never',
            state:
              key.state === 'revoked'
                ? `revoked ${key.revokedAt} by ${key.revokedBy}${key.revocationReason ? `: ${key.revocationReason}` : ''}`
                : key.state,
          })),
        );
      }),
    );

  keys
    .command('revoke')
    .description('revoke an API key: refused from the next request on')
    .argument('<id>', 'the key id (`keys list`)', parsedBy(apiKeyIdSchema))
    .option('--reason <text>', 'why it is revoked', parsedBy(z.string().trim().min(1).max(500)))
    .addOption(byOption())
    .action((keyId: string, options: { reason?: string; by?: string }) => {
      const by = operatorName(options.by, program);
      return withKeys(async (managed) => {
        await managed.revoke(keyId, options.reason ?? null, metadataOf(by));
        console.log(`revoked API key ${keyId}`);
      });
    });
}
