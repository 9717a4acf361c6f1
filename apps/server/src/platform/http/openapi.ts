import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { markRoutesPublic } from './mark-public.ts';

type SchemaRegistry = typeof z.globalRegistry;
type SchemaById = Map<string, z.core.$ZodType>;

/**
 * The schema registry the document reads. zod keeps one global registry per process (on
 * globalThis), and the web build loaded later carries its own copy of the shared contracts: its
 * copies replace ours in the id index, and a document mixing both would hold two different
 * schemas under one id. So the id index is the one the server had before the web build loaded,
 * plus any id registered since that the server did not know; metadata is read as usual.
 */
function serverSchemaRegistry(): SchemaRegistry {
  const global = z.globalRegistry as SchemaRegistry & { _idmap: SchemaById };
  const known: SchemaById = new Map(global._idmap);
  const view = Object.create(global) as SchemaRegistry & { _idmap: SchemaById };
  Object.defineProperty(view, '_idmap', {
    get: () => new Map([...global._idmap, ...known]),
  });
  return view;
}

/** OpenAPI 3 generated from the routes' zod schemas, served with a reference UI. */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  const schemaRegistry = serverSchemaRegistry();
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
    transform: createJsonSchemaTransform({ schemaRegistry }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry }),
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
