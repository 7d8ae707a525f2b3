import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type http from 'node:http';
import { GraphQLError, parse, print } from 'graphql';
import type { Principal } from '../schema/principal.js';
import { ErrorCode } from '../subgraphs/kit/errors.js';

/** The name the web app gives itself (Apollo Client's clientAwareness sends it as a header). */
export const WEB_CLIENT_NAME = 'ecg-web';
/** Token client ids that only the web app holds: the citizens' portal. */
export const WEB_CLIENT_IDS: readonly string[] = ['citizen-portal'];

/** The manifest the web build writes: the sha256 of each operation, as the app sends it. */
export interface TrustedManifest {
  format: 'ecg-trusted-operations/1';
  client: string;
  operations: { name: string; sha256: string; body: string }[];
}

/**
 * One hash for a document whatever its spacing: the sha256 of graphql-js's print of it,
 * which the build computes the same way (scripts/web-manifest.ts).
 */
export function operationHash(document: string): string {
  return createHash('sha256')
    .update(print(parse(document)))
    .digest('hex');
}

export function loadTrustedManifest(path: string): ReadonlySet<string> {
  if (!existsSync(path)) return new Set();
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as TrustedManifest;
  return new Set(manifest.operations.map((o) => o.sha256));
}

const fromWebClient = (
  req: http.IncomingMessage,
  principal: Principal,
  clientIds: readonly string[],
) =>
  req.headers['apollographql-client-name'] === WEB_CLIENT_NAME ||
  ('clientId' in principal && clientIds.includes(principal.clientId));

/**
 * In production the web app may send only the operations its build registered: a stolen
 * citizen token cannot be used to run other documents through the portal's client.
 * Ministry clients send their own documents; development accepts anything.
 */
export function assertTrustedOperation(
  trusted: ReadonlySet<string>,
  req: http.IncomingMessage,
  query: unknown,
  principal: Principal,
  /** Besides WEB_CLIENT_IDS: the app's client at the OIDC provider (its tokens' client_id). */
  webClientIds: readonly string[] = [],
): void {
  if (!fromWebClient(req, principal, [...WEB_CLIENT_IDS, ...webClientIds])) return;
  let hash: string | null = null;
  try {
    hash = typeof query === 'string' ? operationHash(query) : null;
  } catch {
    hash = null;
  }
  if (hash !== null && trusted.has(hash)) return;
  throw new GraphQLError(
    'this client may only send the operations registered by its build (trusted-operations.json)',
    { extensions: { code: ErrorCode.OPERATION_NOT_TRUSTED, http: { status: 400 } } },
  );
}
