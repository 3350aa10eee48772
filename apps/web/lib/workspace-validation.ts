// Client-side checks that mirror core's zod schemas (tenancy/schemas.ts, projects/schemas.ts), for
// instant feedback only: the server decides, and its `fields` are shown the same way.

export const SLUG_PATTERN = /^[a-z0-9-]{3,40}$/u;
export const SLUG_HINT = '3–40 lowercase letters, digits or hyphens.';

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

export function validateWorkspaceName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a name.';
  if (trimmed.length > 80) return 'Use at most 80 characters.';
  return undefined;
}

export function validateSlug(slug: string): string | undefined {
  const trimmed = slug.trim();
  if (trimmed === '') return 'Enter an address.';
  if (!SLUG_PATTERN.test(trimmed)) return `Use ${SLUG_HINT.charAt(0).toLowerCase()}${SLUG_HINT.slice(1)}`;
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
