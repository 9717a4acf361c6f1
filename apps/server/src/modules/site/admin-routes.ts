import {
  contactHandledInputSchema,
  contactMessageListQuerySchema,
  contactMessageListSchema,
  contactMessageSchema,
  contactReplyInputSchema,
  faqEntryInputSchema,
  faqEntrySchema,
  testimonialInputSchema,
  testimonialSchema,
} from '@souk/contracts/site';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/http/access.ts';
import type { ContactService } from './contact-service.ts';
import type { HomeContentService } from './home-content-service.ts';

export interface SiteAdminRouteDeps {
  content: HomeContentService;
  contact: Pick<ContactService, 'list' | 'open' | 'reply' | 'setHandled'>;
}

const idParams = z.object({ id: z.uuid() });
const noContent = z.null().describe('Done');

/** The admin inbox of contact messages and the editors of the home page's testimonials and FAQ. */
export function siteAdminRoutes(deps: SiteAdminRouteDeps): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'admin' as const };
    const tags = ['site admin'];

    app.get(
      '/site/admin/messages',
      {
        config,
        schema: {
          tags,
          summary: 'Contact messages, newest first, optionally filtered',
          querystring: contactMessageListQuerySchema,
          response: { 200: contactMessageListSchema },
        },
      },
      async (request) => deps.contact.list(request.query),
    );

    app.get(
      '/site/admin/messages/:id',
      {
        config,
        schema: {
          tags,
          summary: 'One contact message with its answers; marks it read',
          params: idParams,
          response: { 200: contactMessageSchema },
        },
      },
      async (request) => deps.contact.open(request.params.id),
    );

    app.post(
      '/site/admin/messages/:id/replies',
      {
        config,
        schema: {
          tags,
          summary: 'Answer a contact message by email; the answer joins the thread',
          params: idParams,
          body: contactReplyInputSchema,
          response: { 201: contactMessageSchema },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        return reply.code(201).send(await deps.contact.reply(request.params.id, viewer.userId, request.body.body));
      },
    );

    app.put(
      '/site/admin/messages/:id/handled',
      {
        config,
        schema: {
          tags,
          summary: 'Mark a contact message handled (or open again)',
          params: idParams,
          body: contactHandledInputSchema,
          response: { 200: contactMessageSchema },
        },
      },
      async (request) => deps.contact.setHandled(request.params.id, request.body.handled),
    );

    app.get(
      '/site/admin/testimonials',
      {
        config,
        schema: {
          tags,
          summary: 'All testimonials, published or not',
          response: { 200: z.object({ items: z.array(testimonialSchema) }) },
        },
      },
      async () => ({ items: await deps.content.listTestimonials() }),
    );
    app.post(
      '/site/admin/testimonials',
      {
        config,
        schema: {
          tags,
          summary: 'Add a testimonial',
          body: testimonialInputSchema,
          response: { 201: testimonialSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await deps.content.createTestimonial(request.body)),
    );
    app.put(
      '/site/admin/testimonials/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Replace a testimonial',
          params: idParams,
          body: testimonialInputSchema,
          response: { 200: testimonialSchema },
        },
      },
      async (request) => deps.content.updateTestimonial(request.params.id, request.body),
    );
    app.delete(
      '/site/admin/testimonials/:id',
      { config, schema: { tags, summary: 'Delete a testimonial', params: idParams, response: { 204: noContent } } },
      async (request, reply) => {
        await deps.content.deleteTestimonial(request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/site/admin/faq',
      {
        config,
        schema: {
          tags,
          summary: 'All FAQ entries, published or not',
          response: { 200: z.object({ items: z.array(faqEntrySchema) }) },
        },
      },
      async () => ({ items: await deps.content.listFaq() }),
    );
    app.post(
      '/site/admin/faq',
      {
        config,
        schema: { tags, summary: 'Add a FAQ entry', body: faqEntryInputSchema, response: { 201: faqEntrySchema } },
      },
      async (request, reply) => reply.code(201).send(await deps.content.createFaqEntry(request.body)),
    );
    app.put(
      '/site/admin/faq/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Replace a FAQ entry',
          params: idParams,
          body: faqEntryInputSchema,
          response: { 200: faqEntrySchema },
        },
      },
      async (request) => deps.content.updateFaqEntry(request.params.id, request.body),
    );
    app.delete(
      '/site/admin/faq/:id',
      { config, schema: { tags, summary: 'Delete a FAQ entry', params: idParams, response: { 204: noContent } } },
      async (request, reply) => {
        await deps.content.deleteFaqEntry(request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
