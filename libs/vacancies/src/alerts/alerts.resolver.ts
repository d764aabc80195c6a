import { Args, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { type Principal, Role } from '@careers/contracts';
import { Connection, ConnectionArgs, CurrentUser, IdPipe, Roles } from '@careers/platform';
import { AlertMatchesArgs, CreateAlertSubscriptionInput, UpdateAlertSubscriptionInput } from './alert-subscription.inputs.js';
import { AlertMatch, AlertSubscription } from './alert-subscription.model.js';
import { AlertsService } from './alerts.service.js';

@ObjectType()
export class AlertSubscriptionConnection extends Connection(AlertSubscription) {}

@ObjectType()
export class AlertMatchConnection extends Connection(AlertMatch) {}

const SUBSCRIBERS = [Role.STUDENT, Role.ALUMNUS];
const ALERT_ID = "Which of your alerts; anyone else's is NOT_FOUND.";

@Resolver(() => AlertSubscription)
export class AlertsResolver {
  constructor(private readonly service: AlertsService) {}

  @Roles(...SUBSCRIBERS)
  @Query(() => AlertSubscriptionConnection, { description: 'Your vacancy alerts, newest first.' })
  alertSubscriptions(@CurrentUser() caller: Principal, @Args() args: ConnectionArgs) {
    return this.service.list(caller, args);
  }

  @Roles(...SUBSCRIBERS)
  @Query(() => AlertMatchConnection, {
    description:
      'Vacancies that matched your alerts (or one of them: alertId), newest match first; only those your institution approves now (each once, however many alerts matched it).',
  })
  alertMatches(@CurrentUser() caller: Principal, @Args() args: AlertMatchesArgs) {
    return this.service.matchesOf(caller, args);
  }

  @Roles(...SUBSCRIBERS)
  @Query(() => AlertSubscription, { description: 'One of your vacancy alerts (students and alumni only).' })
  alertSubscription(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: ALERT_ID }, IdPipe) id: string) {
    return this.service.get(caller, id);
  }

  @Roles(...SUBSCRIBERS)
  @Mutation(() => AlertSubscription, { description: 'Save a search as an alert (at most 50 each).' })
  createAlertSubscription(@CurrentUser() caller: Principal, @Args('input', { description: 'The search to save and its channels.' }) input: CreateAlertSubscriptionInput) {
    return this.service.create(caller, input);
  }

  @Roles(...SUBSCRIBERS)
  @Mutation(() => AlertSubscription, { description: 'Edit, pause or resume an alert.' })
  updateAlertSubscription(@CurrentUser() caller: Principal, @Args('input', { description: 'The alert and what to change.' }) input: UpdateAlertSubscriptionInput) {
    return this.service.update(caller, input);
  }

  @Roles(...SUBSCRIBERS)
  @Mutation(() => Boolean, { description: 'Deletes one of your alerts for good: its feeds stop working and nothing more is sent for it; returns true.' })
  deleteAlertSubscription(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: ALERT_ID }, IdPipe) id: string) {
    return this.service.delete(caller, id);
  }

  @Roles(...SUBSCRIBERS)
  @Mutation(() => AlertSubscription, { description: 'A new secret feed address; the old one stops working.' })
  regenerateAlertFeedUrl(@CurrentUser() caller: Principal, @Args('id', { type: () => ID, description: ALERT_ID }, IdPipe) id: string) {
    return this.service.regenerateFeed(caller, id);
  }
}
