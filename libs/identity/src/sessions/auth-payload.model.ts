import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Principal } from '@careers/contracts';
import { User } from '../users/user.entity.js';

@ObjectType({ description: 'A signed-in session: a short-lived access token and the refresh token that renews it.' })
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  accessToken: string;

  @Field(() => Int, { description: 'Seconds until the access token expires.' })
  expiresIn: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Use once with refreshSession; each refresh returns the next one. null when the refresh token was set as an HttpOnly cookie (`X-Session-Transport: cookie`).',
  })
  refreshToken: string | null;

  @Field(() => User, { description: 'The signed-in person; the fields under it are resolved as them.' })
  user: User;

  /** Who the session is for: the rest of the response is resolved as this person. */
  principal: Principal;
}

/** A session as SessionsService starts it: the refresh token is always there; the resolver decides how it travels. */
export type IssuedSession = AuthPayload & { refreshToken: string };
