import { hash, verify } from '@node-rs/argon2';
import { loadEnv, type Env } from '../env/index';

// Algorithm.Argon2id; the package declares it as a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~25 ms on this machine's cores, which is
// what a sign-in can afford and an offline attacker cannot.
const PRODUCTION = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
// Test runs only: the same algorithm at its floor (64 KiB, 1 pass), ~0.1 ms. A test suite that signs
// up hundreds of people spent most of its CPU here; verification reads the parameters from the
// stored hash, so a cheap hash verifies cheaply and a production hash still verifies.
const TEST_ONLY = { algorithm: ARGON2ID, memoryCost: 64, timeCost: 1, parallelism: 1 };

let options = PRODUCTION;

/**
 * Switches hashing between the production parameters and the cheap test-only ones, with
 * NODE_ENV=test only (it throws under any other, so no server can be talked into cheap hashes).
 * `npm test` turns the cheap ones on for every file (tests/fast-password-hashing.ts); the tests
 * about hashing switch back to production.
 */
export function setPasswordHashingForTests(
  mode: 'fast' | 'production',
  env: Pick<Env, 'nodeEnv'> = loadEnv(),
): void {
  if (env.nodeEnv !== 'test') throw new Error('setPasswordHashingForTests is for NODE_ENV=test only');
  options = mode === 'fast' ? TEST_ONLY : PRODUCTION;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }) {
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a 500
  }
}
