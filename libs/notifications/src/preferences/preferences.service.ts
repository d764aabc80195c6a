import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NOTIFICATION_KINDS, type NotificationKind } from '@careers/contracts';
import { badInput } from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { type Channel, PreferenceRepository } from './preference.repository.js';
import { isTimeZone } from './quiet-hours.js';
import { EmailFrequency, type NotificationSettings, type UpdateNotificationSettingsInput } from './settings.js';

export interface RecipientSettings extends NotificationSettings {
  userId: string;
}

const DEFAULTS: NotificationSettings = { emailFrequency: EmailFrequency.INSTANT, timeZone: 'UTC', quietStart: null, quietEnd: null };

export type { Channel };

export interface KindPreference {
  kind: NotificationKind;
  inApp: boolean;
  email: boolean;
}

/** Per person, kind and channel. What is not set is on: people hear of what concerns them unless they say otherwise. */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: PreferenceRepository,
  ) {}

  async list(userId: string): Promise<KindPreference[]> {
    const rows = await this.rows.listOf(this.db.manager, userId);
    const off = (kind: string, channel: Channel) => rows.some((r) => r.kind === kind && r.channel === channel && !r.enabled);
    return NOTIFICATION_KINDS.map((kind) => ({ kind, inApp: !off(kind, 'IN_APP'), email: !off(kind, 'EMAIL') }));
  }

  /** `kind` "all" (from a digest's unsubscribe link) sets every kind. */
  async set(userId: string, kind: string, channel: Channel, enabled: boolean): Promise<void> {
    if (kind === 'all') {
      for (const k of NOTIFICATION_KINDS) await this.set(userId, k, channel, enabled);
      return;
    }
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) {
      throw badInput(`There is no notification kind ${kind}; there are: ${NOTIFICATION_KINDS.join(', ')}.`, { field: 'kind' });
    }
    await this.rows.set(this.db.manager, userId, kind, channel, enabled);
  }

  async settings(userId: string): Promise<NotificationSettings> {
    return (await this.settingsOf(this.db.manager, [userId]))[0]!;
  }

  /** Each person's email settings, defaults for those who set none. */
  async settingsOf(tx: EntityManager, userIds: string[]): Promise<RecipientSettings[]> {
    const rows = await this.rows.settingsOf(tx, userIds);
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    return userIds.map((userId) => byUser.get(userId) ?? { userId, ...DEFAULTS });
  }

  async updateSettings(userId: string, input: UpdateNotificationSettingsInput): Promise<NotificationSettings> {
    if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
      throw badInput(`${input.timeZone} is not a time zone: use an IANA name such as Europe/London.`, { field: 'timeZone' });
    }
    const current = await this.settings(userId);
    const next = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as NotificationSettings;
    if ((next.quietStart === null) !== (next.quietEnd === null)) {
      throw badInput('Give both quietStart and quietEnd, or null for both.', { field: 'quietEnd' });
    }
    await this.rows.saveSettings(this.db.manager, userId, next);
    return next;
  }

  /** Of `userIds`, those who turned `channel` off for `kind`. */
  optedOut(tx: EntityManager, kind: string, channel: Channel, userIds: string[]): Promise<Set<string>> {
    return this.rows.optedOut(tx, kind, channel, userIds);
  }
}
