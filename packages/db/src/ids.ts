import { randomBytes } from 'node:crypto';

/** The last id's millisecond and its 12-bit counter (`rand_a`), so ids made in one process never go back. */
let lastMs = -1;
let counter = 0;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter, then random bits.
 * Ids sort by creation time, so b-tree inserts stay at the right edge of the index instead of
 * scattering like v4, and lists ordered by id (the audit log, cursors) follow the order of creation.
 *
 * Within one process the ids are strictly increasing (RFC 9562 §6.2, method 1): a new millisecond
 * seeds the counter at random in its lower half; another id in the same millisecond — or after the
 * clock stepped back — takes the next counter value; a counter that runs out moves on to the next
 * millisecond. Ids from different processes are ordered only by their millisecond.
 * Postgres 18 has uuidv7(); we generate in the app so Postgres 15–17 behave the same.
 */
export function uuidv7(): string {
  const bytes = randomBytes(16);
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = bytes.readUInt16BE(6) & 0x7ff;
  } else if (counter < 0xfff) {
    counter += 1;
  } else {
    lastMs += 1;
    counter = bytes.readUInt16BE(6) & 0x7ff;
  }
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes.writeUInt16BE(0x7000 | counter, 6);
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
