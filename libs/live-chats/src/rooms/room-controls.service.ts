import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PEOPLE_DIRECTORY, type LiveChatRoomState, type PeopleDirectory, type Principal, TrustLevel } from '@careers/contracts';
import { DataSource } from 'typeorm';
import { LiveChatAccess } from '../access/live-chat-access.repository.js';
import { roomError } from './room-error.js';
import { RoomMessagesRepository } from './room-messages.repository.js';
import { RoomRepository } from './room.repository.js';
import { RoomsService } from './rooms.service.js';

/** The hosts' and staff's controls of the room; each one goes to the audit log in the transaction of its change. */
@Injectable()
export class RoomControlsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rooms: RoomsService,
    private readonly access: LiveChatAccess,
    private readonly room: RoomRepository,
    private readonly messages: RoomMessagesRepository,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
  ) {}

  /** Deletes a message for everyone: it stays as a tombstone; what it said goes to the audit log. Deleting it again changes nothing. */
  async deleteMessage(eventId: string, actor: Principal, seq: number): Promise<{ deleted: boolean }> {
    await this.rooms.moderatorIn(eventId, actor);
    return this.db.transaction(async (tx) => {
      const m = await this.messages.lock(tx, eventId, seq);
      if (!m) throw roomError('NOT_FOUND', `There is no message ${seq} in this live chat.`);
      if (m.deleted) return { deleted: false };
      await this.messages.tombstone(tx, eventId, seq);
      await this.room.log(tx, eventId, actor.id, 'DELETE_MESSAGE', { target: m.authorId, seq, details: { body: m.body, authorName: m.authorName } });
      return { deleted: true };
    });
  }

  /**
   * Only people who registered for the event (with a place, waitlisted or
   * cancelled) can be muted or removed; hosts and staff never. Anyone else is
   * NOT_FOUND like an id that does not exist: whether some user id of another
   * tenant exists is not the moderators' to learn.
   */
  private async assertSanctionable(eventId: string, userId: string): Promise<void> {
    const [person] = await this.people.peopleOf([userId]);
    const target: Principal | null = person
      ? { id: person.userId, role: person.role, institutionId: person.institutionId, organisationId: person.organisationId, trustLevel: TrustLevel.NEW, sessionId: '' }
      : null;
    const found = target && (await this.access.roleInEvent(eventId, target));
    if (found?.role === 'HOST' || found?.role === 'STAFF') throw roomError('FORBIDDEN', 'Hosts and careers staff cannot be muted or removed.');
    if (!target || !(await this.room.isRegistered(this.db.manager, eventId, userId))) throw roomError('NOT_FOUND', 'That person has not registered for this live chat.');
  }

  async mute(eventId: string, actor: Principal, userId: string, minutes: number): Promise<{ until: Date }> {
    await this.rooms.moderatorIn(eventId, actor);
    await this.assertSanctionable(eventId, userId);
    return this.db.transaction(async (tx) => {
      const until = await this.room.mute(tx, eventId, userId, minutes, actor.id);
      await this.room.log(tx, eventId, actor.id, 'MUTE', { target: userId, details: { minutes } });
      return { until };
    });
  }

  async remove(eventId: string, actor: Principal, userId: string): Promise<void> {
    await this.rooms.moderatorIn(eventId, actor);
    await this.assertSanctionable(eventId, userId);
    await this.db.transaction(async (tx) => {
      await this.room.remove(tx, eventId, userId, actor.id);
      await this.room.log(tx, eventId, actor.id, 'REMOVE', { target: userId });
    });
  }

  async slowMode(eventId: string, actor: Principal, seconds: number): Promise<LiveChatRoomState> {
    await this.rooms.moderatorIn(eventId, actor);
    await this.rooms.snapshot(eventId, actor.id); // the room exists
    await this.db.transaction(async (tx) => {
      await this.room.setSlowMode(tx, eventId, seconds);
      await this.room.log(tx, eventId, actor.id, 'SLOW_MODE', { details: { seconds } });
    });
    return this.rooms.state(eventId);
  }

  async close(eventId: string, actor: Principal): Promise<LiveChatRoomState> {
    await this.rooms.moderatorIn(eventId, actor);
    await this.rooms.snapshot(eventId, actor.id); // the room exists
    await this.db.transaction(async (tx) => {
      if (await this.room.close(tx, eventId, actor.id)) await this.room.log(tx, eventId, actor.id, 'CLOSE');
    });
    return this.rooms.state(eventId);
  }
}
