import {
  acceptInvitationBodySchema,
  changeMemberRoleBodySchema,
  inviteMemberBodySchema,
  teamInvitationSchema,
  teamSchema,
  transferOwnershipBodySchema,
} from '@souk/contracts/teams';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/http/access.ts';
import type { Actor, TeamService } from './team-service.ts';

function actorOf(request: FastifyRequest): Actor {
  return { userId: requireViewer(request).userId, ipAddress: request.ip, userAgent: request.headers['user-agent'] };
}

const teamParams = z.object({ teamId: z.uuid() });
const memberParams = teamParams.extend({ userId: z.string().min(1).max(100) });

/** Team management for merchants: members, roles, invitations, ownership. */
export function teamRoutes(teams: TeamService): FastifyPluginAsync {
  return async (scope) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['teams'];

    app.get(
      '/teams/:teamId',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'A team you belong to, with its members',
          params: teamParams,
          response: { 200: teamSchema },
        },
      },
      async (request) => teams.get(requireViewer(request).userId, request.params.teamId),
    );

    app.post(
      '/teams/:teamId/invitations',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Invite someone by email with a role (owner or admin)',
          params: teamParams,
          body: inviteMemberBodySchema,
          response: { 201: teamInvitationSchema },
        },
      },
      async (request, reply) => {
        const invitation = await teams.invite(
          actorOf(request),
          request.params.teamId,
          request.body.email,
          request.body.role,
        );
        return reply.status(201).send(invitation);
      },
    );

    app.delete(
      '/teams/:teamId/invitations/:invitationId',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Withdraw a pending invitation',
          params: teamParams.extend({ invitationId: z.uuid() }),
        },
      },
      async (request, reply) => {
        await teams.revokeInvitation(actorOf(request), request.params.teamId, request.params.invitationId);
        return reply.status(204).send();
      },
    );

    app.post(
      '/invitations/accept',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Accept an invitation (signed in with the invited address)',
          body: acceptInvitationBodySchema,
          response: { 200: z.object({ teamId: z.uuid(), role: z.string() }) },
        },
      },
      async (request) => teams.accept(actorOf(request), request.body.token),
    );

    app.patch(
      '/teams/:teamId/members/:userId',
      {
        config: { access: 'user' },
        schema: { tags, summary: "Change a member's role", params: memberParams, body: changeMemberRoleBodySchema },
      },
      async (request, reply) => {
        await teams.changeRole(actorOf(request), request.params.teamId, request.params.userId, request.body.role);
        return reply.status(204).send();
      },
    );

    app.delete(
      '/teams/:teamId/members/:userId',
      {
        config: { access: 'user' },
        schema: { tags, summary: 'Remove a member (or leave the team)', params: memberParams },
      },
      async (request, reply) => {
        await teams.removeMember(actorOf(request), request.params.teamId, request.params.userId);
        return reply.status(204).send();
      },
    );

    app.post(
      '/teams/:teamId/transfer-ownership',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Hand the team to another member (owner only)',
          params: teamParams,
          body: transferOwnershipBodySchema,
        },
      },
      async (request, reply) => {
        await teams.transferOwnership(actorOf(request), request.params.teamId, request.body.userId);
        return reply.status(204).send();
      },
    );
  };
}
