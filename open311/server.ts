import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import bodyParser from 'body-parser';
import { serviceList, categoryOf } from './services.js';
import {
  Open311Error,
  fileInputOf,
  serviceRequestOf,
  statusOfCode,
  type PostedRequest,
  type TrackedRequest,
} from './translate.js';

/**
 * Open311 GeoReport v2 in front of the graph, in JSON: a 311 app pointed at
 * `<this>/open311/v2/` lists the hygiene office's services, files requests into the graph
 * and follows them. It is a translator and nothing more: every call becomes a GraphQL
 * operation sent to the gateway with the caller's own bearer token (if any) and address,
 * so the gateway's limits and the subgraph's policy, rate limits and logs apply unchanged.
 * Following a request needs the phone number it was filed with (`phone`), as at the kiosk.
 */
export interface Open311Options {
  gatewayUrl: string;
  port: number;
  host?: string;
}

const FILE = `mutation Open311File($input: FileHygieneRequestInput!) {
  fileHygieneRequest(input: $input) { number deadline } }`;
const FOLLOW = `query Open311Follow($n: String!, $p: String!) {
  followHygieneRequest(number: $n, phone: $p) { number category status filedAt deadline closedAt justification steps { status at } } }`;
const QUEUE = `query Open311Queue($filter: HygieneRequestFilter) {
  hygieneRequests(filter: $filter, first: 100) { nodes { number category status place filedAt deadline closedAt justification history { toStatus at } } } }`;

type Gql = {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

async function graphql(
  options: Open311Options,
  req: http.IncomingMessage,
  query: string,
  variables: Record<string, unknown>,
  extraHeaders: Record<string, string> = {},
): Promise<Record<string, any>> {
  const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
    .filter(Boolean)
    .join(', ');
  const res = await fetch(options.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-forwarded-for': forwarded,
      ...(typeof req.headers.authorization === 'string'
        ? { authorization: req.headers.authorization }
        : {}),
      ...extraHeaders,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => ({}))) as Gql;
  const error = body.errors?.[0];
  if (error) throw new Open311Error(statusOfCode(error.extensions?.code), error.message);
  if (!res.ok || !body.data) throw new Open311Error(502, 'the graph did not answer');
  return body.data;
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

const parseForm = bodyParser.urlencoded({ extended: false, limit: '64kb' });
const parseJson = bodyParser.json({ limit: '64kb' });
function readBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<PostedRequest> {
  const parser = String(req.headers['content-type'] ?? '').includes('json') ? parseJson : parseForm;
  return new Promise((resolve, reject) =>
    parser(req as never, res as never, (err?: unknown) =>
      err
        ? reject(new Open311Error(400, 'the body is not a form or JSON'))
        : resolve(((req as { body?: PostedRequest }).body ?? {}) as PostedRequest),
    ),
  );
}

/** The same post from the same device files once (GeoReport v2 has no idempotency key). */
function idempotencyKeyOf(posted: PostedRequest): string {
  if (!posted.device_id) return randomUUID();
  return createHash('sha256').update(JSON.stringify(posted)).digest('base64url').slice(0, 40);
}

async function route(options: Open311Options, req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://open311');
  const path = url.pathname.replace(/^\/open311\/v2/, '');
  const q = url.searchParams;
  if (req.method === 'GET' && path === '/services.json') return send(res, 200, serviceList());
  const service = /^\/services\/([a-z_]+)\.json$/.exec(path);
  if (req.method === 'GET' && service) {
    if (!categoryOf(service[1]!)) throw new Open311Error(404, `no service ${service[1]}`);
    return send(res, 200, { service_code: service[1], attributes: [] });
  }
  if (req.method === 'POST' && path === '/requests.json') {
    const posted = await readBody(req, res);
    const input = fileInputOf(posted, idempotencyKeyOf(posted));
    const data = await graphql(options, req, FILE, { input });
    const filed = data.fileHygieneRequest as { number: string; deadline: string };
    return send(res, 201, [
      {
        service_request_id: filed.number,
        service_notice: `Keep this number; follow it with the phone number you gave. Expected by ${filed.deadline}.`,
        account_id: null,
      },
    ]);
  }
  const one = /^\/requests\/([A-Za-z0-9-]+)\.json$/.exec(path);
  if (req.method === 'GET' && (one || path === '/requests.json')) {
    const ids = one ? [one[1]!] : (q.get('service_request_id') ?? '').split(',').filter(Boolean);
    if (ids.length === 0 && req.headers.authorization) {
      // The hygiene office's own app: its commune's queue, under its one purpose.
      const category = q.get('service_code') ? categoryOf(q.get('service_code')!) : null;
      const data = await graphql(
        options,
        req,
        QUEUE,
        { filter: category ? { category } : null },
        { 'x-purpose': 'PUBLIC_HYGIENE' },
      );
      const nodes = data.hygieneRequests.nodes as (TrackedRequest & {
        history: { toStatus: string; at: string }[];
      })[];
      return send(
        res,
        200,
        nodes.map((n) =>
          serviceRequestOf({
            ...n,
            steps: n.history.map((h) => ({ status: h.toStatus, at: h.at })),
          }),
        ),
      );
    }
    const phone = q.get('phone');
    if (!phone || ids.length === 0 || ids.length > 10)
      throw new Open311Error(
        400,
        'give service_request_id (up to 10, comma-separated) and the phone number the request was filed with',
      );
    const found = [];
    for (const id of ids) {
      const data = await graphql(options, req, FOLLOW, { n: id, p: phone });
      if (data.followHygieneRequest)
        found.push(serviceRequestOf(data.followHygieneRequest as TrackedRequest));
    }
    if (one && found.length === 0)
      throw new Open311Error(404, `no request ${one[1]} filed with this phone number`);
    return send(res, 200, found);
  }
  throw new Open311Error(
    404,
    'not an Open311 GeoReport v2 resource (services.json, requests.json, requests/{id}.json)',
  );
}

export interface RunningOpen311 {
  url: string;
  stop(): Promise<void>;
}

export async function startOpen311(options: Open311Options): Promise<RunningOpen311> {
  const server = http.createServer((req, res) => {
    route(options, req, res).catch((error: unknown) => {
      if (error instanceof Open311Error) return send(res, error.status, error.body());
      send(res, 502, [{ code: 502, description: 'the graph did not answer' }]);
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/open311/v2`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
