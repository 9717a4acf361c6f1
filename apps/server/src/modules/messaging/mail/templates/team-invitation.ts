import type { Locale } from '@souk/contracts/locales';
import { z } from 'zod';
import { html, oneLine } from '../html.ts';
import { button, contentStyles, renderHtmlLayout, renderTextLayout } from '../layout.ts';
import { defineMailTemplate, webUrlSchema } from './template.ts';

const copy: Record<
  Locale,
  {
    subject: (team: string) => string;
    intro: (inviter: string, team: string) => string;
    action: string;
    note: string;
    reason: string;
  }
> = {
  fr: {
    subject: (team) => `Invitation à rejoindre ${team} sur Souk`,
    intro: (inviter, team) => `${inviter} vous invite à rejoindre l’équipe ${team} sur Souk.`,
    action: 'Accepter l’invitation',
    note: 'Connectez-vous (ou créez un compte) avec cette adresse e-mail pour accepter. L’invitation expire dans 7 jours.',
    reason: 'Vous recevez cet e-mail parce qu’un membre d’une équipe Souk vous a invité.',
  },
  en: {
    subject: (team) => `Invitation to join ${team} on Souk`,
    intro: (inviter, team) => `${inviter} invites you to join the ${team} team on Souk.`,
    action: 'Accept the invitation',
    note: 'Sign in (or create an account) with this email address to accept. The invitation expires in 7 days.',
    reason: 'You are receiving this email because a member of a Souk team invited you.',
  },
  ar: {
    subject: (team) => `دعوة للانضمام إلى ${team} على Souk`,
    intro: (inviter, team) => `يدعوك ${inviter} للانضمام إلى فريق ${team} على Souk.`,
    action: 'قبول الدعوة',
    note: 'سجّل الدخول (أو أنشئ حسابًا) بهذا البريد الإلكتروني لقبول الدعوة. تنتهي صلاحية الدعوة خلال 7 أيام.',
    reason: 'تتلقى هذه الرسالة لأن أحد أعضاء فريق على Souk دعاك.',
  },
};

/** A team owner or admin invites someone by email with a role. */
export const teamInvitationMail = defineMailTemplate({
  schema: z.object({
    name: z.string().min(1).max(320),
    url: webUrlSchema,
    teamName: z.string().min(1).max(200),
    inviterName: z.string().min(1).max(200),
  }),
  render(locale, data, context) {
    const strings = copy[locale];
    const team = oneLine(data.teamName);
    const intro = strings.intro(oneLine(data.inviterName), team);
    const subject = oneLine(strings.subject(team));
    const styles = contentStyles(locale);
    const content = html`<p style="${styles.paragraph}">${intro}</p>
${button(data.url, strings.action)}
<p style="${styles.paragraph}">${strings.note}</p>`;
    return {
      subject,
      html: renderHtmlLayout({ locale, subject, preheader: intro, content, reason: strings.reason, context }),
      text: renderTextLayout({
        locale,
        blocks: [intro, `${strings.action}: ${data.url}`, strings.note],
        reason: strings.reason,
        context,
      }),
    };
  },
});
