import { startPrivatePostgres, type PrivatePostgres } from './private-postgres';

declare global {
  var __testPostgres: PrivatePostgres | undefined;
}

/**
 * One PostgreSQL for the whole test run: started here, once, from the npm
 * package's binaries (or taken from TEST_DATABASE_URL). Each test file then
 * creates its own database in it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  globalThis.__testPostgres = await startPrivatePostgres();
  process.env.TEST_DATABASE_URL = globalThis.__testPostgres.url;
}
