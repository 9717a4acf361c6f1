import type { FastifyPluginAsync } from 'fastify';

/** Areas that are private or machine-facing: search engines have nothing to index there. */
const disallowed = [
  '/api/',
  '/admin',
  '/dashboard',
  '/settings',
  '/notifications',
  '/invitations/',
  '/sign-in',
  '/sign-up',
  '/verify-email',
  '/forgot-password',
  '/reset-password',
  '/newsletter/',
  '/r/',
];

export function robotsText(publicUrl: string): string {
  const sitemap = new URL('/sitemap.xml', publicUrl).toString();
  return [
    'User-agent: *',
    'Allow: /',
    ...disallowed.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${sitemap}`,
    '',
  ].join('\n');
}

/** `/robots.txt`, at the root of the site (outside /api). */
export function robotsRoute(publicUrl: string): FastifyPluginAsync {
  const body = robotsText(publicUrl);
  return async (app) => {
    app.get('/robots.txt', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body),
    );
  };
}
