import { z } from '@hono/zod-openapi';

/** A timestamp in a response: an ISO 8601 string in UTC. */
export const timestamp = () => z.iso.datetime().openapi({ example: '2026-01-31T12:00:00.000Z' });

export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
