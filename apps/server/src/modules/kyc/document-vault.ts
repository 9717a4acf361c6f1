import { documentProblemMessages } from '@souk/contracts/identifier-messages';
import type { KycDocumentKind, KycDocumentView } from '@souk/contracts/kyc';
import type { Locale } from '@souk/contracts/locales';
import { and, eq } from 'drizzle-orm';
import { decryptFile, encryptFile, type KeyRing } from '../../platform/crypto/document-cipher.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { checkDocument } from './document-content.ts';
import type { KycService } from './kyc-service.ts';
import { type DocumentRow, type ProfileRow, toDocumentView } from './profile-view.ts';
import { kycDocuments, kycProfiles } from './schema.ts';
import { editableFields } from './state-machine.ts';
import type { KycSubject } from './subjects.ts';

export interface DocumentVaultDeps {
  db: Database;
  files: FileStore;
  keys: KeyRing;
  profiles: Pick<KycService, 'lockOrCreate'>;
}

/**
 * KYC documents at rest: checked by content, encrypted with AES-256-GCM before they reach the
 * file store, and read back only by code that has already decided the reader may see them.
 */
export class DocumentVault {
  constructor(private readonly deps: DocumentVaultDeps) {}

  /** Stores a document, replacing the previous one of the same kind. */
  async upload(
    subject: KycSubject,
    actorId: string,
    input: { kind: KycDocumentKind; fileName: string; bytes: Buffer },
    locale: Locale,
  ): Promise<KycDocumentView> {
    const checked = await checkDocument(input.bytes, input.fileName);
    if (!checked.ok) {
      const message = documentProblemMessages[locale][checked.problem];
      const code = checked.problem === 'file_too_large' ? 'payload_too_large' : 'validation_failed';
      throw new AppError(code, message, [{ path: 'file', message }]);
    }
    const { keyId, data } = encryptFile(this.deps.keys, checked.bytes);
    const id = crypto.randomUUID();
    let replaced: string | null = null;
    const view = await this.deps.db.transaction(async (tx) => {
      const profile = await this.deps.profiles.lockOrCreate(tx, subject);
      if (editableFields(profile.status) !== 'all') {
        throw new AppError('conflict', 'Documents can change only while the file is not under review or approved.');
      }
      const storageKey = `kyc/${profile.id}/${id}`;
      // Written before the row: a crash leaves an orphan file, never a row without its file.
      await this.deps.files.put(storageKey, data);
      const [previous] = await tx
        .delete(kycDocuments)
        .where(and(eq(kycDocuments.profileId, profile.id), eq(kycDocuments.kind, input.kind)))
        .returning({ storageKey: kycDocuments.storageKey });
      replaced = previous?.storageKey ?? null;
      const [row] = await tx
        .insert(kycDocuments)
        .values({
          id,
          profileId: profile.id,
          kind: input.kind,
          contentType: checked.type,
          size: checked.bytes.length,
          storageKey,
          keyId,
          uploadedBy: actorId,
        })
        .returning();
      return toDocumentView(row as DocumentRow);
    });
    if (replaced) await this.deps.files.delete(replaced);
    return view;
  }

  /** The document and the file it belongs to, or null: the caller decides who may see it. */
  async find(documentId: string): Promise<{ document: DocumentRow; profile: ProfileRow } | null> {
    const [row] = await this.deps.db
      .select({ document: kycDocuments, profile: kycProfiles })
      .from(kycDocuments)
      .innerJoin(kycProfiles, eq(kycProfiles.id, kycDocuments.profileId))
      .where(eq(kycDocuments.id, documentId))
      .limit(1);
    return row ?? null;
  }

  /** The original bytes, decrypted. */
  async read(document: DocumentRow): Promise<Buffer> {
    const stored = await this.deps.files.get(document.storageKey);
    if (!stored) throw new AppError('not_found');
    return decryptFile(this.deps.keys, document.keyId, stored);
  }

  async listFor(profileId: string): Promise<DocumentRow[]> {
    return this.deps.db.select().from(kycDocuments).where(eq(kycDocuments.profileId, profileId));
  }

  /** Deletes a file's documents (rows and bytes); returns how many went. */
  async purge(profileId: string): Promise<number> {
    const rows = await this.deps.db
      .delete(kycDocuments)
      .where(eq(kycDocuments.profileId, profileId))
      .returning({ storageKey: kycDocuments.storageKey });
    await this.deps.files.deletePrefix(`kyc/${profileId}`);
    return rows.length;
  }
}
