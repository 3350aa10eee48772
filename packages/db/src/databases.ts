import pg from 'pg';

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/** The same server URL pointing at another database. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Creates database `name` (optionally as a copy of `template`) unless it exists. */
export async function ensureDatabaseExists(
  serverUrl: string,
  name: string,
  template?: string,
): Promise<void> {
  if (!identifier.test(name) || (template && !identifier.test(template))) {
    throw new TypeError('database names must be lower-case identifiers');
  }
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return;
    await client.query(`create database "${name}"${template ? ` template "${template}"` : ''}`);
  } catch (error) {
    // Another process created it between our check and our create.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}
