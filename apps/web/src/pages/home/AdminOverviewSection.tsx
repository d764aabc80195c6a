import { useQuery } from '@apollo/client/react';
import { Card } from '../../components/Card.js';
import { Link } from '../../components/Link.js';
import { graphql } from '../../gql/index.js';

const AdminOverview = graphql(`
  query AdminOverview {
    institutions(first: 100) { edges { node { id } } pageInfo { hasNextPage } }
    users(first: 100) { edges { node { id } } pageInfo { hasNextPage } }
    queues { name failed }
  }
`);

const count = (c: { edges: readonly unknown[]; pageInfo: { hasNextPage: boolean } }) => `${c.edges.length}${c.pageInfo.hasNextPage ? '+' : ''}`;

/** Admin home: how many institutions and people there are, and how many jobs failed, each a link to its page. */
export function AdminOverviewSection() {
  const { data, error } = useQuery(AdminOverview, { fetchPolicy: 'cache-and-network' });
  const failed = data?.queues.reduce((n, q) => n + q.failed, 0) ?? 0;
  const worst = data?.queues.filter((q) => q.failed > 0).sort((a, b) => b.failed - a.failed)[0];
  return (
    <Card title="This installation">
      {error ? (
        <p role="alert">{error.message} Reload the page to try again.</p>
      ) : !data ? (
        <p role="status">Loading…</p>
      ) : (
        <ul>
          <li>
            <Link href="/admin/institutions">Institutions: {count(data.institutions)}</Link>
          </li>
          <li>
            <Link href="/admin/users">People: {count(data.users)}</Link>
          </li>
          <li>
            <Link href={worst ? `/staff/queues?queue=${encodeURIComponent(worst.name)}` : '/staff/queues'}>Failed jobs: {failed}</Link>
          </li>
        </ul>
      )}
    </Card>
  );
}
