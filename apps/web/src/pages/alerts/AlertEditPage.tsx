import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Confirm } from '../../components/Dialog.js';
import { Checkbox, NumberField, Select, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import type { AlertFrequency, RemotePolicy, VacancyFilter, VacancyType } from '../../gql/graphql.js';
import { errorCode, toFormError } from '../../lib/errors.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';
import { REMOTE_NAMES, TYPE_NAMES } from '../vacancies/labels.js';
import { REMOTES, TYPES, searchFromParams } from '../vacancies/search.js';
import own from './Alerts.module.css';
import { FREQUENCY_NAMES, keywordsFromQuery, parseKeywords } from './alertText.js';
import { MatchList } from './MatchList.js';

export const AlertFields = graphql(`
  fragment AlertFields on AlertSubscription {
    id name keywords location sector types remote salaryMin salaryCurrency
    frequency inApp email paused lastMatchedAt lastEmailedAt atomUrl rssUrl
    webhook { url state failures disabledAt lastDeliveredAt lastError secret }
  }
`);

const AlertDetail = graphql(`
  query AlertDetail($id: ID!) {
    alertSubscription(id: $id) { ...AlertFields }
  }
`);

const CreateAlert = graphql(`
  mutation CreateAlert($input: CreateAlertSubscriptionInput!) {
    createAlertSubscription(input: $input) { ...AlertFields }
  }
`);

const UpdateAlert = graphql(`
  mutation UpdateAlert($input: UpdateAlertSubscriptionInput!) {
    updateAlertSubscription(input: $input) { ...AlertFields }
  }
`);

const RegenerateAlertFeed = graphql(`
  mutation RegenerateAlertFeed($id: ID!) {
    regenerateAlertFeedUrl(id: $id) { id atomUrl rssUrl }
  }
`);

interface Alert {
  id: string;
  name: string;
  keywords: readonly string[];
  location?: string | null;
  sector?: string | null;
  types: readonly VacancyType[];
  remote: readonly RemotePolicy[];
  salaryMin?: number | null;
  salaryCurrency?: string | null;
  frequency: AlertFrequency;
  inApp: boolean;
  email: boolean;
  webhook?: { url: string; state: string } | null;
}

const FREQUENCIES = (Object.keys(FREQUENCY_NAMES) as AlertFrequency[]).map((id) => ({ id, label: FREQUENCY_NAMES[id] }));

/** A new alert's values from the vacancy search's query string (`/alerts/new?q=…&location=…`). */
function fromSearch(params: URLSearchParams): Omit<Alert, 'id'> {
  const { query, filter } = searchFromParams(params);
  const keywords = keywordsFromQuery(query);
  const where = filter.location ? ` in ${filter.location}` : '';
  return {
    name: (keywords.length ? `${keywords.join(', ')}${where}` : filter.location || filter.sector ? `Vacancies${where}${filter.sector ? ` (${filter.sector})` : ''}` : '').slice(0, 100),
    keywords,
    location: filter.location,
    sector: filter.sector,
    types: filter.types ?? [],
    remote: filter.remote ?? [],
    salaryMin: filter.salaryMin,
    salaryCurrency: filter.salaryCurrency,
    frequency: 'INSTANT',
    inApp: true,
    email: true,
  };
}

/** The form's values as the api's input (the channels and the search; the webhook as the caller left it). */
function toInput(values: FormData, frequency: AlertFrequency) {
  const text = (k: string) => String(values.get(k) ?? '').trim();
  const salaryMin = text('filter.salaryMin') ? Number(text('filter.salaryMin').replace(/[^\d]/g, '')) : undefined;
  const filter: VacancyFilter = {
    location: text('filter.location') || undefined,
    sector: text('filter.sector') || undefined,
    types: values.getAll('filter.types').map(String) as VacancyType[],
    remote: values.getAll('filter.remote').map(String) as RemotePolicy[],
    ...(salaryMin != null ? { salaryMin, salaryCurrency: (text('filter.salaryCurrency') || 'GBP').toUpperCase() } : {}),
  };
  return {
    name: text('name'),
    keywords: parseKeywords(text('keywords')),
    filter,
    frequency,
    inApp: values.get('inApp') === 'on',
    email: values.get('email') === 'on',
    webhookUrl: text('webhookUrl') || null,
  };
}

/** `/alerts/new` (prefilled from a vacancy search's query string) and `/alerts/:id`: the search, the channels, the feed and webhook. */
export default function AlertEditPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const detail = useQuery(AlertDetail, { variables: { id: id ?? '' }, skip: !id });
  const [create] = useMutation(CreateAlert, { refetchQueries: ['MyAlerts'] });
  const [update] = useMutation(UpdateAlert);
  const alert = detail.data?.alertSubscription;
  const [frequency, setFrequency] = useState<AlertFrequency | null>(null);

  if (id && (errorCode(detail.error) === 'NOT_FOUND' || errorCode(detail.error) === 'BAD_USER_INPUT')) return <NotFoundPage />;
  if (id && !alert) {
    return (
      <ListState loading={detail.loading} error={detail.error} empty emptyText="" onRetry={() => detail.refetch()}>
        {null}
      </ListState>
    );
  }
  const initial: Omit<Alert, 'id'> = alert ?? fromSearch(params);
  const chosenFrequency = frequency ?? initial.frequency;

  const save = async (values: FormData) => {
    const input = toInput(values, chosenFrequency);
    if (!alert) {
      const { webhookUrl, ...rest } = input;
      const r = await create({ variables: { input: { ...rest, ...(webhookUrl ? { webhookUrl } : {}) } } });
      toast('Alert saved');
      await navigate(`/alerts/${r.data!.createAlertSubscription.id}`);
      return;
    }
    // The webhook is sent only when it changes (a new address gets a new secret), or to turn a disabled one back on.
    const { webhookUrl, ...rest } = input;
    const webhookChanged = webhookUrl !== (alert.webhook?.url ?? null) || (webhookUrl !== null && alert.webhook?.state === 'DISABLED');
    await update({ variables: { input: { id: alert.id, ...rest, ...(webhookChanged ? { webhookUrl } : {}) } } });
    toast('Alert saved');
  };

  return (
    <>
      <PageHeader title={alert ? `Alert: ${alert.name}` : 'New alert'} actions={<Link href="/alerts">All alerts</Link>}>
        {alert?.paused && (
          <p>
            <Badge tone="warning">Paused</Badge> Vacancies published while it is paused never match it: resume it on <Link href="/alerts">your alerts</Link>.
          </p>
        )}
      </PageHeader>
      <div className={styles['stack']}>
        <Form key={alert?.id ?? params.toString()} submitLabel={alert ? 'Save changes' : 'Create the alert'} onSubmit={save} aria-label={alert ? 'Edit the alert' : 'New alert'}>
          <TextField label="Name" name="name" isRequired maxLength={100} defaultValue={initial.name} description="Your name for it; its emails and feed show it." />
          <fieldset className={own['fieldset']}>
            <legend>What it watches for</legend>
            <TextField
              label="Keywords"
              name="keywords"
              maxLength={1300}
              defaultValue={initial.keywords.join(', ')}
              description="Words or phrases, separated by commas (up to 20, each 2 to 60 characters): a vacancy matches if it has any of them. Leave empty for every vacancy the filters let through."
              validate={(v) => {
                const list = parseKeywords(v);
                if (list.length > 20) return 'At most 20 keywords.';
                const bad = list.find((k) => k.length < 2 || k.length > 60);
                return bad ? `Each keyword must be 2 to 60 characters: “${bad}”.` : null;
              }}
            />
            <div className={styles['grid']}>
              <TextField label="Town or city" name="filter.location" minLength={2} maxLength={100} defaultValue={initial.location ?? ''} />
              <TextField label="Sector" name="filter.sector" minLength={2} maxLength={100} defaultValue={initial.sector ?? ''} />
              <NumberField label="Pays at least" name="filter.salaryMin" minValue={0} maxValue={10_000_000} defaultValue={initial.salaryMin ?? undefined} />
              <TextField
                label="Currency"
                name="filter.salaryCurrency"
                description="ISO code, such as GBP"
                minLength={3}
                maxLength={3}
                pattern="[A-Za-z]{3}"
                defaultValue={initial.salaryCurrency ?? 'GBP'}
              />
            </div>
            <fieldset className={styles['row']}>
              <legend>Type</legend>
              {TYPES.map((t) => (
                <Checkbox key={t} name="filter.types" value={t} defaultSelected={initial.types.includes(t)}>
                  {TYPE_NAMES[t]}
                </Checkbox>
              ))}
            </fieldset>
            <fieldset className={styles['row']}>
              <legend>Where</legend>
              {REMOTES.map((r) => (
                <Checkbox key={r} name="filter.remote" value={r} defaultSelected={initial.remote.includes(r)}>
                  {REMOTE_NAMES[r]}
                </Checkbox>
              ))}
            </fieldset>
          </fieldset>
          <fieldset className={own['fieldset']}>
            <legend>How it reaches you</legend>
            <Checkbox name="inApp" value="on" defaultSelected={initial.inApp}>
              In the app (a notification)
            </Checkbox>
            <Checkbox name="email" value="on" defaultSelected={initial.email}>
              By email
            </Checkbox>
            <Select
              label="Email frequency"
              name="frequency"
              options={FREQUENCIES}
              selectedKey={chosenFrequency}
              onSelectionChange={(k) => setFrequency(k as AlertFrequency)}
              description="Each email holds at most 10 vacancies, 2 from one employer."
            />
            <TextField
              label="Webhook address"
              name="webhookUrl"
              type="url"
              maxLength={1000}
              pattern="https://.+"
              defaultValue={initial.webhook?.url ?? ''}
              description="Optional: an https:// address on the public internet that receives each match as a signed POST. Leave empty for none."
            />
            {!alert && <p className={styles['muted']}>Every alert also has a feed (Atom and RSS) for a feed reader: its address is shown once the alert is saved.</p>}
          </fieldset>
        </Form>
        {alert && <FeedCard id={alert.id} atomUrl={alert.atomUrl} rssUrl={alert.rssUrl} />}
        {alert?.webhook && <WebhookCard webhook={alert.webhook} />}
        {alert && (
          <section aria-labelledby="alert-matches">
            <h2 id="alert-matches">Matches of this alert</h2>
            <p className={styles['muted']}>
              Last match: {alert.lastMatchedAt ? <DateTime value={alert.lastMatchedAt} /> : 'none yet'}. Last email:{' '}
              {alert.lastEmailedAt ? <DateTime value={alert.lastEmailedAt} /> : 'none yet'}.
            </p>
            <MatchList alertId={alert.id} label="Vacancies that matched this alert" />
          </section>
        )}
      </div>
    </>
  );
}

function copy(text: string, toast: (m: string) => void) {
  void navigator.clipboard.writeText(text).then(
    () => toast('Copied'),
    () => toast('Copy failed: select the address and copy it'),
  );
}

function FeedCard({ id, atomUrl, rssUrl }: { id: string; atomUrl: string; rssUrl: string }) {
  const toast = useToast();
  const [regenerate] = useMutation(RegenerateAlertFeed);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card title="Feed">
      <p className={styles['muted']}>Follow this alert in a feed reader. Treat the address like a password: anyone with it sees the matches.</p>
      <p>
        Atom:{' '}
        <code className={own['url']} aria-label="Atom feed address">
          {atomUrl}
        </code>
      </p>
      <p>
        RSS:{' '}
        <code className={own['url']} aria-label="RSS feed address">
          {rssUrl}
        </code>
      </p>
      <div className={styles['row']}>
        <Button variant="secondary" onPress={() => copy(atomUrl, toast)}>
          Copy the Atom address
        </Button>
        <Button variant="secondary" onPress={() => copy(rssUrl, toast)}>
          Copy the RSS address
        </Button>
        <Confirm
          label="Make a new feed address"
          title="Make a new feed address?"
          message="The current addresses (Atom and RSS) stop working at once: feed readers that use them need the new one."
          confirmLabel="Make a new address"
          onConfirm={async () => {
            setError(null);
            try {
              await regenerate({ variables: { id } });
              toast('New feed address made');
            } catch (e) {
              setError(toFormError(e).message);
            }
          }}
        />
      </div>
      {error && (
        <p role="alert" className={own['error']}>
          {error}
        </p>
      )}
    </Card>
  );
}

function WebhookCard({
  webhook,
}: {
  webhook: { url: string; state: string; failures: number; disabledAt?: string | null; lastDeliveredAt?: string | null; lastError?: string | null; secret: string };
}) {
  const toast = useToast();
  const off = webhook.state === 'DISABLED';
  return (
    <Card title="Webhook">
      <dl className={own['dl']}>
        <dt>State</dt>
        <dd>
          <Badge tone={off ? 'danger' : 'success'}>{off ? 'Turned off' : 'Active'}</Badge>
          {off && webhook.disabledAt && (
            <>
              {' '}
              since <DateTime value={webhook.disabledAt} />
            </>
          )}
        </dd>
        <dt>Address</dt>
        <dd>{webhook.url}</dd>
        <dt>Last delivered</dt>
        <dd>{webhook.lastDeliveredAt ? <DateTime value={webhook.lastDeliveredAt} /> : 'not yet'}</dd>
        <dt>Last error</dt>
        <dd>{webhook.lastError ?? 'none'}</dd>
        <dt>Failed in a row</dt>
        <dd>{webhook.failures}</dd>
        <dt>Signing secret</dt>
        <dd>
          <code className={own['url']}>{webhook.secret}</code>
        </dd>
      </dl>
      {off && <p>Deliveries kept failing, so they stopped. Fix the receiver, then save the alert with the address to turn it back on.</p>}
      <p className={styles['muted']}>
        Each delivery carries <code>X-Careers-Signature: t=…,v1=…</code>, an HMAC-SHA256 of “t.body” with this secret.
      </p>
      <Button variant="secondary" onPress={() => copy(webhook.secret, toast)}>
        Copy the secret
      </Button>
    </Card>
  );
}
