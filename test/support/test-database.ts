import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * Creates a fresh, empty database on the test run's PostgreSQL and returns
 * its URL, so test files never see each other's data.
 */
export async function createTestDatabase(purpose: string): Promise<string> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (global setup starts PostgreSQL)');
  const name = `test_${purpose.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomUUID().slice(0, 8)}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The URL as a superuser who switches triggers off (`session_replication_role = replica`):
 * how the tampering tests stand in for an attacker with superuser rights, whom the event
 * log's append-only triggers do not stop (the log sealer and verifier must).
 */
export function withTriggersOff(url: string): string {
  const tampering = new URL(url);
  tampering.searchParams.set('options', '-c session_replication_role=replica');
  return tampering.toString();
}

/**
 * A new login role with a password of its own, holding no privileges yet (as the
 * embedded server's application role starts), and the database URL as that role.
 */
export async function createLoginRole(url: string, purpose: string): Promise<{ role: string; url: string }> {
  const role = `role_${purpose.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomUUID().slice(0, 8)}`;
  const password = randomUUID();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create role ${role} login password '${password}'`);
  } finally {
    await client.end();
  }
  const asRole = new URL(url);
  asRole.username = role;
  asRole.password = password;
  return { role, url: asRole.toString() };
}

/** How many events the store of `url` holds: "nothing stored" checks compare it before and after. */
export async function countStoredEvents(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query('select count(*) as count from event_store.events')).rows[0].count);
  } finally {
    await client.end();
  }
}
