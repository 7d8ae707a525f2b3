import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { calculatePKCECodeChallenge, generateRandomCodeVerifier } from 'oauth4webapi';
import { request, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { gatewayEnvSchema } from '../gateway/config.js';
import { oidcSettings } from '../gateway/oidc.js';
import { webManifest } from '../scripts/web-manifest.js';
import {
  buildWebApp,
  CHROMIUM,
  hasChromium,
  launchChromium,
  screenshot,
} from './support/browser.js';
import { startTestGraph, type TestGraph } from './support/graph.js';
import { OIDC_SCOPE, startOidcProvider, type TestOidcProvider } from './support/oidc-provider.js';
import { rows } from './support/sql.js';

/**
 * The production sign-in, end to end: a real OpenID provider (oidc-provider) on its own
 * port, a production gateway configured for it through the OIDC_* variables as
 * `npm start` reads them, and the app in real Chromium running the authorization-code
 * flow with PKCE (web/src/auth.ts). Then what must be refused: a callback whose `state`
 * is not this tab's, one whose PKCE verifier is gone, and, at the gateway, the issuer's
 * tokens for a kind it may not vouch for or for another audience.
 */
if (!hasChromium) console.warn(`web-oidc.test.ts: no Chromium at ${CHROMIUM}: skipped`);

const WEB_DIR = resolve('.data/web-oidc-test');
const AUDIENCE = 'https://graph.e-commune.test';
const LOGIN = 'amina.citizen';
const AGENT_LOGIN = 'karim.agent';
const ATTACKER_LOGIN = 'eve.attacker';

let provider: TestOidcProvider;
let graph: TestGraph;
let browser: Browser;
let base: string;
let citizen: { nin: string; given_name_lat: string; family_name_lat: string };
let myRecord: string;
const accounts: Record<string, string | Record<string, unknown>> = {};

/** A page of a fresh tab, in French, that reaches nothing beyond this machine. */
async function newPage(): Promise<{
  context: BrowserContext;
  page: Page;
  tokenRequests: string[];
}> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('lang', 'fr'));
  // The provider's development pages import a web font; nothing leaves the machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  const page = await context.newPage();
  const tokenRequests: string[] = [];
  page.on('request', (req) => {
    if (req.url() === `${provider.issuer}/token`) tokenRequests.push(req.postData() ?? '');
  });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  onTestFailed(async ({ task }) => {
    console.error(`page errors: ${errors.join(' | ') || 'none'}`);
    await screenshot(page, `failed-oidc-${task.name.slice(0, 30).replace(/\W+/g, '-')}`).catch(
      () => {},
    );
  });
  return { context, page, tokenRequests };
}

/** From the account page to the provider's login page, as the citizen clicks. */
async function startSignIn(page: Page): Promise<URL> {
  await page.goto(`${base}/account`);
  const [authorization] = await Promise.all([
    page.waitForRequest((req) => req.url().startsWith(`${provider.issuer}/auth?`)),
    page.getByRole('main').getByRole('button', { name: 'Se connecter' }).click(),
  ]);
  await page.waitForURL(`${provider.issuer}/interaction/**`);
  return new URL(authorization.url());
}

/** The provider's own login and consent pages. */
async function logInAtProvider(page: Page, login: string, shots?: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  if (shots) await screenshot(page, `${shots}-login`);
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).waitFor();
  if (shots) await screenshot(page, `${shots}-consent`);
  await page.getByRole('button', { name: 'Continue' }).click();
}

const storedSession = (page: Page) => page.evaluate(() => sessionStorage.getItem('session'));

/**
 * The code flow without a browser, as any client of the provider would run it: the login
 * and consent forms posted with the provider's cookies, up to the provider's answer (the
 * callback URL with the code). `resource` asks for another audience (RFC 8707).
 */
async function providerAnswer(
  login: string,
  options: { verifier: string; state: string; resource?: string },
): Promise<URL> {
  const api = await request.newContext();
  try {
    const auth = new URL(`${provider.issuer}/auth`);
    auth.search = new URLSearchParams({
      client_id: provider.clientId,
      redirect_uri: `${base}/signed-in`,
      response_type: 'code',
      scope: `openid ${OIDC_SCOPE}`,
      state: options.state,
      code_challenge: await calculatePKCECodeChallenge(options.verifier),
      code_challenge_method: 'S256',
      ...(options.resource ? { resource: options.resource } : {}),
    }).toString();
    const submit = async (
      res: Awaited<ReturnType<typeof api.get>>,
      form: Record<string, string>,
    ) => {
      expect(res.status(), await res.text()).toBe(200);
      const action = /<form[^>]*action="([^"]+)"/.exec(await res.text())?.[1];
      expect(action, 'the provider shows a form').toBeDefined();
      return api.post(new URL(action!, provider.issuer).href, { form });
    };
    const loginPage = await api.get(auth.href);
    const consentPage = await submit(loginPage, {
      prompt: 'login',
      login,
      password: 'any password',
    });
    const back = new URL((await submit(consentPage, { prompt: 'consent' })).url());
    expect(back.searchParams.get('code'), `the provider's answer: ${back.href}`).toBeTruthy();
    return back;
  } finally {
    await api.dispose();
  }
}

/** The whole flow: the provider's answer, and its code exchanged with the verifier. */
async function accessTokenFor(login: string, resource?: string): Promise<string> {
  const verifier = generateRandomCodeVerifier();
  const answer = await providerAnswer(login, {
    verifier,
    state: 'gateway-test',
    ...(resource ? { resource } : {}),
  });
  const res = await fetch(`${provider.issuer}/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: answer.searchParams.get('code')!,
      redirect_uri: `${base}/signed-in`,
      client_id: provider.clientId,
      code_verifier: verifier,
    }),
  });
  const body = (await res.json()) as { access_token?: string };
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body.access_token!;
}

const decode = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

describe.skipIf(!hasChromium)(
  'production sign-in with an OIDC provider',
  { timeout: 90_000 },
  () => {
    beforeAll(async () => {
      rmSync(WEB_DIR, { recursive: true, force: true });
      provider = await startOidcProvider({ audience: AUDIENCE, accounts });
      // The settings exactly as the gateway reads them from its environment (OIDC_KINDS
      // left at its default: citizens only).
      const env = gatewayEnvSchema.parse({
        OIDC_ISSUER: provider.issuer,
        OIDC_JWKS_URL: provider.jwksUrl,
        OIDC_AUDIENCE: AUDIENCE,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_SCOPES: `openid ${OIDC_SCOPE}`,
      });
      const oidc = oidcSettings(env)!;
      expect(oidc.kinds).toEqual(['citizen']);
      const manifest = await webManifest();
      myRecord = manifest.operations.find((o) => o.name === 'MyRecord')!.body;
      const [, started] = await Promise.all([
        buildWebApp(WEB_DIR),
        startTestGraph({
          citizens: 200,
          seed: 7,
          webDir: WEB_DIR,
          production: true,
          trustedOperations: new Set(manifest.operations.map((o) => o.sha256)),
          oidc,
        }),
      ]);
      graph = started;
      base = graph.gateway.url.replace(/\/graphql$/, '');
      provider.attach(`${base}/signed-in`);
      const [first, second] = await rows<typeof citizen>(
        graph.database.db,
        sql`select nin, given_name_lat, family_name_lat from citizens.citizens
          where death_date is null order by nin limit 2`,
      );
      citizen = first!;
      accounts[ATTACKER_LOGIN] = second!.nin;
      accounts[LOGIN] = citizen.nin;
      // An account the provider would mint an agent's token for: the gateway must not believe it.
      accounts[AGENT_LOGIN] = { kind: 'agent', commune: '1601' };
      browser = await launchChromium();
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
      await graph?.stop();
      await provider?.stop();
    });

    it('the citizen signs in at the provider, the code is exchanged with the verifier, and their record shows', async () => {
      const { context, page, tokenRequests } = await newPage();
      // Production has no development sign-in page: the app is told to use the provider.
      const config = await (await fetch(`${base}/web-config.json`)).json();
      expect(config).toEqual({
        oidc: {
          issuer: provider.issuer,
          clientId: provider.clientId,
          scopes: `openid ${OIDC_SCOPE}`,
          ninClaim: 'nin',
        },
        devSignIn: false,
      });

      const authorization = await startSignIn(page);
      expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
      const challenge = authorization.searchParams.get('code_challenge')!;
      expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authorization.searchParams.get('redirect_uri')).toBe(`${base}/signed-in`);
      await logInAtProvider(page, LOGIN, 'oidc');

      await page.waitForURL(`${base}/account`);
      const record = page.getByTestId('record');
      await record.getByText(citizen.nin).waitFor();
      expect(await record.innerText()).toContain(
        `${citizen.given_name_lat} ${citizen.family_name_lat}`,
      );
      await screenshot(page, 'oidc-account');

      // The code went to the token endpoint once, with the verifier of that challenge.
      expect(tokenRequests).toHaveLength(1);
      const sent = new URLSearchParams(tokenRequests[0]);
      expect(sent.get('grant_type')).toBe('authorization_code');
      expect(await calculatePKCECodeChallenge(sent.get('code_verifier')!)).toBe(challenge);
      // The address bar no longer holds the code; the tab holds the provider's access token.
      expect(new URL(page.url()).search).toBe('');
      const session = JSON.parse((await storedSession(page))!) as { token: string; kind: string };
      expect(session.kind).toBe('citizen');
      const claims = decode(session.token);
      expect(claims).toMatchObject({ iss: provider.issuer, aud: AUDIENCE, nin: citizen.nin });
      expect(claims.kind).toBeUndefined(); // a standard token: the gateway maps it by its NIN
      await context.close();
    });

    it('a callback whose state is not this tab’s is refused in words, and nothing is exchanged or stored', async () => {
      // Login CSRF: an attacker's genuine answer from the provider (a code for their own
      // account, with their own state) slipped to a citizen whose tab is signing in.
      const forged = await providerAnswer(ATTACKER_LOGIN, {
        verifier: generateRandomCodeVerifier(),
        state: 'the-attackers-state',
      });
      expect(forged.searchParams.get('iss')).toBe(provider.issuer);
      const { context, page, tokenRequests } = await newPage();
      await startSignIn(page);
      await page.goto(forged.href);
      const refused = page.getByTestId('sign-in-refused');
      await refused.waitFor();
      expect(await refused.innerText()).toBe(
        'Connexion refusée : la réponse ne correspond pas à cette demande (state). Recommencez.',
      );
      expect(await refused.getAttribute('role')).toBe('alert');
      // Not signed in: the header offers to sign in, nobody is named.
      await page.getByRole('banner').getByRole('button', { name: 'Se connecter' }).waitFor();
      expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);
      expect(new URL(page.url()).search).toBe(''); // the code left the address bar anyway
      expect(tokenRequests).toHaveLength(0);
      expect(await storedSession(page)).toBeNull();
      await screenshot(page, 'oidc-refused-state');
      await context.close();
    });

    it('a callback whose PKCE verifier was lost (sessionStorage cleared) is refused, nothing stored', async () => {
      const { context, page, tokenRequests } = await newPage();
      // What this tab remembered is gone when the provider answers (another tab, a restart).
      await context.addInitScript(() => {
        if (location.pathname === '/signed-in') sessionStorage.clear();
      });
      await startSignIn(page);
      await logInAtProvider(page, LOGIN);
      const refused = page.getByTestId('sign-in-refused');
      await refused.waitFor();
      expect(await refused.innerText()).toBe(
        "Connexion refusée : elle n'a pas été commencée dans cet onglet (vérificateur PKCE absent). Recommencez.",
      );
      expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);
      expect(tokenRequests).toHaveLength(0);
      expect(await storedSession(page)).toBeNull();
      await screenshot(page, 'oidc-refused-verifier');
      await context.close();
    });

    it('the gateway accepts the issuer’s citizen token, and refuses its tokens for another kind or audience', async () => {
      const citizenToken = await accessTokenFor(LOGIN);
      const ok = await graph.query(myRecord, {}, { token: citizenToken });
      expect(ok.body.errors).toBeUndefined();
      expect(ok.body.data.me.nin).toBe(citizen.nin);
      // The token is the web app's (its client at the provider): only the app's operations run.
      const other = await graph.query('{ me { nin } }', {}, { token: citizenToken });
      expect(other.status).toBe(400);
      expect(other.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');

      // A well-signed token of the same issuer naming an agent: OIDC_KINDS is citizens only.
      const agentToken = await accessTokenFor(AGENT_LOGIN);
      expect(decode(agentToken)).toMatchObject({
        iss: provider.issuer,
        kind: 'agent',
        aud: AUDIENCE,
      });
      // For another application at the same issuer: its audience is not the graph's.
      const otherToken = await accessTokenFor(LOGIN, 'https://other-app.example');
      expect(decode(otherToken)).toMatchObject({
        iss: provider.issuer,
        aud: 'https://other-app.example',
        nin: citizen.nin,
      });
      for (const token of [agentToken, otherToken]) {
        const res = await graph.query(myRecord, {}, { token });
        expect(res.status).toBe(401);
        expect(res.body.data ?? null).toBeNull();
        expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(res.body.errors?.[0]?.message).toBe(
          'the bearer token is invalid or expired; get a new one from your identity provider',
        );
      }
    });
  },
);
