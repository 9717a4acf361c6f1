import { z } from 'zod';
import { defineEvent } from './events.ts';

const requestedText = {
  fr: (influencer: string, title: string) => ({
    title: `Nouvelle demande d’affiliation pour « ${title} »`,
    body: `${influencer} souhaite promouvoir cette offre. Consultez son audience et décidez.`,
  }),
  en: (influencer: string, title: string) => ({
    title: `New affiliation request for “${title}”`,
    body: `${influencer} would like to promote this deal. Review their audience and decide.`,
  }),
  ar: (influencer: string, title: string) => ({
    title: `طلب انتساب جديد لـ «${title}»`,
    body: `يرغب ${influencer} في الترويج لهذا العرض. اطلع على جمهوره واتخذ قرارك.`,
  }),
} as const;

const decidedText = {
  fr: (title: string, approved: boolean, reason: string | undefined) =>
    approved
      ? { title: `Affiliation acceptée : « ${title} »`, body: 'Créez votre lien suivi et commencez à promouvoir.' }
      : { title: `Affiliation refusée : « ${title} »`, body: `Motif : ${reason ?? '—'}` },
  en: (title: string, approved: boolean, reason: string | undefined) =>
    approved
      ? { title: `Affiliation approved: “${title}”`, body: 'Create your tracked link and start promoting.' }
      : { title: `Affiliation declined: “${title}”`, body: `Reason: ${reason ?? '—'}` },
  ar: (title: string, approved: boolean, reason: string | undefined) =>
    approved
      ? { title: `تم قبول الانتساب: «${title}»`, body: 'أنشئ رابطك المتتبَّع وابدأ الترويج.' }
      : { title: `تم رفض الانتساب: «${title}»`, body: `السبب: ${reason ?? '—'}` },
} as const;

/** Affiliation events: a request reaches the merchant's managers; its decision the influencer. */
export const affiliationNotificationEvents = {
  'affiliation.requested': defineEvent({
    schema: z.object({
      requestId: z.uuid(),
      productTitle: z.string().min(1).max(200),
      influencerName: z.string().min(1).max(200),
    }),
    render(locale, data) {
      return {
        ...requestedText[locale](data.influencerName, data.productTitle),
        link: `/merchant/affiliations?focus=${data.requestId}`,
      };
    },
  }),
  'affiliation.decided': defineEvent({
    schema: z.object({
      requestId: z.uuid(),
      productTitle: z.string().min(1).max(200),
      approved: z.boolean(),
      reason: z.string().max(1000).optional(),
    }),
    render(locale, data) {
      return {
        ...decidedText[locale](data.productTitle, data.approved, data.reason),
        link: data.approved ? '/influencer/links' : '/influencer/affiliations',
      };
    },
  }),
};
