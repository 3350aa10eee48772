import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { user } from '@plinth/db';
import type { HttpClient, TestDatabase } from '@plinth/testing';
import type { IdentityApp } from '../identity/identity-app';

export const PASSWORD = 'violet-harbor-71-quietly';

export interface Person {
  id: string;
  email: string;
  client: HttpClient;
}

let counter = 0;

/** A real person: signed up, verified through the mailed link, signed in — all over HTTP. */
export async function signedInPerson(app: IdentityApp, testDb: TestDatabase, label: string): Promise<Person> {
  const email = `${label}-${++counter}-${Date.now()}@example.test`;
  const client = app.client();
  const signUp = await client.post('/api/auth/sign-up/email', { email, password: PASSWORD, name: label });
  expect(signUp.status).toBe(200);
  expect((await client.get(app.linkIn(await app.mailTo(email)))).status).toBe(302);
  const [row] = await testDb.owner.db.select({ id: user.id }).from(user).where(eq(user.email, email));
  return { id: row!.id, email, client };
}
