import { z } from 'zod';

/** Every background queue of the platform, in one place. */
export const QueueName = {
  MailSend: 'mail.send',
  NotificationsPrune: 'notifications.prune',
  KycPurgeDocuments: 'kyc.purge-documents',
  CatalogExpireDeals: 'catalog.expire-deals',
  AffiliationApproveCommissions: 'affiliation.approve-commissions',
  PaymentsExpireReservations: 'payments.expire-reservations',
  PaymentsSyncAffiliation: 'payments.sync-affiliation',
  SocialPublish: 'social.publish',
  SocialSweep: 'social.sweep',
  SocialRefreshTokens: 'social.refresh-tokens',
  SettlementsMonthly: 'settlements.monthly',
  ReferralsAccrue: 'referrals.accrue',
  BillingDaily: 'billing.daily',
  PayoutsMonthlyRun: 'payouts.monthly-run',
  InvoicingDeliver: 'invoicing.deliver',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** The payload each queue accepts; enqueueing validates against it, and so does the worker. */
export const jobPayloadSchemas = {
  [QueueName.MailSend]: z.object({ messageId: z.uuid() }),
  [QueueName.NotificationsPrune]: z.object({ olderThanDays: z.number().int().min(1).default(180) }),
  [QueueName.KycPurgeDocuments]: z.object({}),
  [QueueName.CatalogExpireDeals]: z.object({}),
  [QueueName.AffiliationApproveCommissions]: z.object({}),
  /** Unpaid orders past their reservation: expired, units back in stock. */
  [QueueName.PaymentsExpireReservations]: z.object({}),
  /** A paid or refunded order told to affiliation (sale, then each refund); idempotent. */
  [QueueName.PaymentsSyncAffiliation]: z.object({ orderId: z.uuid() }),
  [QueueName.SocialPublish]: z.object({ targetId: z.uuid() }),
  [QueueName.SocialSweep]: z.object({}),
  [QueueName.SocialRefreshTokens]: z.object({}),
  /** Settlements and commission invoices of a month (default: the month before the run). */
  [QueueName.SettlementsMonthly]: z.object({
    period: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
  }),
  /** Referral bonuses on newly approved commissions, their reversals, merchant rewards. */
  [QueueName.ReferralsAccrue]: z.object({}),
  /** Subscriptions: trials ending, period ends (renewals, pending downgrades), CMI grace expiry. */
  [QueueName.BillingDaily]: z.object({}),
  /** The month's payout run (preview) for the period that just ended; idempotent per period. */
  [QueueName.PayoutsMonthlyRun]: z.object({
    period: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
  }),
  /** An issued invoice or credit note: its PDF rendered and stored once, then mailed once. */
  [QueueName.InvoicingDeliver]: z.object({ invoiceId: z.uuid() }),
} satisfies Record<QueueName, z.ZodType>;

export type JobPayload<Q extends QueueName> = z.input<(typeof jobPayloadSchemas)[Q]>;
export type ParsedJobPayload<Q extends QueueName> = z.output<(typeof jobPayloadSchemas)[Q]>;
