import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger/index';
import { authSurface, findAuthEndpoint } from './auth-surface';
import { createAuth } from './create-auth';

describe('the auth surface', () => {
  it('matches paths exactly as better-auth routes them: case, slashes and encoding count', () => {
    expect(findAuthEndpoint('POST', '/sign-in/email')?.endpoint.path).toBe('/sign-in/email');
    for (const path of [
      '/sign-in/email/',
      '/Sign-In/email',
      '/sign-in/%65mail',
      '//sign-in/email',
      '/sign-in/email/x',
    ]) {
      expect(findAuthEndpoint('POST', path), path).toBeNull();
    }
    expect(findAuthEndpoint('GET', '/sign-in/email')).toBeNull();
    expect(findAuthEndpoint('HEAD', '/get-session')).toBeNull();
    expect(findAuthEndpoint('GET', '/reset-password/abc%2Fdef')?.params).toEqual({ token: 'abc%2Fdef' });
    expect(findAuthEndpoint('GET', '/reset-password/a/b')).toBeNull();
  });

  it('lists only endpoints better-auth serves with that method (no typo opens or hides one)', () => {
    const auth = createAuth({
      database: { db: {}, pool: {} } as never,
      logger: createLogger({ level: 'silent' }),
      auth: {
        secret: 'x'.repeat(40),
        trustedOrigins: [],
        magicLinkSignUp: true,
        github: undefined,
        google: undefined,
        oidc: undefined,
      },
      appUrl: 'http://localhost:3000',
      production: false,
      sendMail: async () => {},
    });
    const served = new Set(
      Object.values(
        auth.api as Record<string, { path?: string; options?: { method?: string | string[] } }>,
      ).flatMap((endpoint) =>
        [endpoint.options?.method ?? []].flat().map((method) => `${method} ${endpoint.path}`),
      ),
    );
    for (const endpoint of authSurface)
      expect(served, `${endpoint.method} ${endpoint.path}`).toContain(`${endpoint.method} ${endpoint.path}`);
  });
});
