import { Args, Context, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { type Principal, Role } from '@careers/contracts';
import { Connection, CurrentUser, type GraphqlContext, IdPipe, Public, Roles } from '@careers/platform';
import { AuthPayload } from '../sessions/auth-payload.model.js';
import { SessionCookie } from '../sessions/session-cookie.js';
import { AcceptMentorInvitationInput, InviteMentorInput, MentorInvitationsArgs } from './mentor-invitation.inputs.js';
import { MentorInvitation, MentorInvitationPreview } from './mentor-invitation.model.js';
import { MentorInvitationsService } from './mentor-invitations.service.js';

@ObjectType()
export class MentorInvitationConnection extends Connection(MentorInvitation) {}

@Resolver(() => MentorInvitation)
export class MentorInvitationsResolver {
  constructor(
    private readonly service: MentorInvitationsService,
    private readonly cookie: SessionCookie,
  ) {}

  @Roles(Role.STAFF, Role.ADMIN)
  @Mutation(() => MentorInvitation, {
    description:
      'Careers staff invite someone who is not an alumnus to mentor for their institution: they are emailed a link, valid 14 days, that makes them an ALUMNUS account there. CONFLICT when the email has an account or a pending invitation.',
  })
  inviteMentor(@CurrentUser() caller: Principal, @Args('input', { description: 'Whom to invite.' }) input: InviteMentorInput): Promise<MentorInvitation> {
    return this.service.invite(caller, input);
  }

  @Roles(Role.STAFF, Role.ADMIN)
  @Query(() => MentorInvitationConnection, { description: "An institution's mentor invitations, newest first: staff see their own institution's." })
  mentorInvitations(@CurrentUser() caller: Principal, @Args() args: MentorInvitationsArgs) {
    return this.service.list(caller, args);
  }

  @Roles(Role.STAFF, Role.ADMIN)
  @Mutation(() => MentorInvitation, { description: "Withdraws a pending invitation: its link stops working. Another institution's is NOT_FOUND." })
  revokeMentorInvitation(
    @CurrentUser() caller: Principal,
    @Args('id', { type: () => ID, description: 'The invitation.' }, IdPipe) id: string,
  ): Promise<MentorInvitation> {
    return this.service.revoke(caller, id);
  }

  @Public()
  @Query(() => MentorInvitationPreview, { description: 'What an invitation link is for, before accepting it; NOT_FOUND once used, withdrawn or expired.' })
  mentorInvitation(@Args('token', { description: 'The token of the link (/invitations/<token>).' }) token: string): Promise<MentorInvitationPreview> {
    return this.service.preview(token);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Makes the invited ALUMNUS account and signs it in. The link works once.' })
  acceptMentorInvitation(
    @Args('input', { description: 'The token and your account details.' }) input: AcceptMentorInvitationInput,
    @Context() ctx: GraphqlContext,
  ): Promise<AuthPayload> {
    return this.cookie.answer(ctx, this.service.accept(input));
  }
}
