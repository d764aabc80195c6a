import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { graphql } from '../../gql/index.js';
import { errorCode } from '../../lib/errors.js';
import { useSession } from '../../lib/session-context.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';
import { OFFER_NAMES, placesText, studiedText, takesRequests } from './mentor.js';
import own from './Mentors.module.css';

const MentorDetail = graphql(`
  query MentorDetail($id: ID!) {
    mentor(id: $id) { ...MentorFields }
  }
`);

/** One mentor: everything their profile says, whether they take requests, and "Request mentoring" for students. */
export default function MentorPage() {
  const { id = '' } = useParams();
  const { role, user } = useSession();
  const { data, loading, error, refetch } = useQuery(MentorDetail, { variables: { id } });
  if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') return <NotFoundPage />;
  const mentor = data?.mentor;
  return (
    <ListState loading={loading} error={error} empty={!mentor} emptyText="" onRetry={() => refetch()}>
      {mentor && (
        <>
          <PageHeader
            title={mentor.displayName}
            actions={
              role === 'STUDENT' && takesRequests(mentor) ? (
                <Link href={`/mentors/${mentor.id}/request`}>Request mentoring</Link>
              ) : user?.id === mentor.id ? (
                <Link href="/mentoring">Edit your mentor profile</Link>
              ) : undefined
            }
          >
            <p className={styles['row']}>
              <Badge>Mentor</Badge>
              {studiedText(mentor.course, mentor.graduationYear) && <span>Studied {studiedText(mentor.course, mentor.graduationYear)}</span>}
            </p>
            <p className={styles['row']}>
              {mentor.optedOut ? (
                <Badge tone="warning">Not mentoring now</Badge>
              ) : !mentor.acceptingRequests ? (
                <Badge tone="warning">Paused: not taking requests now</Badge>
              ) : (
                <Badge tone="success">Taking requests</Badge>
              )}
              <span>{placesText(mentor.placesFree, mentor.capacity)}</span>
            </p>
          </PageHeader>
          <div className={styles['stack']}>
            {mentor.about && (
              <Card title="About">
                {mentor.about.split(/\n{2,}/).map((para, i) => (
                  <p key={i}>{para}</p>
                ))}
              </Card>
            )}
            <Card title="What they offer">
              <ul>
                {mentor.offers.map((o) => (
                  <li key={o}>{OFFER_NAMES[o]}</li>
                ))}
              </ul>
            </Card>
            <div className={own['facts']}>
              {(
                [
                  ['Sectors', mentor.sectors],
                  ['Skills', mentor.skills],
                  ['Organisations', mentor.organisations],
                  ['Languages', mentor.languages],
                  ['Topics', mentor.topics],
                ] as const
              ).map(([title, list]) =>
                list.length ? (
                  <Card key={title} title={title}>
                    <ul className={`${styles['list']} ${own['badges']}`}>
                      {list.map((t) => (
                        <li key={t}>
                          <Badge>{t}</Badge>
                        </li>
                      ))}
                    </ul>
                  </Card>
                ) : null,
              )}
            </div>
            <p>
              <Link href="/mentors">All mentors</Link>
            </p>
          </div>
        </>
      )}
    </ListState>
  );
}
