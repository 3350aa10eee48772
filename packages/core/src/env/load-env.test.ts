import { describe, expect, it } from 'vitest';
import { thrownBy } from '@plinth/testing';
import { AppError } from '../errors/index';
import {
  appDatabaseUrl,
  DEV_APP_DB_PASSWORD,
  DEV_SECRETS_ENCRYPTION_KEY,
  loadEnv,
  LOCAL_S3_ACCESS_KEY_ID,
  LOCAL_S3_SECRET_ACCESS_KEY,
} from './index';

/** Every setting production requires, with real (non-development) values. */
const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://owner:secret@db.internal:5432/plinth',
  APP_DB_PASSWORD: 'a-long-random-app-password',
  APP_URL: 'https://app.example.com',
  AUTH_SECRET: 'k'.repeat(48),
  MAIL_TRANSPORT: 'smtp',
  SMTP_URL: 'smtp://mailer:secret@smtp.internal:587',
  SECRETS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('loadEnv', () => {
  it('gives a development setup with no variables at all', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      role: 'all',
      databaseUrl: undefined,
      appUrl: 'http://localhost:3000',
      appDbPassword: DEV_APP_DB_PASSWORD,
    });
  });

  it('drains 5 s at SIGTERM in production and not at all elsewhere, unless told; migrates at start unless told', () => {
    expect(loadEnv(production)).toMatchObject({ shutdownDrainDelayMs: 5_000, migrateOnStart: true });
    expect(loadEnv({})).toMatchObject({ shutdownDrainDelayMs: 0, healthPort: undefined });
    expect(
      loadEnv({
        ...production,
        SHUTDOWN_DRAIN_DELAY_MS: '0',
        MIGRATE_ON_START: 'false',
        HEALTH_PORT: '3001',
      }),
    ).toMatchObject({ shutdownDrainDelayMs: 0, migrateOnStart: false, healthPort: 3001 });
    expect(() => loadEnv({ MIGRATE_ON_START: 'no' })).toThrow(
      expect.objectContaining({ fields: { MIGRATE_ON_START: expect.any(String) } }),
    );
  });

  it('bounds every database wait by default, and keeps the server statement timeout below the client one', () => {
    expect(loadEnv({}).databaseTimeouts).toEqual({ connectMs: 5_000, queryMs: 20_000, statementMs: 15_000 });
    expect(
      loadEnv({ DATABASE_QUERY_TIMEOUT_MS: '3000', DATABASE_STATEMENT_TIMEOUT_MS: '2000' }).databaseTimeouts,
    ).toMatchObject({ queryMs: 3000, statementMs: 2000 });
    const inverted = () =>
      loadEnv({ DATABASE_QUERY_TIMEOUT_MS: '2000', DATABASE_STATEMENT_TIMEOUT_MS: '2000' });
    expect(inverted).toThrow(
      expect.objectContaining({ fields: { DATABASE_STATEMENT_TIMEOUT_MS: expect.stringMatching(/below/) } }),
    );
  });

  it('names each invalid variable', () => {
    const error = thrownBy(() =>
      loadEnv({ PORT: 'eighty', PLINTH_ROLE: 'everything', DATABASE_URL: 'mysql://x' }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toEqual({
      PORT: expect.any(String),
      PLINTH_ROLE: expect.any(String),
      DATABASE_URL: expect.any(String),
    });
  });

  it('listens on 127.0.0.1 by default outside production and on every interface in production', () => {
    // Outside production /dev/mail shows sign-in links: only this machine may reach it by default.
    expect(loadEnv({}).host).toBe('127.0.0.1');
    expect(loadEnv({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
    expect(loadEnv({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadEnv(production).host).toBe('0.0.0.0');
  });

  it('refuses the development stand-ins in production', () => {
    const error = thrownBy(() => loadEnv({ NODE_ENV: 'production', APP_DB_PASSWORD: DEV_APP_DB_PASSWORD }));
    expect((error as AppError).fields).toMatchObject({
      DATABASE_URL: expect.stringMatching(/embedded/),
      APP_DB_PASSWORD: expect.stringMatching(/development password/),
      APP_URL: expect.any(String),
      AUTH_SECRET: expect.any(String),
    });
  });

  it('refuses the development secrets key, a missing one and private webhook targets in production', () => {
    const { SECRETS_ENCRYPTION_KEY: _key, ...withoutKey } = production;
    expect((thrownBy(() => loadEnv(withoutKey)) as AppError).fields).toEqual({
      SECRETS_ENCRYPTION_KEY: expect.stringMatching(/required/),
    });
    const devKey = { ...production, SECRETS_ENCRYPTION_KEY: DEV_SECRETS_ENCRYPTION_KEY };
    expect((thrownBy(() => loadEnv(devKey)) as AppError).fields).toEqual({
      SECRETS_ENCRYPTION_KEY: expect.stringMatching(/development key/),
    });
    const loopback = { ...production, WEBHOOK_ALLOW_PRIVATE: 'loopback' };
    expect((thrownBy(() => loadEnv(loopback)) as AppError).fields).toEqual({
      WEBHOOK_ALLOW_PRIVATE: expect.any(String),
    });
    expect(loadEnv({ WEBHOOK_ALLOW_PRIVATE: 'loopback' }).webhooks.allowPrivate).toBe('loopback');
    expect((thrownBy(() => loadEnv({ SECRETS_ENCRYPTION_KEY: 'short' })) as AppError).fields).toEqual({
      SECRETS_ENCRYPTION_KEY: expect.stringMatching(/32 random bytes/),
    });
  });

  it('serves the bench:pages baseline page only when asked, and in production only on a loopback HOST', () => {
    expect(loadEnv({}).benchPagesBaseline).toBe(false);
    expect(loadEnv(production).benchPagesBaseline).toBe(false);
    expect(loadEnv({ BENCH_PAGES_BASELINE: '1' }).benchPagesBaseline).toBe(true);
    for (const HOST of [undefined, '0.0.0.0', '10.0.0.5', '::']) {
      const source = { ...production, BENCH_PAGES_BASELINE: 'true', ...(HOST ? { HOST } : {}) };
      expect((thrownBy(() => loadEnv(source)) as AppError).fields).toEqual({
        BENCH_PAGES_BASELINE: expect.stringMatching(/loopback/),
      });
    }
    expect(
      loadEnv({ ...production, BENCH_PAGES_BASELINE: 'true', HOST: '127.0.0.1' }).benchPagesBaseline,
    ).toBe(true);
  });

  it('starts in production with real settings', () => {
    const env = loadEnv(production);
    expect(env.isProduction).toBe(true);
    expect(appDatabaseUrl(env, env.databaseUrl!)).toBe(
      'postgres://plinth_app:a-long-random-app-password@db.internal:5432/plinth',
    );
  });

  it('uses DATABASE_APP_URL as given when set', () => {
    const env = loadEnv({ DATABASE_APP_URL: 'postgres://app:pw@pooler:6432/plinth' });
    expect(appDatabaseUrl(env, 'postgres://owner@db/plinth')).toBe('postgres://app:pw@pooler:6432/plinth');
  });

  it('refuses a local (fake) Stripe in production, and accepts the real one', () => {
    for (const [variables, field] of [
      [{ STRIPE_API_BASE: 'http://127.0.0.1:12111' }, 'STRIPE_API_BASE'],
      [{ STRIPE_API_BASE: 'http://localhost:12111' }, 'STRIPE_API_BASE'],
      [{ STRIPE_API_BASE: 'http://[::1]:12111' }, 'STRIPE_API_BASE'],
      [{ STRIPE_SECRET_KEY: 'sk_test_fake_123' }, 'STRIPE_SECRET_KEY'],
    ] as const) {
      const error = thrownBy(() => loadEnv({ ...production, ...variables }));
      expect((error as AppError).fields, JSON.stringify(variables)).toEqual({ [field]: expect.any(String) });
    }
    const env = loadEnv({
      ...production,
      STRIPE_SECRET_KEY: 'sk_live_abc123',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
    });
    expect(env.billing).toEqual({
      stripeSecretKey: 'sk_live_abc123',
      stripeWebhookSecret: 'whsec_abc123',
      stripeApiBase: undefined,
    });
  });

  it('refuses the local S3 server in production, and accepts real storage settings', () => {
    const local = thrownBy(() =>
      loadEnv({
        ...production,
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_ACCESS_KEY_ID: LOCAL_S3_ACCESS_KEY_ID,
        S3_SECRET_ACCESS_KEY: LOCAL_S3_SECRET_ACCESS_KEY,
      }),
    );
    expect((local as AppError).fields).toEqual({
      S3_ACCESS_KEY_ID: expect.stringMatching(/refused in production/),
      S3_SECRET_ACCESS_KEY: expect.stringMatching(/refused in production/),
    });
    const env = loadEnv({
      ...production,
      S3_ENDPOINT: 'https://abc123.r2.cloudflarestorage.com',
      S3_REGION: 'auto',
      S3_BUCKET: 'acme-files',
      S3_ACCESS_KEY_ID: 'r2-key-id',
      S3_SECRET_ACCESS_KEY: 'r2-secret',
      S3_PUBLIC_BASE_URL: 'https://files.example.com/',
    });
    expect(env.storage).toEqual({
      endpoint: 'https://abc123.r2.cloudflarestorage.com',
      region: 'auto',
      bucket: 'acme-files',
      accessKeyId: 'r2-key-id',
      secretAccessKey: 'r2-secret',
      forcePathStyle: false,
      publicBaseUrl: 'https://files.example.com',
      localPort: 0,
    });
    // No S3_ENDPOINT: no storage (the file operations answer 503), never the local server.
    expect(loadEnv(production).storage.endpoint).toBeUndefined();
    expect(
      (thrownBy(() => loadEnv({ S3_BUCKET: 'Not_A_Bucket', S3_ENDPOINT: 'ftp://x' })) as AppError).fields,
    ).toEqual({
      S3_BUCKET: expect.any(String),
      S3_ENDPOINT: expect.any(String),
    });
  });

  it('names a malformed Stripe variable', () => {
    const error = thrownBy(() =>
      loadEnv({
        STRIPE_SECRET_KEY: 'pk_test_publishable',
        STRIPE_WEBHOOK_SECRET: 'secret',
        STRIPE_API_BASE: 'nope',
      }),
    );
    expect((error as AppError).fields).toEqual({
      STRIPE_SECRET_KEY: expect.any(String),
      STRIPE_WEBHOOK_SECRET: expect.any(String),
      STRIPE_API_BASE: expect.any(String),
    });
  });
});
