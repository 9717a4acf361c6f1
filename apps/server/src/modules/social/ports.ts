import type { Locale } from '@souk/contracts/locales';
import type { SocialProvider } from '@souk/contracts/social';
import type { TeamRole } from '@souk/contracts/teams';
import type { Executor } from '../../platform/db/database.ts';
import type { IdentityModule } from '../identity/module.ts';
import type { MessagingModule } from '../messaging/module.ts';

/** What a caption needs to know about a deal, read from the catalog. */
export interface DealFacts {
  id: string;
  organizationId: string;
  title: string;
  merchantName: string;
  category: string | null;
  city: string | null;
  priceMinor: number;
  originalPriceMinor: number;
  discountPercent: number;
  currency: string;
  highlights: string[];
  pageUrl: string;
  imageUrls: string[];
}

export interface DealDirectory {
  find(productId: string): Promise<DealFacts | null>;
}

/** A tracked link, as social publishing uses it. */
export interface TrackedLink {
  id: string;
  productId: string;
  shortUrl: string;
}

/** Affiliation's facts for social publishing: links (and their per-channel variants) and clicks. */
export interface LinkFacts {
  /** The influencer's own link, or null. */
  linkOf(influencerId: string, linkId: string): Promise<TrackedLink | null>;
  /** The influencer's link for this product on this channel (created on first need), or null. */
  variantFor(
    influencerId: string,
    productId: string,
    provider: SocialProvider,
    locale: Locale,
  ): Promise<TrackedLink | null>;
  /** Clicks per hour of the week (0 = Sunday 00h) on these links, in a time zone. */
  clicksByHourOfWeek(linkIds: string[], timeZone: string): Promise<{ weekday: number; hour: number; clicks: number }[]>;
  /** Clicks, conversions and commissions of one link. */
  totals(linkId: string): Promise<{ clicks: number; conversions: number; commissionsMinor: number; currency: string }>;
  /** The influencer's link ids (best-time from the account owner's own history). */
  linkIdsOf(influencerId: string): Promise<string[]>;
}

export interface TeamDirectory {
  requireRole(userId: string, teamId: string, minimum: TeamRole, executor?: Executor): Promise<TeamRole>;
  managerIdsOf(teamId: string, executor?: Executor): Promise<string[]>;
}

export type PeopleDirectory = Pick<IdentityModule['users'], 'getContact'>;
export type Notifier = Pick<MessagingModule['notifications'], 'notify'>;

/** The plan's scheduled-posts-per-month quota (billing): a merchant team's post takes one when it leaves draft. */
export interface ScheduledPostQuota {
  consume(executor: Executor, teamId: string, locale: Locale): Promise<void>;
}
