import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { DateTime } from '../../components/DateTime.js';
import { Select } from '../../components/fields.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { graphql } from '../../gql/index.js';
import { useSession } from '../../lib/session-context.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';
import { BarChart } from './BarChart.js';
import { MentoringFigures } from './MentoringFigures.js';

export const VacancyReach = graphql(`
  query VacancyReach($first: Int, $after: String, $institutionId: ID) {
    vacancyApprovals(first: $first, after: $after, decision: APPROVED, institutionId: $institutionId) {
      edges { node { id title employerName publishedAt alertFigures { matched inApp email feed webhook } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const LiveChatTurnouts = graphql(`
  query LiveChatTurnouts($first: Int, $after: String, $institutionId: ID) {
    liveChatsAwaitingApproval(first: $first, after: $after, status: APPROVED, institutionId: $institutionId) {
      edges { node { eventId event { id title startsAt capacity turnout { registered waitlisted cancelled attended } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const FigureInstitutions = graphql(`
  query FigureInstitutions {
    institutions(first: 100) { edges { node { id name } } }
  }
`);

/**
 * Careers staff: how their service is doing, for their own institution (admins choose one): the alert reach of
 * the vacancies it approved, and registrations and attendance of the live chats it approved, newest first.
 */
export default function FiguresPage() {
  const { role } = useSession();
  const [params, setParams] = useSearchParams();
  const isAdmin = role === 'ADMIN';
  const institutionId = isAdmin ? params.get('institution') || undefined : undefined;
  return (
    <>
      <PageHeader title="Figures">
        <p className={styles['muted']}>How far vacancy alerts reached, and who came to live chats: the most recent first.</p>
      </PageHeader>
      {isAdmin && <InstitutionChoice value={institutionId} onChange={(id) => setParams(id ? { institution: id } : {})} />}
      {(!isAdmin || institutionId) && (
        <>
          <VacancyFigures institutionId={institutionId} />
          <LiveChatFigures institutionId={institutionId} />
          <MentoringFigures institutionId={institutionId} />
        </>
      )}
    </>
  );
}

function InstitutionChoice({ value, onChange }: { value?: string; onChange: (id: string | undefined) => void }) {
  const { data, error } = useQuery(FigureInstitutions);
  if (error) return <p role="alert">{error.message}</p>;
  const options = data?.institutions.edges.map((e) => ({ id: e.node.id, label: e.node.name })) ?? [];
  return (
    <div className={styles['narrow']}>
      <Select
        label="Institution"
        description="Admins see the figures of one institution at a time."
        options={options}
        selectedKey={value ?? null}
        onSelectionChange={(key) => onChange(key == null ? undefined : String(key))}
        placeholder="Choose an institution"
      />
    </div>
  );
}

function VacancyFigures({ institutionId }: { institutionId?: string }) {
  const list = usePagedQuery(VacancyReach, { variables: { first: 10, institutionId }, select: (d) => d.vacancyApprovals });
  return (
    <section aria-labelledby="reach-heading" className={styles['results']}>
      <h2 id="reach-heading">Vacancy alert reach</h2>
      <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText="No vacancy is published for your students yet." onRetry={() => list.refetch()}>
        <BarChart
          id="reach"
          caption="People each vacancy's alerts reached, by channel: matched (each person once), then told in the app, by email, in a feed they read and by webhook."
          itemHeader="Vacancy"
          items={list.nodes}
          name={(v) => v.title}
          label={(v) => (
            <>
              {v.title} <span className={styles['muted']}>· {v.employerName}{v.publishedAt && <>, published <DateTime value={v.publishedAt} format="date" /></>}</span>
            </>
          )}
          series={[
            { label: 'Matched', value: (v) => v.alertFigures.matched },
            { label: 'In app', value: (v) => v.alertFigures.inApp },
            { label: 'Email', value: (v) => v.alertFigures.email },
            { label: 'Feed', value: (v) => v.alertFigures.feed },
            { label: 'Webhook', value: (v) => v.alertFigures.webhook },
          ]}
        />
        <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} label="Earlier vacancies" />
      </ListState>
    </section>
  );
}

function LiveChatFigures({ institutionId }: { institutionId?: string }) {
  const list = usePagedQuery(LiveChatTurnouts, { variables: { first: 10, institutionId }, select: (d) => d.liveChatsAwaitingApproval });
  const chats = list.nodes.map((n) => n.event);
  return (
    <section aria-labelledby="turnout-heading" className={styles['results']}>
      <h2 id="turnout-heading">Live chat registrations and attendance</h2>
      <ListState loading={list.loading} error={list.error} empty={chats.length === 0} emptyText="No live chat is approved for your students yet." onRetry={() => list.refetch()}>
        <BarChart
          id="turnout"
          caption="Per live chat: people with a place, those who entered the room, those still waiting and those who gave up their place."
          itemHeader="Live chat"
          items={chats}
          name={(c) => c.title}
          label={(c) => (
            <>
              {c.title} <span className={styles['muted']}>· <DateTime value={c.startsAt} />, {c.capacity} places</span>
            </>
          )}
          series={[
            { label: 'Registered', value: (c) => c.turnout.registered },
            { label: 'Attended', value: (c) => c.turnout.attended },
            { label: 'Waitlisted', value: (c) => c.turnout.waitlisted },
            { label: 'Cancelled', value: (c) => c.turnout.cancelled },
          ]}
        />
        <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} label="Earlier live chats" />
      </ListState>
    </section>
  );
}
