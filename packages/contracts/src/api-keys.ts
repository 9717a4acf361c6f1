import { z } from 'zod';

/** What an API key may do. Later modules add the scopes their routes require. */
export const apiKeyScopes = [
  'products:read',
  'products:write',
  'conversions:write',
  'orders:read',
  'analytics:read',
  // A program filling in its owner's KYC file (never reviewing: that needs a person).
  'kyc:write',
  // Social publishing: read accounts and posts; compose, schedule and manage posts.
  'social:read',
  'social:write',
] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('First characters of the key, to tell keys apart'),
    scopes: z.array(z.enum(apiKeyScopes)),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKeyView = z.infer<typeof apiKeySchema>;

export const createApiKeyBodySchema = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(apiKeyScopes)).min(1).max(apiKeyScopes.length),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const createdApiKeySchema = z.object({
  key: z.string().describe('The secret, shown this once: only its hash is kept'),
  apiKey: apiKeySchema,
});

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });
