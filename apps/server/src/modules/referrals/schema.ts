import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt } from '../../platform/db/columns.ts';

/** Each person's referral code, created the first time it is asked for. */
export const referralCodes = pgTable('referral_codes', {
  userId: text('user_id').primaryKey(),
  code: text('code').notNull().unique(),
  createdAt: createdAt(),
});

/** Who brought whom: a person has at most one referrer, never themselves. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'influencer' | 'merchant'>().notNull(),
    referrerUserId: text('referrer_user_id').notNull(),
    referredUserId: text('referred_user_id').notNull(),
    /** Merchants: the teams rewarded and watched for a first paid invoice. */
    referrerOrganizationId: text('referrer_organization_id'),
    referredOrganizationId: text('referred_organization_id'),
    /** Influencers: commissions on sales before this instant earn the referrer a bonus. */
    bonusEndsAt: at('bonus_ends_at'),
    bonusBps: integer('bonus_bps').notNull().default(0),
    rewardStatus: text('reward_status').$type<'none' | 'pending' | 'granted'>().notNull().default('none'),
    rewardedAt: at('rewarded_at'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('referrals_referred_idx').on(table.referredUserId),
    index('referrals_referrer_idx').on(table.referrerUserId, table.createdAt),
    index('referrals_reward_idx').on(table.rewardStatus),
    check('referrals_not_self_check', sql`${table.referrerUserId} <> ${table.referredUserId}`),
  ],
);

/** A referral bonus on one approved commission of a referred influencer; reversed with it. */
export const referralEarnings = pgTable(
  'referral_earnings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    referrerUserId: text('referrer_user_id').notNull(),
    commissionId: uuid('commission_id').notNull().unique(),
    baseMinor: integer('base_minor').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    status: text('status').$type<'accrued' | 'reversed'>().notNull().default('accrued'),
    createdAt: createdAt(),
    reversedAt: at('reversed_at'),
  },
  (table) => [
    index('referral_earnings_referrer_idx').on(table.referrerUserId, table.createdAt),
    index('referral_earnings_status_idx').on(table.status),
    check('referral_earnings_amount_check', sql`${table.amountMinor} > 0`),
  ],
);
