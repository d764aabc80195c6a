import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Principal } from '@careers/contracts';
import { CurrentUser, type GraphqlContext, Public } from '@careers/platform';
import { AuthPayload } from './auth-payload.model.js';
import { ChangePasswordInput, SignInInput, SignUpEmployerInput, SignUpInput } from './session.inputs.js';
import { SessionCookie } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';

@Resolver()
export class SessionsResolver {
  constructor(
    private readonly service: SessionsService,
    private readonly cookie: SessionCookie,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Students and alumni join the institution of their email domain.' })
  signUp(@Args('input', { description: 'Your account details.' }) input: SignUpInput, @Context() ctx: GraphqlContext): Promise<AuthPayload> {
    return this.cookie.answer(ctx, this.service.signUp(input));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'An employer and a new organisation, waiting for approval by careers staff.' })
  signUpEmployer(@Args('input', { description: 'Your account and your organisation.' }) input: SignUpEmployerInput, @Context() ctx: GraphqlContext): Promise<AuthPayload> {
    return this.cookie.answer(ctx, this.service.signUpEmployer(input));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Rate-limited per account and per IP address (RATE_LIMITED).' })
  signIn(@Args('input', { description: 'Your email and password.' }) input: SignInInput, @Context() ctx: GraphqlContext): Promise<AuthPayload> {
    return this.cookie.answer(ctx, this.service.signIn(input, ctx.req.ip ?? 'unknown'));
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Uses the refresh token up and returns the next. Reusing an old one signs out the whole session.' })
  refreshSession(
    @Args('refreshToken', { description: 'The refreshToken of the latest AuthPayload of this session; each works once.' }) refreshToken: string,
    @Context() ctx: GraphqlContext,
  ): Promise<AuthPayload> {
    return this.cookie.answer(ctx, this.service.refresh(refreshToken));
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session of this refresh token. Access tokens already issued run out within minutes.' })
  async signOut(
    @Args('refreshToken', { description: 'A refresh token of the session to end; an unknown one changes nothing.' }) refreshToken: string,
  ): Promise<boolean> {
    await this.service.signOut(refreshToken);
    return true;
  }

  @Mutation(() => AuthPayload, { description: 'Signs out every session and returns a new one.' })
  changePassword(
    @CurrentUser() caller: Principal,
    @Args('input', { description: 'Your current and new passwords.' }) input: ChangePasswordInput,
    @Context() ctx: GraphqlContext,
  ): Promise<AuthPayload> {
    return this.cookie.answer(ctx, this.service.changePassword(caller.id, input));
  }
}
