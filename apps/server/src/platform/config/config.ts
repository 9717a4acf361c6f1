import { validateIce } from '@souk/contracts/moroccan-identifiers';
import { z } from 'zod';

export const roles = ['all', 'web', 'worker'] as const;
export type ProcessRole = (typeof roles)[number];

const optionalUrl = z.url().optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Comma-separated `id:base64key` pairs, each key 32 bytes (AES-256-GCM key rings). */
const encryptionKeys = z
  .string()
  .optional()
  .transform((value, context) => {
    if (!value) return undefined;
    const keys = new Map<string, Buffer>();
    for (const entry of value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [id, material] = entry.split(':');
      const key = Buffer.from(material ?? '', 'base64');
      if (!id || !/^[a-z0-9_-]{1,32}$/i.test(id) || key.length !== 32) {
        context.addIssue({ code: 'custom', message: 'comma-separated id:base64key pairs, each key 32 bytes' });
        return z.NEVER;
      }
      keys.set(id, key);
    }
    return keys;
  });

/** Every variable the platform reads. `.env.example` documents each one. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  ROLE: z.enum(roles).default('all'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default('./data'),
  /** Uploaded files (images, documents); `<DATA_DIR>/files` when unset. */
  FILES_DIR: z.string().min(1).optional(),
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: optionalUrl,
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().min(3).default('Souk <no-reply@souk.localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  SEED_DEMO_DATA: booleanFlag.optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(9000),
  /** How long a stopping node keeps answering (with 503 on /readyz) before closing its listener. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  WEB_BUILD_DIR: z.string().optional(),
  /**
   * Which proxies may say who the client is (X-Forwarded-For): `false` (default: none), a hop
   * count (`1` behind one load balancer), or comma-separated addresses/CIDRs. Trusting every hop
   * would let any client pick its own IP and escape every per-IP limit.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, context) => {
      if (value === 'false' || value === '') return false as const;
      if (/^\d+$/.test(value)) return Number(value);
      const entries = value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      if (entries.some((entry) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry))) {
        context.addIssue({ code: 'custom', message: 'false, a hop count, or comma-separated IPs/CIDRs' });
        return z.NEVER;
      }
      return entries;
    }),
  // Site: where contact messages are mailed, and how hard the contact form's proof of work is.
  SUPPORT_EMAIL: z.email().default('support@souk.localhost'),
  /** ALTCHA: the largest number a browser may have to try (about 50k takes a second on a phone). */
  CONTACT_CHALLENGE_MAX_NUMBER: z.coerce.number().int().min(10).max(10_000_000).default(50_000),
  // KYC documents.
  /**
   * Keys that encrypt KYC documents at rest (AES-256-GCM): comma-separated `id:base64key` pairs,
   * each key 32 bytes. Old keys stay listed so files written under them still open.
   */
  KYC_ENCRYPTION_KEYS: encryptionKeys,
  /** Which of KYC_ENCRYPTION_KEYS encrypts new documents; the first one when unset. */
  KYC_ENCRYPTION_KEY_ID: z.string().optional(),
  /** Whether influencers must add a selfie holding their CIN. */
  KYC_SELFIE_REQUIRED: booleanFlag.default(false),
  /** Months after rejection or account closure before KYC documents are deleted (law 09-08). */
  KYC_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  // Affiliation: a local MaxMind country/city database (.mmdb) for click countries (none: unknown).
  GEOIP_DATABASE_PATH: z.string().min(1).optional(),
  /** A conversion this many seconds after its click or sooner is held as faster than a person buys. */
  FRAUD_MIN_SECONDS_TO_CONVERT: z.coerce.number().int().min(0).max(3600).default(10),
  // Settlements: a paid order is settled once its vouchers are redeemed or after this many days.
  SETTLEMENT_HOLD_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  /** Days a commission invoice (reported sales) is due after it is issued. */
  COMMISSION_INVOICE_DUE_DAYS: z.coerce.number().int().min(1).max(90).default(15),
  // Referrals: influencer → influencer share of approved commissions (basis points) and its window.
  REFERRAL_INFLUENCER_BPS: z.coerce.number().int().min(0).max(10_000).default(1000),
  REFERRAL_INFLUENCER_MONTHS: z.coerce.number().int().min(0).max(60).default(3),
  /** Days after sign-up during which a person may still enter a referral code. */
  REFERRAL_CLAIM_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  /** How long a click may wait in memory before its batch is written. */
  CLICK_FLUSH_INTERVAL_MS: z.coerce.number().int().min(10).max(5000).default(250),
  /** Pixel calls per address per minute (the pixel is unauthenticated). */
  PIXEL_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  // Payments. A gateway is enabled when its credentials are set; none of them reach the browser.
  /** CMI (NestPay 3D_PAY_HOSTING): merchant id, store key (signs forms), and the API user for refunds. */
  CMI_CLIENT_ID: z.string().min(1).optional(),
  CMI_STORE_KEY: z.string().min(1).optional(),
  CMI_API_USER: z.string().min(1).optional(),
  CMI_API_PASSWORD: z.string().min(1).optional(),
  /** Where the payment page and the API live (`/fim/est3Dgate`, `/fim/api` under it). */
  CMI_BASE_URL: z.url().default('https://testpayment.cmi.co.ma'),
  /** `test` labels payments as tests (the test page); `live` takes real money. */
  CMI_MODE: z.enum(['test', 'live']).default('test'),
  /** Stripe Checkout: secret API key and the webhook endpoint's signing secret. */
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_API_BASE: z.url().default('https://api.stripe.com'),
  /** Currencies Stripe takes for deals (MAD deals are CMI's unless listed here). */
  STRIPE_CURRENCIES: z
    .string()
    .default('EUR,USD')
    .transform((value) =>
      value
        .split(',')
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(['MAD', 'EUR', 'USD']))),
  /**
   * The built-in test gateway (speaks CMI's protocol, takes only test cards): `auto` turns it on
   * when no real gateway is configured, except in production, where it needs `on`.
   */
  PAYMENTS_SANDBOX: z.enum(['auto', 'on', 'off']).default('auto'),
  /** How long a gateway call (refund, status, checkout session) may take before it counts as timed out. */
  PAYMENTS_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  // Social publishing.
  /** Keys that encrypt social network tokens at rest, as KYC_ENCRYPTION_KEYS; a local key outside production. */
  SOCIAL_TOKEN_KEYS: encryptionKeys,
  SOCIAL_TOKEN_KEY_ID: z.string().optional(),
  /** Meta app (Instagram Graph and Facebook Pages); unset: both appear as not configured. */
  META_APP_ID: z.string().min(1).optional(),
  META_APP_SECRET: z.string().min(1).optional(),
  META_GRAPH_URL: z.url().default('https://graph.facebook.com/v21.0'),
  META_OAUTH_URL: z.url().default('https://www.facebook.com/v21.0/dialog/oauth'),
  TIKTOK_CLIENT_KEY: z.string().min(1).optional(),
  TIKTOK_CLIENT_SECRET: z.string().min(1).optional(),
  TIKTOK_API_URL: z.url().default('https://open.tiktokapis.com'),
  TIKTOK_OAUTH_URL: z.url().default('https://www.tiktok.com/v2/auth/authorize/'),
  REDDIT_CLIENT_ID: z.string().min(1).optional(),
  REDDIT_CLIENT_SECRET: z.string().min(1).optional(),
  /** Reddit's authorization and token host, and its API host. */
  REDDIT_WWW_URL: z.url().default('https://www.reddit.com'),
  REDDIT_API_URL: z.url().default('https://oauth.reddit.com'),
  /** A call to a social network that takes longer is abandoned (a mutating one becomes unconfirmed). */
  SOCIAL_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
  SOCIAL_CONCURRENCY_PER_PROVIDER: z.coerce.number().int().min(1).max(200).default(16),
  SOCIAL_CONCURRENCY_PER_ACCOUNT: z.coerce.number().int().min(1).max(50).default(2),
  // Payouts.
  /** Smallest monthly payout to an influencer, in minor units (100.00 MAD); lower balances roll over. */
  PAYOUT_MINIMUM_MINOR: z.coerce.number().int().min(1).max(100_000_000).default(10_000),
  // Invoices: the seller's identity, printed on every invoice and credit note (mandatory mentions).
  // The defaults are demo values; production sets the company's own.
  INVOICE_SELLER_NAME: z.string().min(1).max(200).default('Souk Marketplace SARL'),
  INVOICE_SELLER_ADDRESS: z.string().min(1).max(300).default('12 boulevard d’Anfa, 20000 Casablanca, Maroc'),
  /** Identifiant fiscal, 7 or 8 digits. */
  INVOICE_SELLER_IF: z
    .string()
    .regex(/^\d{7,8}$/, 'IF: 7 or 8 digits')
    .default('40123456'),
  /** ICE: 15 digits whose last two are the mod-97 key. */
  INVOICE_SELLER_ICE: z
    .string()
    .default('001536892000031')
    .refine((value) => validateIce(value).ok, 'ICE: 15 digits with a valid check key'),
  /** Taxe professionnelle (patente) number. */
  INVOICE_SELLER_TP: z
    .string()
    .regex(/^\d{5,12}$/, 'taxe professionnelle: 5 to 12 digits')
    .default('35712345'),
  /** Registre de commerce: number and court. */
  INVOICE_SELLER_RC: z.string().min(1).max(100).default('RC Casablanca 512345'),
});

export type Config = z.infer<typeof configSchema> & {
  PUBLIC_URL: string;
  SEED_DEMO_DATA: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; a bad value stops the boot with the full list of problems. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && !config.AUTH_SECRET) {
    throw new ConfigError(['AUTH_SECRET: required in production (32+ random characters)']);
  }
  if (config.NODE_ENV === 'production' && !config.KYC_ENCRYPTION_KEYS) {
    throw new ConfigError(['KYC_ENCRYPTION_KEYS: required in production (id:base64 of 32 random bytes)']);
  }
  if (config.KYC_ENCRYPTION_KEY_ID && !config.KYC_ENCRYPTION_KEYS?.has(config.KYC_ENCRYPTION_KEY_ID)) {
    throw new ConfigError(['KYC_ENCRYPTION_KEY_ID: must name one of KYC_ENCRYPTION_KEYS']);
  }
  return {
    ...config,
    PUBLIC_URL: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    SEED_DEMO_DATA: config.SEED_DEMO_DATA ?? config.NODE_ENV !== 'production',
  };
}
