import { orderRefSchema } from '@souk/contracts/affiliation';
import { currencies } from '@souk/contracts/catalog';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ConversionService } from './conversion-service.ts';
import { invalid } from './problems.ts';
import type { SettingsService } from './settings-service.ts';

/** The smallest transparent GIF: what an <img> pixel expects back. */
const transparentGif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const pixelQuery = z.object({
  m: z.string().min(4).max(64).describe("The merchant's pixel key"),
  order: orderRefSchema,
  amount: z.coerce.number().int().min(1).max(1_000_000_000),
  currency: z.enum(currencies),
  cid: z.uuid().optional().describe('souk_cid of the visit'),
});

/**
 * Served to merchants' thank-you pages. On a landing page (souk_cid in the address) it keeps
 * the click id in a first-party cookie of the merchant's site for the attribution window; on
 * the thank-you page it reports the order through /px.
 */
function pixelScript(publicUrl: string): string {
  return `(function(){var s=document.currentScript;if(!s)return;var d=s.dataset,k='souk_cid',q=new URLSearchParams(location.search).get(k);
if(q&&/^[0-9a-f-]{36}$/i.test(q)){document.cookie=k+'='+q+'; Max-Age='+(86400*(+d.windowDays||30))+'; Path=/; SameSite=Lax';}
if(!d.merchant||!d.order||!d.amount)return;var m=document.cookie.match(/(?:^|; )souk_cid=([0-9a-f-]{36})/i),c=q||(m&&m[1]);
var p=new URLSearchParams({m:d.merchant,order:d.order,amount:d.amount,currency:d.currency||'MAD'});if(c)p.set('cid',c);
var i=new Image(1,1);i.referrerPolicy='no-referrer';i.src=${JSON.stringify(`${publicUrl}/px`)}+'?'+p.toString();})();
`;
}

/**
 * The pixel: conversions for merchants without a backend. Anyone can forge a request to it,
 * so what it records is held for the merchant's review (signal `unverified_source`), per-address
 * rate limited, and idempotent on the order reference like the API.
 */
export function pixelRoutes(deps: {
  publicUrl: string;
  conversions: ConversionService;
  settings: SettingsService;
  ratePerMinute: number;
}): FastifyPluginAsync {
  const script = pixelScript(deps.publicUrl);
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.get('/px.js', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .header('cross-origin-resource-policy', 'cross-origin')
        .send(script),
    );

    app.get(
      '/px',
      {
        config: { access: 'public', rateLimit: { max: deps.ratePerMinute, timeWindow: '1 minute' } },
        schema: { tags: ['conversions'], summary: 'Conversion pixel (1×1 GIF)', querystring: pixelQuery },
      },
      async (request, reply) => {
        const merchant = await deps.settings.byPixelKey(request.query.m);
        if (!merchant) throw invalid(request.locale, 'querystring.m', 'pixel_key_unknown');
        await deps.conversions.record(
          {
            organizationId: merchant.organizationId,
            orderRef: request.query.order,
            amount: request.query.amount,
            currency: request.query.currency,
            clickId: request.query.cid ?? null,
            source: 'pixel',
            ip: request.ip,
          },
          request.locale,
        );
        return reply
          .type('image/gif')
          .header('cache-control', 'no-store')
          .header('cross-origin-resource-policy', 'cross-origin')
          .send(transparentGif);
      },
    );
  };
}
