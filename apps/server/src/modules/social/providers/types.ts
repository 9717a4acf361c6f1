import type {
  CreatorInfo,
  ErrorKind,
  MediaInput,
  PlatformRules,
  SocialProvider,
  TargetOptions,
} from '@souk/contracts/social';

export interface TokenSet {
  accessToken: string;
  /** Null when the platform gave none; a reconnect never replaces a stored one with null. */
  refreshToken: string | null;
  expiresAt: Date | null;
  scopes: string[];
}

/** One account an authorization gave access to (a Facebook login can bring several pages). */
export interface ConnectedAccount {
  externalId: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  profileUrl: string | null;
  tokens: TokenSet;
  providerData: Record<string, string>;
}

/** The stored account, tokens opened, as a provider call needs it. */
export interface AccountCredentials {
  externalId: string;
  handle: string;
  accessToken: string;
  refreshToken: string | null;
  providerData: Record<string, string>;
}

export interface PublishRequest {
  account: AccountCredentials;
  caption: string;
  media: MediaInput[];
  linkUrl: string | null;
  options: TargetOptions;
  /** Our target id: sent where the platform keeps a client reference. */
  clientRef: string;
}

export type PendingData = Record<string, unknown>;

export type CreateResult =
  | { kind: 'published'; externalId: string; url: string | null }
  /** The platform works on it: check later, then finalize if the provider has a finalize step. */
  | { kind: 'pending'; pending: PendingData };

export type CheckResult =
  | { kind: 'in_progress'; retryAfterMs?: number }
  | { kind: 'ready'; pending?: PendingData }
  | { kind: 'published'; externalId: string; url: string | null }
  | { kind: 'failed'; code: string; detail: string };

export interface ValidationIssue {
  path: string;
  code: string;
  values?: Record<string, string | number>;
}

/**
 * A classified failure of a provider call. `ambiguous`: the platform may have acted (a timeout,
 * a dropped connection, a 5xx): on a mutating step that makes the target unconfirmed.
 */
export class ProviderError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly options: { retryAfterMs?: number; ambiguous?: boolean; status?: number } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }

  get ambiguous(): boolean {
    return this.options.ambiguous ?? false;
  }
}

export interface ProviderSetup {
  credentials: string[];
  scopes: string[];
  documentationUrl: string;
}

/** Everything the platform needs from one social network; one file per network implements it. */
export interface SocialProviderAdapter {
  readonly id: SocialProvider;
  readonly name: string;
  readonly rules: Omit<PlatformRules, 'linkAdvice'>;
  readonly setup: ProviderSetup;
  /** True when `create` itself makes the post visible (then it runs at most once). */
  readonly createMutates: boolean;
  /** True when a `finalize` step follows a successful check (Instagram's media_publish). */
  readonly hasFinalize: boolean;
  configured(): boolean;
  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string;
  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<TokenSet>;
  refresh(account: AccountCredentials): Promise<TokenSet>;
  accounts(tokens: TokenSet): Promise<ConnectedAccount[]>;
  /** Platform-specific checks beyond the generic rules (e.g. TikTok's explicit privacy). */
  validate(request: Omit<PublishRequest, 'account' | 'clientRef'>): ValidationIssue[];
  create(request: PublishRequest): Promise<CreateResult>;
  /** Read-only: safe to repeat. */
  check(request: PublishRequest, pending: PendingData): Promise<CheckResult>;
  /** The mutation after a ready check; runs at most once. */
  finalize(request: PublishRequest, pending: PendingData): Promise<{ externalId: string; url: string | null }>;
  metrics(account: AccountCredentials, externalId: string): Promise<Record<string, number> | null>;
  /** Live daily quota where the platform reports it (Instagram). */
  quota?(account: AccountCredentials): Promise<{ used: number; limit: number }>;
  creatorInfo?(account: AccountCredentials): Promise<CreatorInfo>;
}
