import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Card } from '../../components/Card.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { graphql } from '../../gql/index.js';
import { errorCode } from '../../lib/errors.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';

const Person = graphql(`
  query Person($id: ID!) {
    user(id: $id) {
      id
      displayName
      role
      institution { id name }
      organisation { id name }
      profile { ...ProfileFields }
    }
  }
`);

const ROLE_NAMES = { STUDENT: 'Student', ALUMNUS: 'Alumnus', EMPLOYER: 'Employer', STAFF: 'Careers staff', ADMIN: 'Administrator' } as const;

/** A person's profile, as far as its visibility lets the viewer see it. */
export default function PersonPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(Person, { variables: { id } });
  if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') return <NotFoundPage />;
  const person = data?.user;
  const profile = person?.profile;
  return (
    <ListState loading={loading} error={error} empty={!person} emptyText="" onRetry={() => refetch()}>
      {person && (
        <>
          <PageHeader title={person.displayName}>
            <p className={styles['row']}>
              <Badge>{ROLE_NAMES[person.role]}</Badge>
              {person.institution && <span>{person.institution.name}</span>}
              {person.organisation && <span>{person.organisation.name}</span>}
            </p>
            {profile?.headline && <p>{profile.headline}</p>}
          </PageHeader>
          {!profile ? (
            <p className={styles['muted']}>Their profile is not shown to you.</p>
          ) : (
            <div className={styles['stack']}>
              {profile.bio && (
                <Card title="About">
                  {profile.bio.split(/\n{2,}/).map((para, i) => (
                    <p key={i}>{para}</p>
                  ))}
                </Card>
              )}
              {(profile.course || profile.graduationYear) && (
                <Card title="Studies">
                  <p>
                    {profile.course}
                    {profile.course && profile.graduationYear ? ', ' : ''}
                    {profile.graduationYear && `graduating ${profile.graduationYear}`}
                  </p>
                </Card>
              )}
              {[
                ['Sectors', profile.sectors],
                ['Skills', profile.skills],
                ['Interests', profile.interests],
              ].map(([title, list]) =>
                (list as string[]).length ? (
                  <Card key={title as string} title={title as string}>
                    <ul className={`${styles['list']} ${styles['row']}`}>
                      {(list as string[]).map((t) => (
                        <li key={t}>
                          <Badge>{t}</Badge>
                        </li>
                      ))}
                    </ul>
                  </Card>
                ) : null,
              )}
              {profile.links.length > 0 && (
                <Card title="Links">
                  <ul>
                    {profile.links.map((l) => (
                      <li key={l.url}>
                        <a href={/^https?:\/\//i.test(l.url) ? l.url : undefined} rel="noopener noreferrer nofollow" target="_blank">
                          {l.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </Card>
              )}
            </div>
          )}
        </>
      )}
    </ListState>
  );
}
