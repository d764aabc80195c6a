import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, badInput, type ConnectionArgs, type ConnectionShape, conflict, decodeCursor, encodeCursor, forbidden, notFound, pageSize, toConnection } from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateAlertSubscriptionInput, UpdateAlertSubscriptionInput } from './alert-subscription.inputs.js';
import { AlertFrequency, type AlertSubscription, type AlertSubscriptionRow, SUBSCRIPTION_COLUMNS, toSubscription } from './alert-subscription.model.js';
import { assertWebhookUrl, WebhookAddressError } from './webhook-guard.js';

/** Saved searches one person may keep. */
export const MAX_SUBSCRIPTIONS = 50;

const secret = () => randomBytes(24).toString('base64url');

/** Alert subscriptions (saved searches), each scoped to its owner: another person's is NOT_FOUND. */
@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(caller: Principal, input: CreateAlertSubscriptionInput): Promise<AlertSubscription> {
    if (!caller.institutionId) throw forbidden('Alerts are for members of an institution.');
    const name = input.name?.trim();
    if (!name) throw badInput('Give the alert a name, such as "Data internships in Leeds".', { field: 'name' });
    const filter = input.filter ?? {};
    const webhookUrl = input.webhookUrl ? await this.checkWebhook(input.webhookUrl) : null;
    return this.db.transaction(async (tx) => {
      // One person's creations are serialised, so two at once cannot pass the limit together.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('alert-subscriptions:' || $1))`, [caller.id]);
      const [{ n }]: { n: number }[] = await tx.query(`SELECT count(*)::int AS n FROM alert_subscription WHERE user_id = $1`, [caller.id]);
      if (n >= MAX_SUBSCRIPTIONS) throw conflict(`You have ${MAX_SUBSCRIPTIONS} alerts, the most one person can keep: delete one first.`);
      const keywords = await this.normalise(tx, input.keywords ?? []);
      const [row]: AlertSubscriptionRow[] = await tx.query(
        `INSERT INTO alert_subscription AS s (user_id, institution_id, name, keywords, keyword_lexemes, sector, location, remote, types,
            salary_min, salary_currency, frequency, in_app, email, feed_token, webhook_url, webhook_secret, keyword_queries)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::remote_policy[], $9::vacancy_type[], $10, $11, $12, $13, $14, $15, $16, $17, $18)
         RETURNING ${SUBSCRIPTION_COLUMNS}`,
        [
          caller.id,
          caller.institutionId,
          name,
          keywords.terms,
          keywords.lexemes,
          filter.sector ?? null,
          filter.location ?? null,
          filter.remote ?? [],
          filter.types ?? [],
          filter.salaryMin ?? null,
          filter.salaryMin != null ? filter.salaryCurrency : null,
          input.frequency ?? AlertFrequency.INSTANT,
          input.inApp ?? true,
          input.email ?? true,
          secret(),
          webhookUrl,
          webhookUrl ? secret() : null,
          keywords.queries,
        ],
      );
      return toSubscription(row, this.config.PUBLIC_URL);
    });
  }

  async update(caller: Principal, input: UpdateAlertSubscriptionInput): Promise<AlertSubscription> {
    const webhookUrl = input.webhookUrl ? await this.checkWebhook(input.webhookUrl) : input.webhookUrl;
    return this.db.transaction(async (tx) => {
      const current = await this.own(tx, caller, input.id, true);
      const filter = input.filter ?? null;
      const keywords = input.keywords ? await this.normalise(tx, input.keywords) : null;
      const sets: string[] = ['updated_at = now()'];
      const params: unknown[] = [current.id];
      const set = (column: string, value: unknown, cast = '') => sets.push(`${column} = $${params.push(value)}${cast}`);
      if (input.name !== undefined) set('name', input.name.trim());
      if (keywords) {
        set('keywords', keywords.terms);
        set('keyword_queries', keywords.queries);
        set('keyword_lexemes', keywords.lexemes);
      }
      if (filter) {
        set('sector', filter.sector ?? null);
        set('location', filter.location ?? null);
        set('remote', filter.remote ?? [], '::remote_policy[]');
        set('types', filter.types ?? [], '::vacancy_type[]');
        set('salary_min', filter.salaryMin ?? null);
        set('salary_currency', filter.salaryMin != null ? filter.salaryCurrency : null);
      }
      if (input.frequency !== undefined) set('frequency', input.frequency);
      if (input.inApp !== undefined) set('in_app', input.inApp);
      if (input.email !== undefined) set('email', input.email);
      if (input.paused !== undefined) set('paused', input.paused);
      if (webhookUrl !== undefined) {
        // Setting a URL (even the same one) turns a disabled webhook back on; a new URL gets a new secret.
        set('webhook_url', webhookUrl);
        set('webhook_secret', webhookUrl === null ? null : webhookUrl === current.webhook_url ? current.webhook_secret : secret());
        sets.push('webhook_failures = 0', 'webhook_disabled_at = NULL');
      }
      const [[row]]: [AlertSubscriptionRow[]] = await tx.query(
        `UPDATE alert_subscription s SET ${sets.join(', ')} WHERE id = $1 RETURNING ${SUBSCRIPTION_COLUMNS}`,
        params,
      );
      return toSubscription(row, this.config.PUBLIC_URL);
    });
  }

  async delete(caller: Principal, id: string): Promise<boolean> {
    const [, deleted]: [unknown, number] = await this.db.query(`DELETE FROM alert_subscription WHERE id = $1 AND user_id = $2`, [id, caller.id]);
    if (deleted === 0) throw notFound('The alert');
    return true;
  }

  async regenerateFeed(caller: Principal, id: string): Promise<AlertSubscription> {
    const [[row]]: [AlertSubscriptionRow[]] = await this.db.query(
      `UPDATE alert_subscription s SET feed_token = $3, updated_at = now() WHERE id = $1 AND user_id = $2 RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [id, caller.id, secret()],
    );
    if (!row) throw notFound('The alert');
    return toSubscription(row, this.config.PUBLIC_URL);
  }

  async get(caller: Principal, id: string): Promise<AlertSubscription> {
    return toSubscription(await this.own(this.db.manager, caller, id, false), this.config.PUBLIC_URL);
  }

  async list(caller: Principal, args: ConnectionArgs): Promise<ConnectionShape<AlertSubscription>> {
    const first = pageSize(args);
    const params: unknown[] = [caller.id];
    let where = 's.user_id = $1';
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after);
      where += ` AND (s.created_at, s.id) < ($${params.push(createdAt)}::timestamptz, $${params.push(id)}::uuid)`;
    }
    const rows: AlertSubscriptionRow[] = await this.db.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM alert_subscription s WHERE ${where} ORDER BY s.created_at DESC, s.id DESC LIMIT ${first + 1}`,
      params,
    );
    return toConnection(
      rows.map((r) => toSubscription(r, this.config.PUBLIC_URL)),
      first,
      (s) => encodeCursor(s.createdAt.toISOString(), s.id),
    );
  }

  /** Turns a subscription's emails off (the one-click unsubscribe of its emails). */
  async stopEmails(userId: string, subscriptionId: string): Promise<boolean> {
    const [, n]: [unknown, number] = await this.db.query(
      `UPDATE alert_subscription SET email = false, updated_at = now() WHERE id = $1 AND user_id = $2`,
      [subscriptionId, userId],
    );
    return n > 0;
  }

  private async own(tx: EntityManager, caller: Principal, id: string, lock: boolean): Promise<AlertSubscriptionRow> {
    const [row]: AlertSubscriptionRow[] = await tx.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM alert_subscription s WHERE id = $1 AND user_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [id, caller.id],
    );
    if (!row) throw notFound('The alert');
    return row;
  }

  /**
   * Keywords as typed (trimmed, without repeats) and the lexemes they stand for,
   * in the same text search configuration as vacancies (accents folded, English
   * stems): the lexemes find candidate subscriptions through a GIN index.
   */
  private async normalise(tx: EntityManager, keywords: string[]): Promise<{ terms: string[]; queries: string[]; lexemes: string[] }> {
    const terms = [...new Map(keywords.map((k) => [k.trim().toLowerCase(), k.trim()])).values()].filter(Boolean);
    if (terms.length === 0) return { terms: [], queries: [], lexemes: [] };
    const rows: { term: string; query: string; lexemes: string[] }[] = await tx.query(
      `SELECT term, phraseto_tsquery('careers', term)::text AS query, tsvector_to_array(to_tsvector('careers', term)) AS lexemes
       FROM unnest($1::text[]) WITH ORDINALITY AS k(term, n) ORDER BY n`,
      [terms],
    );
    const empty = rows.filter((r) => r.lexemes.length === 0).map((r) => r.term);
    if (empty.length) {
      throw badInput(`These keywords are too common to match on: ${empty.join(', ')}. Use more specific words.`, { field: 'keywords', keywords: empty });
    }
    return { terms, queries: rows.map((r) => r.query), lexemes: [...new Set(rows.flatMap((r) => r.lexemes))] };
  }

  private async checkWebhook(url: string): Promise<string> {
    try {
      return (await assertWebhookUrl(url, this.config.WEBHOOK_ALLOW_LOOPBACK)).toString();
    } catch (err) {
      if (err instanceof WebhookAddressError) throw badInput(err.message, { field: 'webhookUrl' });
      throw err;
    }
  }
}
