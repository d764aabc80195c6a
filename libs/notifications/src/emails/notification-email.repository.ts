import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@careers/contracts';
import type { EntityManager } from 'typeorm';
import type { EmailFrequency } from '../preferences/settings.js';

/** An email waiting in `notification_email`, as the sender reads it. */
export interface PendingEmail {
  id: string;
  user_id: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  /** Set when another service composed the email whole (vacancy alerts). */
  html_body: string | null;
  unsubscribe_url: string | null;
}

/** A notification's email to store: sent at once, when `sendAfter` passes, or in the person's `digest`. */
export interface NewEmail {
  userId: string;
  toAddress: string;
  subject: string;
  textBody: string;
  link: string | null;
  digest: EmailFrequency | null;
  sendAfter: Date | null;
}

/** An email another service composed whole, to store. */
export interface NewComposedEmail {
  userId: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  sendAfter: Date | null;
}

/** A person whose digest is due, with its frequency and where it goes. */
export interface DueDigest {
  user_id: string;
  digest: EmailFrequency;
  to_address: string;
}

const PENDING_COLUMNS = 'id, user_id, kind, to_address, subject, text_body, html_body, unsubscribe_url';

/**
 * The notification emails' SQL (`notification_email`): stored at most once per event and person, read while unsent,
 * marked sent. Dialect: every repository's (CONTRIBUTING, "Repositories hold the SQL"): raw parameterised SQL through
 * the EntityManager the caller passes in.
 */
@Injectable()
export class NotificationEmailRepository {
  /**
   * Stores the emails of `eventId` (each text followed by its link, under `publicUrl`); returns the new ones (a
   * replay's are not), each `ready` when it may go at once (neither held nor for a digest).
   */
  async insert(m: EntityManager, eventId: string, kind: NotificationKind, publicUrl: string, emails: NewEmail[]): Promise<{ id: string; ready: boolean }[]> {
    if (emails.length === 0) return [];
    const rows = emails.map((e) => ({
      user_id: e.userId,
      to_address: e.toAddress,
      subject: e.subject,
      text_body: e.textBody,
      link: e.link,
      digest: e.digest,
      send_after: e.sendAfter,
    }));
    return m.query(
      `INSERT INTO notification_email (event_id, user_id, kind, to_address, subject, text_body, digest, send_after)
       SELECT $2, e.user_id, $3, e.to_address, e.subject, e.text_body || coalesce(E'\\n\\nOpen it: ' || $4 || e.link, ''), e.digest, e.send_after
       FROM jsonb_to_recordset($1::jsonb) AS e(user_id uuid, to_address text, subject text, text_body text, link text, digest text, send_after timestamptz)
       ON CONFLICT (event_id, user_id) DO NOTHING RETURNING id, (digest IS NULL AND send_after IS NULL) AS ready`,
      [JSON.stringify(rows), eventId, kind, publicUrl],
    );
  }

  /** Stores a composed email of `eventId`; its id, or undefined for a replay. */
  async insertComposed(m: EntityManager, eventId: string, kind: NotificationKind, e: NewComposedEmail): Promise<string | undefined> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO notification_email (event_id, user_id, kind, to_address, subject, text_body, html_body, unsubscribe_url, send_after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (event_id, user_id) DO NOTHING RETURNING id`,
      [eventId, e.userId, kind, e.toAddress, e.subject, e.text, e.html, e.unsubscribeUrl, e.sendAfter],
    );
    return rows[0]?.id;
  }

  /** The unsent instant emails among `ids`. */
  instant(m: EntityManager, ids: string[]): Promise<PendingEmail[]> {
    return m.query(`SELECT ${PENDING_COLUMNS} FROM notification_email WHERE id = ANY($1) AND sent_at IS NULL AND digest IS NULL`, [ids]);
  }

  /** Up to 500 unsent instant emails whose hold has passed, longest held first. */
  heldAndDue(m: EntityManager): Promise<PendingEmail[]> {
    return m.query(
      `SELECT ${PENDING_COLUMNS} FROM notification_email
       WHERE sent_at IS NULL AND digest IS NULL AND send_after <= now() ORDER BY send_after LIMIT 500`,
    );
  }

  /**
   * Up to 500 people whose digest period has passed since their last digest (or since their oldest waiting
   * notification), among those with something waiting.
   */
  dueDigests(m: EntityManager): Promise<DueDigest[]> {
    return m.query(
      `SELECT e.user_id, e.digest, max(e.to_address) AS to_address
       FROM notification_email e LEFT JOIN notification_settings s ON s.user_id = e.user_id
       WHERE e.sent_at IS NULL AND e.digest IS NOT NULL
       GROUP BY e.user_id, e.digest, s.last_digest_at
       HAVING coalesce(s.last_digest_at, min(e.created_at)) <= now() - make_interval(days => CASE e.digest WHEN 'WEEKLY' THEN 7 ELSE 1 END)
       LIMIT 500`,
    );
  }

  /** The person's oldest `limit` unsent digest items. */
  digestItems(m: EntityManager, userId: string, limit: number): Promise<PendingEmail[]> {
    return m.query(
      `SELECT ${PENDING_COLUMNS} FROM notification_email
       WHERE user_id = $1 AND sent_at IS NULL AND digest IS NOT NULL ORDER BY created_at LIMIT $2`,
      [userId, limit],
    );
  }

  async markSent(m: EntityManager, ids: string[]): Promise<void> {
    await m.query(`UPDATE notification_email SET sent_at = now() WHERE id = ANY($1)`, [ids]);
  }
}
