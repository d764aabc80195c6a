import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RemotePolicy, Vacancy, VacancyType } from '../vacancies/vacancy.model.js';

export enum AlertFrequency {
  INSTANT = 'INSTANT',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
}
registerEnumType(AlertFrequency, {
  name: 'AlertFrequency',
  description: 'How often alert emails go out; in-app, feed and webhook are always instant.',
  valuesMap: {
    INSTANT: { description: "Each email as matches come, grouped over the vacancies schedule's interval (a minute by default)." },
    DAILY: { description: 'At most one email a day, with the matches since the last one.' },
    WEEKLY: { description: 'At most one email a week, with the matches since the last one.' },
  },
});

export enum WebhookState {
  NONE = 'NONE',
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}
registerEnumType(WebhookState, {
  name: 'WebhookState',
  description: "Whether an alert's webhook still receives its matches.",
  valuesMap: {
    NONE: { description: 'No webhook. Not returned today: an alert without one has `webhook: null`.' },
    ACTIVE: { description: 'Each new match is POSTed to the webhook address.' },
    DISABLED: { description: 'Turned off after repeated failed deliveries (5 in a row by default); set the URL again to turn it back on.' },
  },
});

@ObjectType({ description: "Where an alert POSTs each new match as signed JSON, and whether that still works." })
export class AlertWebhook {
  @Field({ description: 'The HTTPS address each match is POSTed to, as checked and normalised when you set it.' })
  url: string;

  @Field({ description: 'Signs each delivery: header X-Careers-Signature is "t=<unix seconds>,v1=<hex HMAC-SHA256 of `<t>.<body>`>".' })
  secret: string;

  @Field(() => WebhookState, { description: 'ACTIVE, or DISABLED once deliveries kept failing.' })
  state: WebhookState;

  @Field(() => Int, { description: 'Deliveries in a row that failed every attempt.' })
  failures: number;

  @Field(() => Date, { nullable: true, description: 'When it was turned off after failing deliveries; null while ACTIVE.' })
  disabledAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the receiver last accepted a delivery (a 2xx answer); null before the first.' })
  lastDeliveredAt: Date | null;

  @Field(() => String, { nullable: true, description: "Why the latest delivery's last attempt failed (such as \"HTTP 500\"); null when it was accepted, or before any delivery." })
  lastError: string | null;
}

@ObjectType({ description: 'A saved search: vacancies published that match it reach you on its channels.' })
export class AlertSubscription {
  @Field(() => ID, { description: 'Stable id of this alert; use it in `alertSubscription(id:)` and the alert mutations.' })
  id: string;

  @Field({ description: 'Your name for it, 1 to 100 characters; its emails and feeds show it.' })
  name: string;

  @Field(() => [String], { description: 'Any of these (a phrase matches as a phrase); none: every vacancy that passes the filters.' })
  keywords: string[];

  @Field(() => String, { nullable: true, description: 'Only vacancies in this sector (case and accents aside); null: any sector.' })
  sector: string | null;

  @Field(() => String, { nullable: true, description: "Only vacancies with this town or city in their location; null: anywhere." })
  location: string | null;

  @Field(() => [RemotePolicy], { description: 'Only vacancies with one of these remote policies; empty: any.' })
  remote: RemotePolicy[];

  @Field(() => [VacancyType], { description: 'Only vacancies of one of these types; empty: any.' })
  types: VacancyType[];

  @Field(() => Int, { nullable: true, description: 'Only vacancies that may pay at least this (their top of range) in salaryCurrency; null: any pay, stated or not.' })
  salaryMin: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code of salaryMin, such as GBP; null when salaryMin is.' })
  salaryCurrency: string | null;

  @Field(() => AlertFrequency, { description: 'How often its matches are emailed.' })
  frequency: AlertFrequency;

  @Field({ description: 'Whether each match also arrives as an in-app notification (kind "vacancy-alert").' })
  inApp: boolean;

  @Field({ description: 'Whether matches are emailed: at most 10 vacancies an email, 2 from one employer, the rest counted with a link.' })
  email: boolean;

  @Field(() => AlertWebhook, { nullable: true, description: 'Where matches are POSTed; null when no webhook address is set.' })
  webhook: AlertWebhook | null;

  @Field({ description: 'Atom feed of its matches; the URL is the secret, regenerate it if it leaks.' })
  atomUrl: string;

  @Field({ description: 'The same feed as RSS 2.0; regenerating the feed address changes it too.' })
  rssUrl: string;

  @Field({ description: 'True while paused: vacancies published meanwhile never match it, and its unsent emails are dropped.' })
  paused: boolean;

  @Field({ description: 'When it was saved; alerts are listed newest first. A vacancy that matches several of yours reaches you through the oldest.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a vacancy last matched it (and reached you through it); null before the first match.' })
  lastMatchedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its matches were last emailed; null before the first email.' })
  lastEmailedAt: Date | null;
}

export interface AlertSubscriptionRow {
  id: string;
  user_id: string;
  name: string;
  keywords: string[];
  sector: string | null;
  location: string | null;
  remote: RemotePolicy[];
  types: VacancyType[];
  salary_min: number | null;
  salary_currency: string | null;
  frequency: AlertFrequency;
  in_app: boolean;
  email: boolean;
  feed_token: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  webhook_failures: number;
  webhook_disabled_at: Date | null;
  paused: boolean;
  created_at: Date;
  last_emailed_at: Date | null;
  last_matched_at: Date | null;
  webhook_delivered_at: Date | null;
  webhook_last_error: string | null;
}

export const SUBSCRIPTION_COLUMNS = `s.id, s.user_id, s.name, s.keywords, s.sector, s.location, s.remote::text[] AS remote, s.types::text[] AS types,
  s.salary_min, s.salary_currency, s.frequency, s.in_app, s.email, s.feed_token, s.webhook_url, s.webhook_secret, s.webhook_failures,
  s.webhook_disabled_at, s.paused, s.created_at, s.last_emailed_at,
  (SELECT max(m.matched_at) FROM alert_match m WHERE m.subscription_id = s.id) AS last_matched_at,
  (SELECT max(d.delivered_at) FROM alert_webhook_delivery d WHERE d.subscription_id = s.id) AS webhook_delivered_at,
  (SELECT d.last_error FROM alert_webhook_delivery d WHERE d.subscription_id = s.id
   ORDER BY d.created_at DESC, d.id DESC LIMIT 1) AS webhook_last_error`;

export function toSubscription(r: AlertSubscriptionRow, publicUrl: string): AlertSubscription {
  return Object.assign(new AlertSubscription(), {
    id: r.id,
    name: r.name,
    keywords: r.keywords,
    sector: r.sector,
    location: r.location,
    remote: r.remote,
    types: r.types,
    salaryMin: r.salary_min,
    salaryCurrency: r.salary_currency,
    frequency: r.frequency,
    inApp: r.in_app,
    email: r.email,
    webhook: r.webhook_url
      ? {
          url: r.webhook_url,
          secret: r.webhook_secret!,
          state: r.webhook_disabled_at ? WebhookState.DISABLED : WebhookState.ACTIVE,
          failures: r.webhook_failures,
          disabledAt: r.webhook_disabled_at,
          lastDeliveredAt: r.webhook_delivered_at,
          lastError: r.webhook_last_error,
        }
      : null,
    atomUrl: `${publicUrl}/alerts/feeds/${r.feed_token}.atom`,
    rssUrl: `${publicUrl}/alerts/feeds/${r.feed_token}.rss`,
    paused: r.paused,
    createdAt: r.created_at,
    lastMatchedAt: r.last_matched_at,
    lastEmailedAt: r.last_emailed_at,
  });
}

@ObjectType({ description: 'A vacancy that matched one of your alerts, while your institution still approves it.' })
export class AlertMatch {
  @Field(() => Vacancy, { description: 'The vacancy, as your institution approved it.' })
  vacancy: Vacancy;

  @Field(() => ID, { description: 'The alert it reached you through (your oldest that matched it).' })
  alertId: string;

  @Field({ description: 'That alert\'s name.' })
  alertName: string;

  @Field({ description: 'Why it matched, such as "keyword: data; location: Leeds".' })
  why: string;

  @Field({ description: 'When it matched: the list is newest first.' })
  matchedAt: Date;
}
