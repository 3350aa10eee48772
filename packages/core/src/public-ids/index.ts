// Public ids: the API's `<type>_<26 chars>` form of our uuids (TypeID's encoding), used by the API
// edge and by webhook payloads, which speak the API's shapes.
/**
 * Public ids: the database keeps plain uuids (core never sees anything else); the API edge shows
 * them as `<type>_<26 chars>` — TypeID's encoding (the uuid's 128 bits in Crockford base32, so
 * v7 ids still sort by time) — and reads them back here, in one place. A malformed id, or an id of
 * another type (a `ws_` where a `proj_` belongs), is a 404: never a 500, never a hint.
 */
export const idPrefixes = {
  workspace: 'ws',
  project: 'proj',
  user: 'user',
  invitation: 'inv',
  auditEvent: 'evt',
  apiKey: 'key',
  webhookEndpoint: 'we',
  webhookDelivery: 'whd',
  webhookMessage: 'msg',
  notification: 'ntf',
  file: 'file',
  avatar: 'avt',
} as const;

export type IdType = keyof typeof idPrefixes;
export type IdPrefix = (typeof idPrefixes)[IdType];

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
/** The 26 characters after `<prefix>_`, as a regular-expression source. */
export const suffixPattern = '[0-7][0-9a-hjkmnp-tv-z]{25}';
const suffixRegex = new RegExp(`^${suffixPattern}$`);

/** `encodeId('proj', uuid)` → `proj_01jb…`. Throws on a value that is not a uuid (a bug, not input). */
export function encodeId(prefix: IdPrefix, uuid: string): string {
  // Every list item carries ids, so this runs dozens of times per response: one pass over the
  // characters, 4 bits in and 5 bits out at a time (the two leading zero bits make 130 = 26 × 5),
  // checking the uuid's shape on the way instead of a regex and a BigInt.
  if (uuid.length !== 36) throw new Error(`encodeId: not a uuid: ${uuid}`);
  let suffix = '';
  let bits = 0;
  let width = 2;
  for (let index = 0; index < 36; index++) {
    const code = uuid.charCodeAt(index);
    if (index === 8 || index === 13 || index === 18 || index === 23) {
      if (code !== 45) throw new Error(`encodeId: not a uuid: ${uuid}`);
      continue;
    }
    const nibble =
      code >= 48 && code <= 57 ? code - 48 : (code | 32) >= 97 && (code | 32) <= 102 ? (code | 32) - 87 : -1;
    if (nibble < 0) throw new Error(`encodeId: not a uuid: ${uuid}`);
    bits = ((bits << 4) | nibble) & 0x1ff;
    width += 4;
    if (width >= 5) {
      width -= 5;
      suffix += alphabet[(bits >> width) & 31];
    }
  }
  return `${prefix}_${suffix}`;
}

/** The uuid behind a public id of this type, or undefined when it is not one. */
export function tryDecodeId(prefix: IdPrefix, value: string): string | undefined {
  if (value.length !== prefix.length + 27 || !value.startsWith(`${prefix}_`)) return undefined;
  const suffix = value.slice(prefix.length + 1);
  if (!suffixRegex.test(suffix)) return undefined;
  let number = 0n;
  for (const char of suffix) number = (number << 5n) | BigInt(alphabet.indexOf(char));
  const hex = number.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
