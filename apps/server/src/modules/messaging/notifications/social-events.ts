import { z } from 'zod';
import { defineEvent } from './events.ts';

const providers = z.enum(['sandbox', 'instagram', 'facebook', 'tiktok', 'reddit']);

const reconnectText = {
  fr: (handle: string) => ({
    title: `Reconnectez le compte ${handle}`,
    body: 'La plateforme a retiré l’accès de Souk : les publications prévues sur ce compte attendent une reconnexion.',
  }),
  en: (handle: string) => ({
    title: `Reconnect the account ${handle}`,
    body: 'The platform withdrew Souk’s access: posts planned on this account wait for a reconnection.',
  }),
  ar: (handle: string) => ({
    title: `أعد ربط الحساب ${handle}`,
    body: 'سحبت المنصة وصول سوق: المنشورات المبرمجة على هذا الحساب تنتظر إعادة الربط.',
  }),
} as const;

const approvalText = {
  fr: (author: string) => ({
    title: 'Publication à valider',
    body: `${author} a préparé une publication qui attend votre accord.`,
  }),
  en: (author: string) => ({
    title: 'A post to approve',
    body: `${author} prepared a post that waits for your approval.`,
  }),
  ar: (author: string) => ({ title: 'منشور بانتظار الموافقة', body: `أعدّ ${author} منشورًا ينتظر موافقتك.` }),
} as const;

const troubleText = {
  fr: (handle: string, unconfirmed: boolean) =>
    unconfirmed
      ? { title: `Publication non confirmée sur ${handle}`, body: 'Vérifiez sur la plateforme avant de republier.' }
      : {
          title: `Échec de publication sur ${handle}`,
          body: 'Le motif et la marche à suivre sont dans l’historique de la publication.',
        },
  en: (handle: string, unconfirmed: boolean) =>
    unconfirmed
      ? { title: `Post unconfirmed on ${handle}`, body: 'Check on the platform before posting again.' }
      : { title: `Post failed on ${handle}`, body: 'The reason and what to do are in the post’s history.' },
  ar: (handle: string, unconfirmed: boolean) =>
    unconfirmed
      ? { title: `نشر غير مؤكد على ${handle}`, body: 'تحقق من المنصة قبل إعادة النشر.' }
      : { title: `فشل النشر على ${handle}`, body: 'السبب وما يجب فعله في سجل المنشور.' },
} as const;

/** Social publishing: accounts to reconnect, posts to approve, posts that went wrong. */
export const socialNotificationEvents = {
  'social.reconnect_needed': defineEvent({
    schema: z.object({ accountId: z.uuid(), handle: z.string().min(1).max(200), provider: providers }),
    render(locale, data) {
      return { ...reconnectText[locale](data.handle), link: '/social/accounts' };
    },
  }),
  'social.approval_requested': defineEvent({
    schema: z.object({ postId: z.uuid(), authorName: z.string().min(1).max(200) }),
    render(locale, data) {
      return { ...approvalText[locale](data.authorName), link: `/social/posts/${data.postId}` };
    },
  }),
  'social.post_trouble': defineEvent({
    schema: z.object({ postId: z.uuid(), handle: z.string().min(1).max(200), unconfirmed: z.boolean() }),
    render(locale, data) {
      return { ...troubleText[locale](data.handle, data.unconfirmed), link: `/social/posts/${data.postId}` };
    },
  }),
};
