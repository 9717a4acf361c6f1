import type { PlatformRules, SocialProvider } from '@souk/contracts/social';
import type { Config } from '../../platform/config/config.ts';
import { FacebookProvider } from './providers/facebook.ts';
import { InstagramProvider } from './providers/instagram.ts';
import { MetaGraph } from './providers/meta-graph.ts';
import { RedditProvider } from './providers/reddit.ts';
import { SandboxProvider } from './providers/sandbox.ts';
import { TikTokProvider } from './providers/tiktok.ts';
import type { SocialProviderAdapter } from './providers/types.ts';
import type { SandboxNetwork } from './sandbox/network.ts';

export type ProviderRegistry = ReadonlyMap<SocialProvider, SocialProviderAdapter>;

export type SocialConfig = Pick<
  Config,
  | 'PUBLIC_URL'
  | 'META_APP_ID'
  | 'META_APP_SECRET'
  | 'META_GRAPH_URL'
  | 'META_OAUTH_URL'
  | 'TIKTOK_CLIENT_KEY'
  | 'TIKTOK_CLIENT_SECRET'
  | 'TIKTOK_API_URL'
  | 'TIKTOK_OAUTH_URL'
  | 'REDDIT_CLIENT_ID'
  | 'REDDIT_CLIENT_SECRET'
  | 'REDDIT_WWW_URL'
  | 'REDDIT_API_URL'
  | 'SOCIAL_CALL_TIMEOUT_MS'
>;

/** Every network, built from configuration; base URLs are configurable so tests use local fakes. */
export function createProviderRegistry(config: SocialConfig, sandbox: SandboxNetwork): ProviderRegistry {
  const timeoutMs = config.SOCIAL_CALL_TIMEOUT_MS;
  const meta = new MetaGraph({
    appId: config.META_APP_ID,
    appSecret: config.META_APP_SECRET,
    graphUrl: config.META_GRAPH_URL,
    oauthUrl: config.META_OAUTH_URL,
    timeoutMs,
  });
  const providers: SocialProviderAdapter[] = [
    new SandboxProvider(sandbox, config.PUBLIC_URL),
    new InstagramProvider(meta),
    new FacebookProvider(meta),
    new TikTokProvider({
      clientKey: config.TIKTOK_CLIENT_KEY,
      clientSecret: config.TIKTOK_CLIENT_SECRET,
      apiUrl: config.TIKTOK_API_URL,
      oauthUrl: config.TIKTOK_OAUTH_URL,
      timeoutMs,
    }),
    new RedditProvider({
      clientId: config.REDDIT_CLIENT_ID,
      clientSecret: config.REDDIT_CLIENT_SECRET,
      wwwUrl: config.REDDIT_WWW_URL,
      apiUrl: config.REDDIT_API_URL,
      timeoutMs,
    }),
  ];
  return new Map(providers.map((provider) => [provider.id, provider]));
}

export function redirectUriOf(publicUrl: string, provider: SocialProvider): string {
  return `${publicUrl}/social/oauth/${provider}/callback`;
}

export function rulesOf(provider: SocialProviderAdapter, linkAdvice: string): PlatformRules {
  return { ...provider.rules, linkAdvice };
}
