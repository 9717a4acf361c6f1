import type { Viewer } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { IdentityModule } from '../identity/module.ts';
import type { DocumentVault } from './document-vault.ts';
import type { RequestContext } from './kyc-service.ts';
import type { DocumentRow, ProfileRow } from './profile-view.ts';
import type { SignedLinks } from './signed-links.ts';
import type { TeamDirectory } from './subjects.ts';

export interface DocumentAccessDeps {
  vault: Pick<DocumentVault, 'find' | 'read'>;
  links: SignedLinks;
  teams: TeamDirectory;
  audit: Pick<IdentityModule['audit'], 'record'>;
}

/**
 * Who may see a KYC document, decided in one place: reviewers, the person it belongs to, and a
 * team's owner or admins. Anyone else gets the same 404 as for a document that does not exist,
 * and the attempt is logged.
 */
export class DocumentAccess {
  constructor(private readonly deps: DocumentAccessDeps) {}

  async link(viewer: Viewer, documentId: string, context: RequestContext) {
    await this.authorised(viewer, documentId, context);
    const { expires, signature } = this.deps.links.sign(documentId, viewer.userId);
    return {
      url: `/api/v1/kyc/documents/${documentId}/content?expires=${expires}&signature=${signature}`,
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  async open(
    viewer: Viewer,
    documentId: string,
    query: { expires: number; signature: string },
    context: RequestContext,
  ): Promise<{ document: DocumentRow; bytes: Buffer }> {
    const verdict = this.deps.links.verify(documentId, viewer.userId, query.expires, query.signature);
    if (verdict === 'expired') throw new AppError('invalid_token', 'This link has expired: open the document again.');
    if (verdict === 'invalid') await this.deny(viewer, documentId, context, 'bad_signature');
    const { document, profile } = await this.authorised(viewer, documentId, context);
    const bytes = await this.deps.vault.read(document);
    await this.deps.audit.record({
      action: 'kyc_document_viewed',
      actorId: viewer.userId,
      targetId: profile.subjectId,
      ...context,
      details: { documentId, kind: document.kind, profileId: profile.id },
    });
    return { document, bytes };
  }

  private async authorised(viewer: Viewer, documentId: string, context: RequestContext) {
    const found = await this.deps.vault.find(documentId);
    if (!found || !(await this.maySee(viewer, found.profile)))
      return this.deny(viewer, documentId, context, 'not_allowed');
    return found;
  }

  private async maySee(viewer: Viewer, profile: ProfileRow): Promise<boolean> {
    if (viewer.role === 'admin' || viewer.role === 'kyc_reviewer') return viewer.via === 'session';
    if (profile.subjectType === 'user') return profile.subjectId === viewer.userId;
    try {
      await this.deps.teams.requireRole(viewer.userId, profile.subjectId, 'admin');
      return true;
    } catch {
      return false;
    }
  }

  private async deny(viewer: Viewer, documentId: string, context: RequestContext, why: string): Promise<never> {
    await this.deps.audit.record({
      action: 'kyc_document_access_denied',
      actorId: viewer.userId,
      ...context,
      details: { documentId, why },
    });
    throw new AppError('not_found');
  }
}
