// Client-side checks that mirror core's zod schemas (tenancy/schemas.ts, projects/schemas.ts), for
// instant feedback only: the server decides, and its `fields` are shown the same way.

const SLUG_PATTERN = /^[a-z0-9-]{3,40}$/u;

/** Core's bound on a workspace name (tenancy/schemas.ts). */
export const WORKSPACE_NAME_MAX = 80;

/** "Acme Inc." → "acme-inc": a workspace address suggested from its name. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 40)
    .replace(/-+$/u, '');
}

/** What is wrong with a workspace name, as a catalog key (the forms word it with WORKSPACE_NAME_MAX). */
export function workspaceNameProblem(name: string): 'nameRequired' | 'nameMax' | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'nameRequired';
  if (trimmed.length > WORKSPACE_NAME_MAX) return 'nameMax';
  return undefined;
}

/** What is wrong with a workspace address (3–40 lowercase letters, digits or hyphens), as a catalog key. */
export function slugProblem(slug: string): 'slugRequired' | 'slugInvalid' | undefined {
  const trimmed = slug.trim();
  if (trimmed === '') return 'slugRequired';
  if (!SLUG_PATTERN.test(trimmed)) return 'slugInvalid';
  return undefined;
}

export const PROJECT_NAME_MAX = 120;
export const PROJECT_DESCRIPTION_MAX = 2000;

/** What is wrong with a project name, as a key of projects.create in the catalogs. */
export function projectNameProblem(name: string): 'nameRequired' | 'nameMax' | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'nameRequired';
  if (trimmed.length > PROJECT_NAME_MAX) return 'nameMax';
  return undefined;
}
