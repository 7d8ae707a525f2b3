import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApolloClient, ApolloLink, InMemoryCache, Observable } from '@apollo/client';
import { print, type DocumentNode } from 'graphql';
import {
  operationHash,
  WEB_CLIENT_NAME,
  type TrustedManifest,
} from '../gateway/trusted-operations.js';
import * as generated from '../web/src/gql/graphql.js';

/**
 * The trusted-operation manifest of the web app: each operation exactly as Apollo Client
 * sends it (its cache adds __typename), captured by running it through a client whose
 * last link records the request instead of sending it, then hashed as the gateway
 * hashes it. Written beside the build; the gateway loads it at start.
 */
export async function webManifest(): Promise<TrustedManifest> {
  const sent: { name: string; body: string }[] = [];
  const capture = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        sent.push({ name: operation.operationName ?? '', body: print(operation.query) });
        observer.next({ data: null });
        observer.complete();
      }),
  );
  const client = new ApolloClient({ link: capture, cache: new InMemoryCache() });
  const documents = Object.entries(generated).filter(
    (entry): entry is [string, DocumentNode] =>
      entry[0].endsWith('Document') && typeof entry[1] === 'object',
  );
  for (const [, document] of documents) {
    const definition = document.definitions[0];
    const isMutation =
      definition?.kind === 'OperationDefinition' && definition.operation === 'mutation';
    // Variables do not matter here: nothing is sent, only the document is recorded.
    if (isMutation) await client.mutate({ mutation: document }).catch(() => undefined);
    else await client.query({ query: document, fetchPolicy: 'no-cache' }).catch(() => undefined);
  }
  const operations = sent
    .map((s) => ({ name: s.name, sha256: operationHash(s.body), body: s.body }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (operations.length !== documents.length) {
    throw new Error(`captured ${operations.length} of ${documents.length} operations`);
  }
  return { format: 'ecg-trusted-operations/1', client: WEB_CLIENT_NAME, operations };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? 'web/dist/trusted-operations.json';
  const manifest = await webManifest();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${out}: ${manifest.operations.length} trusted operations`);
}
