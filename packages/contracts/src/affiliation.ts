import { z } from 'zod';
import { commissionSchema, currencies } from './catalog.ts';

/**
 * Affiliation: influencers' requests to promote a product, their tracked links, the clicks and
 * conversions those links bring, and the commissions earned. Amounts are integer minor units
 * (centimes) with a currency code, everywhere.
 */

const minor = z.number().int().describe('Integer minor units (1.00 MAD = 100)');
const isoDate = z.iso.datetime();

export const audiencePlatforms = ['instagram', 'tiktok', 'facebook', 'youtube', 'snapchat', 'x', 'other'] as const;
export const linkChannels = ['instagram', 'tiktok', 'facebook', 'whatsapp', 'custom'] as const;
export type LinkChannel = (typeof linkChannels)[number];

export const audienceEntrySchema = z
  .object({
    platform: z.enum(audiencePlatforms),
    handle: z.string().trim().min(1).max(100),
    followers: z.number().int().min(0).max(2_000_000_000),
  })
  .meta({ id: 'AudienceEntry' });
export type AudienceEntry = z.infer<typeof audienceEntrySchema>;

export const affiliationRequestInputSchema = z
  .object({
    message: z.string().trim().max(2000).default(''),
    audience: z.array(audienceEntrySchema).max(10).default([]),
  })
  .meta({ id: 'AffiliationRequestWrite' });
export type AffiliationRequestInput = z.input<typeof affiliationRequestInputSchema>;

export const affiliationStatuses = ['pending', 'approved', 'rejected', 'ended'] as const;
export type AffiliationStatus = (typeof affiliationStatuses)[number];

/** An influencer's record on the platform, shown to merchants deciding on a request. */
export const influencerPerformanceSchema = z
  .object({
    approvedAffiliations: z.number().int(),
    clicks: z.number().int(),
    conversions: z.number().int(),
    conversionRate: z.number().describe('conversions / clicks, 0..1'),
    commissionsEarnedMinor: minor.describe('Approved and paid commissions in MAD'),
  })
  .meta({ id: 'InfluencerPerformance' });

export const affiliationRequestSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(affiliationStatuses),
    productId: z.uuid(),
    productTitle: z.string(),
    productSlug: z.string(),
    organizationId: z.string(),
    influencer: z.object({
      id: z.string(),
      name: z.string(),
      performance: influencerPerformanceSchema.nullable().describe('Only in the merchant view'),
    }),
    message: z.string(),
    audience: z.array(audienceEntrySchema),
    commissionOverride: commissionSchema.nullable(),
    decisionReason: z.string().nullable(),
    decidedAt: isoDate.nullable(),
    autoApproved: z.boolean(),
    createdAt: isoDate,
  })
  .meta({ id: 'AffiliationRequest' });
export type AffiliationRequestView = z.infer<typeof affiliationRequestSchema>;

export const affiliationRequestListQuerySchema = z.object({
  status: z.enum(affiliationStatuses).optional(),
  productId: z.uuid().optional(),
  organizationId: z.string().max(100).optional().describe('Merchant side: the team; default your first team'),
});
export const affiliationRequestListSchema = z.object({
  side: z.enum(['merchant', 'influencer']),
  items: z.array(affiliationRequestSchema),
});

export const approveRequestInputSchema = z
  .object({ commissionOverride: commissionSchema.nullable().optional() })
  .meta({ id: 'AffiliationApprovalWrite' });
export const rejectRequestInputSchema = z
  .object({ reason: z.string().trim().min(3).max(1000) })
  .meta({ id: 'AffiliationRejectionWrite' });
export const endAffiliationInputSchema = z
  .object({ reason: z.string().trim().max(1000).optional() })
  .meta({ id: 'AffiliationEndWrite' });

/** A merchant's per-product affiliation rules, beside the product's commission. */
export const productAffiliationSettingsSchema = z
  .object({
    productId: z.uuid(),
    autoApprove: z.boolean(),
    minCommissionMinor: minor.min(0).nullable(),
    maxCommissionMinor: minor.min(0).nullable(),
  })
  .meta({ id: 'ProductAffiliationSettings' });
export const productAffiliationSettingsInputSchema = z
  .object({
    autoApprove: z.boolean().optional(),
    minCommissionMinor: minor.min(0).max(100_000_000).nullable().optional(),
    maxCommissionMinor: minor.min(0).max(100_000_000).nullable().optional(),
  })
  .meta({ id: 'ProductAffiliationSettingsWrite' });

/** A merchant team's affiliation settings. */
export const merchantAffiliationSettingsSchema = z
  .object({
    organizationId: z.string(),
    attributionWindowDays: z.number().int(),
    holdDays: z.number().int(),
    pixelKey: z.string().describe('Public key the pixel names the merchant with (not a secret)'),
  })
  .meta({ id: 'MerchantAffiliationSettings' });
export const merchantAffiliationSettingsInputSchema = z
  .object({
    attributionWindowDays: z.number().int().min(1).max(90).optional(),
    holdDays: z.number().int().min(0).max(120).optional(),
  })
  .meta({ id: 'MerchantAffiliationSettingsWrite' });

/** Lowercase letters, digits and dashes; 3 to 40 characters. */
export const aliasPattern = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

export const linkCreateInputSchema = z
  .object({
    productId: z.uuid(),
    channel: z.enum(linkChannels).optional(),
    alias: z.string().trim().max(40).optional().describe('Custom code: a-z, 0-9 and -, 3 to 40 characters'),
  })
  .meta({ id: 'LinkWrite' });
export type LinkCreateInput = z.infer<typeof linkCreateInputSchema>;

export const linkSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    shortUrl: z.url(),
    destinationUrl: z.url(),
    qrPngUrl: z.url(),
    qrSvgUrl: z.url(),
    productId: z.uuid(),
    productTitle: z.string(),
    influencerId: z.string().describe('Who promotes it (merchants list every link to their products)'),
    channel: z.enum(linkChannels).nullable(),
    alias: z.string().nullable(),
    active: z.boolean().describe('False once the affiliation ended: the link no longer redirects'),
    clicks: z.number().int(),
    uniqueClicks: z.number().int(),
    createdAt: isoDate,
  })
  .meta({ id: 'Link' });
export type LinkView = z.infer<typeof linkSchema>;
export const linkListSchema = z.object({ items: z.array(linkSchema) });

export const statsQuerySchema = z.object({
  from: isoDate.optional().describe('Default: 30 days ago'),
  to: isoDate.optional().describe('Default: now'),
  granularity: z.enum(['hour', 'day']).default('day'),
  organizationId: z.string().max(100).optional(),
});

const breakdown = z.array(z.object({ key: z.string().describe('"unknown" when not known'), clicks: z.number().int() }));
const moneyByStatus = z.object({
  pending: minor,
  approved: minor,
  paid: minor,
  reversed: minor,
  rejected: minor,
});

export const linkStatsSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    granularity: z.enum(['hour', 'day']),
    currency: z.enum(currencies).describe('Revenue and commissions below are in this currency'),
    totals: z.object({
      clicks: z.number().int(),
      uniqueClicks: z.number().int(),
      previews: z.number().int().describe('Link-preview bots (Slack, WhatsApp...): counted apart, never attributed'),
      conversions: z.number().int(),
      conversionRate: z.number().describe('conversions / unique clicks, 0..1'),
      revenueMinor: minor,
      commissionsMinor: moneyByStatus,
    }),
    series: z.array(
      z.object({
        at: isoDate.describe('Start of the bucket (UTC)'),
        clicks: z.number().int(),
        uniqueClicks: z.number().int(),
        conversions: z.number().int(),
        revenueMinor: minor,
        commissionsMinor: minor,
      }),
    ),
    byChannel: breakdown,
    byCountry: breakdown,
    byDevice: breakdown,
    byBrowser: breakdown,
    byOs: breakdown,
    byReferrer: breakdown,
  })
  .meta({ id: 'LinkStats' });
export type LinkStats = z.infer<typeof linkStatsSchema>;

export const conversionItemSchema = z.object({
  sku: z.string().trim().max(100).optional(),
  name: z.string().trim().max(200).optional(),
  quantity: z.number().int().min(1).max(100_000),
  unitAmount: minor.min(0),
});

export const orderRefSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:#/-]+$/, 'Letters, digits and . _ : # / - only');

export const conversionInputSchema = z
  .object({
    clickId: z.uuid().nullable().optional().describe('souk_cid from the landing URL or cookie; null: no click known'),
    orderRef: orderRefSchema,
    amount: minor.min(1).max(1_000_000_000).describe('The sale, in minor units'),
    currency: z.enum(currencies),
    items: z.array(conversionItemSchema).max(200).optional(),
    customerEmail: z.email().max(200).optional().describe('Lets self-referral be detected; not shown to influencers'),
    organizationId: z.string().max(100).optional().describe('Signed-in merchants with several teams'),
  })
  .meta({ id: 'ConversionWrite' });
export type ConversionInput = z.input<typeof conversionInputSchema>;

export const commissionStatuses = ['pending', 'approved', 'paid', 'reversed', 'rejected'] as const;
export type CommissionStatus = (typeof commissionStatuses)[number];
export const fraudSignals = [
  'click_velocity',
  'no_click',
  'fast_conversion',
  'ip_conversions',
  'self_referral',
  'unverified_source',
] as const;
export type FraudSignal = (typeof fraudSignals)[number];

/** The rule a commission was computed with, stored beside it. */
export const commissionRuleSchema = z
  .object({
    commission: commissionSchema,
    source: z.enum(['product', 'override']),
    minMinor: minor.nullable(),
    maxMinor: minor.nullable(),
    saleAmountMinor: minor,
  })
  .meta({ id: 'CommissionRule' });
export type CommissionRule = z.infer<typeof commissionRuleSchema>;

export const commissionSchemaView = z
  .object({
    id: z.uuid(),
    status: z.enum(commissionStatuses),
    amountMinor: minor.describe('Current amount (after partial refunds)'),
    originalAmountMinor: minor,
    currency: z.enum(currencies),
    rule: commissionRuleSchema,
    onHold: z.boolean().describe('Held for merchant review: not approved automatically'),
    fraudSignals: z.array(z.enum(fraudSignals)),
    rejectionReason: z.string().nullable(),
    approvableAt: isoDate.describe('When the daily job approves it (if not on hold)'),
    approvedAt: isoDate.nullable(),
    reversedAt: isoDate.nullable(),
    conversionId: z.uuid(),
    orderRef: z.string(),
    productId: z.uuid(),
    productTitle: z.string(),
    linkId: z.uuid(),
    influencerId: z.string(),
    influencerName: z.string(),
    organizationId: z.string(),
    createdAt: isoDate,
  })
  .meta({ id: 'AffiliateCommission' });
export type CommissionView = z.infer<typeof commissionSchemaView>;

export const conversionResultSchema = z
  .object({
    conversionId: z.uuid(),
    orderRef: z.string(),
    amount: minor,
    refundedAmount: minor,
    currency: z.enum(currencies),
    attributed: z.boolean(),
    commission: commissionSchemaView.nullable().describe('Null when no click could be attributed'),
  })
  .meta({ id: 'ConversionResult' });
export type ConversionResult = z.infer<typeof conversionResultSchema>;

export const refundInputSchema = z
  .object({
    amount: minor.min(1).optional().describe('Refunded part of the sale; default: all that remains'),
    refundRef: z.string().trim().min(1).max(100).optional().describe('Your refund id: a repeat changes nothing'),
    organizationId: z.string().max(100).optional(),
  })
  .meta({ id: 'RefundWrite' });

export const commissionListQuerySchema = z.object({
  status: z.enum(commissionStatuses).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  onHold: z.enum(['true', 'false']).optional(),
  organizationId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

const owedSummary = z.object({
  influencerId: z.string(),
  influencerName: z.string(),
  currency: z.enum(currencies),
  pendingMinor: minor,
  approvedMinor: minor,
  paidMinor: minor,
});

export const commissionListSchema = z
  .object({
    side: z.enum(['merchant', 'influencer']),
    items: z.array(commissionSchemaView),
    nextCursor: z.string().nullable(),
    totals: z.array(z.object({ currency: z.enum(currencies), ...moneyByStatus.shape })),
    perInfluencer: z.array(owedSummary).describe('Merchant side: what is owed to each influencer; empty otherwise'),
  })
  .meta({ id: 'CommissionList' });

export const commissionRejectInputSchema = z
  .object({ reason: z.string().trim().min(3).max(1000) })
  .meta({ id: 'CommissionRejectionWrite' });

export const exportQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  organizationId: z.string().max(100).optional(),
});

/** Words that cannot be aliases: they name, or may one day name, the site's own paths. */
export const reservedAliases = [
  'api',
  'admin',
  'r',
  'p',
  'px',
  'assets',
  'media',
  'static',
  'login',
  'logout',
  'signup',
  'sign-in',
  'sign-up',
  'dashboard',
  'marketplace',
  'settings',
  'help',
  'support',
  'about',
  'contact',
  'pricing',
  'terms',
  'privacy',
  'healthz',
  'readyz',
  'metrics',
  'sitemap',
  'robots',
  'souk',
  'www',
  'app',
  'null',
  'undefined',
] as const;
