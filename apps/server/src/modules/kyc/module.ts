import { QueueName } from '@souk/contracts/jobs';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../platform/config/config.ts';
import { keyRingFrom } from '../../platform/crypto/document-cipher.ts';
import { readOrCreateLocalSecret } from '../../platform/crypto/local-secret.ts';
import type { Database } from '../../platform/db/database.ts';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import type { IdentityModule } from '../identity/module.ts';
import type { MessagingModule } from '../messaging/module.ts';
import { DocumentAccess } from './document-access.ts';
import { DocumentVault } from './document-vault.ts';
import { KycExport } from './kyc-export.ts';
import { KycService, type PayoutAccount } from './kyc-service.ts';
import { PhoneVerification } from './phone-verification.ts';
import { purgeExpiredDocuments } from './retention.ts';
import { kycReviewRoutes } from './review-routes.ts';
import { ReviewService } from './review-service.ts';
import { kycRoutes } from './routes.ts';
import { SignedLinks } from './signed-links.ts';
import { resolveSubject } from './subjects.ts';

export type { KycSubject } from './subjects.ts';
export type { PayoutAccount };

/** What other modules may ask of KYC (catalog: badge and deal limit; payouts: the RIB). */
export interface KycModule {
  verifiedUsers(userIds: string[]): Promise<Set<string>>;
  verifiedOrganizations(organizationIds: string[]): Promise<Set<string>>;
  payoutAccount(subject: { type: 'user' | 'organization'; id: string }): Promise<PayoutAccount | null>;
  profiles: KycService;
  review: ReviewService;
  vault: DocumentVault;
  phone: PhoneVerification;
  purgeExpiredDocuments(now?: Date): Promise<number>;
  jobs: JobDefinition[];
  routes: FastifyPluginAsync;
}

export interface KycModuleDeps {
  db: Database;
  config: Pick<
    Config,
    | 'DATA_DIR'
    | 'AUTH_SECRET'
    | 'KYC_ENCRYPTION_KEYS'
    | 'KYC_ENCRYPTION_KEY_ID'
    | 'KYC_SELFIE_REQUIRED'
    | 'KYC_RETENTION_MONTHS'
  >;
  files: FileStore;
  identity: Pick<IdentityModule, 'audit' | 'users' | 'teams'>;
  messaging: Pick<MessagingModule, 'notifications' | 'sms'>;
}

/** KYC: files with a state machine and history, encrypted documents, phone codes, the review queue. */
export function createKycModule(deps: KycModuleDeps): KycModule {
  const { audit, users, teams } = deps.identity;
  const selfieRequired = deps.config.KYC_SELFIE_REQUIRED;
  const secret = deps.config.AUTH_SECRET ?? readOrCreateLocalSecret(deps.config.DATA_DIR, 'auth');
  const keys = keyRingFrom({
    keys: deps.config.KYC_ENCRYPTION_KEYS,
    currentId: deps.config.KYC_ENCRYPTION_KEY_ID,
    dataDir: deps.config.DATA_DIR,
    name: 'kyc-documents',
  });
  const profiles = new KycService({
    db: deps.db,
    audit,
    notifications: deps.messaging.notifications,
    sms: deps.messaging.sms,
    selfieRequired,
  });
  const vault = new DocumentVault({ db: deps.db, files: deps.files, keys, profiles });
  const phone = new PhoneVerification({
    db: deps.db,
    sms: deps.messaging.sms,
    profiles,
    secret: `${secret}:kyc-phone`,
  });
  const review = new ReviewService({
    db: deps.db,
    audit,
    users,
    teams,
    notifications: deps.messaging.notifications,
    selfieRequired,
    retentionMonths: deps.config.KYC_RETENTION_MONTHS,
  });
  const access = new DocumentAccess({ vault, links: new SignedLinks(`${secret}:kyc-links`), teams, audit });
  const exporter = new KycExport({ profiles, vault, audit });
  const purge = (now?: Date) => purgeExpiredDocuments({ db: deps.db, vault, audit, ...(now ? { now } : {}) });
  return {
    verifiedUsers: (ids) => profiles.verifiedUsers(ids),
    verifiedOrganizations: (ids) => profiles.verifiedOrganizations(ids),
    payoutAccount: (subject) => profiles.payoutAccount(subject),
    profiles,
    review,
    vault,
    phone,
    purgeExpiredDocuments: purge,
    jobs: [
      defineJob({
        queue: QueueName.KycPurgeDocuments,
        cron: { expression: '30 3 * * *', payload: {} },
        async handle(_payload, context) {
          context.logger.info({ documents: await purge() }, 'purged expired KYC documents');
        },
      }),
    ],
    routes: async (api) => {
      await api.register(
        kycRoutes({
          profiles,
          vault,
          phone,
          access,
          exporter,
          subjectOf: (userId, organizationId) => resolveSubject({ users, teams }, userId, organizationId),
        }),
      );
      await api.register(kycReviewRoutes(review));
    },
  };
}
