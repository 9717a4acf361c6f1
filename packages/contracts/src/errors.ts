import { z } from 'zod';

/**
 * Every error the API can return carries one of these codes. The server maps each code to an
 * HTTP status in one place; clients switch on the code, never on the message.
 */
export const ErrorCode = {
  ValidationFailed: 'validation_failed',
  MalformedBody: 'malformed_body',
  PayloadTooLarge: 'payload_too_large',
  Unauthenticated: 'unauthenticated',
  InvalidCredentials: 'invalid_credentials',
  InvalidCode: 'invalid_code',
  InvalidToken: 'invalid_token',
  EmailNotVerified: 'email_not_verified',
  AccountSuspended: 'account_suspended',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  Conflict: 'conflict',
  RateLimited: 'rate_limited',
  ServiceUnavailable: 'service_unavailable',
  Internal: 'internal',
  // Site: contact form and newsletter.
  ChallengeFailed: 'challenge_failed',
  // Catalog: an unverified merchant's published-deal limit; a deal an admin unpublished.
  DealLimitReached: 'deal_limit_reached',
  ModerationHold: 'moderation_hold',
  // Billing: a plan's quota is used up (the problem carries quota, limit, used, upgradeUrl).
  QuotaExceeded: 'quota_exceeded',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorStatus: Record<ErrorCode, number> = {
  validation_failed: 422,
  malformed_body: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_code: 401,
  invalid_token: 400,
  email_not_verified: 403,
  account_suspended: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  service_unavailable: 503,
  internal: 500,
  challenge_failed: 422,
  deal_limit_reached: 403,
  moderation_hold: 409,
  quota_exceeded: 402,
};

/** RFC 9457 problem details, as every error response body of the API. */
export const problemSchema = z
  .object({
    type: z.string().describe('URI naming the error code'),
    title: z.string().describe('Translated, human-readable summary'),
    status: z.number().int(),
    code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Field errors, for validation failures'),
    quota: z.string().optional().describe('quota_exceeded: the quota that is used up'),
    limit: z.number().int().nullable().optional().describe('quota_exceeded: the plan’s limit'),
    used: z.number().int().optional().describe('quota_exceeded: what is used now'),
    upgradeUrl: z.string().optional().describe('quota_exceeded: where to change plan'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;
