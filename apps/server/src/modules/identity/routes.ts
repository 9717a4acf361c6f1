import {
  adminUserListQuerySchema,
  adminUserListSchema,
  adminUserSchema,
  auditEventListQuerySchema,
  auditEventListSchema,
  suspendUserBodySchema,
} from '@souk/contracts/admin';
import { apiKeyListSchema, createApiKeyBodySchema, createdApiKeySchema } from '@souk/contracts/api-keys';
import { meSchema } from '@souk/contracts/identity';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { AdminUserService } from './admin-user-service.ts';
import type { ApiKeyService } from './api-key-service.ts';
import { auditActions } from './audit-log.ts';
import { teamRoutes } from './team-routes.ts';
import type { TeamService } from './team-service.ts';
import type { UserService } from './user-service.ts';

export interface IdentityRoutesDeps {
  teams: TeamService;
  users: UserService;
  apiKeys: ApiKeyService;
  admin: AdminUserService;
}

function requestContext(request: FastifyRequest) {
  return { ipAddress: request.ip, userAgent: request.headers['user-agent'] };
}

const idParams = z.object({ id: z.string().min(1).max(100) });

export function identityRoutes({ users, apiKeys, admin, teams }: IdentityRoutesDeps): FastifyPluginAsync {
  return async (scope) => {
    await scope.register(teamRoutes(teams));
    const app = scope.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/me',
      {
        config: { access: 'user' },
        schema: { tags: ['identity'], summary: 'The signed-in account', response: { 200: meSchema } },
      },
      async (request) => {
        const me = await users.getMe(requireViewer(request).userId);
        if (!me) throw new AppError('unauthenticated');
        return me;
      },
    );

    app.get(
      '/api-keys',
      {
        config: { access: 'user' },
        schema: { tags: ['identity'], summary: 'Your API keys', response: { 200: apiKeyListSchema } },
      },
      async (request) => ({ items: await apiKeys.list(requireViewer(request).userId) }),
    );

    app.post(
      '/api-keys',
      {
        config: { access: 'user' },
        schema: {
          tags: ['identity'],
          summary: 'Create an API key (the secret is returned once)',
          body: createApiKeyBodySchema,
          response: { 201: createdApiKeySchema },
        },
      },
      async (request, reply) => {
        const created = await apiKeys.create(requireViewer(request).userId, request.body, requestContext(request));
        return reply.status(201).send(created);
      },
    );

    app.delete(
      '/api-keys/:id',
      {
        config: { access: 'user' },
        schema: { tags: ['identity'], summary: 'Revoke an API key', params: z.object({ id: z.uuid() }) },
      },
      async (request, reply) => {
        await apiKeys.revoke(requireViewer(request).userId, request.params.id, requestContext(request));
        return reply.status(204).send();
      },
    );

    app.get(
      '/admin/users',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'Find accounts',
          querystring: adminUserListQuerySchema,
          response: { 200: adminUserListSchema },
        },
      },
      async (request) => admin.list(request.query),
    );

    app.post(
      '/admin/users/:id/suspend',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'Suspend an account (its sessions and keys stop at once)',
          params: idParams,
          body: suspendUserBodySchema,
          response: { 200: adminUserSchema },
        },
      },
      async (request) =>
        admin.suspend(requireViewer(request).userId, request.params.id, request.body.reason, requestContext(request)),
    );

    app.post(
      '/admin/users/:id/reactivate',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'Reactivate a suspended account',
          params: idParams,
          response: { 200: adminUserSchema },
        },
      },
      async (request) => admin.reactivate(requireViewer(request).userId, request.params.id, requestContext(request)),
    );

    app.put(
      '/admin/users/:id/kyc-reviewer',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'Grant or withdraw the KYC reviewer role',
          params: idParams,
          body: z.object({ reviewer: z.boolean() }),
          response: { 200: adminUserSchema },
        },
      },
      async (request) =>
        admin.setReviewer(
          requireViewer(request).userId,
          request.params.id,
          request.body.reviewer,
          requestContext(request),
        ),
    );

    app.get(
      '/admin/audit-events',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'Security audit log, newest first',
          querystring: auditEventListQuerySchema.extend({ action: z.enum(auditActions).optional() }),
          response: { 200: auditEventListSchema },
        },
      },
      async (request) => admin.auditEvents(request.query),
    );
  };
}
