import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Badge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { Confirm } from '../../components/Dialog.js';
import { Checkbox, CheckboxGroup, NumberField, Switch, TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { TagField, tagValues } from '../../components/TagField.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import type { MentorFieldsFragment as Mentor, MentorOffer } from '../../gql/graphql.js';
import { toFormError } from '../../lib/errors.js';
import { OFFER_NAMES, OFFERS, placesText, studiedText } from '../mentors/mentor.js';
import styles from '../pages.module.css';

const MyMentoring = graphql(`
  query MyMentoring {
    me {
      id
      profile { course graduationYear }
    }
    myMentorProfile { ...MentorFields }
  }
`);

const BecomeMentor = graphql(`
  mutation BecomeMentor($input: BecomeMentorInput!) {
    becomeMentor(input: $input) { ...MentorFields }
  }
`);

const UpdateMentorProfile = graphql(`
  mutation UpdateMentorProfile($input: UpdateMentorProfileInput!) {
    updateMentorProfile(input: $input) { ...MentorFields }
  }
`);

const StopMentoring = graphql(`
  mutation StopMentoring {
    stopMentoring { ...MentorFields }
  }
`);

/** The api's limits (docs/mentoring.md): entry lengths; the counts are the api's to refuse, beside the field. */
const LENGTH = { tag: 60, organisation: 100, language: 40, topic: 100, about: 2000 };

/** The alumnus' own mentor profile: become a mentor, edit, pause or resume, stop; links to requests and introductions. */
export default function MentoringPage() {
  const { data, loading, error, refetch } = useQuery(MyMentoring);
  const mine = data?.myMentorProfile ?? null;
  const active = mine && !mine.optedOut;
  return (
    <>
      <PageHeader title="Mentoring" actions={active && <Link href={`/mentors/${mine.id}`}>See your mentor page</Link>}>
        {data && (
          <p className={styles['row']}>
            {!mine || mine.optedOut ? (
              <Badge>Not mentoring</Badge>
            ) : mine.acceptingRequests ? (
              <Badge tone="success">Taking requests</Badge>
            ) : (
              <Badge tone="warning">Paused</Badge>
            )}
            {active && <span>{placesText(mine.placesFree, mine.capacity)}</span>}
          </p>
        )}
      </PageHeader>
      <ListState loading={loading} error={error} empty={!data} emptyText="" onRetry={() => refetch()}>
        {data && (
          <div className={styles['stack']}>
            {active && <Availability mentor={mine} />}
            {!active && (
              <p>
                {mine?.optedOut
                  ? 'You stopped mentoring: students no longer find you. Your profile is kept; start again when you like.'
                  : 'Offer students of your university your time: answer a question, have a conversation, look at a CV, or mentor someone for longer. Students find you in the mentor directory and in their suggestions.'}
              </p>
            )}
            {mine && (
              <Card title="Requests and introductions">
                <ul>
                  <li>
                    <Link href="/mentoring/requests">Requests</Link>: students who asked you for mentoring, and your mentorships.
                  </li>
                  <li>
                    <Link href="/mentoring/introductions">Introductions</Link>: students who asked to be introduced to you.
                  </li>
                </ul>
              </Card>
            )}
            <Card title="Your studies">
              <p>
                {studiedText(data.me.profile?.course, data.me.profile?.graduationYear) ?? 'Your profile gives no course or graduation year.'}{' '}
                <Link href="/profile">Change them on your profile</Link>
              </p>
              <p className={styles['muted']}>Students see the course and graduation year of your profile with your mentor profile.</p>
            </Card>
            <MentorForm key={mine ? `${mine.id}:${mine.optedOut}` : 'new'} mentor={mine} onSaved={() => refetch()} />
            {active && <StopSection />}
          </div>
        )}
      </ListState>
    </>
  );
}

/** "Taking requests now": pausing leaves the directory and suggestions, and keeps the mentorships. */
function Availability({ mentor }: { mentor: Mentor }) {
  const [update, { loading }] = useMutation(UpdateMentorProfile);
  const toast = useToast();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Card title="Availability">
      <Switch
        isSelected={mentor.acceptingRequests}
        isDisabled={loading}
        onChange={(accepting) => void (async () => {
          setProblem(null);
          try {
            await update({ variables: { input: { acceptingRequests: accepting } } });
            toast(accepting ? 'You take requests again.' : 'Paused: students do not find you until you take requests again.');
          } catch (e) {
            setProblem(toFormError(e).message);
          }
        })()}
      >
        Taking requests now
      </Switch>
      <p className={styles['muted']}>
        {mentor.acceptingRequests
          ? 'Students find you in the directory and in their suggestions.'
          : 'Paused: you are out of the directory and suggestions. Mentorships you have now go on.'}
      </p>
      <p role="alert">{problem}</p>
    </Card>
  );
}

function StopSection() {
  const [stop] = useMutation(StopMentoring, { refetchQueries: [MyMentoring], awaitRefetchQueries: true });
  const toast = useToast();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Card title="Stop mentoring">
      <p>You leave the directory and suggestions. Mentorships you have now go on until you or your mentee end them.</p>
      <Confirm
        label="Stop mentoring"
        title="Stop mentoring?"
        message="Students will no longer find you or be able to ask you. Your mentorships go on, and you can start again at any time."
        onConfirm={async () => {
          setProblem(null);
          try {
            await stop();
            toast('You stopped mentoring.');
          } catch (e) {
            setProblem(toFormError(e).message);
          }
        }}
      />
      <p role="alert">{problem}</p>
    </Card>
  );
}

function MentorForm({ mentor, onSaved }: { mentor: Mentor | null; onSaved: () => unknown }) {
  const [become] = useMutation(BecomeMentor);
  const [update] = useMutation(UpdateMentorProfile);
  const toast = useToast();
  const starting = !mentor || mentor.optedOut;
  return (
    <Form
      aria-label="Your mentor profile"
      submitLabel={starting ? (mentor ? 'Start mentoring again' : 'Start mentoring') : 'Save changes'}
      onSubmit={async (values) => {
        const capacity = values.get('capacity');
        const input = {
          offers: values.getAll('offers').map(String) as MentorOffer[],
          capacity: capacity === null || capacity === '' ? undefined : Number(capacity),
          sectors: tagValues(values, 'sectors'),
          skills: tagValues(values, 'skills'),
          organisations: tagValues(values, 'organisations'),
          languages: tagValues(values, 'languages'),
          topics: tagValues(values, 'topics'),
          about: String(values.get('about') ?? '').trim() || null,
        };
        if (starting) await become({ variables: { input } });
        else await update({ variables: { input } });
        toast(starting ? 'You are a mentor: students of your university can find you now.' : 'Mentor profile saved.');
        await onSaved();
      }}
    >
      <CheckboxGroup label="What you offer" name="offers" isRequired defaultValue={mentor?.offers ?? []} description="At least one.">
        {OFFERS.map((offer) => (
          <Checkbox key={offer} value={offer}>
            {OFFER_NAMES[offer]}
          </Checkbox>
        ))}
      </CheckboxGroup>
      {/* No minValue/maxValue: react-aria would silently clamp a figure out of range; the api says why instead. */}
      <NumberField
        label="Places"
        name="capacity"
        isRequired
        defaultValue={mentor?.capacity ?? 3}
        formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
        description="The most students you mentor at once, 1 to 50."
      />
      <TagField label="Sectors" name="sectors" maxLength={LENGTH.tag} defaultValue={mentor?.sectors} description="Sectors you work or worked in, up to 20. Press Enter or type a comma after each." />
      <TagField label="Skills" name="skills" maxLength={LENGTH.tag} defaultValue={mentor?.skills} description="Skills you can help with, up to 20." />
      <TagField label="Organisations" name="organisations" maxLength={LENGTH.organisation} defaultValue={mentor?.organisations} description="Where you work or worked, up to 20." />
      <TagField label="Languages" name="languages" maxLength={LENGTH.language} defaultValue={mentor?.languages} description="Languages you can mentor in, up to 10." />
      <TagField label="Topics" name="topics" maxLength={LENGTH.topic} defaultValue={mentor?.topics} description="Topics you will talk about, up to 20." />
      <TextArea label="About you" name="about" rows={5} maxLength={LENGTH.about} defaultValue={mentor?.about ?? ''} description="What you would like students to know, up to 2,000 characters." />
    </Form>
  );
}
