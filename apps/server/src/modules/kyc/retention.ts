import { and, eq, isNotNull, lt } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import type { IdentityModule } from '../identity/module.ts';
import type { DocumentVault } from './document-vault.ts';
import { kycProfiles } from './schema.ts';

/**
 * Deletes the documents of files whose retention period is over (set by a rejection), logging
 * each deletion. The data fields stay as the record of the decision; the scans go.
 */
export async function purgeExpiredDocuments(deps: {
  db: Database;
  vault: Pick<DocumentVault, 'purge'>;
  audit: Pick<IdentityModule['audit'], 'record'>;
  now?: Date;
}): Promise<number> {
  const due = await deps.db
    .select({ id: kycProfiles.id, subjectId: kycProfiles.subjectId })
    .from(kycProfiles)
    .where(and(isNotNull(kycProfiles.purgeAfter), lt(kycProfiles.purgeAfter, deps.now ?? new Date())));
  let purged = 0;
  for (const profile of due) {
    const documents = await deps.vault.purge(profile.id);
    await deps.db.update(kycProfiles).set({ purgeAfter: null }).where(eq(kycProfiles.id, profile.id));
    await deps.audit.record({
      action: 'kyc_documents_purged',
      targetId: profile.subjectId,
      details: { profileId: profile.id, documents },
    });
    purged += documents;
  }
  return purged;
}
