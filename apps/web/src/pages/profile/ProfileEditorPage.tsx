import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from '../../components/Button.js';
import { NumberField, Select, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import type { ProfileFieldsFragment as Profile, ProfileVisibility } from '../../gql/graphql.js';
import styles from '../pages.module.css';

export const ProfileFields = graphql(`
  fragment ProfileFields on Profile {
    headline
    bio
    course
    graduationYear
    sectors
    skills
    interests
    links { label url }
    visibility
    updatedAt
  }
`);

const MyProfile = graphql(`
  query MyProfile {
    me {
      id
      displayName
      profile { ...ProfileFields }
    }
  }
`);

const UpdateProfile = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) { ...ProfileFields }
  }
`);

export const VISIBILITY: ReadonlyArray<{ id: ProfileVisibility; label: string }> = [
  { id: 'PUBLIC', label: 'Everyone signed in to the network' },
  { id: 'INSTITUTION', label: 'People and staff of my institution' },
  { id: 'PRIVATE', label: 'Only me (and my careers staff)' },
];

const MAX_LINKS = 10;
const tags = (value: FormDataEntryValue | null) =>
  String(value ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

export default function ProfileEditorPage() {
  const { data, loading, error, refetch } = useQuery(MyProfile);
  const profile = data?.me.profile;
  return (
    <>
      <PageHeader title="My profile" actions={data && <Link href={`/people/${data.me.id}`}>See it as others do</Link>} />
      <ListState loading={loading} error={error} empty={!data} emptyText="" onRetry={() => refetch()}>
        {data && <ProfileForm key={data.me.id} profile={profile ?? null} />}
      </ListState>
    </>
  );
}


function ProfileForm({ profile }: { profile: Profile | null }) {
  const [update] = useMutation(UpdateProfile, { refetchQueries: [MyProfile], awaitRefetchQueries: true });
  const toast = useToast();
  const [visibility, setVisibility] = useState<ProfileVisibility>(profile?.visibility ?? 'INSTITUTION');
  const [links, setLinks] = useState(() => (profile?.links ?? []).map((l, i) => ({ key: i, ...l })));
  const [nextKey, setNextKey] = useState(links.length);
  return (
    <Form
      submitLabel="Save profile"
      onSubmit={async (values) => {
        const year = values.get('graduationYear');
        await update({
          variables: {
            input: {
              headline: String(values.get('headline') ?? '') || null,
              bio: String(values.get('bio') ?? '') || null,
              course: String(values.get('course') ?? '') || null,
              graduationYear: year ? Number(year) : null,
              sectors: tags(values.get('sectors')),
              skills: tags(values.get('skills')),
              interests: tags(values.get('interests')),
              links: links.map((_, i) => ({ label: String(values.get(`links.${i}.label`)), url: String(values.get(`links.${i}.url`)) })),
              visibility,
            },
          },
        });
        toast('Profile saved.');
      }}
    >
      <Select label="Who may see it" name="visibility" options={VISIBILITY} selectedKey={visibility} onSelectionChange={(k) => setVisibility(k as ProfileVisibility)} />
      <TextField label="Headline" name="headline" defaultValue={profile?.headline ?? ''} maxLength={160} description="One line, up to 160 characters." />
      <TextArea label="About you" name="bio" defaultValue={profile?.bio ?? ''} maxLength={5000} rows={6} />
      <TextField label="Course or subject" name="course" defaultValue={profile?.course ?? ''} maxLength={200} />
      <NumberField label="Graduation year" name="graduationYear" defaultValue={profile?.graduationYear ?? undefined} minValue={1950} maxValue={2100} formatOptions={{ useGrouping: false }} />
      <TextField label="Sectors" name="sectors" defaultValue={profile?.sectors.join(', ')} maxLength={1300} description="Separated by commas, up to 20." />
      <TextField label="Skills" name="skills" defaultValue={profile?.skills.join(', ')} maxLength={3200} description="Separated by commas, up to 50." />
      <TextField label="Interests" name="interests" defaultValue={profile?.interests.join(', ')} maxLength={3200} description="Separated by commas, up to 50." />
      <fieldset className={styles['stack']}>
        <legend>Links</legend>
        {links.map((link, i) => (
          <div key={link.key} className={styles['row']}>
            <TextField label={`Link ${i + 1} text`} name={`links.${i}.label`} defaultValue={link.label} isRequired maxLength={50} />
            <TextField label={`Link ${i + 1} address`} name={`links.${i}.url`} type="url" defaultValue={link.url} isRequired maxLength={500} />
            <Button variant="quiet" onPress={() => setLinks((list) => list.filter((l) => l.key !== link.key))}>
              Remove link {i + 1}
            </Button>
          </div>
        ))}
        {links.length < MAX_LINKS && (
          <div>
            <Button
              variant="secondary"
              onPress={() => {
                setLinks((list) => [...list, { key: nextKey, label: '', url: '' }]);
                setNextKey((k) => k + 1);
              }}
            >
              Add a link
            </Button>
          </div>
        )}
      </fieldset>
    </Form>
  );
}
