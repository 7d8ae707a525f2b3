import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider (panva's oidc-provider, the certified Node implementation) on an
 * ephemeral port, standing for the production issuer: public client, PKCE required,
 * its own login and consent pages (the library's development interactions: any password),
 * JWT access tokens for the graph's audience carrying the citizen's NIN in `nin`. A client
 * may ask for another audience (`resource`, RFC 8707), as another application at the same
 * issuer would: the token then names that one.
 */
export interface TestOidcProvider {
  issuer: string;
  jwksUrl: string;
  clientId: string;
  /** Registers the web app's redirect URI (known once its gateway listens) and starts answering. */
  attach(redirectUri: string): void;
  stop(): Promise<void>;
}

export const OIDC_SCOPE = 'e-commune:citizen';

export async function startOidcProvider(options: {
  audience: string;
  /**
   * login name → NIN, as the issuer's user directory would know it, or the claims it puts
   * in that account's access tokens. Read at each token, so it may be filled after start.
   */
  accounts: Record<string, string | Record<string, unknown>>;
}): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-es256', alg: 'ES256', use: 'sig' };
  const clientId = 'ecg-web';
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    clientId,
    attach(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            token_endpoint_auth_method: 'none',
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            id_token_signed_response_alg: 'ES256',
          },
        ],
        jwks: { keys: [jwk as never] },
        pkce: { required: () => true },
        cookies: { keys: ['test-only-cookie-key'] },
        features: {
          devInteractions: { enabled: true },
          resourceIndicators: {
            enabled: true,
            defaultResource: () => options.audience,
            useGrantedResource: () => true,
            getResourceServerInfo: (_ctx, resource) => ({
              scope: OIDC_SCOPE,
              audience: resource,
              accessTokenFormat: 'jwt',
              jwt: { sign: { alg: 'ES256' } },
            }),
          },
        },
        findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
        extraTokenClaims: (_ctx, token) => {
          const account =
            'accountId' in token ? options.accounts[String(token.accountId)] : undefined;
          return typeof account === 'string' ? { nin: account } : account;
        },
      });
      server.on('request', provider.callback());
    },
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
