import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Card } from '../../components/Card.js';
import { Checkbox, Select } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import type { EmailFrequency } from '../../gql/graphql.js';
import { toFormError } from '../../lib/errors.js';
import styles from '../pages.module.css';
import own from './PreferencesPage.module.css';
import { kindName } from './kinds.js';

const Preferences = graphql(`
  query NotificationPreferences {
    notificationPreferences { kind inApp email }
    notificationSettings { emailFrequency quietStart quietEnd timeZone }
  }
`);

const SetPreference = graphql(`
  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {
    setNotificationPreference(input: $input) { kind inApp email }
  }
`);

const UpdateSettings = graphql(`
  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {
    updateNotificationSettings(input: $input) { emailFrequency quietStart quietEnd timeZone }
  }
`);

const FREQUENCIES: ReadonlyArray<{ id: EmailFrequency; label: string }> = [
  { id: 'INSTANT', label: 'As it happens' },
  { id: 'DAILY', label: 'A daily digest' },
  { id: 'WEEKLY', label: 'A weekly digest' },
];

const NONE = 'none';
const pad = (n: number) => String(n).padStart(2, '0');
/** Quiet hours in half-hour steps, as minutes after local midnight. */
const SLOTS = [{ id: NONE, label: 'No quiet hours' }, ...Array.from({ length: 48 }, (_, i) => ({ id: String(i * 30), label: `${pad(Math.floor(i / 2))}:${pad((i % 2) * 30)}` }))];

function timeZones(current: string) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = zones.includes(current) ? zones : [current, ...zones];
  return all.map((z) => ({ id: z, label: z.replaceAll('_', ' ') }));
}

export default function PreferencesPage() {
  const { data, loading, error, refetch } = useQuery(Preferences);
  const [setPreference] = useMutation(SetPreference);
  const toast = useToast();
  return (
    <>
      <PageHeader title="Notification preferences" />
      <ListState loading={loading} error={error} empty={!data} emptyText="" onRetry={() => refetch()}>
        {data && (
          <div className={styles['stack']}>
            <Card title="What you hear about">
              <table className={own['table']}>
                <caption className="visually-hidden">Channels for each kind of notification</caption>
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">In the app</th>
                    <th scope="col">By email</th>
                  </tr>
                </thead>
                <tbody>
                  {data.notificationPreferences.map((p) => (
                    <tr key={p.kind}>
                      <th scope="row">{kindName(p.kind)}</th>
                      {(['inApp', 'email'] as const).map((channel) => (
                        <td key={channel}>
                          <Checkbox
                            isSelected={p[channel]}
                            aria-label={`${kindName(p.kind)}: ${channel === 'inApp' ? 'in the app' : 'by email'}`}
                            onChange={(on) =>
                              void setPreference({ variables: { input: { kind: p.kind, [channel]: on } } }).catch((e: unknown) => toast(toFormError(e).message, 'error'))
                            }
                          >
                            <span className="visually-hidden">{channel === 'inApp' ? 'In the app' : 'By email'}</span>
                          </Checkbox>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
            <Card title="Email timing">
              <SettingsForm settings={data.notificationSettings} />
            </Card>
          </div>
        )}
      </ListState>
    </>
  );
}

function SettingsForm({ settings }: { settings: { emailFrequency: EmailFrequency; quietStart?: number | null; quietEnd?: number | null; timeZone: string } }) {
  const [update] = useMutation(UpdateSettings);
  const toast = useToast();
  const [frequency, setFrequency] = useState(settings.emailFrequency);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [quietStart, setQuietStart] = useState(settings.quietStart == null ? NONE : String(settings.quietStart));
  const [quietEnd, setQuietEnd] = useState(settings.quietEnd == null ? NONE : String(settings.quietEnd));
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Form
      submitLabel="Save email timing"
      onSubmit={async () => {
        const quiet = quietStart === NONE || quietEnd === NONE ? { quietStart: null, quietEnd: null } : { quietStart: Number(quietStart), quietEnd: Number(quietEnd) };
        await update({ variables: { input: { emailFrequency: frequency, timeZone, ...quiet } } });
        toast('Email timing saved.');
      }}
    >
      <Select label="Email" name="emailFrequency" options={FREQUENCIES} selectedKey={frequency} onSelectionChange={(k) => setFrequency(k as EmailFrequency)} />
      <Select
        label="Time zone"
        name="timeZone"
        options={timeZones(timeZone)}
        selectedKey={timeZone}
        onSelectionChange={(k) => setTimeZone(String(k))}
        description={viewerZone !== timeZone ? `This device is on ${viewerZone}.` : undefined}
      />
      <div className={styles['row']}>
        <Select label="Quiet from" name="quietStart" options={SLOTS} selectedKey={quietStart} onSelectionChange={(k) => setQuietStart(String(k))} />
        <Select label="Quiet until" name="quietEnd" options={SLOTS} selectedKey={quietEnd} onSelectionChange={(k) => setQuietEnd(String(k))} />
      </div>
    </Form>
  );
}
