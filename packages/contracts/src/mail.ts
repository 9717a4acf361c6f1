import { z } from 'zod';

export const mailStatuses = ['queued', 'stored', 'sent', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

export const mailMessageSummarySchema = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    template: z.string(),
    locale: z.string(),
    status: z.enum(mailStatuses),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    attachments: z
      .array(z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() }))
      .describe('Files sent with the mail (e.g. the voucher PDF)'),
  })
  .meta({ id: 'MailMessageSummary' });

export const mailMessageSchema = mailMessageSummarySchema
  .extend({ html: z.string(), text: z.string() })
  .meta({ id: 'MailMessage' });
export type MailMessageView = z.infer<typeof mailMessageSchema>;

export const mailMessageListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  to: z.string().max(320).optional(),
});

export const mailMessageListSchema = z.object({
  items: z.array(mailMessageSummarySchema),
  nextCursor: z.string().nullable(),
});
