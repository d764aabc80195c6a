import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MENTOR_INVITATION_TOKEN, type Principal, Role, TrustLevel } from '@careers/contracts';
import {
  APP_CONFIG,
  AppError,
  type AppConfig,
  assertCanManageInstitution,
  badInput,
  conflict,
  type ConnectionShape,
  decidingInstitution,
  decodeCursor,
  encodeCursor,
  ErrorCode,
  notFound,
  Outbox,
  pageSize,
  readSignedToken,
  toConnection,
} from '@careers/platform';
import { DataSource } from 'typeorm';
import { InstitutionRepository } from '../institutions/institution.repository.js';
import type { IssuedSession } from '../sessions/auth-payload.model.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { UserRepository } from '../users/user.repository.js';
import type { AcceptMentorInvitationInput, InviteMentorInput, MentorInvitationsArgs } from './mentor-invitation.inputs.js';
import { type MentorInvitation, type MentorInvitationPreview, MentorInvitationStatus } from './mentor-invitation.model.js';
import { MentorInvitationRepository } from './mentor-invitation.repository.js';

/** How long an invitation's link works. */
export const INVITATION_TTL_DAYS = 14;

const invalidLink = () =>
  new AppError(ErrorCode.NOT_FOUND, 'This invitation link does not work any more: it was used, withdrawn or has expired. Ask your careers service for a new one.');

/**
 * Careers staff invite professionals who are not alumni to mentor: the invitation's link makes an ALUMNUS
 * account of the institution (at trust BASIC: staff vouched for them), whatever the email's domain.
 */
@Injectable()
export class MentorInvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly invitations: MentorInvitationRepository,
    private readonly institutions: InstitutionRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionsService,
    private readonly outbox: Outbox,
  ) {}

  async invite(caller: Principal, input: InviteMentorInput): Promise<MentorInvitation> {
    const institutionId = decidingInstitution(caller, input.institutionId);
    return this.db.transaction(async (tx) => {
      const [institution] = await this.institutions.byIds(tx, [institutionId]);
      if (!institution) throw badInput('There is no institution with that id.', { field: 'institutionId' });
      if (await this.users.emailTaken(tx, input.email)) {
        throw conflict(
          'Someone with this email already has an account here. An alumnus offers mentoring from their Mentoring page; no invitation is needed.',
        );
      }
      const invitation = await this.invitations.insert(tx, {
        institutionId,
        email: input.email,
        displayName: input.displayName,
        note: input.note || null,
        invitedBy: caller.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      });
      if (!invitation) throw conflict('An invitation to this email is waiting already: withdraw it to send a new one.');
      const inviter = await this.users.get(tx, caller.id);
      await this.outbox.append(tx, {
        type: 'identity.mentor-invited',
        aggregateType: 'mentor-invitation',
        aggregateId: invitation.id,
        payload: {
          invitationId: invitation.id,
          email: invitation.email,
          displayName: invitation.displayName,
          institutionName: institution.name,
          inviterName: inviter.displayName,
          note: invitation.note,
          expiresAt: invitation.expiresAt.toISOString(),
        },
      });
      return invitation;
    });
  }

  async list(caller: Principal, args: MentorInvitationsArgs): Promise<ConnectionShape<MentorInvitation>> {
    const institutionId = decidingInstitution(caller, args.institutionId);
    const first = pageSize(args);
    const rows = await this.invitations.page(this.db.manager, institutionId, first + 1, args.after ? decodeCursor(args.after) : undefined);
    return toConnection(rows, first, (i) => encodeCursor(i.createdAt.toISOString(), i.id));
  }

  /** Withdraws a pending invitation; another institution's is NOT_FOUND. Withdrawing one no longer pending changes nothing. */
  async revoke(caller: Principal, id: string): Promise<MentorInvitation> {
    const invitation = await this.invitations.byId(this.db.manager, id);
    if (!invitation || (caller.role !== Role.ADMIN && invitation.institutionId !== caller.institutionId)) throw notFound('The invitation');
    assertCanManageInstitution(caller, invitation.institutionId);
    await this.invitations.revoke(this.db.manager, id);
    return (await this.invitations.byId(this.db.manager, id))!;
  }

  async preview(token: string): Promise<MentorInvitationPreview> {
    const invitation = await this.pending(token);
    const [institution] = await this.institutions.byIds(this.db.manager, [invitation.institutionId]);
    return { email: invitation.email, displayName: invitation.displayName, institutionName: institution!.name, note: invitation.note, expiresAt: invitation.expiresAt };
  }

  /** Makes the invited person's account and signs them in; the link works once. */
  async accept(input: AcceptMentorInvitationInput): Promise<IssuedSession> {
    const id = this.idOf(input.token);
    const user = await this.db.transaction(async (tx) => {
      const invitation = await this.invitations.byId(tx, id, { lock: true });
      if (invitation?.status !== MentorInvitationStatus.PENDING) throw invalidLink();
      const user = await this.sessions.createAccount(tx, {
        email: invitation.email,
        password: input.password,
        displayName: input.displayName,
        role: Role.ALUMNUS,
        institutionId: invitation.institutionId,
        organisationId: null,
        trustLevel: TrustLevel.BASIC,
      });
      await this.invitations.accepted(tx, invitation.id, user.id);
      return user;
    });
    return this.sessions.startSession(user);
  }

  private async pending(token: string): Promise<MentorInvitation> {
    const invitation = await this.invitations.byId(this.db.manager, this.idOf(token));
    if (invitation?.status !== MentorInvitationStatus.PENDING) throw invalidLink();
    return invitation;
  }

  private idOf(token: string): string {
    const parts = readSignedToken(this.config.JWT_SECRET, MENTOR_INVITATION_TOKEN, token, 1);
    if (!parts) throw invalidLink();
    return parts[0]!;
  }
}
