import { QueueName } from '@souk/contracts/jobs';
import type { FastifyPluginAsync } from 'fastify';
import { keyRingFrom } from '../../platform/crypto/document-cipher.ts';
import type { Database } from '../../platform/db/database.ts';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { AccountService } from './account-service.ts';
import { BuiltInCaptionEngine, type CaptionAssistant } from './caption-assistant.ts';
import { seedDemoSocial } from './demo-social.ts';
import { KeyedLimiter } from './keyed-limiter.ts';
import { OwnerResolver } from './owners.ts';
import type {
  DealDirectory,
  LinkFacts,
  Notifier,
  PeopleDirectory,
  ScheduledPostQuota,
  TeamDirectory,
} from './ports.ts';
import { PostService } from './post-service.ts';
import { PostViews } from './post-views.ts';
import { Publisher } from './publisher.ts';
import { createProviderRegistry, type ProviderRegistry, type SocialConfig } from './registry.ts';
import { callbackRoutes, socialRoutes } from './routes.ts';
import { SandboxNetwork } from './sandbox/network.ts';
import { sandboxRoutes } from './sandbox/routes.ts';
import { TeamSettingsService, TemplateService } from './templates.ts';
import { TokenVault } from './token-vault.ts';

export interface SocialModule {
  accounts: AccountService;
  posts: PostService;
  publisher: Publisher;
  sandbox: SandboxNetwork;
  providers: ProviderRegistry;
  /** Demo: a sandbox account for the demo influencer with published and scheduled posts. */
  seedDemo(input: { influencerId: string }): Promise<void>;
  jobs: JobDefinition[];
  routes: FastifyPluginAsync;
  rootRoutes: FastifyPluginAsync;
}

export interface SocialModuleDeps {
  db: Database;
  /** The plan's scheduled posts per month (billing; bound lazily, billing is built later). */
  postQuota?: ScheduledPostQuota;
  queue: Pick<JobQueue, 'enqueue'>;
  config: SocialConfig &
    Pick<
      import('../../platform/config/config.ts').Config,
      | 'SOCIAL_TOKEN_KEYS'
      | 'SOCIAL_TOKEN_KEY_ID'
      | 'DATA_DIR'
      | 'SOCIAL_CONCURRENCY_PER_PROVIDER'
      | 'SOCIAL_CONCURRENCY_PER_ACCOUNT'
    >;
  logger: { warn(details: object, message: string): void; info(details: object, message: string): void };
  teams: TeamDirectory;
  people: PeopleDirectory & { listAdmins(): Promise<{ id: string }[]> };
  notifications: Notifier;
  links: LinkFacts;
  deals: DealDirectory;
  /** The AI issue plugs a model-backed assistant in here. */
  assistant?: CaptionAssistant;
  /** The publish queue's workers per process (the benchmark raises it). */
  publishConcurrency?: number;
}

export function createSocialModule(deps: SocialModuleDeps): SocialModule {
  const sandbox = new SandboxNetwork(deps.db);
  const providers = createProviderRegistry(deps.config, sandbox);
  const vault = new TokenVault(
    keyRingFrom({
      keys: deps.config.SOCIAL_TOKEN_KEYS,
      currentId: deps.config.SOCIAL_TOKEN_KEY_ID,
      dataDir: deps.config.DATA_DIR,
      name: 'social-token-key',
    }),
  );
  const accounts = new AccountService({
    db: deps.db,
    publicUrl: deps.config.PUBLIC_URL,
    providers,
    vault,
    teams: deps.teams,
    people: deps.people,
    notifications: deps.notifications,
    logger: deps.logger,
  });
  const limiter = new KeyedLimiter((key) =>
    key.startsWith('provider:')
      ? deps.config.SOCIAL_CONCURRENCY_PER_PROVIDER
      : deps.config.SOCIAL_CONCURRENCY_PER_ACCOUNT,
  );
  const publisher = new Publisher({
    db: deps.db,
    queue: deps.queue,
    accounts,
    limiter,
    logger: deps.logger,
    async onTrouble(target, reasonCode) {
      const [account] = (await accounts.byIds([target.accountId])).values();
      if (!account) return;
      for (const recipient of await accounts.ownersOf(account)) {
        await deps.notifications.notify(recipient, 'social.post_trouble', {
          postId: target.postId,
          handle: account.handle,
          unconfirmed: reasonCode.startsWith('unconfirmed'),
        });
      }
    },
  });
  const posts = new PostService({
    db: deps.db,
    accounts,
    publisher,
    links: deps.links,
    deals: deps.deals,
    teams: deps.teams,
    people: deps.people,
    notifications: deps.notifications,
    postQuota: deps.postQuota,
  });
  const views = new PostViews({ db: deps.db, accounts, people: deps.people, deals: deps.deals, links: deps.links });
  const owners = new OwnerResolver(deps.teams);
  const templates = new TemplateService(deps.db);
  const teamSettings = new TeamSettingsService(deps.db);
  const assistant = deps.assistant ?? new BuiltInCaptionEngine();

  return {
    accounts,
    posts,
    publisher,
    sandbox,
    providers,
    seedDemo: (input) =>
      seedDemoSocial({ db: deps.db, sandbox, accounts, posts, publisher, links: deps.links, ...input }),
    jobs: [
      defineJob({
        queue: QueueName.SocialPublish,
        // Retries are the pipeline's own business (it knows which steps are safe to repeat).
        retryLimit: 0,
        expireInSeconds: 600,
        batchSize: 20,
        localConcurrency: deps.publishConcurrency ?? 4,
        // A burst of due posts is drained at once, not one batch per worker per polling interval.
        burst: true,
        async handle(payload) {
          await publisher.run(payload.targetId);
        },
        async handleBatch(payloads) {
          await publisher.runBatch(payloads.map((payload) => payload.targetId));
        },
      }),
      defineJob({
        queue: QueueName.SocialSweep,
        cron: { expression: '* * * * *', payload: {} },
        retryLimit: 0,
        async handle(_payload, context) {
          const swept = await publisher.sweep();
          if (swept.requeued + swept.unconfirmed > 0) context.logger.warn(swept, 'social sweep picked up stuck posts');
        },
      }),
      defineJob({
        queue: QueueName.SocialRefreshTokens,
        cron: { expression: '*/5 * * * *', payload: {} },
        retryLimit: 0,
        async handle(_payload, context) {
          const [renewed, failed] = await accounts.refreshDue();
          if (renewed + failed > 0) context.logger.info({ renewed, failed }, 'social tokens refreshed');
        },
      }),
    ],
    routes: socialRoutes({
      publicUrl: deps.config.PUBLIC_URL,
      providers,
      owners,
      accounts,
      posts,
      views,
      assistant,
      deals: deps.deals,
      links: deps.links,
      templates,
      teamSettings,
    }),
    rootRoutes: async (root) => {
      await root.register(callbackRoutes({ accounts }));
      await root.register(sandboxRoutes({ network: sandbox, publicUrl: deps.config.PUBLIC_URL }));
    },
  };
}
