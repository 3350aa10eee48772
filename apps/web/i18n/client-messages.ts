import type { Messages, NamespaceKeys, NestedKeyOf } from 'next-intl';

// The parts of a catalog that go to the browser. Server components translate on the server from
// the whole catalog (i18n/request.ts); client components translate from the messages their
// nearest provider hands them, and whatever a provider hands over is serialised into the page's
// RSC payload, escaped into its HTML, and parsed again while rendering, on every request. So no
// provider hands over the catalog: each route segment that renders client components wraps them in
// <ClientMessages namespaces={[…]}> (i18n/client-messages-provider.tsx) with the namespaces they
// read, and a scope adds its namespaces to those of the scopes around it (the root layout's,
// the signed-in layout's, …). A page sends the namespaces of its own segments, not of every page.
//
// tests/web-client-messages.test.ts follows, from every page, layout and boundary of the app, the
// imports down to the client components they render, and fails when one of them asks
// useTranslations for a namespace that no scope around it hands over (it would show its keys
// instead of its words), or when a scope hands over a namespace that nothing under it reads or
// that a scope around it already hands over. A nested namespace ('settings.delete') sends only that
// part of its parent.

export type Catalog = { [key: string]: string | Catalog };

/** A namespace of the English catalog, as useTranslations takes it: 'projects', 'projects.list'. */
export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

const picked = new WeakMap<Catalog, Map<string, Catalog>>();

/**
 * The namespaces in `namespaces` from `catalog`, nested as in the catalog. Computed once per
 * catalog and list: a locale's catalog is one module, so every request reuses the same subset.
 */
export function pickMessages(catalog: Catalog, namespaces: readonly string[]): Catalog {
  const key = namespaces.join('\n');
  let byList = picked.get(catalog);
  const cached = byList?.get(key);
  if (cached) return cached;
  const subset: Catalog = {};
  for (const namespace of namespaces) {
    const keys = namespace.split('.');
    const last = keys.pop()!;
    let from: string | Catalog | undefined = catalog;
    let into = subset;
    for (const part of keys) {
      from = typeof from === 'object' ? from[part] : undefined;
      const next: string | Catalog = (into[part] ??= {});
      if (typeof next === 'string') break;
      into = next;
    }
    const value = typeof from === 'object' ? from[last] : undefined;
    if (value !== undefined) into[last] = value;
  }
  if (!byList) picked.set(catalog, (byList = new Map()));
  byList.set(key, subset);
  return subset;
}

/**
 * `outer` with `inner` added: nested objects are merged (one scope may hand over 'billing.picker'
 * and another 'billing.upgradePrompt'); neither argument is changed.
 */
export function mergeMessages(outer: Catalog, inner: Catalog): Catalog {
  const merged: Catalog = { ...outer };
  for (const [key, value] of Object.entries(inner)) {
    const existing = merged[key];
    merged[key] =
      typeof existing === 'object' && typeof value === 'object' ? mergeMessages(existing, value) : value;
  }
  return merged;
}
