import { categoryOf, serviceCodeOf, serviceNameOf } from './services.js';

/** An Open311 error body: a list of {code, description}, with the HTTP status as code. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
  body() {
    return [{ code: this.status, description: this.message }];
  }
}

/** The GraphQL error codes of the graph as HTTP statuses for a 311 app. */
export function statusOfCode(code: string | undefined): number {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'RATE_LIMITED':
      return 429;
    case 'SERVICE_UNAVAILABLE':
    case 'AUTH_UNAVAILABLE':
      return 503;
    case 'INTERNAL_SERVER_ERROR':
      return 500;
    default:
      return 400;
  }
}

export interface PostedRequest {
  jurisdiction_id?: string;
  service_code?: string;
  description?: string;
  address_string?: string;
  lat?: string;
  long?: string;
  phone?: string;
  device_id?: string;
}

/**
 * A POST requests.json as the graph's FileHygieneRequestInput. The place is the address
 * string, or the coordinates when the app sends only those; the idempotency key comes from
 * the app's device id and the request's content, so an app that posts twice files once.
 */
export function fileInputOf(posted: PostedRequest, idempotencyKey: string) {
  const jurisdiction = posted.jurisdiction_id?.trim();
  if (!jurisdiction)
    throw new Open311Error(400, 'jurisdiction_id is required: the commune code (4 digits)');
  const category = posted.service_code ? categoryOf(posted.service_code) : null;
  if (!category)
    throw new Open311Error(
      404,
      `service_code ${String(posted.service_code ?? '').slice(0, 40)} is not a service of this jurisdiction`,
    );
  const place =
    posted.address_string?.trim() ||
    (posted.lat && posted.long
      ? `GPS ${Number(posted.lat).toFixed(6)}, ${Number(posted.long).toFixed(6)}`
      : '');
  if (!place) throw new Open311Error(400, 'give address_string, or lat and long');
  return {
    communeCode: jurisdiction,
    category,
    place,
    text: posted.description ?? '',
    ...(posted.phone ? { contactPhone: posted.phone } : {}),
    idempotencyKey,
  };
}

export interface TrackedRequest {
  number: string;
  category: string;
  status: string;
  filedAt: string;
  deadline: string;
  closedAt: string | null;
  justification: string | null;
  steps: { status: string; at: string }[];
}

/** A followed request as GeoReport v2 shows a service request (open or closed). */
export function serviceRequestOf(r: TrackedRequest) {
  const closed = r.status === 'RESOLVED' || r.status === 'REJECTED';
  return {
    service_request_id: r.number,
    status: closed ? 'closed' : 'open',
    status_notes: r.justification ?? r.status,
    service_name: serviceNameOf(r.category),
    service_code: serviceCodeOf(r.category),
    requested_datetime: r.filedAt,
    updated_datetime: r.steps[r.steps.length - 1]?.at ?? r.filedAt,
    expected_datetime: r.deadline,
  };
}
