import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { parse, type OperationDefinitionNode } from 'graphql';
import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../gateway/context.js';
import { InternalDataSource } from '../gateway/data-source.js';
import { createInternalSigner } from '../gateway/internal-token.js';
import { DELEGATIONS, delegationHeader, delegationsFor } from '../schema/delegations.js';
import type { Principal } from '../schema/principal.js';
import { verifyInternalToken } from '../subgraphs/kit/internal-token.js';

// A delegation lets a subgraph act as the caller at another one; it travels only with
// the operations that may use it (schema/delegations.ts).
const agent: Principal = {
  kind: 'agent',
  sub: 'agent-1601',
  clientId: 'guichet',
  communeCode: '1601',
} as Principal;

describe('which delegations a fetch carries', () => {
  it('a query to a subgraph that calls its peers only from mutations carries none', () => {
    for (const subgraph of ['documents', 'vehicles', 'patrimony', 'disputes', 'hygiene']) {
      expect(delegationsFor(subgraph, 'agent', 'query')).toEqual([]);
      expect(delegationsFor(subgraph, 'agent', 'mutation')).toEqual(DELEGATIONS[subgraph]);
    }
  });

  it('education reads its cohorts in queries, and the registry gathers a citizen’s history in queries', () => {
    expect(delegationsFor('education', 'agent', 'query')).toEqual(['citizens']);
    expect(delegationsFor('citizens', 'citizen', 'query')).toEqual(DELEGATIONS.citizens);
    expect(delegationsFor('citizens', 'ministry', 'query')).toEqual([]);
  });

  it('the gateway signs a delegation for a mutation’s fetch, none for a query’s', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA');
    const source = new InternalDataSource(
      'documents',
      'http://127.0.0.1:1/graphql',
      createInternalSigner(privateKey, 'k1'),
      1000,
    );
    const context: GatewayContext = {
      principal: agent,
      purpose: null,
      requestId: 'req-1',
      correlationId: null,
    };
    const fetchOf = async (text: string) => {
      const operation = parse(text).definitions[0] as OperationDefinitionNode;
      const headers = new Headers();
      await source.willSendRequest({
        kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
        request: { query: text, http: { method: 'POST', url: '', headers } },
        context,
        incomingRequestContext: { operation } as never,
      });
      return headers;
    };
    const query = await fetchOf(`query { application(number: "x") { number } }`);
    expect(query.get('authorization')).toMatch(/^Bearer /);
    expect(query.get(delegationHeader('citizens'))).toBeNull();

    const mutation = await fetchOf(`mutation { submitApplication(input: {}) { ok } }`);
    const delegated = mutation.get(delegationHeader('citizens'));
    const claims = await verifyInternalToken(delegated ?? undefined, publicKey, 'citizens');
    expect(claims).toMatchObject({ principal: agent, rid: 'req-1', act: 'documents' });
    // It is a token for the registry only: the documents subgraph itself refuses it.
    await expect(
      verifyInternalToken(delegated ?? undefined, publicKey, 'documents'),
    ).rejects.toThrow();
  });
});
