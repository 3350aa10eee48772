import type { ReactNode } from 'react';
import { ClientMessages } from '../../i18n/client-messages-provider';
import { getSession } from '../../lib/session';
import { SignedInShell } from './shell';

/**
 * Every signed-in page: the shell (./shell.tsx) for a signed-in person, and the catalog
 * namespaces that its client components read, which the pages' client components read as well
 * (a page's own scope adds only what the shell's lacks). Without a session the page alone: it
 * sends the visitor to sign in.
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  return (
    <ClientMessages namespaces={['notifications', 'shell', 'ui', 'workspaces.create']}>
      {session ? <SignedInShell session={session}>{children}</SignedInShell> : children}
    </ClientMessages>
  );
}
