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
