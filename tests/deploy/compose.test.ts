import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { envSchema } from '@plinth/core/env';

// compose.yaml, parsed: the invariants a `compose up` would only reveal when it is too late.

interface Service {
  image: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(new URL('../../compose.yaml', import.meta.url), 'utf8'), {
  merge: true,
}) as { services: Record<string, Service> };
const { services } = compose;
const plinth = ['migrate', 'api', 'web', 'worker'] as const;

describe('compose.yaml', () => {
  it('runs Postgres, PgBouncer, a proxy and the migrate, api, web and worker services', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['api', 'migrate', 'pgbouncer', 'postgres', 'proxy', 'web', 'worker'].sort(),
    );
  });

  it('runs every Plinth service from one image, each role choosing itself with PLINTH_ROLE', () => {
    expect(new Set(plinth.map((name) => services[name]!.image))).toEqual(
      new Set(['${PLINTH_IMAGE:-localhost/plinth:latest}']),
    );
    for (const role of ['api', 'web', 'worker'] as const) {
      expect(services[role]!.environment!.PLINTH_ROLE).toBe(role);
      expect(services[role]!.depends_on!.migrate).toEqual({ condition: 'service_completed_successfully' });
    }
    expect(services.migrate!.command).toEqual(['node', 'apps/server/dist/migrate.js']);
  });

  it('sends the app through PgBouncer in transaction mode without named statements, and migrations straight to Postgres', () => {
    expect(services.pgbouncer!.environment!.POOL_MODE).toBe('transaction');
    for (const role of ['api', 'web', 'worker'] as const) {
      const env = services[role]!.environment!;
      expect(env.DATABASE_APP_URL).toMatch(/@pgbouncer:6432\//);
      expect(env.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(env.DATABASE_PREPARED_STATEMENTS).toBe('false');
    }
  });

  it('holds no secret: every secret is a ${…} reference to the environment', () => {
    const secretLike = /SECRET|PASSWORD|_KEY$|SMTP_URL|DATABASE(_APP)?_URL/;
    const literal = Object.entries(services).flatMap(([name, service]) =>
      Object.entries(service.environment ?? {})
        .filter(([variable, value]) => secretLike.test(variable) && !/\$\{[A-Z_]+(:[-?][^}]*)?\}/.test(value))
        .map(([variable]) => `${name}.${variable}`),
    );
    expect(literal).toEqual([]);
    expect(services.postgres!.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('runs Postgres, PgBouncer and the proxy from public images unless a variable names a local build of deploy/compose/images', () => {
    const infrastructure = { postgres: 'POSTGRES', pgbouncer: 'PGBOUNCER', proxy: 'PROXY' } as const;
    for (const [service, variable] of Object.entries(infrastructure)) {
      expect(services[service]!.image).toMatch(
        new RegExp(`^\\$\\{PLINTH_${variable}_IMAGE:-docker\\.io/[^}]+\\}$`),
      );
      // scripts/image-build compose builds it as localhost/plinth-<service>:bookworm (CI runs those).
      expect(
        existsSync(new URL(`../../deploy/compose/images/${service}/Containerfile`, import.meta.url)),
      ).toBe(true);
    }
    expect(services.pgbouncer!.environment!.LISTEN_PORT).toBe('6432');
  });

  it('sets only variables Plinth reads on its services', () => {
    const known = new Set(Object.keys(envSchema.shape));
    const names = plinth.flatMap((name) => Object.keys(services[name]!.environment ?? {}));
    expect(names.filter((name) => !known.has(name))).toEqual([]);
  });
});
