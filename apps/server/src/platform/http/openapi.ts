import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { markRoutesPublic } from './mark-public.ts';

/** OpenAPI 3 generated from the routes' zod schemas, served with a reference UI. */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Souk API',
        version: '1.0.0',
        description:
          'Influencer-commerce platform API. Errors are RFC 9457 problem+json bodies carrying a `code` and the `requestId`.',
      },
      servers: [{ url: publicUrl }],
      tags: [
        { name: 'platform', description: 'Health and readiness' },
        { name: 'identity', description: 'The signed-in account and its API keys' },
        { name: 'teams', description: 'Merchant teams: members, roles, invitations' },
        { name: 'notifications', description: 'In-app notifications and preferences' },
        { name: 'admin', description: 'Platform operations' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(async (scope) => {
    markRoutesPublic(scope);
    scope.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await scope.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true },
      // The UI lives on its own page; the CSP of the app would block its inline bootstrap.
      staticCSP: true,
    });
  });
}
