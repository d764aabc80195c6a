import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum MentorInvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(MentorInvitationStatus, {
  name: 'MentorInvitationStatus',
  description: 'Where a mentor invitation stands.',
  valuesMap: {
    PENDING: { description: 'Sent; its link works until it expires.' },
    ACCEPTED: { description: 'The person made their account with it; the link works no more.' },
    REVOKED: { description: 'Staff withdrew it; the link works no more.' },
    EXPIRED: { description: 'Not used in time; invite them again for a new link.' },
  },
});

@ObjectType({ description: "An invitation from careers staff to someone who is not an alumnus to mentor for their institution's students." })
export class MentorInvitation {
  @Field(() => ID, { description: 'The invitation.' })
  id: string;

  @Field({ description: 'Where the invitation was sent; the account it makes signs in with it.' })
  email: string;

  @Field({ description: 'The name the invitation greets them by; they may change it when they accept.' })
  displayName: string;

  @Field(() => String, { nullable: true, description: "Staff's note to them, sent in the email; null when none." })
  note: string | null;

  @Field(() => MentorInvitationStatus, { description: 'Pending, accepted, revoked or expired.' })
  status: MentorInvitationStatus;

  @Field(() => ID, { description: 'The institution they will mentor for.' })
  institutionId: string;

  @Field({ description: 'When it was sent.' })
  createdAt: Date;

  @Field({ description: 'When its link stops working.' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: 'When they accepted; null until then.' })
  acceptedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The account the invitation made; null until accepted.' })
  acceptedUserId: string | null;
}

@ObjectType({ description: 'What an invitation link shows before it is accepted (no sign-in needed: the link is the key).' })
export class MentorInvitationPreview {
  @Field({ description: 'The email the account will sign in with.' })
  email: string;

  @Field({ description: 'The name the invitation greets them by.' })
  displayName: string;

  @Field({ description: 'The institution whose students they will mentor.' })
  institutionName: string;

  @Field(() => String, { nullable: true, description: "Staff's note; null when none." })
  note: string | null;

  @Field({ description: 'When the link stops working.' })
  expiresAt: Date;
}
