import { initials } from './upload-to-storage';
import { findMembership } from './workspace-context';

// The workspace share card (docs/decisions/0040-workspace-share-card-for-members-only.md): a
// workspace is private, so its card shows its name only to its members. Everyone else — signed
// out, a member of other workspaces, a slug that names nothing, a suspended workspace — gets the
// same generic card and page, so a slug cannot be probed for a workspace's existence or name.

export interface ShareCard {
  name: string;
  initials: string;
}

/** The workspace's card for the person asking, or null for anyone who may not see it. */
export async function shareCardFor(slug: string): Promise<ShareCard | null> {
  const membership = await findMembership(slug);
  if (typeof membership === 'string') return null;
  return { name: membership.workspace.name, initials: initials(membership.workspace.name) };
}

/**
 * Every answer of the card depends on the cookie: never stored by a shared cache (a CDN would hand
 * a member's card to the next outsider), and the generic one carries the same headers.
 */
export const shareCardHeaders = { 'cache-control': 'private, no-store', vary: 'Cookie' } as const;
