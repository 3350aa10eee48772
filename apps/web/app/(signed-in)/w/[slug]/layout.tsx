import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { can } from '@plinth/core/access';
import { PastDueBanner } from '../../../../components/billing/past-due-banner';
import { WorkspaceSuspended } from '../../../../components/workspaces/workspace-suspended';
import { findMembership, workspaceEntitlements } from '../../../../lib/workspace-context';
import { RememberWorkspace } from './remember-workspace';
import { ClientMessages } from '../../../../i18n/client-messages-provider';

/**
 * Everything under /w/[slug]: only for members of that workspace (404 for everyone else, exactly
 * as for a workspace that does not exist). Pages check again with the same cached lookup, because
 * a layout does not re-run on client navigation; they also send signed-out visitors to sign in,
 * with their own path to come back to. A suspended workspace shows its members the suspended page.
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
  // Suspended by staff: every page of it is the suspended page, for its members only.
  if (membership === 'suspended') return <WorkspaceSuspended />;
  const { actor, workspace } = membership;
  // Everyone in the workspace learns a payment failed (their work may stop soon); managers can act.
  // The page below reads the same entitlements through the same per-request cache.
  const { state } = await workspaceEntitlements(workspace.id);
  return (
    <>
      <RememberWorkspace slug={workspace.slug} />
      {state === 'grace' ? (
        <ClientMessages namespaces={['billing.pastDueBanner']}>
          <PastDueBanner slug={workspace.slug} canManage={can(actor, 'billing.manage')} />
        </ClientMessages>
      ) : null}
      {children}
    </>
  );
}
