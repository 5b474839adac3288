import { randomUUID } from 'node:crypto';
import { Client, type QueryResult } from 'pg';

/**
 * A copy of a prepared database (`create database … template …`), so each tampering starts from the same
 * sealed log and none has to be undone. The template must have no open connection; one just closed may take a
 * moment to go, hence the retry.
 */
export async function cloneDatabase(templateUrl: string, purpose: string): Promise<string> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest');
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `test_${purpose.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomUUID().slice(0, 8)}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.query(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        if (attempt >= 100 || !/is being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export type Tamperer = {
  query(text: string, parameters?: unknown[]): Promise<QueryResult>;
  close(): Promise<void>;
};

/**
 * The attacker of issue 14: a superuser connection with `session_replication_role = replica`, which skips
 * ordinary triggers (e.g. one refusing UPDATE and DELETE on event_store.events), foreign keys included.
 * Refuses to run as anything less, so a test never passes because the tampering silently failed.
 */
export async function tamperAsSuperuser(databaseUrl: string): Promise<Tamperer> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(`select rolsuper from pg_roles where rolname = current_user`);
  if (!rows[0]?.rolsuper) {
    await client.end();
    throw new Error('tampering needs a superuser connection');
  }
  await client.query(`set session_replication_role = replica`);
  return {
    query: (text, parameters) => client.query(text, parameters),
    close: () => client.end(),
  };
}
