import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { findMembership } from '../../../../lib/workspace-context';
import { RememberWorkspace } from './remember-workspace';

/**
 * Everything under /w/[slug]: only for members of that workspace (404 for everyone else, exactly
 * as for a workspace that does not exist). Pages check again with the same cached lookup, because
 * a layout does not re-run on client navigation; they also send signed-out visitors to sign in,
 * with their own path to come back to.
 */
export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const membership = await findMembership(slug);
  if (membership === 'not-member') notFound();
  if (membership === 'signed-out') return children;
  return (
    <>
      <RememberWorkspace slug={membership.workspace.slug} />
      {children}
    </>
  );
}
