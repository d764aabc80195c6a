import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@careers/contracts';
import { APP_CONFIG, type AppConfig, badInput, type ConnectionArgs, type ConnectionShape, conflict, decodeCursor, encodeCursor, forbidden, notFound, pageSize, toConnection } from '@careers/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateAlertSubscriptionInput, UpdateAlertSubscriptionInput } from './alert-subscription.inputs.js';
import { toVacancy } from '../vacancies/vacancy.repository.js';
import { AlertMatchRepository } from './alert-match.repository.js';
import { AlertFrequency, AlertMatch, type AlertSubscription, type AlertSubscriptionRow, toSubscription } from './alert-subscription.model.js';
import { AlertSubscriptionRepository, type SubscriptionFields } from './alert-subscription.repository.js';
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
    private readonly subscriptions: AlertSubscriptionRepository,
    private readonly matches: AlertMatchRepository,
  ) {}

  async create(caller: Principal, input: CreateAlertSubscriptionInput): Promise<AlertSubscription> {
    if (!caller.institutionId) throw forbidden('Alerts are for members of an institution.');
    const name = input.name?.trim();
    if (!name) throw badInput('Give the alert a name, such as "Data internships in Leeds".', { field: 'name' });
    const filter = input.filter ?? {};
    const webhookUrl = input.webhookUrl ? await this.checkWebhook(input.webhookUrl) : null;
    return this.db.transaction(async (tx) => {
      // One person's creations are serialised, so two at once cannot pass the limit together.
      await this.subscriptions.lockOwner(tx, caller.id);
      const n = await this.subscriptions.countOf(tx, caller.id);
      if (n >= MAX_SUBSCRIPTIONS) throw conflict(`You have ${MAX_SUBSCRIPTIONS} alerts, the most one person can keep: delete one first.`);
      const keywords = await this.normalise(tx, input.keywords ?? []);
      const row = await this.subscriptions.insert(tx, {
        userId: caller.id,
        institutionId: caller.institutionId!,
        name,
        keywords: keywords.terms,
        keywordQueries: keywords.queries,
        keywordLexemes: keywords.lexemes,
        sector: filter.sector ?? null,
        location: filter.location ?? null,
        remote: filter.remote ?? [],
        types: filter.types ?? [],
        salaryMin: filter.salaryMin ?? null,
        salaryCurrency: filter.salaryMin != null ? filter.salaryCurrency! : null,
        frequency: input.frequency ?? AlertFrequency.INSTANT,
        inApp: input.inApp ?? true,
        email: input.email ?? true,
        feedToken: secret(),
        webhookUrl,
        webhookSecret: webhookUrl ? secret() : null,
      });
      return toSubscription(row, this.config.PUBLIC_URL);
    });
  }

  async update(caller: Principal, input: UpdateAlertSubscriptionInput): Promise<AlertSubscription> {
    if (input.name !== undefined && !input.name.trim()) throw badInput('Give the alert a name, such as "Data internships in Leeds".', { field: 'name' });
    const webhookUrl = input.webhookUrl ? await this.checkWebhook(input.webhookUrl) : input.webhookUrl;
    return this.db.transaction(async (tx) => {
      const current = await this.own(tx, caller, input.id, true);
      const filter = input.filter ?? null;
      const keywords = input.keywords ? await this.normalise(tx, input.keywords) : null;
      const fields: Partial<SubscriptionFields> = {};
      if (input.name !== undefined) fields.name = input.name.trim();
      if (keywords) Object.assign(fields, { keywords: keywords.terms, keywordQueries: keywords.queries, keywordLexemes: keywords.lexemes });
      if (filter) {
        Object.assign(fields, {
          sector: filter.sector ?? null,
          location: filter.location ?? null,
          remote: filter.remote ?? [],
          types: filter.types ?? [],
          salaryMin: filter.salaryMin ?? null,
          salaryCurrency: filter.salaryMin != null ? filter.salaryCurrency : null,
        });
      }
      if (input.frequency !== undefined) fields.frequency = input.frequency;
      if (input.inApp !== undefined) fields.inApp = input.inApp;
      if (input.email !== undefined) fields.email = input.email;
      if (input.paused !== undefined) fields.paused = input.paused;
      if (webhookUrl !== undefined) {
        // Setting a URL (even the same one) turns a disabled webhook back on; a new URL gets a new secret.
        fields.webhookUrl = webhookUrl;
        fields.webhookSecret = webhookUrl === null ? null : webhookUrl === current.webhook_url ? current.webhook_secret : secret();
      }
      const row = await this.subscriptions.update(tx, current.id, fields, { resetWebhookFailures: webhookUrl !== undefined });
      return toSubscription(row, this.config.PUBLIC_URL);
    });
  }

  async delete(caller: Principal, id: string): Promise<boolean> {
    if (!(await this.subscriptions.delete(this.db.manager, id, caller.id))) throw notFound('The alert');
    return true;
  }

  async regenerateFeed(caller: Principal, id: string): Promise<AlertSubscription> {
    const row = await this.subscriptions.setFeedToken(this.db.manager, id, caller.id, secret());
    if (!row) throw notFound('The alert');
    return toSubscription(row, this.config.PUBLIC_URL);
  }

  async get(caller: Principal, id: string): Promise<AlertSubscription> {
    return toSubscription(await this.own(this.db.manager, caller, id, false), this.config.PUBLIC_URL);
  }

  async list(caller: Principal, args: ConnectionArgs): Promise<ConnectionShape<AlertSubscription>> {
    const first = pageSize(args);
    const after = args.after ? decodeCursor(args.after) : undefined;
    const rows = await this.subscriptions.ofOwner(this.db.manager, caller.id, { after, first });
    return toConnection(
      rows.map((r) => toSubscription(r, this.config.PUBLIC_URL)),
      first,
      (s) => encodeCursor(s.createdAt.toISOString(), s.id),
    );
  }

  /** The caller's own matches that their institution approves now, newest first (the student home's new vacancies). */
  async matchesOf(caller: Principal, args: ConnectionArgs & { alertId?: string }): Promise<ConnectionShape<AlertMatch>> {
    const first = pageSize(args);
    // One alert's matches (its page, where an email's "more matches for this alert" links): only an alert of the caller's.
    if (args.alertId) await this.own(this.db.manager, caller, args.alertId, false);
    if (!caller.institutionId) return toConnection([], first, () => '');
    const after = args.after ? decodeCursor(args.after) : undefined;
    const rows = await this.matches.ofPerson(this.db.manager, caller.id, caller.institutionId, { after, first, subscriptionId: args.alertId });
    return toConnection(
      rows.map((r) =>
        Object.assign(new AlertMatch(), { vacancy: toVacancy(r), alertId: r.subscription_id, alertName: r.subscription_name, why: r.reasons, matchedAt: r.matched_at }),
      ),
      first,
      (x) => encodeCursor(x.matchedAt.toISOString(), x.vacancy.id),
    );
  }

  /** Turns a subscription's emails off (the one-click unsubscribe of its emails). */
  async stopEmails(userId: string, subscriptionId: string): Promise<boolean> {
    return this.subscriptions.stopEmails(this.db.manager, subscriptionId, userId);
  }

  private async own(tx: EntityManager, caller: Principal, id: string, lock: boolean): Promise<AlertSubscriptionRow> {
    const row = await this.subscriptions.own(tx, id, caller.id, lock);
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
    const rows = await this.subscriptions.keywordQueries(tx, terms);
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
