import { QueueName } from '@souk/contracts/jobs';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { Database, Executor } from '../../platform/db/database.ts';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import type { IdentityModule } from '../identity/module.ts';
import type { MessagingModule } from '../messaging/module.ts';
import { catalogAdminRoutes } from './admin-routes.ts';
import { buyerReviewRoutes, type PurchaseRecords } from './buyer-reviews.ts';
import { CategoryService } from './category-service.ts';
import { seedDemoCatalog } from './demo-catalog.ts';
import { ImageService } from './image-service.ts';
import { MarketplaceService } from './marketplace-service.ts';
import { catalogMerchantRoutes } from './merchant-routes.ts';
import { ModerationService } from './moderation-service.ts';
import type { PublishedDealQuota } from './ports.ts';
import { ProductService } from './product-service.ts';
import { ProductPresenter } from './product-views.ts';
import { catalogPublicRoutes } from './public-routes.ts';
import { ReadCache } from './read-cache.ts';
import { ReviewService } from './review-service.ts';
import { catalogRootRoutes } from './root-routes.ts';
import { StockService } from './stock-service.ts';

export type { ProcessedImage } from './image-processing.ts';

export interface CatalogModule {
  categories: CategoryService;
  products: ProductService;
  images: ImageService;
  moderation: ModerationService;
  marketplace: MarketplaceService;
  reviews: ReviewService;
  /** Units of deals, reserved and released by the checkout. */
  stock: StockService;
  /** Empties the public read cache (every catalog write does it already). */
  clearCache(): void;
  /** Demo categories, deals, images and reviews; changes nothing when they exist. */
  seedDemo(input: { merchants: { teamId: string; email: string }[] }): Promise<void>;
  jobs: JobDefinition[];
  routes: FastifyPluginAsync;
  rootRoutes: FastifyPluginAsync;
}

export interface CatalogModuleDeps {
  db: Database;
  files: FileStore;
  publicUrl: string;
  teams: Pick<IdentityModule['teams'], 'membershipsOf' | 'requireRole' | 'namesOf'> & {
    managerIdsOf(teamId: string, executor?: Executor): Promise<string[]>;
  };
  users: Pick<IdentityModule['users'], 'countByAccountType' | 'getContact'>;
  /** Verified purchases (payments), for buyers' reviews. */
  purchases: PurchaseRecords;
  /** From KYC: the badge on merchant cards and the unverified deal limit. */
  verifiedOrganizations(ids: string[]): Promise<Set<string>>;
  messaging: Pick<MessagingModule, 'notifications'>;
  /** The plan's published-deal quota (billing); bound after billing exists, so read lazily. */
  dealQuota?: PublishedDealQuota;
  /** How long public reads are kept in memory. */
  cacheLifetimeMs?: number;
}

/** The catalog: products and deals, their images and reviews, categories, the public marketplace. */
export function createCatalogModule(deps: CatalogModuleDeps): CatalogModule {
  const cache = new ReadCache(deps.cacheLifetimeMs ?? 30_000);
  const onChange = () => cache.clear();
  let products: ProductService | undefined;
  const categories = new CategoryService({
    db: deps.db,
    cache,
    onChange,
    onRenamed: async (categoryId) => {
      await products?.reindexCategory(categoryId);
      onChange();
    },
  });
  const presenter = new ProductPresenter({
    db: deps.db,
    categories,
    merchants: { namesOf: (ids) => deps.teams.namesOf(ids), verifiedOrganizations: deps.verifiedOrganizations },
    cache,
  });
  products = new ProductService({
    db: deps.db,
    files: deps.files,
    teams: deps.teams,
    categories,
    presenter,
    verifiedOrganizations: deps.verifiedOrganizations,
    onChange,
    ...(deps.dealQuota ? { dealQuota: deps.dealQuota } : {}),
  });
  const images = new ImageService({ db: deps.db, files: deps.files, products, onChange });
  const moderation = new ModerationService({
    db: deps.db,
    products,
    presenter,
    managerIdsOf: (teamId, executor) => deps.teams.managerIdsOf(teamId, executor),
    notifications: deps.messaging.notifications,
    onChange,
    ...(deps.dealQuota ? { dealQuota: deps.dealQuota } : {}),
  });
  const marketplace = new MarketplaceService({
    db: deps.db,
    cache,
    categories,
    presenter,
    countInfluencers: () => deps.users.countByAccountType('influencer'),
  });
  const reviews = new ReviewService({ db: deps.db, products, onChange });
  const productService = products;
  const stock = new StockService({ db: deps.db, presenter, onChange });
  return {
    stock,
    categories,
    products: productService,
    images,
    moderation,
    marketplace,
    reviews,
    clearCache: onChange,
    seedDemo: async (input) => {
      await seedDemoCatalog({ db: deps.db, images, categories, merchants: input.merchants });
      onChange();
    },
    jobs: [
      defineJob({
        queue: QueueName.CatalogExpireDeals,
        cron: { expression: '*/5 * * * *', payload: {} },
        async handle(_payload, context) {
          const expired = await productService.expireEnded();
          if (expired > 0) context.logger.info({ expired }, 'expired ended deals');
          // PGlite has no autovacuum: without fresh statistics the planner picks slow plans for
          // listings once the catalog grows. Sampling keeps this cheap; PostgreSQL does it anyway.
          await deps.db.execute(sql`analyze catalog_products`);
        },
      }),
    ],
    routes: async (api) => {
      await api.register(catalogPublicRoutes({ marketplace, categories, reviews }));
      await api.register(catalogMerchantRoutes({ products: productService, images, reviews }));
      await api.register(catalogAdminRoutes({ products: productService, moderation, categories, reviews }));
      await api.register(buyerReviewRoutes({ db: deps.db, purchases: deps.purchases, authors: deps.users, onChange }));
    },
    rootRoutes: catalogRootRoutes({ publicUrl: deps.publicUrl, files: deps.files, marketplace, categories, cache }),
  };
}
