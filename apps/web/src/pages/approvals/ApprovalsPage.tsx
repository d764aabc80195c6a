import { useMutation } from '@apollo/client/react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { Tabs } from '../../components/Tabs.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';
import { type Decidable, DecisionItem } from './DecisionItem.js';

export const PendingOrganisations = graphql(`
  query PendingOrganisations($first: Int, $after: String) {
    organisationApprovals(first: $first, after: $after, status: PENDING) {
      edges { node { id createdAt status organisation { id name website description } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const PendingVacancies = graphql(`
  query PendingVacancies($first: Int, $after: String) {
    vacancyApprovals(first: $first, after: $after, decision: PENDING) {
      edges { node { id title employerName location createdAt status } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const PendingLiveChats = graphql(`
  query PendingLiveChats($first: Int, $after: String) {
    liveChatsAwaitingApproval(first: $first, after: $after, status: PENDING) {
      edges { node { eventId createdAt status event { id title organisationName startsAt } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const DecideOrganisation = graphql(`
  mutation DecideOrganisation($input: DecideOrganisationInput!) {
    decideOrganisation(input: $input) { id status reason decidedAt }
  }
`);
const DecideVacancy = graphql(`
  mutation DecideVacancy($input: DecideVacancyInput!) {
    decideVacancy(input: $input) { id status }
  }
`);
const DecideLiveChat = graphql(`
  mutation DecideLiveChat($input: DecideLiveChatInput!) {
    decideLiveChat(input: $input) { eventId status reason }
  }
`);

const TABS = ['organisations', 'vacancies', 'live-chats'] as const;
type Tab = (typeof TABS)[number];

/** Careers staff: everything awaiting their institution's decision, one tab per kind; `#<id>` focuses an item. */
export default function ApprovalsPage() {
  const { tab = 'organisations' } = useParams();
  const navigate = useNavigate();
  if (!(TABS as readonly string[]).includes(tab)) return <NotFoundPage />;
  return (
    <>
      <PageHeader title="Approvals">
        <p className={styles['muted']}>What employers asked your institution to approve for its students.</p>
      </PageHeader>
      <Tabs
        aria-label="What awaits a decision"
        selectedKey={tab}
        onSelectionChange={(key) => void navigate(`/approvals/${String(key)}`)}
        items={[
          { id: 'organisations', label: 'Employers', content: tab === 'organisations' && <Organisations /> },
          { id: 'vacancies', label: 'Vacancies', content: tab === 'vacancies' && <Vacancies /> },
          { id: 'live-chats', label: 'Live chats', content: tab === 'live-chats' && <LiveChats /> },
        ]}
      />
    </>
  );
}

function useFocusedId() {
  return decodeURIComponent(useLocation().hash.slice(1));
}

function DecisionList({ label, list, items, decide, emptyText }: {
  label: Tab;
  list: { loading: boolean; error?: unknown; hasMore: boolean; loadMore: () => unknown; loadingMore: boolean; refetch: () => unknown };
  items: Decidable[];
  decide: (id: string, approve: boolean, reason?: string) => Promise<unknown>;
  emptyText: string;
}) {
  const focused = useFocusedId();
  const toast = useToast();
  return (
    <ListState loading={list.loading} error={list.error} empty={items.length === 0} emptyText={emptyText} onRetry={() => list.refetch()}>
      <ul className={styles['list']} aria-label={`Pending ${label}`}>
        {items.map((item) => (
          <DecisionItem
            key={item.id}
            item={item}
            focused={focused === item.id}
            decide={async (approve, reason) => {
              await decide(item.id, approve, reason);
              toast(`${item.title}: ${approve ? 'approved' : 'rejected'}.`);
            }}
          />
        ))}
      </ul>
      <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
    </ListState>
  );
}

function Organisations() {
  const list = usePagedQuery(PendingOrganisations, { variables: { first: 20 }, select: (d) => d.organisationApprovals });
  const [decide] = useMutation(DecideOrganisation, { refetchQueries: [PendingOrganisations] });
  const items = list.nodes.map((n) => ({ id: n.organisation.id, title: n.organisation.name, detail: [n.organisation.website, n.organisation.description].filter(Boolean).join(' · '), askedAt: n.createdAt, status: n.status }));
  return <DecisionList label="organisations" list={list} items={items} emptyText="No employer awaits your decision." decide={(organisationId, approve, reason) => decide({ variables: { input: { organisationId, approve, reason } } })} />;
}

function Vacancies() {
  const list = usePagedQuery(PendingVacancies, { variables: { first: 20 }, select: (d) => d.vacancyApprovals });
  const [decide] = useMutation(DecideVacancy, { refetchQueries: [PendingVacancies] });
  const items = list.nodes.map((n) => ({ id: n.id, title: n.title, detail: `${n.employerName} · ${n.location}`, askedAt: n.createdAt, status: 'PENDING' }));
  return <DecisionList label="vacancies" list={list} items={items} emptyText="No vacancy awaits your decision." decide={(vacancyId, approve, reason) => decide({ variables: { input: { vacancyId, approve, reason } } })} />;
}

function LiveChats() {
  const list = usePagedQuery(PendingLiveChats, { variables: { first: 20 }, select: (d) => d.liveChatsAwaitingApproval });
  const [decide] = useMutation(DecideLiveChat, { refetchQueries: [PendingLiveChats] });
  const items = list.nodes.map((n) => ({ id: n.eventId, title: n.event.title, detail: n.event.organisationName, askedAt: n.createdAt, status: n.status }));
  return <DecisionList label="live-chats" list={list} items={items} emptyText="No live chat awaits your decision." decide={(eventId, approve, reason) => decide({ variables: { input: { eventId, approve, reason } } })} />;
}
