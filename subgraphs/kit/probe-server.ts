import http from 'node:http';
import { closeServer, listen } from './http.js';
import type { Logger } from './logger.js';

export interface ProbeServer {
  port: number;
  /** http://host:port, without a path: `/health` and `/ready` hang off it. */
  url: string;
  /** From now on `/ready` answers 503 (a stopping process); `/health` still 200. */
  stopping(): void;
  stop(): Promise<void>;
}

/** Longest a readiness check may take before the probe says not ready. */
const READINESS_TIMEOUT_MS = 1000;

/**
 * `/health` and `/ready` for a process that serves no HTTP of its own (the relay), on the
 * same paths and with the same answers as the gateway's and the subgraphs' fronts, so one
 * probe definition fits every Deployment. `/health`: the process lives. `/ready`: it is not
 * stopping and `readiness` resolves to null (else to a short reason, no host, no SQL).
 */
export async function startProbeServer(options: {
  port: number;
  host: string;
  log: Logger;
  readiness: () => Promise<string | null>;
}): Promise<ProbeServer> {
  let stopping = false;
  const ready = async (): Promise<string | null> => {
    if (stopping) return 'stopping';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('readiness check timed out'), READINESS_TIMEOUT_MS);
    });
    try {
      return await Promise.race([options.readiness(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, { status: 'GET only' });
    if (path === '/health') return send(res, 200, { status: 'ok' });
    if (path === '/ready')
      return void ready().then((reason) =>
        send(
          res,
          reason ? 503 : 200,
          reason ? { status: 'not ready', reason } : { status: 'ready' },
        ),
      );
    send(res, 404, { status: 'not found: the probes are GET /health and GET /ready' });
  });
  const port = await listen(server, options.port, options.host);
  options.log.info({ port, host: options.host }, 'probes listening');
  const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    port,
    url: `http://${host}:${port}`,
    stopping: () => {
      stopping = true;
    },
    stop: () => closeServer(server, 2000),
  };
}
