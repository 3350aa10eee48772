// The part of a catalog that goes to the browser. Server components translate on the server from
// the whole catalog (i18n/request.ts); client components translate from the messages that the root
// layout's NextIntlClientProvider hands them, and whatever it hands them is serialised into every
// page's RSC payload and inlined, escaped, in every page's HTML. The whole catalog (about 95 KB in
// English) made up most of each page's bytes and of the CPU spent writing them; this is the subset
// that client code reads.
//
// The list names every namespace that a client component passes to useTranslations: files with
// 'use client', and every file they import, which runs in the browser too even without the
// directive. tests/web-client-messages.test.ts finds those namespaces in the sources and fails
// when this list misses one (a client component would show its keys instead of its words) or
// names one no client code reads any more. A nested namespace ('settings.delete') sends only that
// part of its parent.

export const CLIENT_NAMESPACES = [
  'account',
  'admin',
  'apiKeys',
  'audit',
  'auth',
  'billing',
  'common',
  'errors.error',
  'members',
  'notifications',
  'projects',
  'settings.delete',
  'settings.logo',
  'settings.rename',
  'shell',
  'ui',
  'webhooks.create',
  'webhooks.deliveries',
  'webhooks.table',
  'workspaces.create',
] as const;

export type Catalog = { [key: string]: string | Catalog };

const picked = new WeakMap<Catalog, Catalog>();

/**
 * The namespaces in `namespaces` from `catalog`, nested as in the catalog. Computed once per
 * catalog object: a locale's catalog is one module, so each request reuses the same subset.
 */
export function clientMessages(catalog: Catalog, namespaces: readonly string[] = CLIENT_NAMESPACES): Catalog {
  const cached = namespaces === CLIENT_NAMESPACES ? picked.get(catalog) : undefined;
  if (cached) return cached;
  const subset: Catalog = {};
  for (const namespace of namespaces) {
    const keys = namespace.split('.');
    const last = keys.pop()!;
    let from: string | Catalog | undefined = catalog;
    let into = subset;
    for (const key of keys) {
      from = typeof from === 'object' ? from[key] : undefined;
      const next: string | Catalog = (into[key] ??= {});
      if (typeof next === 'string') break;
      into = next;
    }
    const value = typeof from === 'object' ? from[last] : undefined;
    if (value !== undefined) into[last] = value;
  }
  if (namespaces === CLIENT_NAMESPACES) picked.set(catalog, subset);
  return subset;
}
