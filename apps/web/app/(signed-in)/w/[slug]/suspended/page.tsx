import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { WorkspaceSuspended } from '../../../../../components/workspaces/workspace-suspended';
import { findMembership } from '../../../../../lib/workspace-context';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings');
  return { title: t('suspendedMetaTitle') };
}

/**
 * Where a page of a suspended workspace sends its member on a client navigation (requireMember);
 * a full load shows the same from the layout. Anyone else: as for any page of the workspace.
 */
export default async function SuspendedPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const membership = await findMembership(slug);
  if (membership === 'signed-out') redirect(`/sign-in?next=${encodeURIComponent(`/w/${slug}`)}`);
  if (membership === 'not-member') notFound();
  if (membership !== 'suspended') redirect(`/w/${encodeURIComponent(slug)}`);
  return <WorkspaceSuspended />;
}
