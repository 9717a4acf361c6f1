import { isLocale, type Locale } from '@souk/contracts/locales';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { admin, twoFactor } from 'better-auth/plugins';
import { eq } from 'drizzle-orm';
import type { Config } from '../../platform/config/config.ts';
import type { Database } from '../../platform/db/database.ts';
import type { AuditLog } from './audit-log.ts';
import type { IdentityMailer } from './identity-mailer.ts';
import { accounts, sessions, twoFactors, users, verifications } from './schema.ts';
import type { TeamService } from './team-service.ts';

export const sessionCookiePrefix = 'souk';

export interface AuthDeps {
  teams: TeamService;
  db: Database;
  config: Config;
  secret: string;
  mailer: IdentityMailer;
  audit: AuditLog;
}

function localeOf(user: object): Locale {
  const locale = (user as { locale?: unknown }).locale;
  return isLocale(locale) ? locale : 'fr';
}

function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown device';
  const browser = /(Edg|OPR|Chrome|Firefox|Safari)\/[\d.]+/.exec(userAgent)?.[1] ?? 'Browser';
  const os = /(Windows|Android|iPhone|iPad|Mac OS X|Linux)/.exec(userAgent)?.[1] ?? '';
  return `${browser === 'Edg' ? 'Edge' : browser === 'OPR' ? 'Opera' : browser}${os ? ` — ${os}` : ''}`;
}

/**
 * better-auth owns passwords, sessions, email verification, password reset and two-factor.
 * Mails go through the messaging module (via IdentityMailer) in the user's language; security
 * events go to the audit log.
 */
export function createAuth({ db, config, secret, mailer, audit, teams }: AuthDeps) {
  return betterAuth({
    appName: 'Souk',
    baseURL: config.PUBLIC_URL,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [config.PUBLIC_URL],
    database: drizzleAdapter(db as never, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        twoFactor: twoFactors,
      },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 200,
      requireEmailVerification: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      async sendResetPassword({ user, url }) {
        await mailer.send({
          to: user.email,
          locale: localeOf(user),
          template: 'password-reset',
          data: { name: user.name, url },
        });
        await audit.record({ action: 'password_reset_requested', targetId: user.id });
      },
      async onPasswordReset({ user }) {
        await audit.record({
          action: 'password_changed',
          actorId: user.id,
          targetId: user.id,
          details: { via: 'reset' },
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: 60 * 60 * 24,
      async sendVerificationEmail({ user, url }) {
        await mailer.send({
          to: user.email,
          locale: localeOf(user),
          template: 'verify-email',
          data: { name: user.name, url },
        });
      },
      async afterEmailVerification(user) {
        await audit.record({ action: 'email_verified', actorId: user.id, targetId: user.id });
      },
    },
    user: {
      // A new address takes effect once the link mailed to it is followed.
      changeEmail: { enabled: true },
      additionalFields: {
        accountType: { type: 'string', required: false, input: true },
        locale: { type: 'string', required: false, input: true },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    databaseHooks: {
      user: {
        create: {
          async after(user) {
            const accountType = (user as { accountType?: unknown }).accountType;
            await audit.record({ action: 'sign_up', actorId: user.id, targetId: user.id, details: { accountType } });
            // A merchant account is a team from the start, with its creator as owner.
            if (accountType === 'merchant') await teams.createForOwner(user.id, user.name);
          },
        },
      },
      session: {
        create: {
          async after(session) {
            const previous = await audit.hasSignedInFrom(session.userId, session.userAgent ?? null);
            await audit.record({
              action: 'sign_in',
              actorId: session.userId,
              targetId: session.userId,
              ipAddress: session.ipAddress,
              userAgent: session.userAgent,
            });
            // The very first session is the sign-up itself: nothing to warn about.
            if (!previous.any || previous.same) return;
            const [user] = await db.select().from(users).where(eq(users.id, session.userId)).limit(1);
            if (!user) return;
            await mailer.send({
              to: user.email,
              locale: localeOf(user),
              template: 'new-sign-in',
              data: {
                device: describeDevice(session.userAgent),
                ipAddress: session.ipAddress ?? null,
                at: new Date().toISOString(),
              },
            });
          },
        },
      },
    },
    plugins: [
      twoFactor({
        issuer: 'Souk',
        backupCodeOptions: { amount: 10, length: 10 },
        otpOptions: {
          period: 5,
          async sendOTP({ user, otp }) {
            await mailer.send({
              to: user.email,
              locale: localeOf(user),
              template: 'two-factor-code',
              data: { code: otp },
            });
          },
        },
      }),
      admin({ defaultRole: 'user', adminRoles: ['admin'] }),
    ],
    // Platform limiter (auth-limits.ts) covers these endpoints per IP and per account.
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
