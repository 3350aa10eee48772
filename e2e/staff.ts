import pg from 'pg';
import { expect } from 'vitest';
import type { DevServer } from './dev-server';

/**
 * Makes someone staff the way an operator would today: straight in the database (there is no UI
 * for granting staff, by design). Uses the dev server's embedded Postgres, whose port the banner
 * prints; the owner role's password is the documented development one.
 */
export async function makeStaff(server: DevServer, email: string): Promise<void> {
  const port = /embedded Postgres in .* \(port (\d+)\)/u.exec(server.output())?.[1];
  if (!port) throw new Error('The dev server did not print its embedded Postgres port.');
  const client = new pg.Client({
    connectionString: `postgres://postgres:plinth-dev@127.0.0.1:${port}/plinth`,
  });
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
