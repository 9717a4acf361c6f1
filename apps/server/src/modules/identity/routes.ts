import { meSchema } from '@souk/contracts/identity';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireViewer } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { UserService } from './user-service.ts';

export function identityRoutes(users: UserService): FastifyPluginAsync {
  return async (scope) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/me',
      {
        config: { access: 'user' },
        schema: { tags: ['identity'], summary: 'The signed-in account', response: { 200: meSchema } },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const me = await users.getMe(viewer.userId);
        if (!me) throw new AppError('unauthenticated');
        return me;
      },
    );
  };
}
