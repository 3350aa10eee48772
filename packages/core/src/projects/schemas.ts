import { z } from 'zod';
import { multiLineText, singleLineText } from '../text/index';

const name = singleLineText({ min: 1, max: 120, minMessage: 'Enter a name.' });
const description = multiLineText({ max: 2000 }).nullable();

export const createProjectInput = z.strictObject({ name, description: description.optional() });
export type CreateProjectInput = z.input<typeof createProjectInput>;

export const updateProjectInput = z
  .strictObject({ name: name.optional(), description: description.optional() })
  .refine((value) => value.name !== undefined || value.description !== undefined, {
    message: 'Change at least one field.',
  });
export type UpdateProjectInput = z.input<typeof updateProjectInput>;

export const listProjectsInput = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(/^[0-9a-f-]{36}$/, 'Invalid cursor.')
    .optional(),
});
export type ListProjectsInput = z.input<typeof listProjectsInput>;

export const projectId = z.uuid('Invalid project id.');
