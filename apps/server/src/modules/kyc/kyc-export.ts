import type { IdentityModule } from '../identity/module.ts';
import type { DocumentVault } from './document-vault.ts';
import type { KycService, RequestContext } from './kyc-service.ts';
import type { KycSubject } from './subjects.ts';

/**
 * Law 09-08 gives people access to what is held about them: the whole file, its history and the
 * documents themselves (base64), in one JSON download. Each export is logged.
 */
export class KycExport {
  constructor(
    private readonly deps: {
      profiles: Pick<KycService, 'view' | 'find'>;
      vault: Pick<DocumentVault, 'listFor' | 'read'>;
      audit: Pick<IdentityModule['audit'], 'record'>;
    },
  ) {}

  async export(subject: KycSubject, actorId: string, context: RequestContext) {
    const profile = await this.deps.profiles.view(subject);
    const row = await this.deps.profiles.find(subject);
    const documents = row ? await this.deps.vault.listFor(row.id) : [];
    const files = [];
    for (const document of documents) {
      files.push({
        id: document.id,
        kind: document.kind,
        contentType: document.contentType,
        base64: (await this.deps.vault.read(document)).toString('base64'),
      });
    }
    await this.deps.audit.record({
      action: 'kyc_data_exported',
      actorId,
      targetId: subject.id,
      ...context,
      details: { profileId: row?.id ?? null },
    });
    return { exportedAt: new Date().toISOString(), profile, documents: files };
  }
}
