import type { ReactNode } from 'react';
import { getMessages } from 'next-intl/server';
import { pickMessages, type Catalog, type Namespace } from './client-messages';
import { ClientMessagesScope } from './client-messages-scope';

/**
 * Hands the client components inside it the catalog namespaces `namespaces`, in the request's
 * locale, on top of what the scopes around it hand over (i18n/client-messages.ts). Name them
 * literally: tests/web-client-messages.test.ts reads them from the source.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly Namespace[];
  children: ReactNode;
}) {
  const messages = pickMessages((await getMessages()) as Catalog, namespaces);
  return <ClientMessagesScope messages={messages}>{children}</ClientMessagesScope>;
}
