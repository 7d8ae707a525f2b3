import { GraphQLError } from 'graphql';

/**
 * Stable error codes (`extensions.code`). Clients branch on these, so a code, once
 * published, keeps its meaning; the message may be reworded.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INVALID_NIN: 'INVALID_NIN',
  INVALID_COMMUNE_CODE: 'INVALID_COMMUNE_CODE',
  INVALID_WILAYA_CODE: 'INVALID_WILAYA_CODE',
  INVALID_PAGE_SIZE: 'INVALID_PAGE_SIZE',
  INVALID_CURSOR: 'INVALID_CURSOR',
  INVALID_DATE: 'INVALID_DATE',
  COMMUNE_NOT_FOUND: 'COMMUNE_NOT_FOUND',
  WILAYA_NOT_FOUND: 'WILAYA_NOT_FOUND',
  PARENT_NOT_FOUND: 'PARENT_NOT_FOUND',
  PARENT_INELIGIBLE: 'PARENT_INELIGIBLE',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  RATE_LIMITED: 'RATE_LIMITED',
  INVALID_PHONE: 'INVALID_PHONE',
  INVALID_CATEGORY: 'INVALID_CATEGORY',
  CITIZEN_NOT_FOUND: 'CITIZEN_NOT_FOUND',
  CITIZEN_DECEASED: 'CITIZEN_DECEASED',
  UNDER_AGE: 'UNDER_AGE',
  DUPLICATE_APPLICATION: 'DUPLICATE_APPLICATION',
  NO_DOCUMENT_TO_REPLACE: 'NO_DOCUMENT_TO_REPLACE',
  ALREADY_HOLDS_DOCUMENT: 'ALREADY_HOLDS_DOCUMENT',
  APPLICATION_NOT_FOUND: 'APPLICATION_NOT_FOUND',
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  REASON_REQUIRED: 'REASON_REQUIRED',
  INVALID_VIN: 'INVALID_VIN',
  INVALID_PLATE: 'INVALID_PLATE',
  VEHICLE_NOT_FOUND: 'VEHICLE_NOT_FOUND',
  VIN_ALREADY_REGISTERED: 'VIN_ALREADY_REGISTERED',
  VEHICLE_STOLEN: 'VEHICLE_STOLEN',
  VEHICLE_SCRAPPED: 'VEHICLE_SCRAPPED',
  NOT_CURRENT_OWNER: 'NOT_CURRENT_OWNER',
  PLATE_SERIES_EXHAUSTED: 'PLATE_SERIES_EXHAUSTED',
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
  /** Caller tokens cannot be verified: the identity provider's JWKS does not answer (503). */
  AUTH_UNAVAILABLE: 'AUTH_UNAVAILABLE',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function appError(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export const badInput = (code: ErrorCode, message: string, field?: string) =>
  appError(code, message, field ? { field } : {});

export const forbidden = (message: string, details: Record<string, unknown> = {}) =>
  appError(ErrorCode.FORBIDDEN, message, details);

export const unauthenticated = (message: string) =>
  new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });

/** Codes the client may see as they are; any other error is an internal one. */
export const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
