import { createHash } from 'node:crypto';

// A human reference for /api/v1, rendered on the server from the OpenAPI document: plain HTML and
// one inline stylesheet, no script and nothing from a CDN (it must work offline and in CI).

type Json = Record<string, unknown>;

const escape = (value: unknown) => String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Descriptions are short Markdown: `code` spans are the only markup they use. */
const prose = (value: unknown) => escape(value).replace(/`(.+?)`/g, '<code>$1</code>');

const anchor = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const styles = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;display:flex}
nav{width:250px;flex:none;height:100vh;position:sticky;top:0;overflow:auto;background:#f6f7f9;padding:16px;border-right:1px solid #e3e6ea;box-sizing:border-box}
nav a{display:block;color:#1b1f24;text-decoration:none;padding:1px 0;font-size:13px}nav h3{margin:14px 0 4px;font-size:13px;text-transform:uppercase;color:#59636e}
main{max-width:920px;padding:24px 40px;min-width:0}h1{margin-top:0}h2{border-bottom:1px solid #e3e6ea;padding-bottom:4px;margin-top:40px}
section.op{border:1px solid #e3e6ea;border-radius:8px;padding:12px 16px;margin:16px 0}
.method{display:inline-block;min-width:58px;font:600 12px monospace;padding:2px 6px;border-radius:4px;color:#fff;text-align:center;margin-right:8px}
.get{background:#1f7a4d}.post{background:#2457c5}.patch{background:#a05a00}.delete{background:#b42318}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f6f7f9;padding:10px;border-radius:6px;overflow:auto}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eef0f2;text-align:left;padding:4px 6px;vertical-align:top}
.muted{color:#59636e}details summary{cursor:pointer;color:#2457c5;margin:6px 0}ul.schema{margin:2px 0;padding-left:18px}
`;

function refName(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

/** One line per property: name, type, constraints, description; nested objects indented. */
function renderSchema(schema: Json | undefined, depth = 0): string {
  if (!schema) return '';
  if (typeof schema.$ref === 'string') {
    const name = refName(schema.$ref);
    return `<a href="#schema-${anchor(name)}">${escape(name)}</a>`;
  }
  const properties = schema.properties as Record<string, Json> | undefined;
  if (properties && depth < 4) {
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const rows = Object.entries(properties).map(
      ([name, property]) =>
        `<li><code>${escape(name)}</code>${required.has(name) ? '' : '<span class="muted">?</span>'} ${renderSchema(property, depth + 1)}</li>`,
    );
    const closed =
      schema.additionalProperties === false ? ' <span class="muted">(no other fields)</span>' : '';
    return `object${closed}<ul class="schema">${rows.join('')}</ul>`;
  }
  if (schema.type === 'array' || schema.items)
    return `array of ${renderSchema(schema.items as Json, depth + 1)}`;
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[key] as Json[] | undefined;
    if (options) return options.map((option) => renderSchema(option, depth + 1)).join(' | ');
  }
  return `<span class="muted">${escape(describeScalar(schema))}</span>${schema.description ? ` — ${prose(schema.description)}` : ''}`;
}

/** A request body spelled out (its fields), with a link to the named schema when it has one. */
function renderBody(schema: Json, components: Record<string, Json>): string {
  if (typeof schema.$ref !== 'string') return renderSchema(schema);
  const name = refName(schema.$ref);
  return `${renderSchema(schema)} ${renderSchema(components[name])}`;
}

function describeScalar(schema: Json): string {
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'any');
  const facts: string[] = [];
  if (schema.enum) facts.push((schema.enum as unknown[]).map((value) => JSON.stringify(value)).join(' | '));
  if (schema.format) facts.push(String(schema.format));
  if (schema.pattern) facts.push(`pattern ${String(schema.pattern)}`);
  if (schema.minLength !== undefined) facts.push(`min ${String(schema.minLength)}`);
  if (schema.maxLength !== undefined) facts.push(`max ${String(schema.maxLength)}`);
  if (schema.minimum !== undefined) facts.push(`≥ ${String(schema.minimum)}`);
  if (schema.maximum !== undefined) facts.push(`≤ ${String(schema.maximum)}`);
  if (schema.default !== undefined) facts.push(`default ${JSON.stringify(schema.default)}`);
  return facts.length > 0 ? `${type} (${facts.join(', ')})` : type;
}

function exampleOf(schema: Json | undefined, components: Record<string, Json>, depth = 0): unknown {
  if (!schema || depth > 5) return null;
  if (typeof schema.$ref === 'string')
    return exampleOf(components[refName(schema.$ref)], components, depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (schema.properties) {
    const required = new Set((schema.required as string[] | undefined) ?? []);
    return Object.fromEntries(
      Object.entries(schema.properties as Record<string, Json>)
        .filter(([name]) => required.has(name) || depth === 0)
        .map(([name, property]) => [name, exampleOf(property, components, depth + 1)]),
    );
  }
  if (schema.enum) return (schema.enum as unknown[])[0];
  if (schema.format === 'email') return 'ada@example.com';
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  return type === 'integer' || type === 'number'
    ? 1
    : type === 'boolean'
      ? true
      : type === 'array'
        ? []
        : 'string';
}

function curlFor(
  method: string,
  path: string,
  operation: Json,
  serverUrl: string,
  components: Record<string, Json>,
): string {
  const url = `${serverUrl}${path.replace('{slug}', 'acme').replace(/\{(\w+?)_id\}/g, (_, type: string) => `${type}_…`)}`;
  const lines = [`curl -X ${method.toUpperCase()} '${url}'`, `  -H 'Authorization: Bearer plk_…'`];
  const body = ((operation.requestBody as Json | undefined)?.content as Json | undefined)?.[
    'application/json'
  ] as Json | undefined;
  if (body) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  -d '${JSON.stringify(exampleOf(body.schema as Json, components))}'`);
  }
  return lines.join(' \\\n');
}

interface Operation {
  method: string;
  path: string;
  operation: Json;
}

/** The whole reference page for `document`. */
export function renderReferencePage(document: Json): { html: string; contentSecurityPolicy: string } {
  const info = document.info as Json;
  const serverUrl = String(((document.servers as Json[] | undefined)?.[0]?.url as string | undefined) ?? '');
  const components = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const byTag = new Map<string, Operation[]>();
  for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
    for (const [method, operation] of Object.entries(item as Record<string, Json>)) {
      const tag = ((operation.tags as string[] | undefined) ?? ['Other'])[0]!;
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, operation }]);
    }
  }
  const tagOrder = ((document.tags as Json[] | undefined) ?? []).map((tag) => String(tag.name));
  const tags = [
    ...tagOrder.filter((tag) => byTag.has(tag)),
    ...[...byTag.keys()].filter((tag) => !tagOrder.includes(tag)),
  ];

  const nav = tags
    .map(
      (tag) =>
        `<h3>${escape(tag)}</h3>` +
        byTag
          .get(tag)!
          .map(
            ({ operation }) =>
              `<a href="#${anchor(String(operation.operationId))}">${escape(operation.summary)}</a>`,
          )
          .join(''),
    )
    .join('');

  const sections = tags.map((tag) => {
    const tagInfo = ((document.tags as Json[] | undefined) ?? []).find((entry) => entry.name === tag);
    const operations = byTag.get(tag)!.map(({ method, path, operation }) => {
      const parameters = ((operation.parameters as Json[] | undefined) ?? [])
        .map(
          (parameter) =>
            `<tr><td><code>${escape(parameter.name)}</code></td><td>${escape(parameter.in)}${parameter.required ? '' : ', optional'}</td><td>${renderSchema(parameter.schema as Json)}${parameter.description && parameter.description !== (parameter.schema as Json | undefined)?.description ? ` — ${prose(parameter.description)}` : ''}</td></tr>`,
        )
        .join('');
      const body = (
        ((operation.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as
          Json | undefined
      )?.schema as Json | undefined;
      const responses = Object.entries(operation.responses as Record<string, Json>)
        .map(([status, response]) => {
          const schema = ((response.content as Json | undefined)?.['application/json'] as Json | undefined)
            ?.schema as Json | undefined;
          return `<tr><td><code>${escape(status)}</code></td><td>${prose(response.description)}</td><td>${schema ? renderSchema(schema) : ''}</td></tr>`;
        })
        .join('');
      return `<section class="op" id="${anchor(String(operation.operationId))}">
<h3><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span><code>${escape(path)}</code></h3>
<p><strong>${escape(operation.summary)}</strong>${operation.description ? ` — ${prose(operation.description)}` : ''}</p>
<p class="muted">operationId <code>${escape(operation.operationId)}</code>${(operation.security as unknown[] | undefined)?.length === 0 ? ' · no authentication' : ''}</p>
${parameters ? `<table><tr><th>Parameter</th><th>In</th><th>Schema</th></tr>${parameters}</table>` : ''}
${body ? `<p>Body: ${renderBody(body, components)}</p>` : ''}
<details><summary>Responses</summary><table><tr><th>Status</th><th>Meaning</th><th>Body</th></tr>${responses}</table></details>
<pre>${escape(curlFor(method, path, operation, serverUrl, components))}</pre>
</section>`;
    });
    return `<h2 id="tag-${anchor(tag)}">${escape(tag)}</h2>${tagInfo?.description ? `<p>${prose(tagInfo.description)}</p>` : ''}${operations.join('')}`;
  });

  const webhooks = Object.entries((document.webhooks ?? {}) as Record<string, Json>).map(([name, item]) => {
    const operation = (item as Record<string, Json>).post ?? {};
    const body = (
      ((operation.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as
        Json | undefined
    )?.schema as Json | undefined;
    return `<section class="op" id="event-${anchor(name)}"><h3><span class="method post">POST</span><code>${escape(name)}</code></h3>
<p>${prose(operation.description)}</p>${body ? `<p>Body: ${renderBody(body, components)}</p>` : ''}</section>`;
  });
  const schemas = Object.entries(components)
    .map(
      ([name, schema]) =>
        `<section class="op" id="schema-${anchor(name)}"><h3>${escape(name)}</h3>${renderSchema(schema)}</section>`,
    )
    .join('');

  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(info.title)} reference</title><style>${styles}</style></head><body>
<nav><strong>${escape(info.title)}</strong> <span class="muted">v${escape(info.version)}</span><a href="openapi.json">openapi.json</a>${nav}<h3>Schemas</h3>${Object.keys(
    components,
  )
    .map((name) => `<a href="#schema-${anchor(name)}">${escape(name)}</a>`)
    .join('')}</nav>
<main><h1>${escape(info.title)}</h1><p>Base URL <code>${escape(serverUrl)}</code></p>
${String(info.description ?? '')
  .split('\n\n')
  .map(
    (paragraph) =>
      `<p>${escape(paragraph)
        .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
        .replace(/`(.+?)`/g, '<code>$1</code>')}</p>`,
  )
  .join('')}
${sections.join('')}${webhooks.length > 0 ? `<h2 id="webhooks">Webhook events</h2><p>Sent to your endpoints as signed POSTs (Standard Webhooks).</p>${webhooks.join('')}` : ''}<h2 id="schemas">Schemas</h2>${schemas}</main></body></html>`;
  const styleHash = createHash('sha256').update(styles).digest('base64');
  return {
    html,
    contentSecurityPolicy: `default-src 'none'; style-src 'sha256-${styleHash}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
  };
}
