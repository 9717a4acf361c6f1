import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Config } from '../../platform/config/config.ts';
import type { Database } from '../../platform/db/database.ts';
import { accounts, sessions, users, verifications } from './schema.ts';

export const sessionCookiePrefix = 'souk';

/**
 * better-auth owns passwords and sessions. Sign-up, verification, two-factor, teams and API
 * keys are switched on by the identity issue; the foundation needs sign-in and sessions.
 */
export function createAuth(db: Database, config: Config, secret: string) {
  return betterAuth({
    appName: 'Souk',
    baseURL: config.PUBLIC_URL,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [config.PUBLIC_URL],
    database: drizzleAdapter(db as never, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'user', input: false },
        accountType: { type: 'string', required: false, input: false },
        locale: { type: 'string', required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    // The platform's own rate limiter covers /api/auth; the identity issue adds per-account limits.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: sessionCookiePrefix,
      useSecureCookies: config.PUBLIC_URL.startsWith('https://'),
      database: { generateId: () => crypto.randomUUID() },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
