/**
 * Signing in. Locally, the local identity provider's development page
 * (/dev-identity/authorize) lists seeded people and sends the browser back to
 * /signed-in with a token in the URL fragment. Production uses an OIDC issuer with the
 * authorization-code flow and PKCE instead (README: not built yet in this app).
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

const KEY = 'session';
const STATE = 'sign-in-state';

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
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

export function signIn(returnTo: string): void {
  const state = crypto.randomUUID();
  sessionStorage.setItem(STATE, JSON.stringify({ state, returnTo }));
  const params = new URLSearchParams({ redirect_uri: '/signed-in', state });
  location.assign(`/dev-identity/authorize?${params}`);
}

/** Reads the identity provider's answer at /signed-in; returns where to go next. */
export function completeSignIn(): { session: Session; returnTo: string } | null {
  const answer = new URLSearchParams(location.hash.slice(1));
  history.replaceState(null, '', location.pathname); // the token leaves the address bar
  const expected = JSON.parse(sessionStorage.getItem(STATE) ?? 'null') as {
    state: string;
    returnTo: string;
  } | null;
  sessionStorage.removeItem(STATE);
  const token = answer.get('access_token');
  if (!token || !expected || answer.get('state') !== expected.state) return null;
  const claims = decodePayload(token);
  const session: Session = {
    token,
    kind: claims.kind as Session['kind'],
    sub: String(claims.sub),
    exp: Number(claims.exp),
    ...(typeof claims.nin === 'string' ? { nin: claims.nin } : {}),
    ...(typeof claims.commune === 'string' ? { commune: claims.commune } : {}),
    ...(typeof claims.ministry === 'string' ? { ministry: claims.ministry } : {}),
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  const home = { citizen: '/account', agent: '/agent', ministry: '/dashboard' } as const;
  const returnTo =
    expected.returnTo && expected.returnTo !== '/'
      ? expected.returnTo
      : (home[session.kind as keyof typeof home] ?? '/');
  return { session, returnTo };
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}
