import { createHmac } from 'node:crypto';
import type { PlanList } from '@souk/contracts/plans';
import type { FastifyPluginAsync } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../../platform/config/config.ts';
import { readOrCreateLocalSecret } from '../../platform/crypto/local-secret.ts';
import type { Database } from '../../platform/db/database.ts';
import { createAttemptLimiter } from '../../platform/http/attempt-limiter.ts';
import { siteAdminRoutes } from './admin-routes.ts';
import { ContactChallenge } from './contact-challenge.ts';
import { ContactService } from './contact-service.ts';
import { HomeContentService } from './home-content-service.ts';
import { NewsletterService } from './newsletter-service.ts';
import { sitePublicRoutes } from './public-routes.ts';
import { robotsRoute } from './robots.ts';
import type { SiteMailer } from './site-mailer.ts';

export type { SiteMailer } from './site-mailer.ts';

export interface SiteModuleDeps {
  db: Database;
  config: Pick<Config, 'PUBLIC_URL' | 'AUTH_SECRET' | 'DATA_DIR' | 'SUPPORT_EMAIL' | 'CONTACT_CHALLENGE_MAX_NUMBER'>;
  mailer: SiteMailer;
  redis?: Redis | undefined;
  /** Plans as they apply (billing: defaults with admins' changes); absent, the defaults. */
  plans?: () => Promise<PlanList>;
}

export interface SiteModule {
  content: HomeContentService;
  contact: ContactService;
  newsletter: NewsletterService;
  challenge: ContactChallenge;
  /** Routes under /api/v1. */
  routes: FastifyPluginAsync;
  /** Routes at the root of the site (robots.txt). */
  rootRoutes: FastifyPluginAsync;
}

/** One secret per purpose, derived from the platform's, so a leak of one signs nothing else. */
function derivedSecret(root: string, purpose: string): string {
  return createHmac('sha256', root).update(`souk-site:${purpose}`).digest('base64url');
}

/** The public site around the marketplace: home content, contact, newsletter, robots.txt. */
export function createSiteModule(deps: SiteModuleDeps): SiteModule {
  const root = deps.config.AUTH_SECRET ?? readOrCreateLocalSecret(deps.config.DATA_DIR, 'auth');
  const content = new HomeContentService(deps.db);
  const contact = new ContactService({
    db: deps.db,
    mailer: deps.mailer,
    supportEmail: deps.config.SUPPORT_EMAIL,
    publicUrl: deps.config.PUBLIC_URL,
  });
  const newsletter = new NewsletterService({
    db: deps.db,
    mailer: deps.mailer,
    publicUrl: deps.config.PUBLIC_URL,
    secret: derivedSecret(root, 'newsletter'),
  });
  const challenge = new ContactChallenge({
    db: deps.db,
    hmacKey: derivedSecret(root, 'altcha'),
    maxNumber: deps.config.CONTACT_CHALLENGE_MAX_NUMBER,
  });
  const limiter = createAttemptLimiter(deps.redis);
  return {
    content,
    contact,
    newsletter,
    challenge,
    routes: async (api) => {
      await api.register(
        sitePublicRoutes({
          content,
          contact,
          challenge,
          newsletter,
          limiter,
          supportEmail: deps.config.SUPPORT_EMAIL,
          plans: deps.plans,
        }),
      );
      await api.register(siteAdminRoutes({ content, contact }));
    },
    rootRoutes: robotsRoute(deps.config.PUBLIC_URL),
  };
}
