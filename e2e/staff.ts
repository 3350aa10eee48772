import pg from 'pg';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PlanKey } from '@plinth/core/billing';
import { DEV_AUTH_SECRET } from '@plinth/core/env';
import { enrollTotpForTesting } from '@plinth/core/staff';
import { createDatabase } from '@plinth/db';
import { grantPlan } from '@plinth/testing';
import type { DevServer } from './dev-server';
import { totp } from './totp';

/** The TOTP secret (base32) makeStaff enrols: signInAsStaff computes codes from it. */
export const E2E_STAFF_TOTP_SECRET = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';

/**
 * Makes someone staff the way an operator would today: straight in the database (there is no UI
 * for granting staff, by design), and — as the staff console requires — with a TOTP second factor
 * enrolled (E2E_STAFF_TOTP_SECRET, encrypted with the dev server's development auth secret), unless
 * `twoFactor: false`. Uses the dev server's embedded Postgres as its owner, with the password its
 * cluster was given (`<PLINTH_DATA_DIR>/postgres.password`, as the banner's psql line reads it).
 */
export async function makeStaff(
  server: DevServer,
  email: string,
  options: { twoFactor?: boolean } = {},
): Promise<void> {
  const client = new pg.Client({ connectionString: server.ownerUrl() });
  await client.connect();
  let userId: string;
  try {
    const result = await client.query<{ id: string }>(
      `UPDATE "user" SET role = 'admin', email_verified = true WHERE email = $1 RETURNING id`,
      [email],
    );
    expect(result.rowCount).toBe(1);
    userId = result.rows[0]!.id;
  } finally {
    await client.end();
  }
  if (options.twoFactor === false) return;
  const database = createDatabase(server.ownerUrl());
  try {
    await enrollTotpForTesting(database, DEV_AUTH_SECRET, userId, E2E_STAFF_TOTP_SECRET);
  } finally {
    await database.close();
  }
}

/** Codes already typed in this run: each TOTP code works once, so the next sign-in takes the next one. */
const usedCodes = new Set<string>();

/**
 * Signs a staff member (made by makeStaff) in through the real pages: email and password, then the
 * TOTP step with a code computed from E2E_STAFF_TOTP_SECRET, landing on `next`.
 */
export async function signInAsStaff(
  page: Page,
  server: DevServer,
  staff: { email: string; password: string; next: string },
): Promise<void> {
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(staff.next)}`, {
    waitUntil: 'networkidle',
  });
  await page.getByLabel('Email').fill(staff.email);
  await page.getByLabel('Password').fill(staff.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in/two-factor');
  let code = totp(E2E_STAFF_TOTP_SECRET);
  if (usedCodes.has(code)) code = totp(E2E_STAFF_TOTP_SECRET, { stepOffset: 1 });
  usedCodes.add(code);
  await page.getByLabel('Authentication code').fill(code);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await page.waitForURL((url) => url.pathname === staff.next);
}

/** Puts a workspace on a plan as a completed billing sync would, in the dev server's database. */
export async function grantPlanOn(server: DevServer, slug: string, plan: PlanKey): Promise<void> {
  const database = createDatabase(server.ownerUrl());
  try {
    const rows = await database.pool.query<{ id: string }>('SELECT id FROM workspace WHERE slug = $1', [
      slug,
    ]);
    expect(rows.rowCount).toBe(1);
    await grantPlan(database, { workspace: { id: rows.rows[0]!.id }, plan });
  } finally {
    await database.close();
  }
}
