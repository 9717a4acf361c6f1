import { type PlanList, planListSchema, plans, trialDays } from '@souk/contracts/plans';
import {
  altchaChallengeSchema,
  contactAcceptedSchema,
  contactMessageInputSchema,
  newsletterAcceptedSchema,
  newsletterStateSchema,
  newsletterSubscribeSchema,
  newsletterTokenSchema,
  publicFaqEntrySchema,
  publicTestimonialSchema,
  siteFieldMessages,
} from '@souk/contracts/site';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error.ts';
import type { AttemptLimiter } from '../../platform/http/attempt-limiter.ts';
import type { ContactChallenge } from './contact-challenge.ts';
import type { ContactService } from './contact-service.ts';
import type { HomeContentService } from './home-content-service.ts';
import type { NewsletterService } from './newsletter-service.ts';
import { siteLimits, spend } from './rate-limits.ts';

export interface SitePublicRouteDeps {
  content: Pick<HomeContentService, 'publishedTestimonials' | 'publishedFaq'>;
  contact: Pick<ContactService, 'submit'>;
  challenge: Pick<ContactChallenge, 'create' | 'consume'>;
  newsletter: Pick<NewsletterService, 'subscribe' | 'confirm' | 'unsubscribe'>;
  limiter: AttemptLimiter;
  supportEmail: string;
  /** Plans as they apply (admins may change quotas and prices); absent, the defaults. */
  plans?: (() => Promise<PlanList>) | undefined;
}

/** A filled honeypot is refused like any invalid field: people never see it, so never fill it. */
function refuseHoneypot(request: FastifyRequest, value: string | undefined): void {
  if (value) {
    throw new AppError('validation_failed', undefined, [
      { path: 'body.website', message: siteFieldMessages[request.locale].honeypot },
    ]);
  }
}

export function sitePublicRoutes(deps: SitePublicRouteDeps): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['site'];

    app.get(
      '/site/plans',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Subscription plans: monthly prices, quotas, platform fees',
          response: { 200: planListSchema },
        },
      },
      async () => (deps.plans ? deps.plans() : { trialDays, plans: [...plans] }),
    );

    app.get(
      '/site/testimonials',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Published testimonials, in the request’s language, in display order',
          response: { 200: z.object({ items: z.array(publicTestimonialSchema) }) },
        },
      },
      async (request) => ({ items: await deps.content.publishedTestimonials(request.locale) }),
    );

    app.get(
      '/site/faq',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Published FAQ entries, in the request’s language, in display order',
          response: { 200: z.object({ items: z.array(publicFaqEntrySchema) }) },
        },
      },
      async (request) => ({ items: await deps.content.publishedFaq(request.locale) }),
    );

    app.get(
      '/site/contact/details',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'How to reach support directly',
          response: { 200: z.object({ email: z.string() }).meta({ id: 'ContactDetails' }) },
        },
      },
      async () => ({ email: deps.supportEmail }),
    );

    app.get(
      '/site/contact/challenge',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A fresh proof-of-work challenge (ALTCHA) for the contact form',
          response: { 200: altchaChallengeSchema },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        return deps.challenge.create();
      },
    );

    app.post(
      '/site/contact',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Send a message to the Souk team',
          description:
            'Needs a solved challenge from `GET /site/contact/challenge` (each solution works once) and an empty ' +
            '`website` field. Support is mailed and the sender gets an acknowledgement in the request’s language.',
          body: contactMessageInputSchema,
          response: { 202: contactAcceptedSchema },
        },
      },
      async (request, reply) => {
        refuseHoneypot(request, request.body.website);
        await spend(deps.limiter, `site:contact:ip:${request.ip}`, siteLimits.contactPerIp);
        await deps.challenge.consume(request.body.altcha, siteFieldMessages[request.locale].challengeMissing);
        await deps.contact.submit(request.body, request.locale);
        return reply.code(202).send({ received: true as const });
      },
    );

    app.post(
      '/site/newsletter/subscriptions',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Subscribe an address to the newsletter (double opt-in)',
          description:
            'Mails a confirmation link unless the address is already confirmed. The answer is the same in every ' +
            'case, so it says nothing about who is subscribed.',
          body: newsletterSubscribeSchema,
          response: { 202: newsletterAcceptedSchema },
        },
      },
      async (request, reply) => {
        refuseHoneypot(request, request.body.website);
        await spend(deps.limiter, `site:newsletter:ip:${request.ip}`, siteLimits.newsletterPerIp);
        const email = request.body.email.trim().toLowerCase();
        await spend(deps.limiter, `site:newsletter:address:${email}`, siteLimits.newsletterPerAddress);
        await deps.newsletter.subscribe(email, request.locale);
        return reply.code(202).send({ status: 'confirmation_sent_if_needed' as const });
      },
    );

    app.post(
      '/site/newsletter/confirm',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Confirm a subscription with the token of the mailed link',
          body: newsletterTokenSchema,
          response: { 200: newsletterStateSchema },
        },
      },
      async (request) => {
        await deps.newsletter.confirm(request.body.token);
        return { status: 'confirmed' as const };
      },
    );

    app.post(
      '/site/newsletter/unsubscribe',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Unsubscribe with the token of a newsletter’s unsubscribe link',
          body: newsletterTokenSchema,
          response: { 200: newsletterStateSchema },
        },
      },
      async (request) => {
        await deps.newsletter.unsubscribe(request.body.token);
        return { status: 'unsubscribed' as const };
      },
    );
  };
}
