import { z } from 'zod';

/**
 * Social publishing: connected accounts on the social networks, posts composed once and
 * published to several accounts, each (post, account) pair tracked on its own through every
 * state it went through. The sandbox network is built in and works without any credentials.
 */

const isoDate = z.iso.datetime();

export const socialProviders = ['sandbox', 'instagram', 'facebook', 'tiktok', 'reddit'] as const;
export type SocialProvider = (typeof socialProviders)[number];

/** Who owns an account or a post: a person, a merchant team, or the platform (official accounts). */
export const socialOwnerKinds = ['user', 'team', 'platform'] as const;
export type SocialOwnerKind = (typeof socialOwnerKinds)[number];

export const socialOwnerQuerySchema = z.object({
  owner: z
    .enum(['me', 'team', 'platform'])
    .default('me')
    .describe('me: your own; team: a merchant team (teamId required); platform: official accounts (admins)'),
  teamId: z.uuid().optional(),
});
export type SocialOwnerQuery = z.infer<typeof socialOwnerQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Providers and their rules

export const linkHandlings = ['clickable', 'not_clickable_use_bio', 'caption_only_never_in_media', 'post_url'] as const;

export const platformRulesSchema = z
  .object({
    captionMaxLength: z.number().int(),
    titleMaxLength: z.number().int().nullable().describe('Reddit: the title; null when the platform has none'),
    mediaMin: z.number().int(),
    mediaMax: z.number().int(),
    mediaKinds: z.array(z.enum(['image', 'video'])),
    aspectRatioMin: z.number().nullable().describe('width / height; null when any ratio is accepted'),
    aspectRatioMax: z.number().nullable(),
    maxImageBytes: z.number().int().nullable(),
    maxVideoBytes: z.number().int().nullable(),
    hashtagsMax: z.number().int().nullable(),
    linkHandling: z.enum(linkHandlings),
    linkAdvice: z.string().describe('Translated: where the tracked link goes on this platform'),
    dailyPostLimit: z.number().int().nullable().describe('Default daily quota; Instagram reads the live figure'),
    requiresCreatorInfo: z.boolean().describe('TikTok: privacy must be chosen explicitly, consent required'),
  })
  .meta({ id: 'SocialPlatformRules' });
export type PlatformRules = z.infer<typeof platformRulesSchema>;

export const providerSetupSchema = z
  .object({
    credentials: z.array(z.string()).describe('Configuration variables to set (app id, secret...)'),
    redirectUrl: z.string().describe('The OAuth redirect URL to register in the platform app'),
    scopes: z.array(z.string()),
    steps: z.array(z.string()).describe('Translated short guide'),
    documentationUrl: z.string(),
  })
  .meta({ id: 'SocialProviderSetup' });

export const socialProviderSchema = z
  .object({
    provider: z.enum(socialProviders),
    name: z.string(),
    configured: z.boolean(),
    setup: providerSetupSchema.nullable().describe('When not configured: what to register'),
    rules: platformRulesSchema,
  })
  .meta({ id: 'SocialProvider' });
export type SocialProviderView = z.infer<typeof socialProviderSchema>;
export const socialProviderListSchema = z.object({ items: z.array(socialProviderSchema) });

// ---------------------------------------------------------------------------------------------
// Accounts

export const accountHealths = ['connected', 'token_expiring', 'reconnect_needed', 'disconnected'] as const;
export type AccountHealth = (typeof accountHealths)[number];

export const socialAccountSchema = z
  .object({
    id: z.uuid(),
    provider: z.enum(socialProviders),
    ownerKind: z.enum(socialOwnerKinds),
    teamId: z.uuid().nullable(),
    handle: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
    profileUrl: z.string().nullable(),
    health: z.enum(accountHealths),
    healthReason: z.string().nullable().describe('Translated: why reconnecting is needed, when it is'),
    tokenExpiresAt: isoDate.nullable(),
    quota: z.object({
      usedToday: z.number().int().describe('Posts published in the last 24 hours'),
      limit: z.number().int().nullable(),
    }),
    connectedAt: isoDate,
  })
  .meta({ id: 'SocialAccount' });
export type SocialAccountView = z.infer<typeof socialAccountSchema>;
export const socialAccountListSchema = z.object({ items: z.array(socialAccountSchema) });

export const connectionInputSchema = z
  .object({
    provider: z.enum(socialProviders),
    owner: z.enum(['me', 'team', 'platform']).default('me'),
    teamId: z.uuid().optional(),
  })
  .meta({ id: 'SocialConnectionWrite' });
export type ConnectionInput = z.input<typeof connectionInputSchema>;
export const connectionStartSchema = z
  .object({ authorizationUrl: z.string(), state: z.string() })
  .meta({ id: 'SocialConnectionStart' });

/** Codes the OAuth callback puts in `?error=` on the web page. */
export const connectionErrorCodes = [
  'state_invalid',
  'access_denied',
  'token_exchange_failed',
  'account_unsupported',
  'provider_not_configured',
] as const;
export type ConnectionErrorCode = (typeof connectionErrorCodes)[number];

export const privacyLevels = [
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
] as const;
export const creatorInfoSchema = z
  .object({
    creatorUsername: z.string(),
    creatorNickname: z.string(),
    creatorAvatarUrl: z.string().nullable(),
    privacyLevelOptions: z.array(z.string()),
    commentDisabled: z.boolean(),
    duetDisabled: z.boolean(),
    stitchDisabled: z.boolean(),
    maxVideoPostDurationSec: z.number().int(),
    canPost: z.boolean().describe('False when the creator reached the posting cap right now'),
  })
  .meta({ id: 'SocialCreatorInfo' });
export type CreatorInfo = z.infer<typeof creatorInfoSchema>;

export const bestTimeSchema = z
  .object({
    source: z.enum(['history', 'defaults']),
    slots: z
      .array(
        z.object({
          weekday: z.number().int().min(0).max(6).describe('0 = Sunday, in the given time zone'),
          hour: z.number().int().min(0).max(23),
          clicks: z.number().int(),
          nextAt: isoDate.describe('The next occurrence of this slot'),
        }),
      )
      .describe('Best first'),
    timeZone: z.string(),
  })
  .meta({ id: 'SocialBestTime' });
export const bestTimeQuerySchema = z.object({ timeZone: z.string().max(64).default('Africa/Casablanca') });

// ---------------------------------------------------------------------------------------------
// Suggestions

export const suggestionInputSchema = z
  .object({
    productId: z.uuid().optional(),
    linkId: z.uuid().optional(),
    platform: z.enum(socialProviders),
    locale: z.enum(['fr', 'en', 'ar']),
  })
  .refine((v) => Boolean(v.productId) !== Boolean(v.linkId), {
    message: 'Give either productId or linkId',
    path: ['productId'],
  })
  .meta({ id: 'SocialSuggestionWrite' });
export const suggestionSchema = z
  .object({
    captions: z.array(z.string()).describe('Several variants, each within the platform limit'),
    hashtags: z.array(z.string()),
    linkUrl: z.string().nullable().describe('The tracked link variant for this platform'),
    engine: z.string(),
  })
  .meta({ id: 'SocialSuggestion' });
export type SocialSuggestion = z.infer<typeof suggestionSchema>;

// ---------------------------------------------------------------------------------------------
// Posts

export const mediaInputSchema = z
  .object({
    url: z.string().min(1).max(2000),
    kind: z.enum(['image', 'video']),
    width: z.number().int().positive().optional(),
    height: z.number().int().positive().optional(),
    bytes: z.number().int().positive().optional(),
    durationSec: z.number().positive().optional(),
    altText: z.string().max(1000).optional(),
  })
  .meta({ id: 'SocialMedia' });
export type MediaInput = z.infer<typeof mediaInputSchema>;

export const targetOptionsSchema = z
  .object({
    privacyLevel: z.string().max(40).optional().describe('TikTok: required, chosen from creator-info'),
    disableComment: z.boolean().optional(),
    disableDuet: z.boolean().optional(),
    disableStitch: z.boolean().optional(),
    brandContentToggle: z.boolean().optional().describe('TikTok: paid partnership (branded content)'),
    brandOrganicToggle: z.boolean().optional().describe('TikTok: promoting your own business'),
    consent: z.boolean().optional().describe('TikTok: the user accepted the music usage / branded content policy'),
    subreddit: z.string().max(50).optional().describe('Reddit: where to submit'),
    title: z.string().max(300).optional().describe('Reddit: the post title'),
    flairId: z.string().max(100).optional(),
    linkInBio: z.boolean().optional().describe('Instagram: the caption says "link in bio"'),
  })
  .meta({ id: 'SocialTargetOptions' });
export type TargetOptions = z.infer<typeof targetOptionsSchema>;

export const targetInputSchema = z
  .object({
    accountId: z.uuid(),
    caption: z.string().max(70000),
    options: targetOptionsSchema.default({}),
  })
  .meta({ id: 'SocialTargetWrite' });

export const postModes = ['now', 'schedule', 'draft'] as const;

export const postInputSchema = z
  .object({
    linkId: z.uuid().optional(),
    productId: z.uuid().optional(),
    media: z.array(mediaInputSchema).max(20).default([]),
    targets: z.array(targetInputSchema).min(1).max(20),
    mode: z.enum(postModes),
    scheduledAt: isoDate.optional(),
    owner: z.enum(['me', 'team', 'platform']).default('me'),
    teamId: z.uuid().optional(),
    templateId: z.uuid().optional(),
  })
  .meta({ id: 'SocialPostWrite' });
export type PostInput = z.input<typeof postInputSchema>;

export const postUpdateSchema = z
  .object({
    scheduledAt: isoDate.optional(),
    media: z.array(mediaInputSchema).max(20).optional(),
    targets: z.array(targetInputSchema).min(1).max(20).optional(),
    mode: z.enum(['schedule', 'draft', 'now']).optional(),
  })
  .meta({ id: 'SocialPostUpdate' });
export type PostUpdate = z.infer<typeof postUpdateSchema>;

export const postStatuses = [
  'draft',
  'pending_approval',
  'scheduled',
  'publishing',
  'published',
  'partially_published',
  'failed',
  'rejected',
] as const;
export type PostStatus = (typeof postStatuses)[number];

export const targetStatuses = [
  'draft',
  'pending_approval',
  'scheduled',
  'publishing',
  'waiting_for_platform',
  'published',
  'failed',
  'unconfirmed',
  'cancelled',
] as const;
export type TargetStatus = (typeof targetStatuses)[number];

/** How a provider error is classified; decides what the pipeline does next. */
export const errorKinds = ['refresh-token', 'bad-body', 'retry', 'disconnect'] as const;
export type ErrorKind = (typeof errorKinds)[number];

export const transitionSchema = z
  .object({
    at: isoDate,
    from: z.enum(targetStatuses).nullable(),
    to: z.enum(targetStatuses),
    step: z.string().describe('create | check | finalize | schedule | sweep | retry | approve ...'),
    reasonCode: z.string().nullable(),
    reason: z.string().describe('Translated, plain words'),
    advice: z.string().nullable().describe('Translated: what to do'),
  })
  .meta({ id: 'SocialTransition' });

export const targetSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    provider: z.enum(socialProviders),
    accountHandle: z.string(),
    caption: z.string(),
    options: targetOptionsSchema,
    status: z.enum(targetStatuses),
    attempts: z.number().int(),
    externalId: z.string().nullable(),
    externalUrl: z.string().nullable().describe('Link to the published post'),
    errorCode: z.string().nullable(),
    errorKind: z.enum(errorKinds).nullable(),
    errorMessage: z.string().nullable().describe('Translated, plain words'),
    advice: z.string().nullable(),
    retryable: z.boolean().describe('True only where a retry cannot double-post'),
    publishedAt: isoDate.nullable(),
    transitions: z.array(transitionSchema).describe('Only in the single-post view'),
  })
  .meta({ id: 'SocialTarget' });
export type TargetView = z.infer<typeof targetSchema>;

export const postSchema = z
  .object({
    id: z.uuid(),
    ownerKind: z.enum(socialOwnerKinds),
    teamId: z.uuid().nullable(),
    authorId: z.string(),
    authorName: z.string(),
    status: z.enum(postStatuses),
    linkId: z.uuid().nullable(),
    linkUrl: z.string().nullable(),
    productId: z.uuid().nullable(),
    productTitle: z.string().nullable(),
    media: z.array(mediaInputSchema),
    scheduledAt: isoDate.nullable(),
    approval: z
      .object({
        required: z.boolean(),
        decidedBy: z.string().nullable(),
        decidedAt: isoDate.nullable(),
        reason: z.string().nullable(),
      })
      .nullable(),
    targets: z.array(targetSchema),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: 'SocialPost' });
export type PostView = z.infer<typeof postSchema>;

/** Post creation answers 201 with the post, or 422 with `targetErrors` per target. */
export const targetErrorSchema = z
  .object({
    targetIndex: z.number().int(),
    accountId: z.uuid(),
    path: z.string(),
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: 'SocialTargetError' });

export const postListQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: z.enum(postStatuses).optional(),
  accountId: z.uuid().optional(),
  owner: z.enum(['me', 'team', 'platform']).default('me'),
  teamId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const postListSchema = z.object({ items: z.array(postSchema) });

export const rejectPostInputSchema = z
  .object({ reason: z.string().trim().min(1).max(1000) })
  .meta({ id: 'SocialRejectionWrite' });

export const postStatsSchema = z
  .object({
    postId: z.uuid(),
    link: z
      .object({
        clicks: z.number().int(),
        conversions: z.number().int(),
        commissionsMinor: z.number().int(),
        currency: z.string(),
      })
      .nullable(),
    platforms: z.array(
      z.object({
        targetId: z.uuid(),
        provider: z.enum(socialProviders),
        metrics: z
          .record(z.string(), z.number())
          .nullable()
          .describe('Likes, comments, views... when the API offers them'),
      }),
    ),
  })
  .meta({ id: 'SocialPostStats' });

// ---------------------------------------------------------------------------------------------
// Teams and templates

export const teamSocialSettingsSchema = z.object({ requireApproval: z.boolean() }).meta({ id: 'SocialTeamSettings' });

export const templateKinds = ['new_deal', 'promotion', 'testimonial'] as const;
export const templateSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(templateKinds),
    name: z.string(),
    locale: z.enum(['fr', 'en', 'ar']),
    body: z.string().describe('Placeholders: {title} {merchant} {price} {discount} {city} {link}'),
    hashtags: z.array(z.string()),
    createdAt: isoDate,
  })
  .meta({ id: 'SocialTemplate' });
export const templateInputSchema = z
  .object({
    kind: z.enum(templateKinds),
    name: z.string().trim().min(1).max(120),
    locale: z.enum(['fr', 'en', 'ar']),
    body: z.string().trim().min(1).max(5000),
    hashtags: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  })
  .meta({ id: 'SocialTemplateWrite' });
export const templateListSchema = z.object({ items: z.array(templateSchema) });

/** Totals across the accounts of an owner (admins: the official accounts). */
export const socialAnalyticsSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    posts: z.object({ published: z.number().int(), failed: z.number().int(), scheduled: z.number().int() }),
    clicks: z.number().int(),
    conversions: z.number().int(),
    byAccount: z.array(
      z.object({
        accountId: z.uuid(),
        provider: z.enum(socialProviders),
        handle: z.string(),
        published: z.number().int(),
        clicks: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'SocialAnalytics' });
