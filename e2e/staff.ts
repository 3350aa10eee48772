import pg from 'pg';
import { expect } from 'vitest';
import type { DevServer } from './dev-server';

/**
 * Makes someone staff the way an operator would today: straight in the database (there is no UI
 * for granting staff, by design). Uses the dev server's embedded Postgres as its owner, with the
 * password its cluster was given (`<PLINTH_DATA_DIR>/postgres.password`, as the banner's psql line
 * reads it).
 */
export async function makeStaff(server: DevServer, email: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.ownerUrl() });
  await client.connect();
  try {
    const result = await client.query(
      `UPDATE "user" SET role = 'admin', email_verified = true WHERE email = $1`,
      [email],
    );
    expect(result.rowCount).toBe(1);
  } finally {
    await client.end();
  }
}
