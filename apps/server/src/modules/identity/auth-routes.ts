import { fieldMessages } from '@souk/contracts/error-messages';
import { ErrorCode, type ErrorCode as ErrorCodeType } from '@souk/contracts/errors';
import { newPasswordSchema, signInBodySchema, signUpBodySchema } from '@souk/contracts/identity';
import { type Locale, locales } from '@souk/contracts/locales';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error.ts';
import type { AttemptLimiter } from '../../platform/http/attempt-limiter.ts';
import { buildProblem, parseRequestPart, sendProblem } from '../../platform/http/error-handler.ts';
import type { OnceMarker } from '../../platform/http/once-marker.ts';
import type { AuditAction, AuditLog } from './audit-log.ts';
import type { Auth } from './auth.ts';
import { isCommonPassword } from './common-passwords.ts';
import type { UserService } from './user-service.ts';

export interface AuthRoutesDeps {
  auth: Auth;
  users: UserService;
  audit: AuditLog;
  limiter: AttemptLimiter;
  once: OnceMarker;
  /** The referral program: checks a typed code before the account exists, records it after. */
  referrals?: SignUpReferrals | undefined;
}

export interface SignUpReferrals {
  check(code: string, accountType: string, locale: Locale): Promise<void>;
  attach(userId: string, code: string): Promise<void>;
}

function referralCookie(request: FastifyRequest): string | undefined {
  const match = /(?:^|;\s*)souk_ref=([A-Za-z0-9]{4,16})(?:;|$)/.exec(request.headers.cookie ?? '');
  return match?.[1];
}

/** better-auth error codes the platform answers with its own, translated, codes. */
const codeByUpstream: Record<string, ErrorCodeType> = {
  INVALID_EMAIL_OR_PASSWORD: ErrorCode.InvalidCredentials,
  INVALID_PASSWORD: ErrorCode.InvalidCredentials,
  EMAIL_NOT_VERIFIED: ErrorCode.EmailNotVerified,
  INVALID_CODE: ErrorCode.InvalidCode,
  INVALID_TWO_FACTOR_COOKIE: ErrorCode.InvalidCode,
  INVALID_BACKUP_CODE: ErrorCode.InvalidCode,
  OTP_HAS_EXPIRED: ErrorCode.InvalidCode,
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: ErrorCode.RateLimited,
  INVALID_TOKEN: ErrorCode.InvalidToken,
  TOKEN_EXPIRED: ErrorCode.InvalidToken,
  BANNED_USER: ErrorCode.AccountSuspended,
};

const codeByStatus: Partial<Record<number, ErrorCodeType>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  422: ErrorCode.ValidationFailed,
  429: ErrorCode.RateLimited,
};

/** Successful calls that leave a trace in the audit log (sign-in is recorded with the session). */
const auditedPaths: Partial<Record<string, AuditAction>> = {
  '/sign-out': 'sign_out',
  '/change-password': 'password_changed',
  '/change-email': 'email_change_requested',
  '/two-factor/disable': 'two_factor_disabled',
  '/revoke-session': 'session_revoked',
  '/revoke-sessions': 'session_revoked',
  '/revoke-other-sessions': 'session_revoked',
};

/** Endpoints of better-auth that are not part of Souk's surface (admins act through /api/v1/admin). */
const blockedPaths = [/^\/admin\//, /^\/delete-user/, /^\/sign-in\/social/, /^\/link-social/, /^\/callback\//];

const updateUserBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  image: z.url().max(1000).nullable().optional(),
  locale: z.enum(locales).optional(),
});

interface Limit {
  scope: string;
  limit: number;
  windowSeconds: number;
}

/** Budgets per IP and per account for the endpoints attackers hammer. */
const limits: Record<string, { perIp: Limit; perAccount?: Limit }> = {
  '/sign-in/email': {
    perIp: { scope: 'sign-in:ip', limit: 30, windowSeconds: 60 },
    perAccount: { scope: 'sign-in:account', limit: 10, windowSeconds: 15 * 60 },
  },
  '/sign-up/email': { perIp: { scope: 'sign-up:ip', limit: 10, windowSeconds: 60 * 60 } },
  '/request-password-reset': {
    perIp: { scope: 'reset:ip', limit: 10, windowSeconds: 15 * 60 },
    perAccount: { scope: 'reset:account', limit: 3, windowSeconds: 15 * 60 },
  },
  '/reset-password': { perIp: { scope: 'reset-password:ip', limit: 10, windowSeconds: 15 * 60 } },
  '/send-verification-email': {
    perIp: { scope: 'verify:ip', limit: 10, windowSeconds: 15 * 60 },
    perAccount: { scope: 'verify:account', limit: 3, windowSeconds: 15 * 60 },
  },
  '/two-factor/verify-totp': { perIp: { scope: '2fa:ip', limit: 30, windowSeconds: 5 * 60 } },
  '/two-factor/verify-otp': { perIp: { scope: '2fa:ip', limit: 30, windowSeconds: 5 * 60 } },
  '/two-factor/verify-backup-code': { perIp: { scope: '2fa:ip', limit: 30, windowSeconds: 5 * 60 } },
  '/two-factor/send-otp': { perIp: { scope: '2fa-send:ip', limit: 5, windowSeconds: 5 * 60 } },
  '/change-email': { perIp: { scope: 'change-email:ip', limit: 5, windowSeconds: 15 * 60 } },
  // Endpoints that check the current password: a stolen session must not let anyone guess it.
  ...Object.fromEntries(
    [
      '/change-password',
      '/two-factor/enable',
      '/two-factor/disable',
      '/two-factor/get-totp-uri',
      '/two-factor/generate-backup-codes',
    ].map((path) => [
      path,
      {
        perIp: { scope: 'password-check:ip', limit: 30, windowSeconds: 15 * 60 },
        perAccount: { scope: 'password-check:account', limit: 10, windowSeconds: 15 * 60 },
      },
    ]),
  ),
};

function toWebHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else headers.set(key, String(value));
  }
  // better-auth records the client address on sessions; give it the one Fastify trusts.
  headers.set('x-forwarded-for', request.ip);
  return headers;
}

export { toWebHeaders };

function weakPasswordError(request: FastifyRequest, field: string, password: string): AppError | null {
  if (!isCommonPassword(password)) return null;
  return new AppError('validation_failed', undefined, [
    { path: `body.${field}`, message: fieldMessages[request.locale].passwordTooCommon },
  ]);
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  return parseRequestPart(schema, body ?? {}, 'body');
}

/**
 * Mounts better-auth under /api/auth behind the platform's rules: bodies validated by the
 * shared schemas, weak passwords refused, per-IP and per-account budgets, a TOTP code accepted
 * once, audit entries, and errors rewritten as translated problem+json.
 */
export function authRoutes({ auth, users, audit, limiter, once, referrals }: AuthRoutesDeps): FastifyPluginAsync {
  const enforceLimits = async (request: FastifyRequest, path: string, account: string | undefined) => {
    const rule = limits[path];
    if (!rule) return;
    const checks = [rule.perIp && { ...rule.perIp, key: `${rule.perIp.scope}:${request.ip}` }];
    if (rule.perAccount && account) {
      checks.push({ ...rule.perAccount, key: `${rule.perAccount.scope}:${account.trim().toLowerCase()}` });
    }
    for (const check of checks) {
      if (!check) continue;
      const verdict = await limiter.hit(check.key, check.limit, check.windowSeconds);
      if (!verdict.allowed) {
        throw new AppError('rate_limited', undefined, undefined, { 'retry-after': String(verdict.retryAfterSeconds) });
      }
    }
  };

  /** Runs the platform's checks for one endpoint; returns the body to forward. */
  const prepare = async (request: FastifyRequest, path: string): Promise<unknown> => {
    const body = request.body as Record<string, unknown> | undefined;
    switch (path) {
      case '/sign-up/email': {
        await enforceLimits(request, path, undefined);
        const input = parseBody(signUpBodySchema, body);
        const weak = weakPasswordError(request, 'password', input.password);
        if (weak) throw weak;
        const { referralCode, ...account } = input;
        if (referralCode && referrals) await referrals.check(referralCode, input.accountType, request.locale);
        return { ...account, locale: input.locale ?? request.locale };
      }
      case '/sign-in/email': {
        const input = parseBody(signInBodySchema, body);
        await enforceLimits(request, path, input.email);
        return input;
      }
      case '/request-password-reset':
      case '/send-verification-email': {
        const input = parseBody(
          z.object({
            email: z.email().max(320),
            redirectTo: z.string().max(500).optional(),
            callbackURL: z.string().max(500).optional(),
          }),
          body,
        );
        await enforceLimits(request, path, input.email);
        return input;
      }
      case '/reset-password': {
        await enforceLimits(request, path, undefined);
        const input = parseBody(z.object({ newPassword: newPasswordSchema, token: z.string().min(1).max(500) }), body);
        const weak = weakPasswordError(request, 'newPassword', input.newPassword);
        if (weak) throw weak;
        return input;
      }
      case '/change-password': {
        await enforceLimits(request, path, request.viewer?.userId);
        const input = parseBody(
          z.object({
            currentPassword: z.string().min(1).max(200),
            newPassword: newPasswordSchema,
            revokeOtherSessions: z.boolean().optional(),
          }),
          body,
        );
        const weak = weakPasswordError(request, 'newPassword', input.newPassword);
        if (weak) throw weak;
        return input;
      }
      case '/update-user':
        return parseBody(updateUserBodySchema, body);
      case '/change-email': {
        await enforceLimits(request, path, undefined);
        return parseBody(z.object({ newEmail: z.email().max(320), callbackURL: z.string().max(500).optional() }), body);
      }
      default:
        // Budgets per account go by the signed-in person where the body names no account.
        await enforceLimits(request, path, request.viewer?.userId);
        return body;
    }
  };

  const forward = async (request: FastifyRequest, body: unknown): Promise<Response> => {
    const url = new URL(request.url, `${request.protocol}://${request.host}`);
    const hasBody = request.method !== 'GET' && body !== undefined;
    return auth.handler(
      new Request(url, {
        method: request.method,
        headers: toWebHeaders(request),
        ...(hasBody ? { body: JSON.stringify(body) } : {}),
      }),
    );
  };

  const relay = async (reply: FastifyReply, response: Response, override?: unknown) => {
    const cookies = response.headers.getSetCookie();
    if (cookies.length) reply.header('set-cookie', cookies);
    if (override !== undefined) return reply.status(200).send(override);
    for (const [key, value] of response.headers) {
      if (key !== 'set-cookie' && key !== 'content-length' && key !== 'content-encoding') reply.header(key, value);
    }
    reply.status(response.status);
    return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
  };

  /** The TOTP replay guard: the same code for the same user is good once per window. */
  const rejectReplayedCode = async (request: FastifyRequest, response: Response): Promise<Response | null> => {
    if (response.status !== 200) return null;
    const payload = (await response
      .clone()
      .json()
      .catch(() => null)) as { user?: { id?: string }; token?: string } | null;
    const code = String((request.body as { code?: unknown } | undefined)?.code ?? '');
    const userId = payload?.user?.id ?? request.viewer?.userId;
    if (!userId || !code) return null;
    if (await once.mark(`totp:${userId}:${code}`, 120)) return null;
    // Seen before: undo the session this replay just opened and answer as for a wrong code.
    if (payload?.token) await users.revokeSessionByToken(payload.token);
    return new Response(JSON.stringify({ code: 'INVALID_CODE' }), { status: 401 });
  };

  return async (app) => {
    app.route({
      method: ['GET', 'POST'],
      url: '/api/auth/*',
      config: { access: 'public' },
      schema: { hide: true },
      async handler(request, reply) {
        const path = `/${(request.params as { '*': string })['*']}`.split('?')[0] ?? '/';
        if (blockedPaths.some((pattern) => pattern.test(path))) {
          return sendProblem(reply, buildProblem(request, 'not_found'));
        }
        const startedAt = new Date(Date.now() - 1000);
        const body = request.method === 'POST' ? await prepare(request, path) : undefined;
        // Verifying a TOTP code while signed in, without 2FA yet, is the last step of turning it on.
        const enablingTwoFactor =
          path === '/two-factor/verify-totp' && request.viewer
            ? (await users.getMe(request.viewer.userId))?.twoFactorEnabled === false
            : false;
        let response = await forward(request, body);
        if (path === '/two-factor/verify-totp') response = (await rejectReplayedCode(request, response)) ?? response;

        if (response.status >= 400) {
          const upstream = (await response.json().catch(() => ({}))) as { code?: string };
          if (path === '/sign-in/email') {
            const email = (body as { email?: string }).email ?? '';
            const target = await users.findByEmail(email);
            await audit.record({
              action: 'sign_in_failed',
              targetId: target?.id ?? null,
              ipAddress: request.ip,
              userAgent: request.headers['user-agent'],
              details: { reason: upstream.code ?? String(response.status) },
            });
          }
          // No enumeration: signing up with a taken address looks exactly like a new sign-up.
          if (path === '/sign-up/email' && upstream.code === 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL') {
            return relay(reply, response, { status: 'verification_sent' });
          }
          if (path === '/sign-up/email' && upstream.code === 'USER_ALREADY_EXISTS') {
            return relay(reply, response, { status: 'verification_sent' });
          }
          const cookies = response.headers.getSetCookie();
          if (cookies.length) reply.header('set-cookie', cookies);
          const code =
            (upstream.code ? codeByUpstream[upstream.code] : undefined) ??
            codeByStatus[response.status] ??
            ErrorCode.Internal;
          return sendProblem(reply, buildProblem(request, code));
        }
        if (path === '/sign-up/email') {
          const code = (request.body as { referralCode?: string } | undefined)?.referralCode || referralCookie(request);
          if (code && referrals) {
            // Only an account this very request created is attached (a taken address answers the same).
            const created = await users.findByEmail((body as { email: string }).email);
            const signedUpAt = created ? await users.signedUpAt(created.id) : null;
            if (created && signedUpAt && signedUpAt >= startedAt) await referrals.attach(created.id, code);
          }
          return relay(reply, response, { status: 'verification_sent' });
        }
        const action =
          path === '/two-factor/verify-totp' && enablingTwoFactor ? 'two_factor_enabled' : auditedPaths[path];
        if (action && request.viewer) {
          await audit.record({
            action,
            actorId: request.viewer.userId,
            targetId: request.viewer.userId,
            ipAddress: request.ip,
            userAgent: request.headers['user-agent'],
          });
        }
        return relay(reply, response);
      },
    });
  };
}
