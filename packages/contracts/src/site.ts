import { z } from 'zod';
import { type Locale, locales } from './locales.ts';

/* Home content (testimonials, FAQ), contact messages and the newsletter: the site module's API. */

const position = z.number().int().min(0).max(10_000).describe('Display order, smallest first');

const testimonialText = z.object({
  quote: z.string().trim().min(1).max(1000),
  role: z.string().trim().min(1).max(200).describe('e.g. "Merchant, Marrakech"'),
});
const faqText = z.object({
  question: z.string().trim().min(1).max(300),
  answer: z.string().trim().min(1).max(3000),
});

/** Every entry is written in all three languages: a half-translated home page is not published. */
function perLocale<T extends z.ZodType>(schema: T) {
  return z.object({ fr: schema, en: schema, ar: schema });
}

/* OpenAPI names input variants <id>Input: write schemas are named *Write so the two never collide. */
const testimonialBase = z.object({
  authorName: z.string().trim().min(1).max(120),
  position,
  published: z.boolean(),
  translations: perLocale(testimonialText),
});
export const testimonialInputSchema = testimonialBase.meta({ id: 'TestimonialWrite' });
export type TestimonialInput = z.infer<typeof testimonialInputSchema>;

export const testimonialSchema = testimonialBase
  .extend({ id: z.uuid(), updatedAt: z.iso.datetime() })
  .meta({ id: 'Testimonial' });
export type TestimonialView = z.infer<typeof testimonialSchema>;

export const publicTestimonialSchema = z
  .object({ id: z.uuid(), authorName: z.string(), quote: z.string(), role: z.string() })
  .meta({ id: 'PublicTestimonial' });
export type PublicTestimonial = z.infer<typeof publicTestimonialSchema>;

const faqEntryBase = z.object({ position, published: z.boolean(), translations: perLocale(faqText) });
export const faqEntryInputSchema = faqEntryBase.meta({ id: 'FaqEntryWrite' });
export type FaqEntryInput = z.infer<typeof faqEntryInputSchema>;

export const faqEntrySchema = faqEntryBase
  .extend({ id: z.uuid(), updatedAt: z.iso.datetime() })
  .meta({ id: 'FaqEntry' });
export type FaqEntryView = z.infer<typeof faqEntrySchema>;

export const publicFaqEntrySchema = z
  .object({ id: z.uuid(), question: z.string(), answer: z.string() })
  .meta({ id: 'PublicFaqEntry' });
export type PublicFaqEntry = z.infer<typeof publicFaqEntrySchema>;

export const contactSubjects = ['support', 'partnership', 'question', 'other'] as const;
export type ContactSubject = (typeof contactSubjects)[number];

export const altchaChallengeSchema = z
  .object({
    algorithm: z.string(),
    challenge: z.string(),
    maxnumber: z.number().int().optional(),
    salt: z.string(),
    signature: z.string(),
  })
  .meta({
    id: 'AltchaChallenge',
    description:
      'ALTCHA proof of work: find the number n (0..maxnumber) for which SHA-256(salt + n) in hex equals ' +
      '`challenge`, then send base64(JSON {algorithm, challenge, number, salt, signature}) as `altcha`.',
  });
export type AltchaChallenge = z.infer<typeof altchaChallengeSchema>;

export const contactMessageInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    email: z.email().max(320),
    subject: z.enum(contactSubjects),
    message: z.string().trim().min(10).max(5000),
    /** The honeypot: hidden from people, filled by naive bots. */
    website: z.string().max(500).optional().describe('Must be left empty'),
    altcha: z.string().max(4000).optional().describe('The solved challenge, base64 JSON'),
  })
  .meta({ id: 'ContactForm' });
export type ContactMessageInput = z.infer<typeof contactMessageInputSchema>;

export const contactAcceptedSchema = z.object({ received: z.literal(true) }).meta({ id: 'ContactAccepted' });

export const contactMessageStatuses = ['unread', 'open', 'answered', 'handled', 'all'] as const;
export type ContactMessageFilter = (typeof contactMessageStatuses)[number];

const contactMessageSummaryBase = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  subject: z.enum(contactSubjects),
  locale: z.enum(locales),
  preview: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  handledAt: z.iso.datetime().nullable(),
});
export const contactMessageSummarySchema = contactMessageSummaryBase.meta({ id: 'ContactMessageSummary' });
export type ContactMessageSummary = z.infer<typeof contactMessageSummarySchema>;

export const contactReplySchema = z
  .object({ id: z.uuid(), authorId: z.string(), body: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: 'ContactReply' });

export const contactMessageSchema = contactMessageSummaryBase
  .extend({ message: z.string(), replies: z.array(contactReplySchema) })
  .meta({ id: 'ContactMessage' });
export type ContactMessageView = z.infer<typeof contactMessageSchema>;

export const contactMessageListQuerySchema = z.object({
  status: z.enum(contactMessageStatuses).default('all'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const contactMessageListSchema = z
  .object({ items: z.array(contactMessageSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ContactMessageList' });
export type ContactMessageList = z.infer<typeof contactMessageListSchema>;

export const contactReplyInputSchema = z
  .object({ body: z.string().trim().min(1).max(10_000) })
  .meta({ id: 'ContactReplyWrite' });

export const contactHandledInputSchema = z.object({ handled: z.boolean() }).meta({ id: 'ContactHandled' });

export const newsletterSubscribeSchema = z
  .object({ email: z.email().max(320), website: z.string().max(500).optional().describe('Must be left empty') })
  .meta({ id: 'NewsletterSubscribe' });

/** The same answer for a new, pending, confirmed or unsubscribed address: nothing is revealed. */
export const newsletterAcceptedSchema = z
  .object({ status: z.literal('confirmation_sent_if_needed') })
  .meta({ id: 'NewsletterAccepted' });

export const newsletterTokenSchema = z.object({ token: z.string().min(10).max(200) }).meta({ id: 'NewsletterToken' });

export const newsletterStateSchema = z
  .object({ status: z.enum(['confirmed', 'unsubscribed']) })
  .meta({ id: 'NewsletterState' });

/** Field messages the site module writes itself. */
export const siteFieldMessages: Record<Locale, { honeypot: string; challengeMissing: string }> = {
  fr: {
    honeypot: 'Ce champ doit rester vide.',
    challengeMissing: 'La vérification anti-spam est absente : activez JavaScript puis réessayez.',
  },
  en: {
    honeypot: 'This field must be left empty.',
    challengeMissing: 'The anti-spam check is missing: turn JavaScript on and try again.',
  },
  ar: {
    honeypot: 'يجب أن يبقى هذا الحقل فارغًا.',
    challengeMissing: 'التحقق من الرسائل المزعجة غير موجود: فعّل JavaScript ثم أعد المحاولة.',
  },
};
