// A bucket's CORS configuration as S3 applies it: the first rule whose origin, method and (for a
// preflight) requested headers all match decides; no match means no CORS headers at all, so a
// browser refuses the answer exactly as it would against a bucket without the rule.

export interface CorsRule {
  allowedOrigins: string[];
  allowedMethods: string[];
  allowedHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds: number | undefined;
}

const tagValues = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => unescapeXml(m[1]!.trim()));

const unescapeXml = (value: string): string =>
  value
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

/** Parses a PutBucketCors body; undefined when it holds no valid rule (S3's MalformedXML). */
export function parseCorsXml(xml: string): CorsRule[] | undefined {
  const rules = tagValues(xml, 'CORSRule').map((rule) => {
    const maxAge = tagValues(rule, 'MaxAgeSeconds')[0];
    return {
      allowedOrigins: tagValues(rule, 'AllowedOrigin'),
      allowedMethods: tagValues(rule, 'AllowedMethod').map((m) => m.toUpperCase()),
      allowedHeaders: tagValues(rule, 'AllowedHeader').map((h) => h.toLowerCase()),
      exposeHeaders: tagValues(rule, 'ExposeHeader'),
      maxAgeSeconds: maxAge === undefined ? undefined : Number(maxAge),
    };
  });
  const valid = rules.every(
    (rule) =>
      rule.allowedOrigins.length > 0 &&
      rule.allowedMethods.length > 0 &&
      rule.allowedMethods.every((m) => ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'].includes(m)),
  );
  return rules.length > 0 && valid ? rules : undefined;
}

/** `*` in a pattern matches any run of characters (S3 allows one per origin or header). */
function wildcardMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const [head, ...rest] = pattern.split('*');
  const tail = rest.join('*');
  return value.length >= head!.length + tail.length && value.startsWith(head!) && value.endsWith(tail);
}

export function findRule(
  rules: readonly CorsRule[],
  origin: string,
  method: string,
  requestHeaders: readonly string[] = [],
): CorsRule | undefined {
  return rules.find(
    (rule) =>
      rule.allowedOrigins.some((pattern) => wildcardMatch(pattern, origin)) &&
      rule.allowedMethods.includes(method.toUpperCase()) &&
      requestHeaders.every((header) =>
        rule.allowedHeaders.some((pattern) => wildcardMatch(pattern, header.toLowerCase())),
      ),
  );
}

/** The headers an answer to `origin` carries under `rule`. */
export function corsHeaders(rule: CorsRule, origin: string): Record<string, string> {
  const anyOrigin = rule.allowedOrigins.includes('*');
  return {
    'access-control-allow-origin': anyOrigin ? '*' : origin,
    ...(anyOrigin ? {} : { 'access-control-allow-credentials': 'true' }),
    ...(rule.exposeHeaders.length > 0
      ? { 'access-control-expose-headers': rule.exposeHeaders.join(', ') }
      : {}),
    vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  };
}
