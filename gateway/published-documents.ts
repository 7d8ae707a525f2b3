import type { ApolloServer } from '@apollo/server';
import { ANONYMOUS } from '../schema/principal.js';
import type { PublicDocument, RequestIds } from '../subgraphs/kit/http.js';
import type { GatewayContext } from './context.js';

/**
 * What the platform publishes for offline verifiers of its signed extracts and
 * certificates, as plain URLs: the signing keys (JWKS) and the IETF Token Status Lists,
 * at the paths the credentials name (`status.status_list.uri` is
 * https://registre.e-commune.dz/extracts/status/<n>, this gateway behind that host). They
 * are read through the graph as an anonymous caller, so the registry stays their one source.
 */
export const JWKS_PATH = '/.well-known/jwks.json';
const STATUS_LIST_PATH = /^\/extracts\/status\/(\d{1,5})$/;

export function publishedDocuments(server: ApolloServer<GatewayContext>) {
  const ask = async (query: string, variables: Record<string, unknown>, ids: RequestIds) => {
    const response = await server.executeOperation(
      { query, variables },
      {
        contextValue: {
          principal: ANONYMOUS,
          purpose: null,
          requestId: ids.requestId,
          correlationId: ids.correlationId,
          clientAddress: null,
        },
      },
    );
    if (response.body.kind !== 'single' || response.body.singleResult.errors?.length)
      throw new Error('the registry did not publish the document');
    return response.body.singleResult.data as Record<string, string>;
  };
  return async (path: string, ids: RequestIds): Promise<PublicDocument | null> => {
    if (path === JWKS_PATH) {
      const data = await ask('{ extractIssuerKeys }', {}, ids);
      return {
        status: 200,
        contentType: 'application/jwk-set+json',
        body: data.extractIssuerKeys!,
      };
    }
    const list = STATUS_LIST_PATH.exec(path);
    if (list) {
      const data = await ask(
        'query($list: Int!) { extractStatusList(list: $list) }',
        { list: Number(list[1]) },
        ids,
      );
      return {
        status: 200,
        contentType: 'application/statuslist+jwt',
        body: data.extractStatusList!,
      };
    }
    return null;
  };
}
