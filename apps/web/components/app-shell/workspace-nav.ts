import { useParams } from 'next/navigation';

/** A workspace as the app chrome shows it (from listMyWorkspaces, rendered by the layout). */
export interface WorkspaceLink {
  name: string;
  slug: string;
  role: 'owner' | 'admin' | 'member' | 'viewer';
  /** The resized logo's URL; null shows the initial. */
  logo?: string | null;
}

/**
 * The workspace the chrome points at: the one in the URL (/w/[slug]/…), else the one last
 * opened (cookie), else none. Only for links and labels; pages resolve the membership themselves.
 */
export function useCurrentWorkspace(
  workspaces: WorkspaceLink[],
  rememberedSlug: string | null,
): WorkspaceLink | undefined {
  const params = useParams<{ slug?: string }>();
  const slug = typeof params?.slug === 'string' ? params.slug : rememberedSlug;
  return workspaces.find((workspace) => workspace.slug === slug);
}
