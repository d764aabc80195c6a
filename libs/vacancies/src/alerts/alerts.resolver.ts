import { Args, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { type Principal, Role } from '@careers/contracts';
import { Connection, ConnectionArgs, CurrentUser, IdPipe, Roles } from '@careers/platform';
import { CreateAlertSubscriptionInput, UpdateAlertSubscriptionInput } from './alert-subscription.inputs.js';
import { AlertSubscription } from './alert-subscription.model.js';
import { AlertsService } from './alerts.service.js';

@ObjectType()
export class AlertSubscriptionConnection extends Connection(AlertSubscription) {}

const SUBSCRIBERS = [Role.STUDENT, Role.ALUMNUS];

@Resolver(() => AlertSubscription)
export class AlertsResolver {
  constructor(private readonly service: AlertsService) {}

  @Roles(...SUBSCRIBERS)
  @Query(() => AlertSubscriptionConnection, { description: 'Your vacancy alerts, newest first.' })
  alertSubscriptions(@CurrentUser() caller: Principal, @Args() args: ConnectionArgs) {
    return this.service.list(caller, args);
  }

  @Roles(...SUBSCRIBERS)
  @Query(() => AlertSubscription)
  alertSubscription(@CurrentUser() caller: Principal, @Args('id', { type: () => ID }, IdPipe) id: string) {
    return this.service.get(caller, id);
  }

  @Roles(...SUBSCRIBERS)
  @Mutation(() => AlertSubscription, { description: 'Save a search as an alert (at most 50 each).' })
  createAlertSubscription(@CurrentUser() caller: Principal, @Args('input') input: CreateAlertSubscriptionInput) {
    return this.service.create(caller, input);
  }

  @Roles(...SUBSCRIBERS)
  @Mutation(() => AlertSubscription, { description: 'Edit, pause or resume an alert.' })
  updateAlertSubscription(@CurrentUser() caller: Principal, @Args('input') input: UpdateAlertSubscriptionInput) {
    return this.service.update(caller, input);
  }

  @Roles(...SUBSCRIBERS)
  @Mutation(() => Boolean)
  deleteAlertSubscription(@CurrentUser() caller: Principal, @Args('id', { type: () => ID }, IdPipe) id: string) {
    return this.service.delete(caller, id);
  }

  @Roles(...SUBSCRIBERS)
  @Mutation(() => AlertSubscription, { description: 'A new secret feed address; the old one stops working.' })
  regenerateAlertFeedUrl(@CurrentUser() caller: Principal, @Args('id', { type: () => ID }, IdPipe) id: string) {
    return this.service.regenerateFeed(caller, id);
  }
}
