import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { buildV1Document } from './document';

export const SCHEMA_FILE = fileURLToPath(new URL('./schema.d.ts', import.meta.url));

const header = `// Generated from the /api/v1 OpenAPI document by \`npm run api:client\` — do not edit.
// tests/api/contract-document.test.ts fails when this file and the document disagree.
`;

/** schema.d.ts as openapi-typescript makes it of the current document, formatted like the repo. */
export async function generateClientTypes(): Promise<string> {
  const ast = await openapiTS(buildV1Document() as unknown as Parameters<typeof openapiTS>[0]);
  const config = await resolveConfig(SCHEMA_FILE);
  return format(header + astToString(ast), { ...config, filepath: SCHEMA_FILE });
}

// `npm run api:client` runs this file: rewrite schema.d.ts.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(SCHEMA_FILE, await generateClientTypes());
  console.log(`wrote ${SCHEMA_FILE}`);
}

export { buildV1Document, DOCUMENT_SERVER_URL } from './document';
