import { Args, ArgsType, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@careers/contracts';
import { Connection, ConnectionArgs, CurrentUser, IdPipe } from '@careers/platform';
import { IsBoolean, IsOptional } from 'class-validator';
import { Notification } from './notification.entity.js';
import { NotificationsService } from './notifications.service.js';

@ObjectType()
export class NotificationConnection extends Connection(Notification) {}

@ArgsType()
export class NotificationsArgs extends ConnectionArgs {
  @Field({ nullable: true, defaultValue: false, description: 'True for unread notifications only.' })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}

/** Your own notifications only: every operation is scoped to the caller. */
@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first. New ones are also pushed over socket.io ("notification").' })
  notifications(@CurrentUser() caller: Principal, @Args() args: NotificationsArgs) {
    return this.service.list(caller.id, args);
  }

  @Query(() => Int, { description: 'How many of your notifications are unread, for a badge.' })
  unreadNotificationCount(@CurrentUser() caller: Principal): Promise<number> {
    return this.service.unreadCount(caller.id);
  }

  @Mutation(() => Notification, { description: 'Marks one of your notifications read and returns it; one already read keeps its readAt.' })
  markNotificationRead(
    @CurrentUser() caller: Principal,
    @Args('id', { type: () => ID, description: "Which of your notifications; anyone else's is NOT_FOUND." }, IdPipe) id: string,
  ): Promise<Notification> {
    return this.service.markRead(caller.id, id);
  }

  @Mutation(() => Int, { description: 'Marks all your notifications read; returns how many were unread.' })
  markAllNotificationsRead(@CurrentUser() caller: Principal): Promise<number> {
    return this.service.markAllRead(caller.id);
  }
}
