import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import type { KeptEntities } from './kept-entities.js';
import { REACH_GRANTS_EXTENSION } from '../subgraphs/kit/reach.js';
import { MAX_NAMED_VALUES } from './named-keys.js';
import { subgraphFetcher, type FetchCounter } from './subgraph-fetcher.js';
import type { GatewayContext } from './context.js';
import type { InternalSigner } from './internal-token.js';
import type { FetchObserver } from './metrics.js';
import { delegationHeader, delegationsFor } from '../schema/delegations.js';

export type { FetchCounter };

type ReceivedResponse = Parameters<
  NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>
>[0];

export class InternalDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly sign: InternalSigner,
    timeoutMs: number,
    counter?: FetchCounter,
    observe?: FetchObserver,
    /** What this subgraph answered for entities every caller may read alike (kept-entities.ts). */
    private readonly kept?: KeptEntities,
  ) {
    super({ url, fetcher: subgraphFetcher(subgraph, timeoutMs, counter, observe) });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!this.kept || options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION)
      return super.process(options);
    const keys = this.kept.keysOf(options.request);
    if (!keys) return super.process(options);
    const kept = this.kept.answer(keys);
    if (kept) return kept;
    const response = await super.process(options);
    this.kept.keep(keys, response);
    return response;
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const { request, context } = options;
    const headers = request.http!.headers;
    // The caller's own token never travels further than the gateway.
    headers.delete('authorization');
    if (!context || !('principal' in context)) return;
    const addr = context.clientAddress ?? undefined;
    const token = await this.sign(this.subgraph, {
      principal: context.principal,
      purpose: context.purpose,
      rid: context.requestId,
      named: context.named ?? [],
      ...(context.correlationId ? { cid: context.correlationId } : {}),
      ...(addr ? { addr } : {}),
    });
    headers.set('authorization', `Bearer ${token}`);
    headers.set('x-request-id', context.requestId);
    // Health checks and schema loads carry no operation; treated as queries, they carry
    // no delegation where queries carry none.
    const operation =
      'incomingRequestContext' in options
        ? (options.incomingRequestContext.operation?.operation ?? 'query')
        : 'query';
    for (const callee of delegationsFor(this.subgraph, context.principal.kind, operation)) {
      const delegated = await this.sign(callee, {
        principal: context.principal,
        purpose: context.purpose,
        rid: context.requestId,
        named: context.named ?? [],
        ...(context.correlationId ? { cid: context.correlationId } : {}),
        act: this.subgraph,
        ...(addr ? { addr } : {}),
      });
      headers.set(delegationHeader(callee), `Bearer ${delegated}`);
    }
  }

  /**
   * A subgraph that reached a person through a record within the caller's reach grants
   * it (see subgraphs/kit/reach.ts): later fetches of this request carry it, and the
   * grant never reaches the caller.
   */
  override didReceiveResponse({ response, context }: ReceivedResponse) {
    const grants = response.extensions?.[REACH_GRANTS_EXTENSION];
    if (response.extensions) delete response.extensions[REACH_GRANTS_EXTENSION];
    if (Array.isArray(grants) && context && 'principal' in context) {
      const named = new Set(context.named ?? []);
      for (const key of grants) {
        if (named.size >= MAX_NAMED_VALUES * 3) break;
        if (typeof key === 'string') named.add(key);
      }
      context.named = [...named];
    }
    return response;
  }
}
