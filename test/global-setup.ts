import { recreateDatabase, TEST_DATABASE_URL } from './support/test-env';

/** Starts every run on an empty test database, so no test can lean on leftovers of another run. */
export default async function globalSetup(): Promise<void> {
  await recreateDatabase(new URL(TEST_DATABASE_URL).pathname.slice(1));
}
