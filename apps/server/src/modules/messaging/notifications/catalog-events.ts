import { productUnpublishedTitles } from '@souk/contracts/catalog-messages';
import { z } from 'zod';
import { defineEvent } from './events.ts';

const unpublishedBody = {
  fr: (reason: string) =>
    `La modération a retiré cette offre du marketplace. Motif : ${reason}\nCorrigez-la puis contactez le support pour la republier.`,
  en: (reason: string) =>
    `Moderation took this deal off the marketplace. Reason: ${reason}\nFix it, then contact support to publish it again.`,
  ar: (reason: string) => `سحبت الإدارة هذا العرض من السوق. السبب: ${reason}\nصحّحه ثم تواصل مع الدعم لإعادة نشره.`,
} as const;

/** Catalog events: a deal taken off the marketplace by an admin, told to its merchant team. */
export const catalogNotificationEvents = {
  'catalog.product_unpublished': defineEvent({
    schema: z.object({
      productId: z.uuid(),
      title: z.string().min(1).max(200),
      reason: z.string().min(1).max(1000),
    }),
    render(locale, data) {
      return {
        title: productUnpublishedTitles[locale](data.title),
        body: unpublishedBody[locale](data.reason),
        link: `/merchant/products/${data.productId}`,
      };
    },
  }),
};
