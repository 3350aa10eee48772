import { invalid } from './wire';

/** A decoded form value: Stripe's `a[b][0][c]=x` encoding nests objects and indexed arrays. */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

/**
 * Decodes `application/x-www-form-urlencoded` (a POST body or a GET/DELETE query string) the way
 * Stripe does: `a[b]=1` → `{ a: { b: '1' } }`, `a[0][c]=1` → `{ a: [{ c: '1' }] }`, `a[]=1&a[]=2`
 * → `{ a: ['1', '2'] }`. Values stay strings; an empty string means "unset" (the SDK sends `null`
 * as `key=`).
 */
export function parseForm(encoded: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(encoded)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!match) throw invalid(`Invalid parameter name: ${rawKey}`, rawKey);
    const path = [match[1]!, ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    let node: Record<string, FormValue> = root;
    for (let i = 0; i < path.length; i++) {
      let segment = path[i]!;
      const last = i === path.length - 1;
      if (segment === '') {
        // `a[]=x`: append, kept as an object with numeric keys until arrays are built below.
        segment = String(Object.keys(node).length);
      }
      if (last) {
        node[segment] = value;
        break;
      }
      const existing = node[segment];
      if (existing === undefined || typeof existing === 'string') node[segment] = {};
      node = node[segment] as Record<string, FormValue>;
    }
  }
  return arraysFromIndexes(root) as FormObject;
}

function arraysFromIndexes(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: FormObject = {};
  for (const key of keys) converted[key] = arraysFromIndexes(value[key]!);
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => converted[String(index)]!);
  }
  return converted;
}

/** Rejects what the endpoint does not know: a typo in a caller must fail like it does on Stripe. */
export function allowOnly(params: FormObject, allowed: readonly string[], where = ''): void {
  for (const key of Object.keys(params)) {
    if (key === 'expand' && where === '') continue;
    if (!allowed.includes(key)) {
      const name = where ? `${where}[${key}]` : key;
      throw invalid(
        `Received unknown parameter: ${name}. (The fake Stripe accepts: ${allowed.join(', ')}.)`,
        name,
        'parameter_unknown',
      );
    }
  }
}

export function optionalString(params: FormObject, key: string, where = key): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`Invalid string: ${where}`, where);
  return value;
}

export function requiredString(params: FormObject, key: string, where = key): string {
  const value = optionalString(params, key, where);
  if (value === undefined || value === '')
    throw invalid(`Missing required param: ${where}.`, where, 'parameter_missing');
  return value;
}

/** `''` → null (the SDK's encoding of `null`, Stripe's "unset"), absent → undefined. */
export function nullableString(params: FormObject, key: string, where = key): string | null | undefined {
  const value = optionalString(params, key, where);
  return value === '' ? null : value;
}

export function optionalInteger(params: FormObject, key: string, where = key): number | undefined {
  const value = optionalString(params, key, where);
  if (value === undefined || value === '') return undefined;
  if (!/^-?\d+$/.test(value)) throw invalid(`Invalid integer: ${value}`, where);
  return Number(value);
}

export function optionalBoolean(params: FormObject, key: string, where = key): boolean | undefined {
  const value = optionalString(params, key, where);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw invalid(`Invalid boolean: ${value}`, where);
  return value === 'true';
}

export function optionalObject(params: FormObject, key: string, where = key): FormObject | undefined {
  const value = params[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' || Array.isArray(value)) throw invalid(`Invalid object: ${where}`, where);
  return value;
}

export function optionalArray(params: FormObject, key: string, where = key): FormValue[] | undefined {
  const value = params[key];
  if (value === undefined || value === '') return undefined;
  if (!Array.isArray(value)) throw invalid(`Invalid array: ${where}`, where);
  return value;
}

export function optionalStringArray(params: FormObject, key: string): string[] | undefined {
  const values = optionalArray(params, key);
  if (!values) return undefined;
  return values.map((value, index) => {
    if (typeof value !== 'string') throw invalid(`Invalid string: ${key}[${index}]`, `${key}[${index}]`);
    return value;
  });
}

export function asObject(value: FormValue, where: string): FormObject {
  if (typeof value === 'string' || Array.isArray(value)) throw invalid(`Invalid object: ${where}`, where);
  return value;
}

/**
 * Stripe's metadata update: keys merge into what is there, a key set to '' is removed, and
 * `metadata=''` clears everything.
 */
export function mergeMetadata(
  current: Record<string, string> | null,
  params: FormObject,
  key = 'metadata',
): Record<string, string> {
  const value = params[key];
  if (value === undefined) return { ...(current ?? {}) };
  if (value === '') return {};
  if (typeof value === 'string' || Array.isArray(value)) throw invalid(`Invalid hash: ${key}`, key);
  const merged: Record<string, string> = { ...(current ?? {}) };
  for (const [name, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw invalid(`Invalid string: ${key}[${name}]`, `${key}[${name}]`);
    if (entry === '') delete merged[name];
    else merged[name] = entry;
  }
  return merged;
}

/** Canonical form of a parameter set, to compare two requests under one idempotency key. */
export function canonical(value: FormValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
    .join(',')}}`;
}
