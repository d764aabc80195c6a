import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { Select, TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import type { MentorOffer } from '../../gql/graphql.js';
import { errorCode } from '../../lib/errors.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';
import { OFFER_LABELS } from './mentorshipText.js';
import { MyMentorships } from './queries.js';

const MentorToAsk = graphql(`
  query MentorToAsk($id: ID!) {
    mentor(id: $id) { id displayName course graduationYear offers placesFree capacity acceptingRequests }
  }
`);

const RequestMentorship = graphql(`
  mutation RequestMentorship($input: RequestMentorshipInput!) {
    requestMentorship(input: $input) { id status }
  }
`);

/** `/mentors/:id/request` (students): ask a mentor for what they offer, with a message; then the request's page. */
export default function RequestMentorshipPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const { data, loading, error, refetch } = useQuery(MentorToAsk, { variables: { id } });
  const [request] = useMutation(RequestMentorship, { refetchQueries: [MyMentorships] });
  if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') return <NotFoundPage />;
  const mentor = data?.mentor;
  const open = mentor && mentor.acceptingRequests && mentor.placesFree > 0;
  return (
    <ListState loading={loading} error={error} empty={!mentor} emptyText="" onRetry={() => refetch()}>
      {mentor && (
        <>
          <PageHeader title={`Ask ${mentor.displayName} for mentoring`}>
            <p className={`${styles['row']} ${styles['muted']}`}>
              {mentor.course && <span>{mentor.graduationYear ? `${mentor.course}, ${mentor.graduationYear}` : mentor.course}</span>}
              <span>
                {mentor.placesFree} of {mentor.capacity} places free
              </span>
              {!mentor.acceptingRequests && <Badge tone="warning">Not taking requests now</Badge>}
            </p>
          </PageHeader>
          <div className={`${styles['narrow']} ${styles['stack']}`}>
            <Card title="They offer">
              <ul aria-label="What they offer">
                {mentor.offers.map((o) => (
                  <li key={o}>{OFFER_LABELS[o]}</li>
                ))}
              </ul>
            </Card>
            {open ? (
              <Form
                submitLabel="Send request"
                aria-label="Request mentoring"
                onSubmit={async (values) => {
                  const result = await request({
                    variables: { input: { mentorId: mentor.id, asksFor: String(values.get('asksFor')) as MentorOffer, message: String(values.get('message') ?? '').trim() } },
                  });
                  const created = result.data?.requestMentorship.id;
                  toast(`Request sent to ${mentor.displayName}`);
                  if (created) await navigate(`/mentorships/${created}`);
                }}
              >
                <Select
                  label="What you ask for"
                  name="asksFor"
                  isRequired
                  defaultSelectedKey={mentor.offers[0]}
                  options={mentor.offers.map((o) => ({ id: o, label: OFFER_LABELS[o] }))}
                />
                <TextArea
                  label="Your message"
                  name="message"
                  isRequired
                  maxLength={2000}
                  rows={6}
                  description="Who you are, what you would like from them and why them. Up to 2,000 characters. They accept or decline; a request they do not answer in time expires (its page says when)."
                />
              </Form>
            ) : (
              <p role="note">{mentor.displayName} is not taking requests at the moment: try again later, or ask another mentor.</p>
            )}
            <p>
              <Link href="/mentorships">Your mentorships</Link>
            </p>
          </div>
        </>
      )}
    </ListState>
  );
}
