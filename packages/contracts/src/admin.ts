import { z } from 'zod';
import { accountTypes, platformRoles } from './identity.ts';

export const adminUserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(platformRoles),
    accountType: z.enum(accountTypes).nullable(),
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    banned: z.boolean(),
    banReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminUser' });
export type AdminUserView = z.infer<typeof adminUserSchema>;

export const adminUserListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('Part of a name or email'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const adminUserListSchema = z.object({ items: z.array(adminUserSchema), nextCursor: z.string().nullable() });

export const suspendUserBodySchema = z.object({ reason: z.string().trim().min(3).max(500) });

export const auditEventSchema = z
  .object({
    id: z.uuid(),
    action: z.string(),
    actorId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    targetId: z.string().nullable(),
    targetEmail: z.string().nullable(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AuditEvent' });

export const auditEventListQuerySchema = z.object({
  userId: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const auditEventListSchema = z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() });
