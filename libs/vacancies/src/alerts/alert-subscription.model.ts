import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RemotePolicy, VacancyType } from '../vacancies/vacancy.model.js';

export enum AlertFrequency {
  /** Each email as matches come, grouped over the vacancies schedule's interval (a minute by default). */
  INSTANT = 'INSTANT',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
}
registerEnumType(AlertFrequency, { name: 'AlertFrequency', description: 'How often alert emails go out; in-app, feed and webhook are always instant.' });

export enum WebhookState {
  NONE = 'NONE',
  ACTIVE = 'ACTIVE',
  /** Turned off after repeated failures; set the URL again to turn it back on. */
  DISABLED = 'DISABLED',
}
registerEnumType(WebhookState, { name: 'WebhookState' });

@ObjectType()
export class AlertWebhook {
  @Field()
  url: string;

  @Field({ description: 'Signs each delivery: header X-Careers-Signature is "t=<unix seconds>,v1=<hex HMAC-SHA256 of `<t>.<body>`>".' })
  secret: string;

  @Field(() => WebhookState)
  state: WebhookState;

  @Field(() => Int, { description: 'Deliveries in a row that failed every attempt.' })
  failures: number;
}

@ObjectType({ description: 'A saved search: vacancies published that match it reach you on its channels.' })
export class AlertSubscription {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => [String], { description: 'Any of these (a phrase matches as a phrase); none: every vacancy that passes the filters.' })
  keywords: string[];

  @Field(() => String, { nullable: true })
  sector: string | null;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => [RemotePolicy])
  remote: RemotePolicy[];

  @Field(() => [VacancyType])
  types: VacancyType[];

  @Field(() => Int, { nullable: true })
  salaryMin: number | null;

  @Field(() => String, { nullable: true })
  salaryCurrency: string | null;

  @Field(() => AlertFrequency)
  frequency: AlertFrequency;

  @Field()
  inApp: boolean;

  @Field()
  email: boolean;

  @Field(() => AlertWebhook, { nullable: true })
  webhook: AlertWebhook | null;

  @Field({ description: 'Atom feed of its matches; the URL is the secret, regenerate it if it leaks.' })
  atomUrl: string;

  @Field()
  rssUrl: string;

  @Field()
  paused: boolean;

  @Field()
  createdAt: Date;
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
}

export const SUBSCRIPTION_COLUMNS = `s.id, s.user_id, s.name, s.keywords, s.sector, s.location, s.remote::text[] AS remote, s.types::text[] AS types,
  s.salary_min, s.salary_currency, s.frequency, s.in_app, s.email, s.feed_token, s.webhook_url, s.webhook_secret, s.webhook_failures,
  s.webhook_disabled_at, s.paused, s.created_at`;

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
        }
      : null,
    atomUrl: `${publicUrl}/alerts/feeds/${r.feed_token}.atom`,
    rssUrl: `${publicUrl}/alerts/feeds/${r.feed_token}.rss`,
    paused: r.paused,
    createdAt: r.created_at,
  });
}
