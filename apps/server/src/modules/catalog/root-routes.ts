import type { FastifyPluginAsync } from 'fastify';
import type { FileStore } from '../../platform/storage/file-store.ts';
import type { CategoryService } from './category-service.ts';
import { mediaContentTypes } from './image-processing.ts';
import type { MarketplaceService } from './marketplace-service.ts';
import type { ReadCache } from './read-cache.ts';
import { categoryPages, dealPages, maxSitemapPages, sitemapXml } from './sitemap.ts';

/**
 * Only catalog images are public, and only under the names the server gives them
 * (`catalog/images/<uuid>/original.jpg`, `.../w800.avif`): KYC documents share the file store
 * and must never be reachable from here.
 */
const publicMediaKey = /^catalog\/images\/[0-9a-f-]{36}\/(?:original\.(?:jpg|png|webp|avif)|w\d{2,4}\.(?:webp|avif))$/;

export function catalogRootRoutes(deps: {
  publicUrl: string;
  files: FileStore;
  marketplace: MarketplaceService;
  categories: CategoryService;
  cache: ReadCache;
}): FastifyPluginAsync {
  return async (app) => {
    app.get('/sitemap.xml', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      const body = await deps.cache.get('sitemap', async () => {
        const categories = await deps.categories.all();
        const deals = await deps.marketplace.sitemapEntries(maxSitemapPages - categories.length - 2);
        return sitemapXml(deps.publicUrl, [
          { path: '/' },
          { path: '/marketplace' },
          { path: '/pricing' },
          { path: '/contact' },
          ...categoryPages(categories),
          ...dealPages(deals),
        ]);
      });
      return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=600').send(body);
    });

    // Every stored name is new per upload (a fresh uuid), so a file never changes: cache forever.
    app.get<{ Params: { '*': string } }>(
      '/media/*',
      { config: { access: 'public' }, schema: { hide: true } },
      async (request, reply) => {
        const key = request.params['*'];
        if (!publicMediaKey.test(key)) return reply.callNotFound();
        const file = await deps.files.open(key);
        if (!file) return reply.callNotFound();
        const extension = key.slice(key.lastIndexOf('.') + 1);
        return reply
          .type(mediaContentTypes[extension] ?? 'application/octet-stream')
          .header('content-length', file.size)
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('x-content-type-options', 'nosniff')
          .send(file.stream);
      },
    );
  };
}
