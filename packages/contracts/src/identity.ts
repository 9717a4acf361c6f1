import { z } from 'zod';
import { locales } from './locales.ts';
import { teamMembershipSchema } from './teams.ts';

export const accountTypes = ['merchant', 'influencer'] as const;
export type AccountType = (typeof accountTypes)[number];

export const platformRoles = ['admin', 'kyc_reviewer', 'user'] as const;
export type PlatformRole = (typeof platformRoles)[number];

/** Reads a stored role; anything unknown is a plain user. */
export function toPlatformRole(value: string | null | undefined): PlatformRole {
  return (platformRoles as readonly string[]).includes(value ?? '') ? (value as PlatformRole) : 'user';
}

export const passwordMinLength = 10;

/** GET /api/v1/me */
export const meSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.email(),
    role: z.enum(platformRoles),
    accountType: z.enum(accountTypes).nullable(),
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    locale: z.enum(locales).nullable(),
    teams: z.array(teamMembershipSchema),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

/** POST /api/auth/sign-up/email: `accountType` is the only way to choose; admins are never signed up. */
export const signUpBodySchema = z.object({
  name: z.string().trim().min(2).max(120),
  email: z.email().max(320),
  password: z.string().min(passwordMinLength).max(200),
  accountType: z.enum(accountTypes),
  locale: z.enum(locales).optional(),
  callbackURL: z.string().max(500).optional(),
  /** A referral code typed in or carried by a `/join/<code>` link (else the souk_ref cookie). */
  referralCode: z.string().trim().max(40).optional(),
});
export type SignUpBody = z.infer<typeof signUpBodySchema>;

/** POST /api/auth/sign-in/email */
export const signInBodySchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(200),
  rememberMe: z.boolean().optional(),
  callbackURL: z.string().max(500).optional(),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

/** Bodies that set a new password: reset (with token) and change (with the current one). */
export const newPasswordSchema = z.string().min(passwordMinLength).max(200);
