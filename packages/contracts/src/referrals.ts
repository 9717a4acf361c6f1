import { z } from 'zod';

/**
 * The referral program: every influencer and merchant has a code; `/join/<code>` (or `?ref=` on
 * the sign-up page) brings people in. Influencer → influencer: a share of the referred person's
 * approved commissions for a few months, paid by the platform on top. Merchant → merchant: a free
 * month of Pro once the referred merchant's first invoice is paid.
 */

const minor = z.number().int().describe('Integer minor units (1.00 MAD = 100)');
const isoDate = z.iso.datetime();

/** Cookie that keeps a referral code while the person browses before signing up. */
export const referralCookieName = 'souk_ref';
export const referralCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{4,16}$/)
  .transform((value) => value.toUpperCase());

export const referralKinds = ['influencer', 'merchant'] as const;
export type ReferralKind = (typeof referralKinds)[number];
export const referralRewardStatuses = ['none', 'pending', 'granted'] as const;

export const referredPersonSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(referralKinds),
    joinedAt: isoDate,
    bonusEndsAt: isoDate.nullable().describe('Influencers: end of the bonus window'),
    earnedMinor: minor.describe('Bonuses accrued on this person, net of reversals'),
    rewardStatus: z.enum(referralRewardStatuses).describe('Merchants: the free month'),
  })
  .meta({ id: 'ReferredPerson' });

export const referralOverviewSchema = z
  .object({
    code: z.string(),
    link: z.string(),
    referredBy: z.object({ name: z.string() }).nullable(),
    referred: z.array(referredPersonSchema),
    earnings: z.array(z.object({ currency: z.string(), totalMinor: minor, reversedMinor: minor })),
    rates: z.object({ influencerBps: z.number().int(), influencerMonths: z.number().int() }),
  })
  .meta({ id: 'ReferralOverview' });
export type ReferralOverview = z.infer<typeof referralOverviewSchema>;

export const referralClaimInputSchema = z.object({ code: z.string().max(40) }).meta({ id: 'ReferralClaimInput' });

export const adminReferralSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(referralKinds),
    referrer: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    referred: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    createdAt: isoDate,
    bonusEndsAt: isoDate.nullable(),
    earnedMinor: minor,
    rewardStatus: z.enum(referralRewardStatuses),
  })
  .meta({ id: 'AdminReferral' });
export const adminReferralListSchema = z
  .object({ items: z.array(adminReferralSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AdminReferralList' });
export type AdminReferralList = z.infer<typeof adminReferralListSchema>;
