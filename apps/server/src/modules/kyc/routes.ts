import multipart from '@fastify/multipart';
import { documentProblemMessages } from '@souk/contracts/identifier-messages';
import {
  documentViewUrlSchema,
  kycDocumentKinds,
  kycDocumentSchema,
  kycDraftBodySchema,
  kycProfileSchema,
  kycSubjectQuerySchema,
  phoneCodeRequestSchema,
  phoneCodeVerifySchema,
} from '@souk/contracts/kyc';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer, scoped } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { DocumentAccess } from './document-access.ts';
import { maxDocumentBytes } from './document-content.ts';
import type { DocumentVault } from './document-vault.ts';
import type { KycExport } from './kyc-export.ts';
import type { KycService } from './kyc-service.ts';
import type { PhoneVerification } from './phone-verification.ts';
import type { KycSubject } from './subjects.ts';

export interface KycRouteDeps {
  profiles: KycService;
  vault: DocumentVault;
  phone: PhoneVerification;
  access: DocumentAccess;
  exporter: KycExport;
  subjectOf(userId: string, organizationId: string | undefined): Promise<KycSubject>;
}

export function requestContext(request: FastifyRequest) {
  return { ipAddress: request.ip, userAgent: request.headers['user-agent'] };
}

const tags = ['kyc'];
/** A person signed in, or a program with an API key of theirs carrying `kyc:write`. */
const kycScope = scoped('kyc:write');

/** The submitter's API: the file, drafts, documents, phone code, submission, export. */
export function kycRoutes(deps: KycRouteDeps): FastifyPluginAsync {
  return async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxDocumentBytes, files: 1, fields: 0, parts: 1 } });
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const subject = (request: FastifyRequest, organizationId: string | undefined) =>
      deps.subjectOf(requireViewer(request).userId, organizationId);
    // Only an individual's file has a phone to prove; a team's has a legal representative.
    const individual = async (request: FastifyRequest) => {
      const target = await subject(request, undefined);
      if (target.type !== 'user') throw new AppError('conflict', 'Only an individual’s KYC has a phone to verify.');
      return target;
    };

    app.get(
      '/kyc',
      {
        config: { access: kycScope },
        schema: {
          tags,
          summary: 'My KYC file (or my team’s, with organizationId)',
          querystring: kycSubjectQuerySchema,
          response: { 200: kycProfileSchema },
        },
      },
      async (request) => deps.profiles.view(await subject(request, request.query.organizationId)),
    );

    app.patch(
      '/kyc',
      {
        config: { access: kycScope },
        schema: {
          tags,
          summary: 'Save fields as a draft (each value checked; empty string clears)',
          querystring: kycSubjectQuerySchema,
          body: kycDraftBodySchema,
          response: { 200: kycProfileSchema },
        },
      },
      async (request) =>
        deps.profiles.saveDraft(
          await subject(request, request.query.organizationId),
          requireViewer(request).userId,
          request.body,
          request.locale,
          requestContext(request),
        ),
    );

    app.post(
      '/kyc/submit',
      {
        config: { access: kycScope },
        schema: {
          tags,
          summary: 'Send the file for review (422 lists what is missing)',
          querystring: kycSubjectQuerySchema,
          response: { 200: kycProfileSchema },
        },
      },
      async (request) =>
        deps.profiles.submit(
          await subject(request, request.query.organizationId),
          requireViewer(request).userId,
          request.locale,
          requestContext(request),
        ),
    );

    app.post(
      '/kyc/documents',
      {
        config: { access: kycScope },
        schema: {
          tags,
          summary: 'Upload a document (multipart field "file": JPEG, PNG or PDF, 10 MB at most)',
          consumes: ['multipart/form-data'],
          querystring: kycSubjectQuerySchema.extend({ kind: z.enum(kycDocumentKinds) }),
          response: { 201: kycDocumentSchema },
        },
      },
      async (request, reply) => {
        const target = await subject(request, request.query.organizationId);
        const file = await request.file().catch(() => undefined);
        if (!file) throw new AppError('validation_failed', 'Send the document as the multipart field "file".');
        let bytes: Buffer;
        try {
          bytes = await file.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            const message = documentProblemMessages[request.locale].file_too_large;
            throw new AppError('payload_too_large', message, [{ path: 'file', message }]);
          }
          throw error;
        }
        const document = await deps.vault.upload(
          target,
          requireViewer(request).userId,
          { kind: request.query.kind, fileName: file.filename, bytes },
          request.locale,
        );
        return reply.status(201).send(document);
      },
    );

    app.post(
      '/kyc/phone/code',
      {
        config: { access: kycScope, rateLimit: { max: 10, timeWindow: '1 hour' } },
        schema: {
          tags,
          summary: 'Text a 6-digit code to a Moroccan number (10 minutes, 5 tries)',
          body: phoneCodeRequestSchema,
          response: { 200: z.object({ phone: z.string(), expiresAt: z.iso.datetime() }) },
        },
      },
      async (request) => {
        const target = await individual(request);
        return deps.phone.sendCode(target, request.body.phone, request.locale);
      },
    );

    app.post(
      '/kyc/phone/verify',
      {
        config: { access: kycScope },
        schema: {
          tags,
          summary: 'Prove the phone with the code',
          body: phoneCodeVerifySchema,
          response: { 200: kycProfileSchema },
        },
      },
      async (request) => {
        const target = await individual(request);
        await deps.phone.verify(target, request.body.code);
        return deps.profiles.view(target);
      },
    );

    app.get(
      '/kyc/export',
      {
        config: { access: kycScope },
        schema: {
          tags,
          summary: 'Everything held about my KYC, documents included (law 09-08 access right)',
          querystring: kycSubjectQuerySchema,
        },
      },
      async (request, reply) => {
        const target = await subject(request, request.query.organizationId);
        const exported = await deps.exporter.export(target, requireViewer(request).userId, requestContext(request));
        return reply
          .header('content-disposition', 'attachment; filename="souk-kyc.json"')
          .header('cache-control', 'no-store')
          .send(exported);
      },
    );

    app.post(
      '/kyc/documents/:id/link',
      {
        config: { access: kycScope },
        schema: {
          tags,
          summary: 'A link to view one document, valid for 5 minutes and for me only',
          params: z.object({ id: z.uuid() }),
          response: { 200: documentViewUrlSchema },
        },
      },
      async (request) => deps.access.link(requireViewer(request), request.params.id, requestContext(request)),
    );

    app.get(
      '/kyc/documents/:id/content',
      {
        config: { access: kycScope },
        schema: {
          tags,
          summary: 'The document itself, through a link from /link (each view is logged)',
          params: z.object({ id: z.uuid() }),
          querystring: z.object({ expires: z.coerce.number().int(), signature: z.string().max(100) }),
        },
      },
      async (request, reply) => {
        const { document, bytes } = await deps.access.open(
          requireViewer(request),
          request.params.id,
          request.query,
          requestContext(request),
        );
        return reply
          .type(document.contentType)
          .header('cache-control', 'private, no-store')
          .header('content-disposition', 'inline')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
          .send(bytes);
      },
    );
  };
}
