import type { IncomingHttpHeaders } from 'node:http';
import { delegationHeader } from '../../schema/delegations.js';
import { ErrorCode, appError } from './errors.js';
import type { RequestIds } from './http.js';
import type { Logger } from './logger.js';
import { traceHeaders } from './tracing.js';

export interface PeerResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * Calls another subgraph on the caller's behalf, with the delegation token the gateway
 * signed for that subgraph in this request. The callee applies its own policy and audit
 * to the real caller and purpose; without a delegation nothing is sent.
 */
export class PeerClient {
  constructor(
    private readonly urls: Readonly<Record<string, string>>,
    private readonly headers: IncomingHttpHeaders,
    private readonly ids: RequestIds,
    private readonly log: Logger,
    private readonly timeoutMs = 3000,
  ) {}

  async query<T>(
    peer: string,
    query: string,
    variables: Record<string, unknown>,
    /** A longer deadline for a call known to be large (a bulk check); keep it under the gateway's. */
    options: { timeoutMs?: number } = {},
  ): Promise<PeerResponse<T>> {
    const url = this.urls[peer];
    const token = this.headers[delegationHeader(peer)];
    if (!url || typeof token !== 'string') {
      throw appError(
        ErrorCode.SERVICE_UNAVAILABLE,
        `the ${peer} service cannot be consulted from this request`,
      );
    }
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: token,
          'x-request-id': this.ids.requestId,
          ...traceHeaders(),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs),
      });
    } catch (err) {
      this.log.error({ peer, err }, 'peer call failed: no answer');
      throw appError(
        ErrorCode.SERVICE_UNAVAILABLE,
        `the ${peer} service did not answer; nothing was recorded, try again`,
      );
    }
    // A non-2xx answer is a failure whatever its body says: a proxy's 502 page, a 401 for
    // an expired delegation or a 500 must not read as "no such record".
    if (!res.ok) {
      await res.body?.cancel();
      this.log.error({ peer, status: res.status }, 'peer call failed: error status');
      throw appError(
        ErrorCode.SERVICE_UNAVAILABLE,
        `the ${peer} service could not be consulted (it answered ${res.status}); nothing was recorded, try again`,
      );
    }
    try {
      return (await res.json()) as PeerResponse<T>;
    } catch (err) {
      this.log.error({ peer, err }, 'peer call failed: the answer is not JSON');
      throw appError(
        ErrorCode.SERVICE_UNAVAILABLE,
        `the ${peer} service gave an unreadable answer; nothing was recorded, try again`,
      );
    }
  }
}

/**
 * Turns a peer's error into ours: its refusals (FORBIDDEN, QUOTA_EXCEEDED) keep their
 * code and say which service refused; anything else is the peer being unavailable.
 */
export function raisePeerError(peer: string, response: PeerResponse<unknown>): void {
  const error = response.errors?.[0];
  if (!error) return;
  const code = String(error.extensions?.code ?? '');
  if (code === ErrorCode.FORBIDDEN) {
    throw appError(ErrorCode.FORBIDDEN, `the ${peer} service refused: ${error.message}`, {
      group: error.extensions?.group,
      reason: error.extensions?.reason,
    });
  }
  if (code === ErrorCode.QUOTA_EXCEEDED) throw appError(ErrorCode.QUOTA_EXCEEDED, error.message);
  throw appError(
    ErrorCode.SERVICE_UNAVAILABLE,
    `the ${peer} service could not be consulted; nothing was recorded, try again`,
  );
}
