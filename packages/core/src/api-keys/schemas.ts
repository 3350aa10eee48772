import { z } from 'zod';
import { permissionsList, type Permission } from '../access/index';
import { singleLineText } from '../text/index';

/**
 * Permissions a key may carry: every one but `workspace.transfer`, which hands over the creator's
 * own ownership — an act of a person, not of a credential.
 */
export const apiKeyScopes = permissionsList.filter((permission) => permission !== 'workspace.transfer');

export const apiKeyScope = z.enum(apiKeyScopes as [Permission, ...Permission[]], {
  error: 'Not a scope an API key can hold.',
});

export const createApiKeyInput = z.strictObject({
  name: singleLineText({ min: 1, max: 100, minMessage: 'Name the key.' }),
  scopes: z
    .array(apiKeyScope)
    .min(1, 'Choose at least one scope.')
    .max(apiKeyScopes.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, 'List each scope once.'),
  /** A Date, or an ISO 8601 string from a form or JSON; in the future, at most 5 years out. */
  expiresAt: z.coerce
    .date('Use an ISO 8601 date-time.')
    .refine((date) => date.getTime() > Date.now(), 'Choose a time in the future.')
    .refine((date) => date.getTime() < Date.now() + 5 * 366 * 86_400_000, 'At most five years ahead.')
    .nullish(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const listApiKeysInput = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.uuid('Invalid cursor.').optional(),
});
export type ListApiKeysInput = z.input<typeof listApiKeysInput>;

export const apiKeyId = z.uuid('Invalid API key id.');
