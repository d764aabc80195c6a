import { useQuery } from '@apollo/client/react';
import { Card } from '../../components/Card.js';
import { Link } from '../../components/Link.js';
import { graphql } from '../../gql/index.js';

const AwaitingCounts = graphql(`
  query AwaitingCounts {
    organisationApprovals(first: 100, status: PENDING) { edges { node { id } } pageInfo { hasNextPage } }
    vacancyApprovals(first: 100, decision: PENDING) { edges { node { id } } pageInfo { hasNextPage } }
    liveChatsAwaitingApproval(first: 100, status: PENDING) { edges { node { eventId } } pageInfo { hasNextPage } }
  }
`);

const count = (c?: { edges: readonly unknown[]; pageInfo: { hasNextPage: boolean } }) => (c ? `${c.edges.length}${c.pageInfo.hasNextPage ? '+' : ''}` : '…');

/** Staff home: how many employers, vacancies and live chats await the institution's decision, with links. */
export function StaffApprovalsSection() {
  const { data, error } = useQuery(AwaitingCounts, { fetchPolicy: 'cache-and-network' });
  return (
    <Card title="Awaiting your decision">
      {error ? (
        <p role="alert">{error.message} Open <Link href="/approvals">Approvals</Link> to try again.</p>
      ) : (
        <ul>
          <li>
            <Link href="/approvals/organisations">Employers: {count(data?.organisationApprovals)}</Link>
          </li>
          <li>
            <Link href="/approvals/vacancies">Vacancies: {count(data?.vacancyApprovals)}</Link>
          </li>
          <li>
            <Link href="/approvals/live-chats">Live chats: {count(data?.liveChatsAwaitingApproval)}</Link>
          </li>
        </ul>
      )}
    </Card>
  );
}
