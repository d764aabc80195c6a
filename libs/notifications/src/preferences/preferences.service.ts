import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NOTIFICATION_KINDS, type NotificationKind } from '@careers/contracts';
import { badInput } from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { isTimeZone } from './quiet-hours.js';
import { EmailFrequency, type NotificationSettings, type UpdateNotificationSettingsInput } from './settings.js';

export interface RecipientSettings extends NotificationSettings {
  userId: string;
}

const DEFAULTS: NotificationSettings = { emailFrequency: EmailFrequency.INSTANT, timeZone: 'UTC', quietStart: null, quietEnd: null };

export type Channel = 'IN_APP' | 'EMAIL';

export interface KindPreference {
  kind: NotificationKind;
  inApp: boolean;
  email: boolean;
}

/** Per person, kind and channel. What is not set is on: people hear of what concerns them unless they say otherwise. */
@Injectable()
export class PreferencesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(userId: string): Promise<KindPreference[]> {
    const rows: { kind: string; channel: Channel; enabled: boolean }[] = await this.db.query(
      `SELECT kind, channel, enabled FROM notification_preference WHERE user_id = $1`,
      [userId],
    );
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
    await this.db.query(
      `INSERT INTO notification_preference (user_id, kind, channel, enabled) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, kind, channel) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      [userId, kind, channel, enabled],
    );
  }

  async settings(userId: string): Promise<NotificationSettings> {
    return (await this.settingsOf(this.db.manager, [userId]))[0]!;
  }

  /** Each person's email settings, defaults for those who set none. */
  async settingsOf(tx: EntityManager, userIds: string[]): Promise<RecipientSettings[]> {
    const rows: (NotificationSettings & { userId: string })[] = await tx.query(
      `SELECT user_id AS "userId", email_frequency AS "emailFrequency", time_zone AS "timeZone", quiet_start AS "quietStart", quiet_end AS "quietEnd"
       FROM notification_settings WHERE user_id = ANY($1)`,
      [userIds],
    );
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
    await this.db.query(
      `INSERT INTO notification_settings (user_id, email_frequency, time_zone, quiet_start, quiet_end) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET email_frequency = $2, time_zone = $3, quiet_start = $4, quiet_end = $5, updated_at = now()`,
      [userId, next.emailFrequency, next.timeZone, next.quietStart, next.quietEnd],
    );
    return next;
  }

  /** Of `userIds`, those who turned `channel` off for `kind`. */
  async optedOut(tx: EntityManager, kind: string, channel: Channel, userIds: string[]): Promise<Set<string>> {
    const rows: { user_id: string }[] = await tx.query(
      `SELECT user_id FROM notification_preference WHERE kind = $1 AND channel = $2 AND NOT enabled AND user_id = ANY($3)`,
      [kind, channel, userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }
}
