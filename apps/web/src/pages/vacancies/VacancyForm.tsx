import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Button } from '../../components/Button.js';
import { Checkbox, CheckboxGroup, NumberField, Select, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { graphql } from '../../gql/index.js';
import type { RemotePolicy, VacancyType } from '../../gql/graphql.js';
import { useSession } from '../../lib/session-context.js';
import styles from '../pages.module.css';
import own from './VacancyForm.module.css';
import { endOfDay, localDate } from './dates.js';
import { REMOTE_NAMES, TYPE_NAMES } from './labels.js';

/** What the editor shows of a vacancy it edits. */
export const VacancyEditFields = graphql(`
  fragment VacancyEditFields on Vacancy {
    id title description employerName location remote type sector status
    applyUrl applyEmail closesAt expiresAt viewerCanEdit
    salary { currency min max }
    targets { institutionId institutionName decision reason }
  }
`);

/** Whom a poster may target: an employer, the institutions that approved its organisation; staff, any. */
const VacancyTargetChoices = graphql(`
  query VacancyTargetChoices($staff: Boolean!) {
    me {
      id
      organisation @skip(if: $staff) { id approvals { id status institution { id name } } }
    }
    institutions(first: 100) @include(if: $staff) { edges { node { id name } } }
  }
`);

export interface VacancyValues {
  id: string;
  title: string;
  description: string;
  employerName: string;
  location: string;
  remote: RemotePolicy;
  type: VacancyType;
  sector: string;
  applyUrl?: string | null;
  applyEmail?: string | null;
  closesAt: string;
  expiresAt: string;
  salary?: { currency: string; min?: number | null; max?: number | null } | null;
  targets: ReadonlyArray<{ institutionId: string }>;
}

/** The fields as the api's input names them, from the form; dates as ISO instants (the end of the day chosen). */
export interface VacancyInput {
  title: string;
  description: string;
  employerName?: string;
  sector: string;
  location: string;
  remote: RemotePolicy;
  type: VacancyType;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  applyUrl: string | null;
  applyEmail: string | null;
  closesAt: string;
  /** The date as typed (yyyy-mm-dd), to tell whether it changed. */
  closesOn: string;
  expiresAt: string | null;
  expiresOn: string;
  targetInstitutionIds: string[];
}

const TYPES = Object.keys(TYPE_NAMES) as VacancyType[];
const REMOTES = Object.keys(REMOTE_NAMES) as RemotePolicy[];

const inFuture = (label: string) => (value: string) => (value && value < localDate(new Date()) ? `Give a ${label} today or later.` : null);

function readInput(values: FormData, staff: boolean): VacancyInput {
  const text = (key: string) => String(values.get(key) ?? '').trim();
  const number = (key: string) => (text(key) === '' ? null : Number(text(key)));
  const salaryMin = number('salaryMin');
  const salaryMax = number('salaryMax');
  const closesOn = text('closesAt');
  const expiresOn = text('expiresAt');
  return {
    title: text('title'),
    description: String(values.get('description') ?? ''),
    ...(staff ? { employerName: text('employerName') } : {}),
    sector: text('sector'),
    location: text('location'),
    remote: text('remote') as RemotePolicy,
    type: text('type') as VacancyType,
    salaryMin,
    salaryMax,
    salaryCurrency: salaryMin != null || salaryMax != null ? text('salaryCurrency').toUpperCase() || null : null,
    applyUrl: text('applyUrl') || null,
    applyEmail: text('applyEmail') || null,
    closesAt: endOfDay(closesOn),
    closesOn,
    expiresAt: expiresOn ? endOfDay(expiresOn) : null,
    expiresOn,
    targetInstitutionIds: values.getAll('targetInstitutionIds').map(String),
  };
}

/**
 * The vacancy editor: every field of postVacancy's input (staff also name the employer), validated before sending;
 * the api's BAD_USER_INPUT shows beside its field. `intent` is the submit button pressed: the main one, or
 * `secondary` ("Save draft" on a new vacancy).
 */
export function VacancyForm({
  vacancy,
  submitLabel,
  secondaryLabel,
  onSubmit,
  children,
}: {
  vacancy?: VacancyValues;
  submitLabel: string;
  secondaryLabel?: string;
  onSubmit: (input: VacancyInput, intent: 'main' | 'secondary') => Promise<unknown>;
  children?: ReactNode;
}) {
  const { role, user } = useSession();
  const staff = role === 'STAFF' || role === 'ADMIN';
  const choices = useQuery(VacancyTargetChoices, { variables: { staff } });
  const institutions = staff
    ? (choices.data?.institutions?.edges.map((e) => e.node) ?? [])
    : (choices.data?.me.organisation?.approvals.filter((a) => a.status === 'APPROVED').map((a) => a.institution) ?? []);
  // A new vacancy goes to every institution it may (staff: their own); an edit keeps its targets.
  const chosen = vacancy ? vacancy.targets.map((t) => t.institutionId) : staff ? [user?.institution?.id ?? ''] : institutions.map((i) => i.id);
  const s = vacancy?.salary;
  const organisation = choices.data?.me.organisation;
  if (!staff && organisation && institutions.length === 0) {
    return (
      <p role="status">
        No institution has approved your organisation yet, so there is nobody to post to.{' '}
        <Link href={`/organisations/${organisation.id}`}>See your organisation’s approvals</Link>.
      </p>
    );
  }
  return (
    <Form
      aria-label="Vacancy"
      submitLabel={submitLabel}
      onSubmit={(values) => onSubmit(readInput(values, staff), values.get('intent') === 'secondary' ? 'secondary' : 'main')}
      actions={
        secondaryLabel && (
          <Button type="submit" variant="secondary" name="intent" value="secondary">
            {secondaryLabel}
          </Button>
        )
      }
    >
      {children}
      <TextField label="Job title" name="title" isRequired minLength={3} maxLength={200} defaultValue={vacancy?.title} />
      {staff && (
        <TextField
          label="Employer"
          name="employerName"
          description="The employer as students should see it."
          isRequired
          minLength={2}
          maxLength={200}
          defaultValue={vacancy?.employerName}
          isDisabled={Boolean(vacancy)}
        />
      )}
      <TextArea
        label="Description"
        name="description"
        description="Markdown: **bold**, lists with -, links as [text](https://…). 20 to 20,000 characters."
        isRequired
        minLength={20}
        maxLength={20_000}
        rows={10}
        defaultValue={vacancy?.description}
      />
      <div className={styles['grid']}>
        <TextField label="Location" name="location" description="Town or city first, such as “Leeds, West Yorkshire”." isRequired minLength={2} maxLength={200} defaultValue={vacancy?.location} />
        <TextField label="Sector" name="sector" description="Such as Finance, or Data and analytics." isRequired minLength={2} maxLength={100} defaultValue={vacancy?.sector} />
        <Select label="Type" name="type" isRequired options={TYPES.map((t) => ({ id: t, label: TYPE_NAMES[t] }))} defaultSelectedKey={vacancy?.type} />
        <Select label="Where the work is" name="remote" isRequired options={REMOTES.map((r) => ({ id: r, label: REMOTE_NAMES[r] }))} defaultSelectedKey={vacancy?.remote} />
      </div>
      <fieldset className={own['group']}>
        <legend>Pay (optional)</legend>
        <div className={styles['grid']}>
          <NumberField label="From" name="salaryMin" minValue={0} maxValue={10_000_000} defaultValue={s?.min ?? undefined} />
          <NumberField label="To" name="salaryMax" minValue={0} maxValue={10_000_000} defaultValue={s?.max ?? undefined} />
          <TextField label="Currency" name="salaryCurrency" description="ISO code, such as GBP" minLength={3} maxLength={3} pattern="[A-Za-z]{3}" defaultValue={s?.currency ?? 'GBP'} />
        </div>
      </fieldset>
      <fieldset className={own['group']}>
        <legend>How to apply (one or both)</legend>
        <div className={styles['grid']}>
          <TextField label="Apply on the web" name="applyUrl" type="url" description="https://…" maxLength={1000} defaultValue={vacancy?.applyUrl ?? ''} />
          <TextField label="Apply by email" name="applyEmail" type="email" maxLength={320} defaultValue={vacancy?.applyEmail ?? ''} />
        </div>
      </fieldset>
      <div className={styles['grid']}>
        <TextField label="Closing date" name="closesAt" type="date" isRequired validate={inFuture('closing date')} defaultValue={vacancy ? localDate(vacancy.closesAt) : undefined} />
        <TextField
          label="Leaves the network on"
          name="expiresAt"
          type="date"
          description="Optional: 30 days after closing unless you say."
          validate={inFuture('date')}
          defaultValue={vacancy ? localDate(vacancy.expiresAt) : undefined}
        />
      </div>
      {choices.data && (
        <CheckboxGroup
          key={chosen.join()}
          label="Institutions whose students should see it"
          description={staff ? 'Your own institution publishes it at once; the careers staff of any other decide.' : 'Their careers staff approve it for their students.'}
          name="targetInstitutionIds"
          isRequired
          defaultValue={chosen}
        >
          {institutions.map((i) => (
            <Checkbox key={i.id} value={i.id}>
              {i.name}
            </Checkbox>
          ))}
        </CheckboxGroup>
      )}
    </Form>
  );
}
