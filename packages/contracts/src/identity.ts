import { z } from 'zod';
import { locales } from './locales.ts';

export const accountTypes = ['merchant', 'influencer'] as const;
export type AccountType = (typeof accountTypes)[number];

export const platformRoles = ['admin', 'user'] as const;

/** GET /api/v1/me */
export const meSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.email(),
    role: z.enum(platformRoles),
    accountType: z.enum(accountTypes).nullable(),
    emailVerified: z.boolean(),
    locale: z.enum(locales).nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

/** POST /api/v1/session (sign in with email and password) */
export const signInBodySchema = z.object({
  email: z.email(),
  password: z.string().min(1).max(200),
});
export type SignInBody = z.infer<typeof signInBodySchema>;
