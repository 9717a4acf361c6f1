import { randomInt } from 'node:crypto';
import type { Locale } from '@souk/contracts/locales';
import type { AdminReferralList, ReferralOverview } from '@souk/contracts/referrals';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import type { ReferralBilling, ReferralCommissions, ReferralLedger, ReferralPeople, ReferralTeams } from './ports.ts';
import { refusedCode } from './problems.ts';
import { referralCodes, referralEarnings, referrals } from './schema.ts';

/** Crockford-like alphabet without look-alikes (no 0/O, 1/I/L). */
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export interface ReferralSettings {
  influencerBps: number;
  influencerMonths: number;
  claimDays: number;
}

export type ReferralRow = typeof referrals.$inferSelect;

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/** round(amount × bps / 10 000) in integers, half up. */
function shareOf(amountMinor: number, bps: number): number {
  return Math.floor((amountMinor * bps + 5_000) / 10_000);
}

/**
 * Referral codes, who referred whom, and the rewards: bonuses on referred influencers'
 * approved commissions (reversed with them) and a merchant's free month. A person has one
 * referrer (unique), never themselves (check), and cannot be referred by someone they referred.
 */
export class ReferralService {
  constructor(
    private readonly deps: {
      db: Database;
      publicUrl: string;
      settings: ReferralSettings;
      people: ReferralPeople;
      teams: ReferralTeams;
      commissions: ReferralCommissions;
      ledger: ReferralLedger;
      billing: ReferralBilling;
    },
  ) {}

  /** The person's code, made the first time (collisions retried). */
  async codeOf(userId: string): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const [existing] = await this.deps.db.select().from(referralCodes).where(eq(referralCodes.userId, userId));
      if (existing) return existing.code;
      const code = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('');
      await this.deps.db.insert(referralCodes).values({ userId, code }).onConflictDoNothing();
    }
    throw new Error('could not allocate a referral code');
  }

  linkOf(code: string): string {
    return `${this.deps.publicUrl}/join/${code}`;
  }

  private async ownerOfCode(code: string): Promise<string | null> {
    const [row] = await this.deps.db
      .select({ userId: referralCodes.userId })
      .from(referralCodes)
      .where(eq(referralCodes.code, code.trim().toUpperCase()));
    return row?.userId ?? null;
  }

  /**
   * Sign-up with a code typed in (or in the link): refuses an unknown code or one of the other
   * kind before the account exists, so a refused sign-up changes nothing.
   */
  async checkForSignUp(code: string, accountType: string, locale: Locale): Promise<void> {
    const referrerId = await this.ownerOfCode(code);
    if (!referrerId) throw refusedCode(locale, 'referral_code_unknown', 'body.referralCode');
    const referrer = await this.deps.people.getContact(referrerId);
    if (!referrer || referrer.accountType !== accountType) {
      throw refusedCode(locale, 'referral_kind_mismatch', 'body.referralCode');
    }
  }

  /** After a sign-up: records the referral; a bad code (from a cookie) is ignored. */
  async attachAfterSignUp(userId: string, code: string): Promise<void> {
    try {
      await this.claim(userId, code, 'fr');
    } catch {
      // The sign-up itself succeeded; a stale or foreign code just brings no referral.
    }
  }

  /** A signed-in person enters a code (within the claim period after signing up). */
  async claim(userId: string, code: string, locale: Locale): Promise<ReferralRow> {
    const referrerId = await this.ownerOfCode(code);
    if (!referrerId) throw refusedCode(locale, 'referral_code_unknown');
    if (referrerId === userId) throw refusedCode(locale, 'referral_self');
    const [me, referrer] = await Promise.all([
      this.deps.people.getContact(userId),
      this.deps.people.getContact(referrerId),
    ]);
    if (!me || !referrer) throw refusedCode(locale, 'referral_code_unknown');
    if (!me.accountType || me.accountType !== referrer.accountType) throw refusedCode(locale, 'referral_kind_mismatch');
    const signedUpAt = (await this.deps.people.signedUpAt(userId)) ?? new Date();
    if (Date.now() - signedUpAt.getTime() > this.deps.settings.claimDays * 86_400_000) {
      throw refusedCode(locale, 'referral_too_late');
    }
    const kind = me.accountType === 'merchant' ? 'merchant' : 'influencer';
    const [referrerTeam, myTeam] =
      kind === 'merchant' ? await Promise.all([this.ownTeamOf(referrerId), this.ownTeamOf(userId)]) : [null, null];
    if (kind === 'merchant' && referrerTeam && referrerTeam === myTeam) throw refusedCode(locale, 'referral_self');
    return this.deps.db.transaction(async (tx) => {
      // Serialise with a claim the other way round (B → A while A → B is being written).
      const [first, second] = [userId, referrerId].sort();
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`referral:${first}:${second}`}))`);
      const [circular] = await tx
        .select({ id: referrals.id })
        .from(referrals)
        .where(and(eq(referrals.referrerUserId, userId), eq(referrals.referredUserId, referrerId)));
      if (circular) throw refusedCode(locale, 'referral_circular');
      const [inserted] = await tx
        .insert(referrals)
        .values({
          kind,
          referrerUserId: referrerId,
          referredUserId: userId,
          referrerOrganizationId: referrerTeam,
          referredOrganizationId: myTeam,
          bonusEndsAt: kind === 'influencer' ? addMonths(signedUpAt, this.deps.settings.influencerMonths) : null,
          bonusBps: kind === 'influencer' ? this.deps.settings.influencerBps : 0,
          rewardStatus: kind === 'merchant' && referrerTeam && myTeam ? 'pending' : 'none',
        })
        .onConflictDoNothing()
        .returning();
      if (!inserted) throw refusedCode(locale, 'referral_already_referred');
      return inserted;
    });
  }

  private async ownTeamOf(userId: string): Promise<string | null> {
    const teams = await this.deps.teams.membershipsOf(userId);
    return teams.find((team) => team.role === 'owner')?.teamId ?? null;
  }

  async overview(userId: string): Promise<ReferralOverview> {
    const code = await this.codeOf(userId);
    const rows = await this.deps.db
      .select()
      .from(referrals)
      .where(eq(referrals.referrerUserId, userId))
      .orderBy(desc(referrals.createdAt));
    const earnings = await this.deps.db
      .select()
      .from(referralEarnings)
      .where(eq(referralEarnings.referrerUserId, userId));
    const [mine] = await this.deps.db.select().from(referrals).where(eq(referrals.referredUserId, userId));
    const referredBy = mine ? await this.deps.people.getContact(mine.referrerUserId) : null;
    const byReferral = new Map<string, number>();
    const byCurrency = new Map<string, { totalMinor: number; reversedMinor: number }>();
    for (const earning of earnings) {
      const totals = byCurrency.get(earning.currency) ?? { totalMinor: 0, reversedMinor: 0 };
      if (earning.status === 'accrued') {
        totals.totalMinor += earning.amountMinor;
        byReferral.set(earning.referralId, (byReferral.get(earning.referralId) ?? 0) + earning.amountMinor);
      } else totals.reversedMinor += earning.amountMinor;
      byCurrency.set(earning.currency, totals);
    }
    const referred = [];
    for (const row of rows) {
      const contact = await this.deps.people.getContact(row.referredUserId);
      referred.push({
        id: row.id,
        name: contact?.name ?? '',
        kind: row.kind,
        joinedAt: row.createdAt.toISOString(),
        bonusEndsAt: row.bonusEndsAt?.toISOString() ?? null,
        earnedMinor: byReferral.get(row.id) ?? 0,
        rewardStatus: row.rewardStatus,
      });
    }
    return {
      code,
      link: this.linkOf(code),
      referredBy: referredBy ? { name: referredBy.name } : null,
      referred,
      earnings: [...byCurrency].map(([currency, totals]) => ({ currency, ...totals })),
      rates: { influencerBps: this.deps.settings.influencerBps, influencerMonths: this.deps.settings.influencerMonths },
    };
  }

  async adminList(): Promise<AdminReferralList> {
    const rows = await this.deps.db.select().from(referrals).orderBy(desc(referrals.createdAt)).limit(200);
    const earned = await this.deps.db
      .select({ referralId: referralEarnings.referralId, total: sql<string>`sum(${referralEarnings.amountMinor})` })
      .from(referralEarnings)
      .where(eq(referralEarnings.status, 'accrued'))
      .groupBy(referralEarnings.referralId);
    const totals = new Map(earned.map((row) => [row.referralId, Number(row.total)]));
    const person = async (id: string) => {
      const contact = await this.deps.people.getContact(id);
      return { id, name: contact?.name ?? '', email: contact?.email ?? '' };
    };
    const items: AdminReferralList['items'] = [];
    for (const row of rows) {
      items.push({
        id: row.id,
        kind: row.kind,
        referrer: await person(row.referrerUserId),
        referred: await person(row.referredUserId),
        createdAt: row.createdAt.toISOString(),
        bonusEndsAt: row.bonusEndsAt?.toISOString() ?? null,
        earnedMinor: totals.get(row.id) ?? 0,
        rewardStatus: row.rewardStatus,
      });
    }
    return { items, nextCursor: null };
  }

  /**
   * The daily pass: a bonus for each newly approved commission of a referred influencer made
   * within the window, the reversal of bonuses whose commission was reversed, and the merchant
   * rewards now due. Every step is keyed (commission id, conditional updates): reruns add nothing.
   */
  async accrue(): Promise<{ accrued: number; reversed: number; rewarded: number }> {
    let accrued = 0;
    let reversed = 0;
    let rewarded = 0;
    const influencerReferrals = await this.deps.db
      .select()
      .from(referrals)
      .where(and(eq(referrals.kind, 'influencer'), isNotNull(referrals.bonusEndsAt)));
    for (const referral of influencerReferrals) {
      const commissions = await this.deps.commissions.approvedOf(this.deps.db, [
        { influencerId: referral.referredUserId, from: new Date(0), until: referral.bonusEndsAt as Date },
      ]);
      if (commissions.length === 0) continue;
      const known = await this.deps.db
        .select({ commissionId: referralEarnings.commissionId })
        .from(referralEarnings)
        .where(
          inArray(
            referralEarnings.commissionId,
            commissions.map((commission) => commission.id),
          ),
        );
      const knownIds = new Set(known.map((row) => row.commissionId));
      for (const commission of commissions) {
        if (knownIds.has(commission.id)) continue;
        const amount = shareOf(commission.amountMinor, referral.bonusBps);
        if (amount <= 0) continue;
        const created = await this.deps.db.transaction(async (tx) => {
          const [earning] = await tx
            .insert(referralEarnings)
            .values({
              referralId: referral.id,
              referrerUserId: referral.referrerUserId,
              commissionId: commission.id,
              baseMinor: commission.amountMinor,
              amountMinor: amount,
              currency: commission.currency,
            })
            .onConflictDoNothing()
            .returning();
          if (!earning) return false;
          await this.postBonus(tx, earning, 1);
          return true;
        });
        if (created) accrued += 1;
      }
    }

    const open = await this.deps.db.select().from(referralEarnings).where(eq(referralEarnings.status, 'accrued'));
    const statuses = await this.deps.commissions.statusOf(
      this.deps.db,
      open.map((earning) => earning.commissionId),
    );
    for (const earning of open) {
      const status = statuses.get(earning.commissionId);
      if (status !== 'reversed' && status !== 'rejected') continue;
      const done = await this.deps.db.transaction(async (tx) => {
        const [row] = await tx
          .update(referralEarnings)
          .set({ status: 'reversed', reversedAt: new Date() })
          .where(and(eq(referralEarnings.id, earning.id), eq(referralEarnings.status, 'accrued')))
          .returning();
        if (!row) return false;
        await this.postBonus(tx, row, -1);
        return true;
      });
      if (done) reversed += 1;
    }

    const pending = await this.deps.db.select().from(referrals).where(eq(referrals.rewardStatus, 'pending'));
    for (const referral of pending) {
      if (!referral.referredOrganizationId || !referral.referrerOrganizationId) continue;
      if (!(await this.deps.billing.hasPaidInvoice(referral.referredOrganizationId))) continue;
      const granted = await this.deps.db.transaction(async (tx) => {
        const [row] = await tx
          .update(referrals)
          .set({ rewardStatus: 'granted', rewardedAt: new Date() })
          .where(and(eq(referrals.id, referral.id), eq(referrals.rewardStatus, 'pending')))
          .returning();
        if (!row) return false;
        await this.deps.billing.grantFreeMonth(
          tx,
          referral.referrerOrganizationId as string,
          'pro',
          `referral:${referral.id}`,
        );
        return true;
      });
      if (granted) rewarded += 1;
    }
    return { accrued, reversed, rewarded };
  }

  /** Referral expense → the referrer's payable balance (sign −1: the reversal). */
  private postBonus(executor: Executor, earning: typeof referralEarnings.$inferSelect, sign: 1 | -1) {
    return this.deps.ledger.post(executor, {
      kind: sign === 1 ? 'referral.bonus' : 'referral.bonus_reversal',
      reference: earning.commissionId,
      memo:
        sign === 1
          ? 'Referral bonus on a referred influencer’s commission'
          : 'Referral bonus reversed with its commission',
      entries: [
        { account: 'referral_expense', amountMinor: sign * earning.amountMinor, currency: earning.currency },
        {
          account: 'influencer_payable',
          ownerId: earning.referrerUserId,
          amountMinor: -sign * earning.amountMinor,
          currency: earning.currency,
        },
      ],
    });
  }
}
