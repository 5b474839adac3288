import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ZodError } from 'zod';
import { loadPrincipals } from '@sla/access-control';
import { ConfigurationError, type Configuration } from '@sla/configuration';
import { loadAlertMapping, loadJsonWebhookSources } from '@sla/operations-feature';

/**
 * Reads every file a setting names, as start-up will, before anything is
 * started (PostgreSQL included): a mistyped path or a broken file is named
 * with its variable, all of them at once, instead of failing half-way.
 */
export function checkConfigurationFiles(configuration: Configuration): void {
  const problems: string[] = [];
  const check = (variable: keyof Configuration, load: (file: string) => unknown) => {
    const file = configuration[variable];
    if (typeof file !== 'string') return;
    try {
      load(file);
    } catch (error) {
      problems.push(`${variable}=${JSON.stringify(file)}: ${describe(error)}`);
    }
  };
  check('ALERTMANAGER_MAPPING_FILE', loadAlertMapping);
  check('JSON_WEBHOOK_SOURCES_FILE', loadJsonWebhookSources);
  check('AUTH_API_KEYS_FILE', loadPrincipals);
  // A missing signing key is created at start; one that is there must be usable.
  check('AUDIT_SIGNING_KEY_FILE', (file) => {
    if (!existsSync(file)) return;
    let key;
    try {
      key = createPrivateKey(readFileSync(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_OSSL')) throw new Error('not a PEM private key');
      throw error;
    }
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new Error(`not an Ed25519 private key (it is ${key.asymmetricKeyType ?? 'of no known type'})`);
    }
  });
  if (problems.length > 0) throw new ConfigurationError(problems);
}

function describe(error: unknown): string {
  if (error instanceof ZodError) {
    return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  }
  if (error instanceof SyntaxError) return `not valid JSON (${error.message.replace(/\s+/g, ' ')})`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'not readable by this process';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}
