import type {
  ErrorKind,
  MediaInput,
  PostStatus,
  SocialOwnerKind,
  SocialProvider,
  TargetOptions,
  TargetStatus,
} from '@souk/contracts/social';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt } from '../../platform/db/columns.ts';

/**
 * An account on a social network, owned by a person (`user:<id>`), a merchant team
 * (`team:<id>`) or the platform (`platform`). Tokens are AES-256-GCM ciphertexts.
 */
export const socialAccounts = pgTable(
  'social_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: text('provider').$type<SocialProvider>().notNull(),
    ownerKey: text('owner_key').notNull(),
    ownerKind: text('owner_kind').$type<SocialOwnerKind>().notNull(),
    teamId: text('team_id'),
    connectedBy: text('connected_by').notNull(),
    externalId: text('external_id').notNull(),
    handle: text('handle').notNull(),
    displayName: text('display_name').notNull(),
    avatarUrl: text('avatar_url'),
    profileUrl: text('profile_url'),
    accessToken: text('access_token').notNull(),
    refreshToken: text('refresh_token'),
    tokenExpiresAt: at('token_expires_at'),
    scopes: jsonb('scopes').$type<string[]>().notNull().default([]),
    /** What the provider needs beyond the token (e.g. the Instagram user id behind a page). */
    providerData: jsonb('provider_data').$type<Record<string, string>>().notNull().default({}),
    reconnectNeeded: boolean('reconnect_needed').notNull().default(false),
    healthReason: text('health_reason'),
    disconnectedAt: at('disconnected_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('social_accounts_identity_idx').on(table.provider, table.externalId, table.ownerKey),
    index('social_accounts_owner_idx').on(table.ownerKey),
    index('social_accounts_expiry_idx').on(table.tokenExpiresAt),
  ],
);

/** OAuth attempts in flight: state, PKCE verifier, who started it and for which owner. */
export const socialOauthStates = pgTable('social_oauth_states', {
  state: text('state').primaryKey(),
  provider: text('provider').$type<SocialProvider>().notNull(),
  userId: text('user_id').notNull(),
  ownerKey: text('owner_key').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  expiresAt: at('expires_at').notNull(),
  createdAt: createdAt(),
});

export const socialPosts = pgTable(
  'social_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerKey: text('owner_key').notNull(),
    ownerKind: text('owner_kind').$type<SocialOwnerKind>().notNull(),
    teamId: text('team_id'),
    authorId: text('author_id').notNull(),
    status: text('status').$type<PostStatus>().notNull(),
    linkId: uuid('link_id'),
    productId: uuid('product_id'),
    media: jsonb('media').$type<MediaInput[]>().notNull().default([]),
    scheduledAt: at('scheduled_at'),
    approvalRequired: boolean('approval_required').notNull().default(false),
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
    decisionReason: text('decision_reason'),
    templateId: uuid('template_id'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [index('social_posts_owner_idx').on(table.ownerKey, table.scheduledAt)],
);

/** One (post, account) pair: its own pipeline, stage by stage. */
export const socialTargets = pgTable(
  'social_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => socialPosts.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id),
    provider: text('provider').$type<SocialProvider>().notNull(),
    caption: text('caption').notNull(),
    options: jsonb('options').$type<TargetOptions>().notNull().default({}),
    /** The tracked link variant for this platform, when the post promotes a deal. */
    linkId: uuid('link_id'),
    linkUrl: text('link_url'),
    status: text('status').$type<TargetStatus>().notNull(),
    /**
     * Where the pipeline stands: create | check | finalize | done. A mutating stage is claimed
     * as `<stage>:inflight` before the call, so it runs at most once.
     */
    stage: text('stage').notNull().default('create'),
    claimedAt: at('claimed_at'),
    dueAt: at('due_at'),
    pendingData: jsonb('pending_data').$type<Record<string, unknown>>(),
    attempts: integer('attempts').notNull().default(0),
    checks: integer('checks').notNull().default(0),
    externalId: text('external_id'),
    externalUrl: text('external_url'),
    errorCode: text('error_code'),
    errorKind: text('error_kind').$type<ErrorKind>(),
    errorDetail: text('error_detail'),
    publishedAt: at('published_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('social_targets_pair_idx').on(table.postId, table.accountId),
    index('social_targets_account_idx').on(table.accountId, table.publishedAt),
    index('social_targets_due_idx').on(table.status, table.dueAt),
  ],
);

/** Every state change of a target, with the reason in a code the API translates. */
export const socialTransitions = pgTable(
  'social_transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => socialTargets.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<TargetStatus>(),
    toStatus: text('to_status').$type<TargetStatus>().notNull(),
    step: text('step').notNull(),
    reasonCode: text('reason_code'),
    detail: text('detail'),
    createdAt: createdAt(),
  },
  (table) => [index('social_transitions_target_idx').on(table.targetId, table.id)],
);

export const socialTeamSettings = pgTable('social_team_settings', {
  teamId: text('team_id').primaryKey(),
  requireApproval: boolean('require_approval').notNull().default(false),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export const socialTemplates = pgTable('social_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<'new_deal' | 'promotion' | 'testimonial'>().notNull(),
  name: text('name').notNull(),
  locale: text('locale').$type<'fr' | 'en' | 'ar'>().notNull(),
  body: text('body').notNull(),
  hashtags: jsonb('hashtags').$type<string[]>().notNull().default([]),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
});

/** The built-in sandbox network's own data: its grants (codes, tokens) and its published posts. */
export const socialSandboxGrants = pgTable('social_sandbox_grants', {
  token: text('token').primaryKey(),
  kind: text('kind').$type<'code' | 'access' | 'refresh'>().notNull(),
  handle: text('handle').notNull(),
  codeChallenge: text('code_challenge'),
  redirectUri: text('redirect_uri'),
  expiresAt: at('expires_at'),
  revokedAt: at('revoked_at'),
  createdAt: createdAt(),
});

export const socialSandboxPosts = pgTable(
  'social_sandbox_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    handle: text('handle').notNull(),
    caption: text('caption').notNull(),
    media: jsonb('media').$type<MediaInput[]>().notNull().default([]),
    linkUrl: text('link_url'),
    /** What the client said this is (Souk sends the target id): how duplicates would show. */
    clientRef: text('client_ref'),
    status: text('status').$type<'processing' | 'published'>().notNull(),
    createdAt: createdAt(),
    publishedAt: at('published_at'),
  },
  (table) => [index('social_sandbox_posts_handle_idx').on(table.handle, table.publishedAt)],
);
