import * as oauth from 'oauth4webapi';

/**
 * Signing in. The gateway tells the app how (/web-config.json): with the configured OIDC
 * provider (production: the authorization-code flow with PKCE, through oauth4webapi, a
 * certified client library rather than hand-written OAuth), or, in development, with the
 * local identity provider's page (/dev-identity/authorize), which lists seeded people and
 * sends the browser back to /signed-in with a token in the URL fragment.
 * The token lives in sessionStorage: it ends with the tab, never in a cookie.
 */
export interface Session {
  token: string;
  kind: 'citizen' | 'agent' | 'ministry' | 'integrator';
  sub: string;
  nin?: string;
  commune?: string;
  ministry?: string;
  exp: number;
}

interface OidcConfig {
  issuer: string;
  clientId: string;
  scopes: string;
  ninClaim: string;
}

interface WebConfig {
  oidc: OidcConfig | null;
  devSignIn: boolean;
}

/** What this tab remembers between leaving for the provider and coming back. */
interface Pending {
  state: string;
  returnTo: string;
  /** The PKCE code verifier (OIDC only): never leaves the tab but in the token request. */
  verifier?: string;
}

/** Why a sign-in was refused, shown to the person in words (i18n: signInRefused*). */
export type SignInProblem = 'state' | 'verifier' | 'provider';

export class SignInRefused extends Error {
  constructor(
    readonly problem: SignInProblem,
    options?: { cause?: unknown },
  ) {
    super(`sign-in refused: ${problem}`, options);
  }
}

const KEY = 'session';
const STATE = 'sign-in-state';
const PROBLEM = 'sign-in-problem';
const REDIRECT_PATH = '/signed-in';

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
}

let configPromise: Promise<WebConfig> | undefined;
/** Absent (a bare static server, `web:dev` without the gateway): the development page. */
function webConfig(): Promise<WebConfig> {
  configPromise ??= fetch('/web-config.json', { headers: { accept: 'application/json' } })
    .then((res) => (res.ok ? (res.json() as Promise<WebConfig>) : null))
    .catch(() => null)
    .then((config) => config ?? { oidc: null, devSignIn: true });
  return configPromise;
}

/**
 * Plain http is refused by oauth4webapi, rightly; a provider on this machine's loopback
 * (a local Keycloak, the tests' provider) is the one exception, so production stays https.
 */
const insecureOptions = (issuer: URL) =>
  issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname)
    ? { [oauth.allowInsecureRequests]: true }
    : {};

async function discover(config: OidcConfig): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(config.issuer);
  const response = await oauth.discoveryRequest(issuer, {
    algorithm: 'oidc',
    ...insecureOptions(issuer),
  });
  return oauth.processDiscoveryResponse(issuer, response);
}

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  if (session.exp * 1000 < Date.now()) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return session;
}

export async function signIn(returnTo: string): Promise<void> {
  const config = await webConfig();
  if (config.oidc) {
    const as = await discover(config.oidc);
    const verifier = oauth.generateRandomCodeVerifier();
    const pending: Pending = { state: oauth.generateRandomState(), returnTo, verifier };
    sessionStorage.setItem(STATE, JSON.stringify(pending));
    const url = new URL(as.authorization_endpoint!);
    url.search = new URLSearchParams({
      client_id: config.oidc.clientId,
      redirect_uri: new URL(REDIRECT_PATH, location.origin).href,
      response_type: 'code',
      scope: config.oidc.scopes,
      state: pending.state,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }).toString();
    location.assign(url.href);
    return;
  }
  const pending: Pending = { state: crypto.randomUUID(), returnTo };
  sessionStorage.setItem(STATE, JSON.stringify(pending));
  const params = new URLSearchParams({ redirect_uri: REDIRECT_PATH, state: pending.state });
  location.assign(`/dev-identity/authorize?${params}`);
}

/** The provider's code, checked against this tab's state and exchanged with its verifier. */
async function exchangeCode(
  config: OidcConfig,
  expected: Pending,
  callback: URL,
): Promise<{ token: string; claims: Record<string, unknown> }> {
  const as = await discover(config);
  const client: oauth.Client = { client_id: config.clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, callback, expected.state);
  } catch (error) {
    throw new SignInRefused(
      error instanceof oauth.AuthorizationResponseError ? 'provider' : 'state',
      { cause: error },
    );
  }
  if (!expected.verifier) throw new SignInRefused('verifier');
  const issuer = new URL(config.issuer);
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      params,
      new URL(REDIRECT_PATH, location.origin).href,
      expected.verifier,
      insecureOptions(issuer),
    );
    const result = await oauth.processAuthorizationCodeResponse(as, client, response);
    return { token: result.access_token, claims: decodePayload(result.access_token) };
  } catch (error) {
    throw new SignInRefused('provider', { cause: error });
  }
}

/**
 * Reads the identity provider's answer at /signed-in; returns where to go next, or null
 * when the answer is refused (the reason is kept for the page: takeSignInProblem).
 */
export async function completeSignIn(): Promise<{ session: Session; returnTo: string } | null> {
  const callback = new URL(location.href);
  history.replaceState(null, '', location.pathname); // the code or token leaves the address bar
  const expected = JSON.parse(sessionStorage.getItem(STATE) ?? 'null') as Pending | null;
  sessionStorage.removeItem(STATE); // one answer per sign-in, whatever happens next
  try {
    let token: string;
    let claims: Record<string, unknown>;
    let ninClaim = 'nin';
    if (callback.searchParams.has('code') || callback.searchParams.has('error')) {
      const config = await webConfig();
      if (!config.oidc) throw new SignInRefused('provider');
      // Nothing pending in this tab: the flow was not started here, its verifier is not here.
      if (!expected) throw new SignInRefused('verifier');
      ninClaim = config.oidc.ninClaim;
      ({ token, claims } = await exchangeCode(config.oidc, expected, callback));
    } else {
      const answer = new URLSearchParams(callback.hash.slice(1));
      const fromPage = answer.get('access_token');
      if (!fromPage || !expected || answer.get('state') !== expected.state) {
        throw new SignInRefused('state');
      }
      token = fromPage;
      claims = decodePayload(token);
    }
    const nin = typeof claims.nin === 'string' ? claims.nin : claims[ninClaim];
    // A standard provider's token names no kind: with a NIN it is a citizen's (as the gateway maps it).
    const kind = (claims.kind ?? (typeof nin === 'string' ? 'citizen' : undefined)) as
      Session['kind'] | undefined;
    if (!kind) throw new SignInRefused('provider');
    const session: Session = {
      token,
      kind,
      sub: String(claims.sub),
      exp: Number(claims.exp),
      ...(typeof nin === 'string' ? { nin } : {}),
      ...(typeof claims.commune === 'string' ? { commune: claims.commune } : {}),
      ...(typeof claims.ministry === 'string' ? { ministry: claims.ministry } : {}),
    };
    sessionStorage.setItem(KEY, JSON.stringify(session));
    const home = { citizen: '/account', agent: '/agent', ministry: '/dashboard' } as const;
    const returnTo =
      expected?.returnTo && expected.returnTo !== '/'
        ? expected.returnTo
        : (home[session.kind as keyof typeof home] ?? '/');
    return { session, returnTo };
  } catch (error) {
    const problem = error instanceof SignInRefused ? error.problem : 'provider';
    sessionStorage.setItem(PROBLEM, problem);
    console.warn('sign-in refused', error);
    return null;
  }
}

/** Why the last sign-in was refused, once (the page says it, then forgets it). */
export function takeSignInProblem(): SignInProblem | null {
  const problem = sessionStorage.getItem(PROBLEM) as SignInProblem | null;
  sessionStorage.removeItem(PROBLEM);
  return problem;
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}
