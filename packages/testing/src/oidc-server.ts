import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  OAuth2Server,
  type MutableRedirectUri,
  type MutableResponse,
  type MutableToken,
} from 'oauth2-mock-server';

/** The person the stand-in IdP "logs in" at its next /authorize. */
export interface OidcUser {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

export interface OidcServer {
  /** Also the `iss` of every token it signs. */
  issuerUrl: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  /** Queues who logs in at the next /authorize; each login takes one. */
  setNextUser(user: OidcUser): void;
  stop(): Promise<void>;
}

interface IssuedCode {
  user: OidcUser;
  redirectUri: string;
  /** What /authorize asked for; the mock would otherwise grant "dummy". */
  scope: string;
}

interface TokenRequestBody {
  grant_type?: string;
  code?: string;
  redirect_uri?: string;
  client_id?: string;
  client_secret?: string;
}

/**
 * A local OpenID Connect provider for tests: oauth2-mock-server (discovery, /authorize, /token,
 * /userinfo, /jwks, RS256) made strict where a real IdP is and better-auth relies on it. One
 * confidential client; /authorize logs in the next queued user at once and redirects back with a
 * code; /token checks the client secret, the redirect_uri and PKCE, honours each code once, and
 * signs an id_token with that user's claims and the request's nonce; /userinfo answers only to an
 * access token it issued. Other grants (refresh, client credentials) are refused: sign-in needs none.
 */
export async function startOidcServer(): Promise<OidcServer> {
  const clientId = `plinth-test-${randomBytes(4).toString('hex')}`;
  const clientSecret = randomBytes(24).toString('hex');
  const nextUsers: OidcUser[] = [];
  const codes = new Map<string, IssuedCode>();
  const accessTokens = new Map<string, OidcUser>();

  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  // The mock names itself http://localhost:PORT; use the address it listens on so no resolver
  // has to pick between ::1 and 127.0.0.1.
  const issuerUrl = `http://127.0.0.1:${server.address().port}`;
  server.issuer.url = issuerUrl;
  const { service } = server;

  service.on('beforeAuthorizeRedirect', ({ url }: MutableRedirectUri, req: IncomingMessage) => {
    const query = new URL(req.url ?? '/', issuerUrl).searchParams;
    const code = url.searchParams.get('code');
    if (!code) return;
    const knownClient = query.get('client_id') === clientId;
    const user = knownClient ? nextUsers.shift() : undefined;
    if (!user) {
      // An unknown client, or a test that forgot setNextUser: fail the flow, never invent someone.
      url.searchParams.delete('code');
      url.searchParams.set('error', knownClient ? 'login_required' : 'unauthorized_client');
      return;
    }
    codes.set(code, { user, redirectUri: query.get('redirect_uri') ?? '', scope: query.get('scope') ?? '' });
  });

  service.on(
    'beforeTokenSigning',
    (token: MutableToken, req: IncomingMessage & { body: TokenRequestBody }) => {
      const issued = req.body.code ? codes.get(req.body.code) : undefined;
      if (!issued) return;
      token.payload.sub = issued.user.sub;
      // The access token carries the granted scope; only the id_token has an audience (the client)
      // and the person's claims.
      if (token.payload.scope !== undefined) token.payload.scope = issued.scope;
      if (token.payload.aud !== undefined) {
        Object.assign(token.payload, {
          email: issued.user.email,
          email_verified: issued.user.email_verified,
          name: issued.user.name,
        });
      }
    },
  );

  service.on(
    'beforeResponse',
    (response: MutableResponse, req: IncomingMessage & { body: TokenRequestBody }) => {
      const refuse = (statusCode: number, error: string) => {
        response.statusCode = statusCode;
        response.body = { error };
      };
      const { body } = req;
      if (!clientAuthenticated(req, clientId, clientSecret)) return refuse(401, 'invalid_client');
      if (body.grant_type !== 'authorization_code') return refuse(400, 'unsupported_grant_type');
      const issued = body.code ? codes.get(body.code) : undefined;
      if (body.code) codes.delete(body.code);
      if (!issued || body.redirect_uri !== issued.redirectUri) return refuse(400, 'invalid_grant');
      if (response.body && typeof response.body.access_token === 'string') {
        response.body.scope = issued.scope;
        accessTokens.set(response.body.access_token, issued.user);
      }
    },
  );

  service.on('beforeUserinfo', (response: MutableResponse, req: IncomingMessage) => {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const user = bearer ? accessTokens.get(bearer) : undefined;
    if (!user) {
      response.statusCode = 401;
      response.body = { error: 'invalid_token' };
      return;
    }
    response.body = { ...user };
  });

  return {
    issuerUrl,
    discoveryUrl: `${issuerUrl}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    setNextUser(user) {
      nextUsers.push(user);
    },
    async stop() {
      service.removeAllListeners();
      await server.stop();
    },
  };
}

/** client_secret_post or client_secret_basic, as a confidential client may use either. */
function clientAuthenticated(
  req: IncomingMessage & { body: TokenRequestBody },
  clientId: string,
  clientSecret: string,
): boolean {
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString();
    const colon = decoded.indexOf(':');
    const id = decodeURIComponent(decoded.slice(0, colon));
    const secret = decodeURIComponent(decoded.slice(colon + 1));
    return id === clientId && secret === clientSecret;
  }
  return req.body.client_id === clientId && req.body.client_secret === clientSecret;
}
