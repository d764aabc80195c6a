import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Principal } from '@careers/contracts';
import { User } from '../users/user.entity.js';

@ObjectType({ description: 'A signed-in session: a short-lived access token and the refresh token that renews it.' })
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  accessToken: string;

  @Field(() => Int, { description: 'Seconds until the access token expires.' })
  expiresIn: number;

  @Field({ description: 'Use once with refreshSession; each refresh returns the next one.' })
  refreshToken: string;

  @Field(() => User, { description: 'The signed-in person; the fields under it are resolved as them.' })
  user: User;

  /** Who the session is for: the rest of the response is resolved as this person. */
  principal: Principal;
}
