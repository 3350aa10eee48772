'use client';

import { useMemo, type ReactNode } from 'react';
import { NextIntlClientProvider, useLocale, useMessages } from 'next-intl';
import { mergeMessages, type Catalog } from './client-messages';

/**
 * The client side of <ClientMessages>: a provider with the messages of the scopes around it plus
 * `messages`. The locale, time zone and formats are the outer provider's (the root layout's).
 */
export function ClientMessagesScope({ messages, children }: { messages: Catalog; children: ReactNode }) {
  const outer = useMessages() as Catalog;
  const locale = useLocale();
  const merged = useMemo(() => mergeMessages(outer, messages), [outer, messages]);
  return (
    <NextIntlClientProvider locale={locale} messages={merged}>
      {children}
    </NextIntlClientProvider>
  );
}
