import type { Locale } from '@souk/contracts/locales';
import { z } from 'zod';
import type { MailRenderContext, RenderedMail } from '../layout.ts';

/** A mail template: the data it needs (validated before anything is stored) and its renderer. */
export interface MailTemplate<Schema extends z.ZodType> {
  schema: Schema;
  render(locale: Locale, data: z.output<Schema>, context: MailRenderContext): RenderedMail;
}

export function defineMailTemplate<Schema extends z.ZodType>(template: MailTemplate<Schema>): MailTemplate<Schema> {
  return template;
}

/** Links in mails are absolute and web links only: no javascript:, data: or mailto: surprises. */
export const webUrlSchema = z.url({ protocol: /^https?$/ }).max(2000);
