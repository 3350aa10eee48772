import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { can, type Permission } from '@plinth/core/access';
import { findMembership } from './workspace-context';

/**
 * A workspace route's layout that answers 404 to a member whose role lacks `permission`. It sits
 * above the route's loading.tsx: a page behind a Suspense boundary answers 200 with the skeleton
 * before its own notFound() runs (a soft 404), while a layout renders before the boundary. The page
 * checks again (layouts do not re-run on client navigation). Signed out, not a member or suspended:
 * the workspace layout and the page answer those.
 */
export function permissionLayout(permission: Permission) {
  return async function PermissionLayout({
    children,
    params,
  }: {
    children: ReactNode;
    params: Promise<{ slug: string }>;
  }) {
    const membership = await findMembership((await params).slug);
    if (typeof membership === 'object' && !can(membership.actor, permission)) notFound();
    return children;
  };
}
