import { describe, expect, it } from 'vitest';
import { loadEnv } from '../env/index';
import type { AppError } from '../errors/index';

/** What production needs besides mail; the mail settings are what each test varies. */
const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://owner:secret@db.internal:5432/plinth',
  APP_DB_PASSWORD: 'a-long-random-app-password',
  APP_URL: 'https://app.example.com',
  AUTH_SECRET: 'k'.repeat(48),
  SECRETS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

function refusal(source: Record<string, string>): Record<string, string> | undefined {
  try {
    loadEnv(source);
    return undefined;
  } catch (error) {
    return (error as AppError).fields;
  }
}

describe('mail configuration', () => {
  it('captures mail by default outside production', () => {
    expect(loadEnv({}).mail).toEqual({
      transport: 'capture',
      smtpUrl: undefined,
      from: 'Plinth <no-reply@localhost>',
      supportAddress: 'support@localhost',
    });
  });

  it('sends through SMTP when configured', () => {
    const env = loadEnv({
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtps://mailer:secret@smtp.example.com:465',
      MAIL_FROM: 'Acme <hello@acme.example>',
      SUPPORT_EMAIL: 'help@acme.example',
    });
    expect(env.mail).toEqual({
      transport: 'smtp',
      smtpUrl: 'smtps://mailer:secret@smtp.example.com:465',
      from: 'Acme <hello@acme.example>',
      supportAddress: 'help@acme.example',
    });
    expect(refusal({ SUPPORT_EMAIL: 'not an address' })).toEqual({ SUPPORT_EMAIL: expect.any(String) });
  });

  it('names each invalid mail variable', () => {
    expect(refusal({ MAIL_TRANSPORT: 'carrier-pigeon', SMTP_URL: 'https://smtp.example.com' })).toEqual({
      MAIL_TRANSPORT: expect.any(String),
      SMTP_URL: expect.stringMatching(/smtp:\/\//),
    });
  });

  it('requires SMTP_URL with the smtp transport, in every environment', () => {
    expect(refusal({ MAIL_TRANSPORT: 'smtp' })).toEqual({ SMTP_URL: expect.stringMatching(/required/) });
    expect(refusal({ ...production, MAIL_TRANSPORT: 'smtp' })).toEqual({
      SMTP_URL: expect.stringMatching(/required/),
    });
  });

  it('refuses captured mail in production: it is a development stand-in', () => {
    expect(refusal(production)).toEqual({ MAIL_TRANSPORT: expect.stringMatching(/development stand-in/) });
    expect(refusal({ ...production, MAIL_TRANSPORT: 'capture' })).toEqual({
      MAIL_TRANSPORT: expect.stringMatching(/development stand-in/),
    });
  });

  it('starts in production with SMTP', () => {
    const env = loadEnv({ ...production, MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://smtp.internal:587' });
    expect(env.isProduction).toBe(true);
    expect(env.mail.transport).toBe('smtp');
  });
});
