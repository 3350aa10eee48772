import type Stripe from 'stripe';
import type { FakeStripeEngine, ItemChange, ProrationBehavior, SubscriptionChange } from './engine';
import { buildPrice, buildProduct, defaultPortalFeatures } from './objects';
import {
  allowOnly,
  asObject,
  mergeMetadata,
  nullableString,
  optionalArray,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
  optionalStringArray,
  requiredString,
  type FormObject,
  type FormValue,
} from './params';
import {
  clone,
  FakeStripeError,
  invalid,
  missing,
  newId,
  type WireCheckoutLineItem,
  type WireCustomer,
  type WireList,
  type WireObject,
  type WirePortalConfiguration,
  type WirePrice,
  type WireProduct,
} from './wire';

export interface ApiRequest {
  method: string;
  path: string;
  pathParams: Record<string, string>;
  params: FormObject;
}

type Handler = (engine: FakeStripeEngine, request: ApiRequest) => unknown;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

const routes: Route[] = [];

function route(method: string, path: string, handler: Handler): void {
  const names: string[] = [];
  const pattern = new RegExp(
    `^${path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}$`,
  );
  routes.push({ method, pattern, names, handler });
}

/** Finds the handler for `METHOD /v1/...`, or throws Stripe's 404 for anything the fake lacks. */
export function handleApi(
  engine: FakeStripeEngine,
  method: string,
  path: string,
  params: FormObject,
): unknown {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const pathParams: Record<string, string> = {};
    candidate.names.forEach((name, index) => {
      pathParams[name] = decodeURIComponent(match[index + 1]!);
    });
    const result = candidate.handler(engine, { method, path, pathParams, params });
    const expand = optionalStringArray(params, 'expand') ?? [];
    return expandPaths(engine, result, expand);
  }
  throw new FakeStripeError(
    404,
    'invalid_request_error',
    `Unrecognized request URL (${method} ${path}). The fake Stripe implements only the endpoints Plinth uses.`,
  );
}

// ---- lists and expansion -----------------------------------------------------------------------

const PAGINATION = ['limit', 'starting_after', 'ending_before'];

/** Stripe's cursor pagination over a newest-first array. */
function list<T extends { id: string }>(items: T[], params: FormObject, url: string): WireList<T> {
  const limit = optionalInteger(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) throw invalid('Invalid limit: must be between 1 and 100', 'limit');
  const startingAfter = optionalString(params, 'starting_after');
  const endingBefore = optionalString(params, 'ending_before');
  if (startingAfter && endingBefore) {
    throw invalid(
      'You may only specify one of these parameters: starting_after, ending_before.',
      'ending_before',
    );
  }
  const rendered = (slice: T[]) => slice.map((item) => clone(item));
  if (startingAfter) {
    const index = items.findIndex((item) => item.id === startingAfter);
    if (index < 0) throw missing('object', startingAfter, 'starting_after');
    const page = items.slice(index + 1, index + 1 + limit);
    return { object: 'list', data: rendered(page), has_more: index + 1 + limit < items.length, url };
  }
  if (endingBefore) {
    const index = items.findIndex((item) => item.id === endingBefore);
    if (index < 0) throw missing('object', endingBefore, 'ending_before');
    const start = Math.max(0, index - limit);
    return { object: 'list', data: rendered(items.slice(start, index)), has_more: start > 0, url };
  }
  return { object: 'list', data: rendered(items.slice(0, limit)), has_more: items.length > limit, url };
}

function newestFirst<T>(values: Iterable<T>): T[] {
  return [...values].reverse();
}

/** `created[gt]=…` style filters (also a bare `created=…`). */
function createdFilter(params: FormObject, key = 'created'): (created: number) => boolean {
  const value = params[key];
  if (value === undefined) return () => true;
  if (typeof value === 'string') {
    const exact = optionalInteger(params, key);
    return (created) => created === exact;
  }
  const range = asObject(value, key);
  allowOnly(range, ['gt', 'gte', 'lt', 'lte'], key);
  const bound = (name: string) => optionalInteger(range, name, `${key}[${name}]`);
  const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')];
  return (created) =>
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte);
}

/**
 * `expand[]`: each dotted path replaces an id with its object (`customer`, `latest_invoice`,
 * `data.items.data.price.product`, `parent.subscription_details.subscription`…); `data.` walks
 * into list pages. A path through something that is not an id fails like Stripe.
 */
function expandPaths(engine: FakeStripeEngine, result: unknown, paths: string[]): unknown {
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.filter((segment) => segment !== 'data').length > 4) {
      throw invalid(`You cannot expand more than 4 levels of a property. Property: ${path}`, 'expand');
    }
    expandInto(engine, result, segments, path);
  }
  return result;
}

function expandInto(engine: FakeStripeEngine, node: unknown, segments: string[], path: string): void {
  if (segments.length === 0 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const element of node) expandInto(engine, element, segments, path);
    return;
  }
  const record = node as Record<string, unknown>;
  const [head, ...rest] = segments as [string, ...string[]];
  if (record.object === 'list' && head === 'data') {
    expandInto(engine, record.data, rest, path);
    return;
  }
  if (record.object === 'checkout.session' && head === 'line_items') {
    record.line_items = checkoutLineItems(engine, record.id as string, {});
    expandInto(engine, record.line_items, rest, path);
    return;
  }
  let value = record[head];
  if (typeof value === 'string') {
    const found = engine.find(value);
    if (!found) throw invalid(`This property cannot be expanded (${path}).`, 'expand');
    value = engine.render(found);
    record[head] = value;
  } else if (value === undefined) {
    throw invalid(`This property cannot be expanded (${path}).`, 'expand');
  }
  expandInto(engine, value, rest, path);
}

function checkoutLineItems(
  engine: FakeStripeEngine,
  sessionId: string,
  params: FormObject,
): WireList<WireCheckoutLineItem> {
  const session = engine.checkoutSessionOrThrow(sessionId);
  const items: WireCheckoutLineItem[] = engine.checkoutLines(sessionId).map((line, index) => {
    const price = engine.priceOrThrow(line.price);
    const amount = (price.unit_amount ?? 0) * line.quantity;
    return {
      id: `li_${session.id.slice(8, 30)}${index}`,
      object: 'item',
      adjustable_quantity: null,
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency: price.currency,
      description: engine.productName(price),
      metadata: {},
      price: clone(price),
      quantity: line.quantity,
    };
  });
  return list(items, params, `/v1/checkout/sessions/${sessionId}/line_items`);
}

function render<T extends WireObject>(engine: FakeStripeEngine, object: T): T {
  return engine.render(object);
}

// ---- customers ---------------------------------------------------------------------------------

const CUSTOMER_FIELDS = ['email', 'name', 'description', 'phone', 'metadata', 'preferred_locales'];

route('POST', '/v1/customers', (engine, { params }) => {
  allowOnly(params, CUSTOMER_FIELDS);
  const customer = engine.createCustomer({
    created: engine.now(),
    email: nullableString(params, 'email') ?? null,
    name: nullableString(params, 'name') ?? null,
    description: nullableString(params, 'description') ?? null,
    phone: nullableString(params, 'phone') ?? null,
    metadata: mergeMetadata({}, params),
    preferredLocales: optionalStringArray(params, 'preferred_locales') ?? [],
  });
  return render(engine, customer);
});

route('GET', '/v1/customers/:id', (engine, { pathParams, params }) => {
  allowOnly(params, []);
  return render(engine, engine.customerOrThrow(pathParams.id!));
});

route('POST', '/v1/customers/:id', (engine, { pathParams, params }) => {
  allowOnly(params, CUSTOMER_FIELDS);
  const customer = engine.customerOrThrow(pathParams.id!);
  const before = clone(customer);
  for (const key of ['email', 'name', 'description', 'phone'] as const) {
    const value = nullableString(params, key);
    if (value !== undefined) customer[key] = value;
  }
  customer.metadata = mergeMetadata(customer.metadata, params);
  const locales = optionalStringArray(params, 'preferred_locales');
  if (locales) customer.preferred_locales = locales;
  if (JSON.stringify(before) !== JSON.stringify(customer)) engine.emit('customer.updated', customer, before);
  return render(engine, customer);
});

route('GET', '/v1/customers', (engine, { params }) => {
  allowOnly(params, [...PAGINATION, 'email', 'created']);
  const email = optionalString(params, 'email');
  const created = createdFilter(params);
  const matches = newestFirst(engine.customers.values()).filter(
    (customer: WireCustomer) =>
      (email === undefined || customer.email === email) && created(customer.created),
  );
  return list(matches, params, '/v1/customers');
});

// ---- products ----------------------------------------------------------------------------------

function marketingFeatures(params: FormObject): string[] | undefined {
  const features = params.marketing_features;
  if (features === undefined) return undefined;
  if (features === '') return [];
  return (optionalArray(params, 'marketing_features') ?? []).map((feature, index) =>
    requiredString(
      asObject(feature, `marketing_features[${index}]`),
      'name',
      `marketing_features[${index}][name]`,
    ),
  );
}

route('POST', '/v1/products', (engine, { params }) => {
  allowOnly(params, ['id', 'name', 'description', 'active', 'metadata', 'marketing_features']);
  const id = optionalString(params, 'id');
  if (id && engine.products.has(id))
    throw invalid(`Product already exists.`, 'id', 'resource_already_exists');
  const product = buildProduct({
    id,
    created: engine.now(),
    name: requiredString(params, 'name'),
    description: nullableString(params, 'description') ?? null,
    active: optionalBoolean(params, 'active') ?? true,
    metadata: mergeMetadata({}, params),
    marketingFeatures: marketingFeatures(params) ?? [],
  });
  engine.products.set(product.id, product);
  engine.emit('product.created', product);
  return render(engine, product);
});

route('GET', '/v1/products/:id', (engine, { pathParams, params }) => {
  allowOnly(params, []);
  const product = engine.products.get(pathParams.id!);
  if (!product) throw missing('product', pathParams.id!);
  return render(engine, product);
});

route('POST', '/v1/products/:id', (engine, { pathParams, params }) => {
  allowOnly(params, ['name', 'description', 'active', 'metadata', 'marketing_features', 'default_price']);
  const product = engine.products.get(pathParams.id!);
  if (!product) throw missing('product', pathParams.id!);
  const before = clone(product);
  const name = optionalString(params, 'name');
  if (name !== undefined) {
    if (name === '') throw invalid('You cannot unset the name of a product.', 'name');
    product.name = name;
  }
  const description = nullableString(params, 'description');
  if (description !== undefined) product.description = description;
  const active = optionalBoolean(params, 'active');
  if (active !== undefined) product.active = active;
  product.metadata = mergeMetadata(product.metadata, params);
  const features = marketingFeatures(params);
  if (features) product.marketing_features = features.map((featureName) => ({ name: featureName }));
  const defaultPrice = nullableString(params, 'default_price');
  if (defaultPrice !== undefined) {
    if (defaultPrice !== null && engine.priceOrThrow(defaultPrice, 'default_price').product !== product.id) {
      throw invalid('The default price must belong to this product.', 'default_price');
    }
    product.default_price = defaultPrice;
  }
  if (JSON.stringify(before) !== JSON.stringify(product)) {
    product.updated = engine.now();
    engine.emit('product.updated', product, before);
  }
  return render(engine, product);
});

route('GET', '/v1/products', (engine, { params }) => {
  allowOnly(params, [...PAGINATION, 'active', 'ids', 'created']);
  const active = optionalBoolean(params, 'active');
  const ids = optionalStringArray(params, 'ids');
  const created = createdFilter(params);
  const matches = newestFirst(engine.products.values()).filter(
    (product: WireProduct) =>
      (active === undefined || product.active === active) &&
      (!ids || ids.includes(product.id)) &&
      created(product.created),
  );
  return list(matches, params, '/v1/products');
});

// ---- prices ------------------------------------------------------------------------------------

const INTERVALS = ['day', 'week', 'month', 'year'] as const;
const TAX_BEHAVIORS = ['exclusive', 'inclusive', 'unspecified'] as const;

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  param: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalid(`Invalid ${param}: must be one of ${allowed.join(', ')}`, param);
  }
  return value as T;
}

/** Moves or claims a lookup key the way Stripe does (`transfer_lookup_key` or a 400). */
function claimLookupKey(
  engine: FakeStripeEngine,
  lookupKey: string,
  transfer: boolean,
  except?: string,
): void {
  for (const other of engine.prices.values()) {
    if (other.lookup_key !== lookupKey || other.id === except) continue;
    if (!transfer) {
      throw invalid(
        `A price (\`${other.id}\`) already uses that lookup key. Pass transfer_lookup_key=true to move it.`,
        'lookup_key',
      );
    }
    const before = clone(other);
    other.lookup_key = null;
    engine.emit('price.updated', other, before);
  }
}

route('POST', '/v1/prices', (engine, { params }) => {
  allowOnly(params, [
    'currency',
    'unit_amount',
    'product',
    'product_data',
    'recurring',
    'lookup_key',
    'transfer_lookup_key',
    'metadata',
    'nickname',
    'active',
    'tax_behavior',
  ]);
  const currency = requiredString(params, 'currency').toLowerCase();
  const unitAmount = optionalInteger(params, 'unit_amount');
  if (unitAmount === undefined)
    throw invalid('Missing required param: unit_amount.', 'unit_amount', 'parameter_missing');
  if (unitAmount < 0) throw invalid('unit_amount must be a non-negative integer.', 'unit_amount');
  let productId = optionalString(params, 'product');
  const productData = optionalObject(params, 'product_data');
  if (productId && productData)
    throw invalid('You may only specify one of these parameters: product, product_data.', 'product');
  if (productData) {
    allowOnly(productData, ['name', 'metadata', 'active'], 'product_data');
    const product = buildProduct({
      created: engine.now(),
      name: requiredString(productData, 'name', 'product_data[name]'),
      description: null,
      active: optionalBoolean(productData, 'active', 'product_data[active]') ?? true,
      metadata: mergeMetadata({}, productData),
      marketingFeatures: [],
    });
    engine.products.set(product.id, product);
    engine.emit('product.created', product);
    productId = product.id;
  }
  if (!productId) throw invalid('Missing required param: product.', 'product', 'parameter_missing');
  if (!engine.products.has(productId)) throw missing('product', productId, 'product');
  const recurringParams = optionalObject(params, 'recurring');
  let recurring: Parameters<typeof buildPrice>[0]['recurring'] = null;
  if (recurringParams) {
    allowOnly(
      recurringParams,
      ['interval', 'interval_count', 'trial_period_days', 'usage_type'],
      'recurring',
    );
    const interval = oneOf(
      requiredString(recurringParams, 'interval', 'recurring[interval]'),
      INTERVALS,
      'recurring[interval]',
    )!;
    const usage = optionalString(recurringParams, 'usage_type', 'recurring[usage_type]');
    if (usage && usage !== 'licensed')
      throw invalid('The fake Stripe supports only licensed (per-seat) prices.', 'recurring[usage_type]');
    recurring = {
      interval,
      interval_count: optionalInteger(recurringParams, 'interval_count', 'recurring[interval_count]') ?? 1,
      trial_period_days:
        optionalInteger(recurringParams, 'trial_period_days', 'recurring[trial_period_days]') ?? null,
    };
  }
  const lookupKey = nullableString(params, 'lookup_key') ?? null;
  const transfer = optionalBoolean(params, 'transfer_lookup_key') ?? false;
  const price = buildPrice({
    created: engine.now(),
    product: productId,
    currency,
    unitAmount,
    active: optionalBoolean(params, 'active') ?? true,
    lookupKey,
    nickname: nullableString(params, 'nickname') ?? null,
    metadata: mergeMetadata({}, params),
    recurring,
    taxBehavior:
      oneOf(optionalString(params, 'tax_behavior'), TAX_BEHAVIORS, 'tax_behavior') ?? 'unspecified',
  });
  if (lookupKey) claimLookupKey(engine, lookupKey, transfer);
  engine.prices.set(price.id, price);
  engine.emit('price.created', price);
  return render(engine, price);
});

route('GET', '/v1/prices/:id', (engine, { pathParams, params }) => {
  allowOnly(params, []);
  return render(engine, engine.priceOrThrow(pathParams.id!));
});

route('POST', '/v1/prices/:id', (engine, { pathParams, params }) => {
  allowOnly(params, ['active', 'lookup_key', 'transfer_lookup_key', 'metadata', 'nickname', 'tax_behavior']);
  const price = engine.priceOrThrow(pathParams.id!);
  const before = clone(price);
  const active = optionalBoolean(params, 'active');
  if (active !== undefined) price.active = active;
  const lookupKey = nullableString(params, 'lookup_key');
  if (lookupKey !== undefined) {
    if (lookupKey)
      claimLookupKey(engine, lookupKey, optionalBoolean(params, 'transfer_lookup_key') ?? false, price.id);
    price.lookup_key = lookupKey;
  }
  const nickname = nullableString(params, 'nickname');
  if (nickname !== undefined) price.nickname = nickname;
  const taxBehavior = oneOf(optionalString(params, 'tax_behavior'), TAX_BEHAVIORS, 'tax_behavior');
  if (taxBehavior) price.tax_behavior = taxBehavior;
  price.metadata = mergeMetadata(price.metadata, params);
  if (JSON.stringify(before) !== JSON.stringify(price)) engine.emit('price.updated', price, before);
  return render(engine, price);
});

route('GET', '/v1/prices', (engine, { params }) => {
  allowOnly(params, [...PAGINATION, 'active', 'product', 'lookup_keys', 'currency', 'type', 'created']);
  const active = optionalBoolean(params, 'active');
  const product = optionalString(params, 'product');
  const lookupKeys = optionalStringArray(params, 'lookup_keys');
  const currency = optionalString(params, 'currency');
  const type = optionalString(params, 'type');
  const created = createdFilter(params);
  const matches = newestFirst(engine.prices.values()).filter(
    (price: WirePrice) =>
      (active === undefined || price.active === active) &&
      (product === undefined || price.product === product) &&
      (!lookupKeys || (price.lookup_key !== null && lookupKeys.includes(price.lookup_key))) &&
      (currency === undefined || price.currency === currency) &&
      (type === undefined || price.type === type) &&
      created(price.created),
  );
  return list(matches, params, '/v1/prices');
});

// ---- billing portal ----------------------------------------------------------------------------

/** Applies form params onto a typed default, converting 'true'/'false' for the known flags. */
function mergeForm(target: Record<string, unknown>, params: FormObject, where: string): void {
  for (const [key, value] of Object.entries(params)) {
    const name = `${where}[${key}]`;
    if (!(key in target)) throw invalid(`Received unknown parameter: ${name}`, name, 'parameter_unknown');
    const current = target[key];
    if (typeof value === 'string') {
      if (typeof current === 'boolean') {
        if (value !== 'true' && value !== 'false') throw invalid(`Invalid boolean: ${value}`, name);
        target[key] = value === 'true';
      } else if (Array.isArray(current) && value === '') target[key] = [];
      else target[key] = value === '' ? null : value;
    } else if (Array.isArray(value)) {
      target[key] = value.map((entry) => (typeof entry === 'string' ? entry : formToPlain(entry)));
    } else if (current && typeof current === 'object' && !Array.isArray(current)) {
      mergeForm(current as Record<string, unknown>, value, name);
    } else {
      target[key] = formToPlain(value);
    }
  }
}

function formToPlain(value: FormValue): unknown {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(formToPlain);
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, formToPlain(entry)]));
}

function applyPortalParams(
  engine: FakeStripeEngine,
  config: WirePortalConfiguration,
  params: FormObject,
): void {
  const features = optionalObject(params, 'features');
  if (features) mergeForm(config.features as unknown as Record<string, unknown>, features, 'features');
  for (const [index, entry] of (config.features.subscription_update.products ?? []).entries()) {
    const product = entry.product;
    if (!engine.products.has(product))
      throw missing('product', product, `features[subscription_update][products][${index}][product]`);
    for (const priceId of entry.prices)
      engine.priceOrThrow(priceId, `features[subscription_update][products][${index}][prices]`);
    // Stripe returns `adjustable_quantity` on each product; default it like the API does.
    // Form values arrive as strings; the API answers with booleans and numbers.
    const withQuantity = entry as unknown as {
      adjustable_quantity?: { enabled?: unknown; maximum?: unknown; minimum?: unknown };
    };
    const given = withQuantity.adjustable_quantity;
    withQuantity.adjustable_quantity = {
      enabled: given?.enabled === true || given?.enabled === 'true',
      maximum:
        given?.maximum === undefined || given.maximum === null || given.maximum === ''
          ? null
          : Number(given.maximum),
      minimum: given?.minimum === undefined ? 1 : Number(given.minimum),
    };
  }
  const business = optionalObject(params, 'business_profile');
  if (business)
    mergeForm(config.business_profile as unknown as Record<string, unknown>, business, 'business_profile');
  const returnUrl = nullableString(params, 'default_return_url');
  if (returnUrl !== undefined) config.default_return_url = returnUrl;
  const name = nullableString(params, 'name');
  if (name !== undefined) config.name = name;
  const active = optionalBoolean(params, 'active');
  if (active !== undefined) config.active = active;
  const loginPage = optionalObject(params, 'login_page');
  if (loginPage) {
    const enabled = optionalBoolean(loginPage, 'enabled', 'login_page[enabled]') ?? false;
    config.login_page = { enabled, url: enabled ? `${config.id}/login` : null };
  }
  if (params.metadata !== undefined) config.metadata = mergeMetadata(config.metadata, params);
}

const PORTAL_CONFIG_FIELDS = [
  'business_profile',
  'features',
  'default_return_url',
  'metadata',
  'login_page',
  'name',
];

route('POST', '/v1/billing_portal/configurations', (engine, { params }) => {
  allowOnly(params, PORTAL_CONFIG_FIELDS);
  const now = engine.now();
  const config: WirePortalConfiguration = {
    id: newId('bpc', 24),
    object: 'billing_portal.configuration',
    active: true,
    application: null,
    business_profile: { headline: null, privacy_policy_url: null, terms_of_service_url: null },
    created: now,
    default_return_url: null,
    features: defaultPortalFeatures(),
    is_default: ![...engine.portalConfigurations.values()].some((other) => other.is_default),
    livemode: false,
    login_page: { enabled: false, url: null },
    metadata: {},
    name: null,
    updated: now,
  };
  applyPortalParams(engine, config, params);
  engine.portalConfigurations.set(config.id, config);
  engine.emit('billing_portal.configuration.created', config);
  return render(engine, config);
});

route('POST', '/v1/billing_portal/configurations/:id', (engine, { pathParams, params }) => {
  allowOnly(params, [...PORTAL_CONFIG_FIELDS, 'active']);
  const config = engine.portalConfigurations.get(pathParams.id!);
  if (!config) throw missing('billing_portal.configuration', pathParams.id!, 'configuration');
  const before = clone(config);
  applyPortalParams(engine, config, params);
  if (JSON.stringify(before) !== JSON.stringify(config)) {
    config.updated = engine.now();
    engine.emit('billing_portal.configuration.updated', config, before);
  }
  return render(engine, config);
});

route('GET', '/v1/billing_portal/configurations/:id', (engine, { pathParams, params }) => {
  allowOnly(params, []);
  const config = engine.portalConfigurations.get(pathParams.id!);
  if (!config) throw missing('billing_portal.configuration', pathParams.id!, 'configuration');
  return render(engine, config);
});

route('GET', '/v1/billing_portal/configurations', (engine, { params }) => {
  allowOnly(params, [...PAGINATION, 'active', 'is_default']);
  const active = optionalBoolean(params, 'active');
  const isDefault = optionalBoolean(params, 'is_default');
  const matches = newestFirst(engine.portalConfigurations.values()).filter(
    (config) =>
      (active === undefined || config.active === active) &&
      (isDefault === undefined || config.is_default === isDefault),
  );
  return list(matches, params, '/v1/billing_portal/configurations');
});

route('POST', '/v1/billing_portal/sessions', (engine, { params }) => {
  allowOnly(params, ['customer', 'return_url', 'configuration', 'locale']);
  const customer = engine.customerOrThrow(requiredString(params, 'customer'), 'customer');
  const configId = optionalString(params, 'configuration');
  const config = configId
    ? engine.portalConfigurations.get(configId)
    : [...engine.portalConfigurations.values()].find((candidate) => candidate.is_default);
  if (configId && !config) throw missing('billing_portal.configuration', configId, 'configuration');
  if (!config) {
    throw invalid(
      'No configuration provided and your test mode default configuration has not been created. Create a billing_portal.configuration first.',
      'configuration',
    );
  }
  if (!config.active) throw invalid('The configuration is not active.', 'configuration');
  const returnUrl = optionalString(params, 'return_url') ?? config.default_return_url;
  if (!returnUrl) throw invalid('Missing required param: return_url.', 'return_url', 'parameter_missing');
  const id = newId('bps', 24);
  const session = {
    id,
    object: 'billing_portal.session' as const,
    configuration: config.id,
    created: engine.now(),
    customer: customer.id,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: (optionalString(params, 'locale') ?? null) as Stripe.BillingPortal.Session.Locale | null,
    on_behalf_of: null,
    return_url: returnUrl,
    url: `${engine.baseUrl()}/portal/${id}`,
  };
  engine.portalSessions.set(id, session);
  return render(engine, session);
});

// ---- checkout ----------------------------------------------------------------------------------

route('POST', '/v1/checkout/sessions', (engine, { params }) => {
  allowOnly(params, [
    'mode',
    'customer',
    'customer_email',
    'client_reference_id',
    'line_items',
    'subscription_data',
    'success_url',
    'cancel_url',
    'expires_at',
    'metadata',
    'allow_promotion_codes',
    'billing_address_collection',
    'locale',
  ]);
  const mode = requiredString(params, 'mode');
  if (mode !== 'subscription') {
    throw invalid(
      `The fake Stripe implements only mode=subscription Checkout Sessions (got ${mode}).`,
      'mode',
    );
  }
  const customer = optionalString(params, 'customer') ?? null;
  const customerEmail = optionalString(params, 'customer_email') ?? null;
  if (customer && customerEmail)
    throw invalid(
      'You may only specify one of these parameters: customer, customer_email.',
      'customer_email',
    );
  const lineItems = (optionalArray(params, 'line_items') ?? []).map((entry, index) => {
    const line = asObject(entry, `line_items[${index}]`);
    allowOnly(line, ['price', 'quantity'], `line_items[${index}]`);
    const quantity = optionalInteger(line, 'quantity', `line_items[${index}][quantity]`) ?? 1;
    if (quantity < 1) throw invalid('Quantity must be at least 1.', `line_items[${index}][quantity]`);
    return { price: requiredString(line, 'price', `line_items[${index}][price]`), quantity };
  });
  const subscriptionData = optionalObject(params, 'subscription_data') ?? {};
  allowOnly(
    subscriptionData,
    ['metadata', 'trial_period_days', 'trial_end', 'description'],
    'subscription_data',
  );
  const trialPeriodDays =
    optionalInteger(subscriptionData, 'trial_period_days', 'subscription_data[trial_period_days]') ?? null;
  if (trialPeriodDays !== null && (trialPeriodDays < 1 || trialPeriodDays > 730)) {
    throw invalid('trial_period_days must be between 1 and 730.', 'subscription_data[trial_period_days]');
  }
  const trialEnd = optionalInteger(subscriptionData, 'trial_end', 'subscription_data[trial_end]') ?? null;
  if (trialPeriodDays !== null && trialEnd !== null) {
    throw invalid(
      'You may only specify one of trial_end and trial_period_days.',
      'subscription_data[trial_end]',
    );
  }
  if (trialEnd !== null && trialEnd < engine.now() + 2 * 86_400) {
    throw invalid('trial_end must be at least 48 hours in the future.', 'subscription_data[trial_end]');
  }
  const session = engine.createCheckoutSession({
    customer,
    customerEmail,
    clientReferenceId: optionalString(params, 'client_reference_id') ?? null,
    successUrl: requiredString(params, 'success_url'),
    cancelUrl: optionalString(params, 'cancel_url') ?? null,
    expiresAt: optionalInteger(params, 'expires_at') ?? null,
    metadata: mergeMetadata({}, params),
    allowPromotionCodes: optionalBoolean(params, 'allow_promotion_codes') ?? null,
    lineItems,
    subscriptionMetadata: mergeMetadata({}, subscriptionData),
    trialPeriodDays,
    trialEnd,
    subscriptionDescription:
      optionalString(subscriptionData, 'description', 'subscription_data[description]') ?? null,
  });
  const billingAddress = oneOf(
    optionalString(params, 'billing_address_collection'),
    ['auto', 'required'],
    'billing_address_collection',
  );
  if (billingAddress) session.billing_address_collection = billingAddress;
  const locale = optionalString(params, 'locale');
  if (locale) session.locale = locale as Stripe.Checkout.Session.Locale;
  return render(engine, session);
});

route('GET', '/v1/checkout/sessions/:id', (engine, { pathParams, params }) => {
  allowOnly(params, []);
  return render(engine, engine.checkoutSessionOrThrow(pathParams.id!, 'session'));
});

route('GET', '/v1/checkout/sessions/:id/line_items', (engine, { pathParams, params }) => {
  allowOnly(params, PAGINATION);
  return checkoutLineItems(engine, pathParams.id!, params);
});

route('POST', '/v1/checkout/sessions/:id/expire', (engine, { pathParams, params }) => {
  allowOnly(params, []);
  return render(engine, engine.expireCheckout(pathParams.id!));
});

route('GET', '/v1/checkout/sessions', (engine, { params }) => {
  allowOnly(params, [...PAGINATION, 'customer', 'status', 'subscription', 'created']);
  const customer = optionalString(params, 'customer');
  const status = optionalString(params, 'status');
  const subscription = optionalString(params, 'subscription');
  const created = createdFilter(params);
  const matches = newestFirst(engine.checkoutSessions.values()).filter(
    (session) =>
      (customer === undefined || session.customer === customer) &&
      (status === undefined || session.status === status) &&
      (subscription === undefined || session.subscription === subscription) &&
      created(session.created),
  );
  return list(matches, params, '/v1/checkout/sessions');
});

// ---- subscriptions -----------------------------------------------------------------------------

const SUBSCRIPTION_STATUSES = [
  'active',
  'all',
  'canceled',
  'ended',
  'incomplete',
  'incomplete_expired',
  'past_due',
  'paused',
  'trialing',
  'unpaid',
];

route('GET', '/v1/subscriptions', (engine, { params }) => {
  allowOnly(params, [...PAGINATION, 'customer', 'status', 'price', 'created']);
  const customer = optionalString(params, 'customer');
  const status = oneOf(optionalString(params, 'status'), SUBSCRIPTION_STATUSES, 'status');
  const price = optionalString(params, 'price');
  const created = createdFilter(params);
  const statusMatches = (value: string) => {
    // Like Stripe: without a status, canceled (and expired) subscriptions are left out.
    if (status === undefined) return value !== 'canceled' && value !== 'incomplete_expired';
    if (status === 'all') return true;
    if (status === 'ended') return value === 'canceled' || value === 'incomplete_expired';
    return value === status;
  };
  const matches = newestFirst(engine.subscriptions.values()).filter(
    (sub) =>
      (customer === undefined || sub.customer === customer) &&
      statusMatches(sub.status) &&
      (price === undefined || sub.items.data.some((item) => item.price.id === price)) &&
      created(sub.created),
  );
  return list(
    matches.map((sub) => engine.render(sub)),
    params,
    '/v1/subscriptions',
  );
});

route('GET', '/v1/subscriptions/:id', (engine, { pathParams, params }) => {
  allowOnly(params, []);
  return render(engine, engine.subscriptionOrThrow(pathParams.id!));
});

const PRORATIONS = ['create_prorations', 'none', 'always_invoice'] as const;

route('POST', '/v1/subscriptions/:id', (engine, { pathParams, params }) => {
  allowOnly(params, [
    'cancel_at_period_end',
    'cancel_at',
    'items',
    'proration_behavior',
    'pause_collection',
    'metadata',
    'trial_end',
    'cancellation_details',
    'description',
    'payment_behavior',
  ]);
  const change: SubscriptionChange = {};
  const cancelAtPeriodEnd = optionalBoolean(params, 'cancel_at_period_end');
  if (cancelAtPeriodEnd !== undefined) change.cancelAtPeriodEnd = cancelAtPeriodEnd;
  if (params.cancel_at !== undefined) {
    if (cancelAtPeriodEnd !== undefined)
      throw invalid('You may only specify one of cancel_at and cancel_at_period_end.', 'cancel_at');
    change.cancelAt = params.cancel_at === '' ? null : optionalInteger(params, 'cancel_at')!;
  }
  const items = optionalArray(params, 'items');
  if (items) {
    change.items = items.map((entry, index): ItemChange => {
      const item = asObject(entry, `items[${index}]`);
      allowOnly(item, ['id', 'price', 'quantity', 'deleted'], `items[${index}]`);
      return {
        id: optionalString(item, 'id', `items[${index}][id]`),
        price: optionalString(item, 'price', `items[${index}][price]`),
        quantity: optionalInteger(item, 'quantity', `items[${index}][quantity]`),
        deleted: optionalBoolean(item, 'deleted', `items[${index}][deleted]`),
      };
    });
  }
  const proration = oneOf(optionalString(params, 'proration_behavior'), PRORATIONS, 'proration_behavior');
  if (proration) change.prorationBehavior = proration as ProrationBehavior;
  if (params.pause_collection !== undefined) {
    if (params.pause_collection === '') change.pauseCollection = null;
    else {
      const pause = asObject(params.pause_collection, 'pause_collection');
      allowOnly(pause, ['behavior', 'resumes_at'], 'pause_collection');
      change.pauseCollection = {
        behavior: oneOf(
          requiredString(pause, 'behavior', 'pause_collection[behavior]'),
          ['keep_as_draft', 'mark_uncollectible', 'void'] as const,
          'pause_collection[behavior]',
        )!,
        resumesAt: optionalInteger(pause, 'resumes_at', 'pause_collection[resumes_at]') ?? null,
      };
    }
  }
  if (params.metadata !== undefined) change.metadata = (current) => mergeMetadata(current, params);
  const trialEnd = optionalString(params, 'trial_end');
  if (trialEnd !== undefined)
    change.trialEnd = trialEnd === 'now' ? 'now' : optionalInteger(params, 'trial_end')!;
  const details = optionalObject(params, 'cancellation_details');
  if (details) {
    allowOnly(details, ['comment', 'feedback'], 'cancellation_details');
    change.cancellationDetails = {
      comment: nullableString(details, 'comment', 'cancellation_details[comment]'),
      feedback: nullableString(details, 'feedback', 'cancellation_details[feedback]'),
    };
  }
  const description = nullableString(params, 'description');
  if (description !== undefined) change.description = description;
  // payment_behavior is accepted for compatibility; the fake always charges immediately.
  oneOf(
    optionalString(params, 'payment_behavior'),
    ['allow_incomplete', 'default_incomplete', 'error_if_incomplete', 'pending_if_incomplete'],
    'payment_behavior',
  );
  return render(engine, engine.changeSubscription(pathParams.id!, change));
});

route('DELETE', '/v1/subscriptions/:id', (engine, { pathParams, params }) => {
  allowOnly(params, ['invoice_now', 'prorate', 'cancellation_details']);
  optionalBoolean(params, 'invoice_now');
  optionalBoolean(params, 'prorate');
  const details = optionalObject(params, 'cancellation_details');
  if (details) allowOnly(details, ['comment', 'feedback'], 'cancellation_details');
  const sub = engine.subscriptionOrThrow(pathParams.id!);
  return render(
    engine,
    engine.cancelNow(
      sub,
      'cancellation_requested',
      details && {
        comment: nullableString(details, 'comment', 'cancellation_details[comment]'),
        feedback: nullableString(details, 'feedback', 'cancellation_details[feedback]'),
      },
    ),
  );
});

route('POST', '/v1/subscriptions/:id/resume', (engine, { pathParams, params }) => {
  allowOnly(params, ['billing_cycle_anchor', 'proration_behavior']);
  const anchor = oneOf(optionalString(params, 'billing_cycle_anchor'), ['now'], 'billing_cycle_anchor');
  void anchor;
  oneOf(optionalString(params, 'proration_behavior'), PRORATIONS, 'proration_behavior');
  return render(engine, engine.resume(pathParams.id!));
});

route('GET', '/v1/subscription_items', (engine, { params }) => {
  allowOnly(params, [...PAGINATION, 'subscription']);
  const sub = engine.subscriptionOrThrow(requiredString(params, 'subscription'), 'subscription');
  return list(engine.render(sub).items.data, params, `/v1/subscription_items?subscription=${sub.id}`);
});

// ---- invoices ----------------------------------------------------------------------------------

route('GET', '/v1/invoices', (engine, { params }) => {
  allowOnly(params, [...PAGINATION, 'customer', 'subscription', 'status', 'created', 'collection_method']);
  const customer = optionalString(params, 'customer');
  const subscription = optionalString(params, 'subscription');
  const status = oneOf(
    optionalString(params, 'status'),
    ['draft', 'open', 'paid', 'uncollectible', 'void'],
    'status',
  );
  const collection = optionalString(params, 'collection_method');
  const created = createdFilter(params);
  const matches = newestFirst(engine.invoices.values()).filter(
    (invoice) =>
      (customer === undefined || invoice.customer === customer) &&
      (subscription === undefined || invoice.parent?.subscription_details?.subscription === subscription) &&
      (status === undefined || invoice.status === status) &&
      (collection === undefined || invoice.collection_method === collection) &&
      created(invoice.created),
  );
  return list(matches, params, '/v1/invoices');
});

route('GET', '/v1/invoices/:id', (engine, { pathParams, params }) => {
  allowOnly(params, []);
  return render(engine, engine.invoiceOrThrow(pathParams.id!, 'invoice'));
});

route('GET', '/v1/invoices/:id/lines', (engine, { pathParams, params }) => {
  allowOnly(params, PAGINATION);
  const invoice = engine.invoiceOrThrow(pathParams.id!, 'invoice');
  return list(clone(invoice.lines.data), params, `/v1/invoices/${invoice.id}/lines`);
});

route('POST', '/v1/invoices/:id/pay', (engine, { pathParams, params }) => {
  allowOnly(params, []);
  const invoice = engine.invoiceOrThrow(pathParams.id!, 'invoice');
  return render(engine, engine.payInvoice(invoice.id, engine.behaviorOf(invoice.customer as string)));
});

route('POST', '/v1/invoices/:id/void', (engine, { pathParams, params }) => {
  allowOnly(params, []);
  return render(engine, engine.voidInvoice(pathParams.id!));
});

route('POST', '/v1/invoices/:id/mark_uncollectible', (engine, { pathParams, params }) => {
  allowOnly(params, []);
  return render(engine, engine.markUncollectible(pathParams.id!));
});

// ---- events ------------------------------------------------------------------------------------

function typeMatcher(pattern: string): (type: string) => boolean {
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return (type) => type.startsWith(prefix);
  }
  return (type) => type === pattern;
}

route('GET', '/v1/events', (engine, { params }) => {
  allowOnly(params, [...PAGINATION, 'created', 'type', 'types', 'delivery_success']);
  const type = optionalString(params, 'type');
  const types = optionalStringArray(params, 'types');
  if (type && types) throw invalid('You may only specify one of these parameters: type, types.', 'types');
  if (types && types.length > 20) throw invalid('types may contain at most 20 entries.', 'types');
  const matchers = (types ?? (type ? [type] : [])).map(typeMatcher);
  const created = createdFilter(params);
  const matches = newestFirst(engine.events.values()).filter(
    (event) =>
      (matchers.length === 0 || matchers.some((matcher) => matcher(event.type))) && created(event.created),
  );
  return list(matches, params, '/v1/events');
});

route('GET', '/v1/events/:id', (engine, { pathParams, params }) => {
  allowOnly(params, []);
  const event = engine.events.get(pathParams.id!);
  if (!event) throw missing('event', pathParams.id!);
  return clone(event);
});
