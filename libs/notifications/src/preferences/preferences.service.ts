import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NOTIFICATION_KINDS, type NotificationKind } from '@careers/contracts';
import { badInput } from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';

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

  async set(userId: string, kind: string, channel: Channel, enabled: boolean): Promise<void> {
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) {
      throw badInput(`There is no notification kind ${kind}; there are: ${NOTIFICATION_KINDS.join(', ')}.`, { field: 'kind' });
    }
    await this.db.query(
      `INSERT INTO notification_preference (user_id, kind, channel, enabled) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, kind, channel) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      [userId, kind, channel, enabled],
    );
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
