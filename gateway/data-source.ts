import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { GatewayContext } from './context.js';
import type { InternalSigner } from './internal-token.js';
import { DELEGATIONS, delegationHeader } from '../schema/delegations.js';

export interface FetchCounter {
  fetches: number;
}

/**
 * A fetch with a deadline. On timeout or a refused connection it throws a plain Error
 * whose message names the subgraph but not its address: the gateway then answers with
 * the other subgraphs' data and an error, instead of failing the whole operation.
 */
function deadlineFetcher(subgraph: string, timeoutMs: number, counter?: FetchCounter): Fetcher {
  return (async (url: string, init: RequestInit) => {
    if (counter) counter.fetches += 1;
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      const text = await response.text();
      return new Response(text, { status: response.status, headers: response.headers });
    } catch (error) {
      const timedOut =
        (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      throw new Error(
        timedOut
          ? `the ${subgraph} service did not answer within ${timeoutMs} ms`
          : `the ${subgraph} service is unavailable`,
      );
    }
  }) as unknown as Fetcher;
}

export class InternalDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly sign: InternalSigner,
    timeoutMs: number,
    counter?: FetchCounter,
  ) {
    super({ url, fetcher: deadlineFetcher(subgraph, timeoutMs, counter) });
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http!.headers;
    // The caller's own token never travels further than the gateway.
    headers.delete('authorization');
    if (!context || !('principal' in context)) return;
    const addr = context.clientAddress ?? undefined;
    const token = await this.sign(this.subgraph, {
      principal: context.principal,
      purpose: context.purpose,
      rid: context.requestId,
      ...(addr ? { addr } : {}),
    });
    headers.set('authorization', `Bearer ${token}`);
    headers.set('x-request-id', context.requestId);
    for (const callee of DELEGATIONS[this.subgraph] ?? []) {
      const delegated = await this.sign(callee, {
        principal: context.principal,
        purpose: context.purpose,
        rid: context.requestId,
        act: this.subgraph,
        ...(addr ? { addr } : {}),
      });
      headers.set(delegationHeader(callee), `Bearer ${delegated}`);
    }
  }
}
