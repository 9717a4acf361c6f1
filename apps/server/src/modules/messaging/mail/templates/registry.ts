import type { Locale } from '@souk/contracts/locales';
import type { z } from 'zod';
import type { MailRenderContext, RenderedMail } from '../layout.ts';
import { newSignInMail, passwordResetMail, twoFactorCodeMail, verifyEmailMail } from './account-mails.ts';
import { notificationMail } from './notification.ts';
import { orderMail } from './order-mails.ts';
import { contactAnswerMail, contactAutoReplyMail, contactReceivedMail, newsletterConfirmMail } from './site-mails.ts';
import { teamInvitationMail } from './team-invitation.ts';
import type { MailTemplate } from './template.ts';
import { welcomeMail } from './welcome.ts';

/**
 * Every mail the platform can send. A module that needs a new mail adds a template file next to
 * these and lists it here; `MailService.send` is then typed for its data.
 */
export const mailTemplates = {
  notification: notificationMail,
  welcome: welcomeMail,
  'verify-email': verifyEmailMail,
  'password-reset': passwordResetMail,
  'two-factor-code': twoFactorCodeMail,
  'new-sign-in': newSignInMail,
  'team-invitation': teamInvitationMail,
  'newsletter-confirm': newsletterConfirmMail,
  'contact-auto-reply': contactAutoReplyMail,
  'contact-answer': contactAnswerMail,
  'contact-received': contactReceivedMail,
  // Checkout: the words come from payments, in the recipient's language; one layout for all.
  'order-confirmation': orderMail,
  'payment-failed': orderMail,
  'refund-processed': orderMail,
  'voucher-redeemed': orderMail,
  'merchant-new-order': orderMail,
  // Subscriptions (billing): each transition, in the recipient's language.
  'billing-notice': orderMail,
  // Payouts: the same layout; the words and the attached statement come from payouts.
  'payout-processed': orderMail,
  // Invoices and credit notes: the words come from invoicing; the PDF is attached.
  'invoice-issued': orderMail,
} as const;

export type MailTemplateName = keyof typeof mailTemplates;
/** What a caller passes for a template (before defaults are applied). */
export type MailTemplateData<Name extends MailTemplateName> = z.input<(typeof mailTemplates)[Name]['schema']>;

/** Validates the data against the template (throwing a ZodError) and renders it. */
export function renderMail<Name extends MailTemplateName>(
  name: Name,
  locale: Locale,
  data: MailTemplateData<Name>,
  context: MailRenderContext,
): RenderedMail {
  // The generic name cannot narrow the union of templates; parsing first is what makes this safe.
  const template = mailTemplates[name] as unknown as MailTemplate<z.ZodType>;
  return template.render(locale, template.schema.parse(data), context);
}
