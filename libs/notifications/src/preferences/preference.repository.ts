import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EmailFrequency, NotificationSettings } from './settings.js';

/** Where a notification goes: the inbox, or an email. */
export type Channel = 'IN_APP' | 'EMAIL';

/** One person's choice for one kind and channel (`notification_preference`). */
export interface PreferenceRow {
  kind: string;
  channel: Channel;
  enabled: boolean;
}

/**
 * The preferences aggregate's SQL: per kind and channel (`notification_preference`) and a person's email settings
 * (`notification_settings`, with when their last digest went). Dialect: every repository's (CONTRIBUTING,
 * "Repositories hold the SQL"): raw parameterised SQL through the EntityManager the caller passes in. What is not
 * stored is for the service to default.
 */
@Injectable()
export class PreferenceRepository {
  /** The kinds and channels `userId` set, on or off. */
  listOf(m: EntityManager, userId: string): Promise<PreferenceRow[]> {
    return m.query(`SELECT kind, channel, enabled FROM notification_preference WHERE user_id = $1`, [userId]);
  }

  async set(m: EntityManager, userId: string, kind: string, channel: Channel, enabled: boolean): Promise<void> {
    await m.query(
      `INSERT INTO notification_preference (user_id, kind, channel, enabled) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, kind, channel) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      [userId, kind, channel, enabled],
    );
  }

  /** Of `userIds`, those who turned `channel` off for `kind`. */
  async optedOut(m: EntityManager, kind: string, channel: Channel, userIds: string[]): Promise<Set<string>> {
    const rows: { user_id: string }[] = await m.query(
      `SELECT user_id FROM notification_preference WHERE kind = $1 AND channel = $2 AND NOT enabled AND user_id = ANY($3)`,
      [kind, channel, userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** The stored email settings of those of `userIds` who set any. */
  settingsOf(m: EntityManager, userIds: string[]): Promise<(NotificationSettings & { userId: string })[]> {
    return m.query(
      `SELECT user_id AS "userId", email_frequency AS "emailFrequency", time_zone AS "timeZone", quiet_start AS "quietStart", quiet_end AS "quietEnd"
       FROM notification_settings WHERE user_id = ANY($1)`,
      [userIds],
    );
  }

  async saveSettings(m: EntityManager, userId: string, s: NotificationSettings): Promise<void> {
    await m.query(
      `INSERT INTO notification_settings (user_id, email_frequency, time_zone, quiet_start, quiet_end) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET email_frequency = $2, time_zone = $3, quiet_start = $4, quiet_end = $5, updated_at = now()`,
      [userId, s.emailFrequency, s.timeZone, s.quietStart, s.quietEnd],
    );
  }

  /** Records that `userId`'s digest went now (settings made with `digest` as their frequency when they had none). */
  async digestSent(m: EntityManager, userId: string, digest: EmailFrequency): Promise<void> {
    await m.query(
      `INSERT INTO notification_settings (user_id, email_frequency, last_digest_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET last_digest_at = now()`,
      [userId, digest],
    );
  }
}
