import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Select, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { graphql } from '../../gql/index.js';
import type { MentorFieldsFragment as Mentor, MentorFilter, MentorOffer } from '../../gql/graphql.js';
import { useSession } from '../../lib/session-context.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';
import { OFFER_NAMES, OFFERS, placesText, studiedText, takesRequests } from './mentor.js';
import own from './Mentors.module.css';

const MentorSuggestions = graphql(`
  query MentorSuggestions($first: Int) {
    mentorSuggestions(first: $first) {
      score
      reasons
      mentor { ...MentorFields }
    }
  }
`);

export const MentorDirectory = graphql(`
  query MentorDirectory($first: Int, $after: String, $filter: MentorFilter) {
    mentors(first: $first, after: $after, filter: $filter) {
      edges { node { ...MentorFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const TEXT_FILTERS = ['q', 'sector', 'skill', 'language'] as const;
const ANY = 'ANY';

/** The directory's filter the query string holds (`?q=&sector=&skill=&language=&offer=`). */
function filterFromParams(params: URLSearchParams): MentorFilter {
  const text = (k: string) => params.get(k)?.trim().slice(0, k === 'q' ? 200 : 60) || undefined;
  const offer = params.get('offer');
  return {
    search: text('q'),
    sector: text('sector'),
    skill: text('skill'),
    language: text('language')?.slice(0, 40),
    offer: OFFERS.includes(offer as MentorOffer) ? (offer as MentorOffer) : undefined,
  };
}

/** Mentors: a student's suggestions with their reasons, then the directory with filters kept in the address. */
export default function MentorsPage() {
  const { role } = useSession();
  return (
    <>
      <PageHeader title="Mentors">
        <p className={styles['muted']}>Alumni of your university who offer their time: a question, a conversation, CV feedback or a longer mentorship.</p>
      </PageHeader>
      <div className={styles['stack']}>
        {role === 'STUDENT' && <Suggestions />}
        <Directory />
      </div>
    </>
  );
}

function Suggestions() {
  const { data, loading, error, refetch } = useQuery(MentorSuggestions, { variables: { first: 6 } });
  const suggestions = data?.mentorSuggestions ?? [];
  return (
    <section aria-labelledby="suggested">
      <h2 id="suggested">Suggested for you</h2>
      <ListState
        loading={loading}
        error={error}
        empty={suggestions.length === 0}
        emptyText="No suggestions yet: suggestions come from the sectors, skills, interests and course on your profile."
        onRetry={() => refetch()}
      >
        <ul className={`${styles['list']} ${own['cards']}`} aria-label="Suggested mentors">
          {suggestions.map((s) => (
            <MentorCard key={s.mentor.id} mentor={s.mentor} reasons={s.reasons} />
          ))}
        </ul>
      </ListState>
      {!loading && suggestions.length === 0 && (
        <p>
          <Link href="/profile">Add to your profile</Link>
        </p>
      )}
    </section>
  );
}

function Directory() {
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const list = usePagedQuery(MentorDirectory, { variables: { first: 20, filter }, select: (d) => d.mentors });
  const filtered = Object.values(filter).some(Boolean);
  const fieldFiltered = Boolean(filter.sector || filter.skill || filter.language || filter.offer);

  const search = async (values: FormData) => {
    const next = new URLSearchParams();
    for (const key of TEXT_FILTERS) {
      const v = String(values.get(key) ?? '').trim();
      if (v) next.set(key, v);
    }
    const offer = String(values.get('offer') ?? '');
    if (OFFERS.includes(offer as MentorOffer)) next.set('offer', offer);
    setParams(next);
  };

  return (
    <section aria-labelledby="directory">
      <h2 id="directory">All mentors</h2>
      <Form key={params.toString()} submitLabel="Search" onSubmit={search} aria-label="Search mentors">
        <TextField label="Search" name="q" type="search" maxLength={200} defaultValue={params.get('q') ?? ''} description="Names, sectors, skills, organisations, topics; parts of words match too." />
        <details className={own['filters']} open={fieldFiltered}>
          <summary>Filter by sector, skill, language or offer</summary>
          <div className={styles['grid']}>
            <TextField label="Sector" name="sector" maxLength={60} defaultValue={params.get('sector') ?? ''} />
            <TextField label="Skill" name="skill" maxLength={60} defaultValue={params.get('skill') ?? ''} />
            <TextField label="Language" name="language" maxLength={40} defaultValue={params.get('language') ?? ''} />
            <Select
              label="Offers"
              name="offer"
              defaultSelectedKey={filter.offer ?? ANY}
              options={[{ id: ANY, label: 'Anything' }, ...OFFERS.map((o) => ({ id: o, label: OFFER_NAMES[o] }))]}
            />
          </div>
        </details>
      </Form>
      {filtered && (
        <p>
          <Link href="/mentors">Clear the filters</Link>
        </p>
      )}
      <ListState
        loading={list.loading}
        error={list.error}
        empty={list.nodes.length === 0}
        emptyText={filtered ? 'No mentors match this search. Try fewer filters or other words.' : 'No mentors yet at your university.'}
        onRetry={() => list.refetch()}
      >
        <ul className={`${styles['list']} ${own['cards']} ${styles['results']}`} aria-label="Mentors">
          {list.nodes.map((m) => (
            <MentorCard key={m.id} mentor={m} />
          ))}
        </ul>
        <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
      </ListState>
    </section>
  );
}

/** One mentor in a list: name (their page), studies, sectors, offers, places free, and a suggestion's reasons. */
function MentorCard({ mentor, reasons }: { mentor: Mentor; reasons?: ReadonlyArray<string> }) {
  const { role } = useSession();
  const studied = studiedText(mentor.course, mentor.graduationYear);
  return (
    <li className={own['card']}>
      <h3 className={own['name']}>
        <Link href={`/mentors/${mentor.id}`}>{mentor.displayName}</Link>
      </h3>
      {studied && <p className={styles['muted']}>Studied {studied}</p>}
      {mentor.sectors.length > 0 && (
        <ul className={`${styles['list']} ${own['badges']}`} aria-label={`${mentor.displayName}'s sectors`}>
          {mentor.sectors.map((s) => (
            <li key={s}>
              <Badge>{s}</Badge>
            </li>
          ))}
        </ul>
      )}
      <p>Offers: {mentor.offers.map((o) => OFFER_NAMES[o]).join(', ')}</p>
      <p>{placesText(mentor.placesFree, mentor.capacity)}</p>
      {reasons && reasons.length > 0 && (
        <>
          <h4 className={own['why']}>Why we suggest them</h4>
          <ul aria-label={`Why ${mentor.displayName}`} className={own['reasons']}>
            {reasons.map((r) => (
              <li key={r}>{r.charAt(0).toUpperCase() + r.slice(1)}</li>
            ))}
          </ul>
        </>
      )}
      {role === 'STUDENT' && takesRequests(mentor) && (
        <p className={own['actions']}>
          <Link href={`/mentors/${mentor.id}/request`} aria-label={`Request mentoring from ${mentor.displayName}`}>
            Request mentoring
          </Link>
        </p>
      )}
    </li>
  );
}
