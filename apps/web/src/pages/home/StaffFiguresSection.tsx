import { useQuery } from '@apollo/client/react';
import { Card } from '../../components/Card.js';
import { Link } from '../../components/Link.js';
import { graphql } from '../../gql/index.js';

const FiguresSummary = graphql(`
  query FiguresSummary {
    vacancyApprovals(first: 10, decision: APPROVED) { edges { node { id alertFigures { matched } } } }
    liveChatsAwaitingApproval(first: 10, status: APPROVED) { edges { node { eventId event { id turnout { registered attended } } } } }
  }
`);

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Staff home: what the latest vacancies' alerts and live chats came to, with a link to the figures page. */
export function StaffFiguresSection() {
  const { data, error } = useQuery(FiguresSummary, { fetchPolicy: 'cache-and-network' });
  const vacancies = data?.vacancyApprovals.edges.map((e) => e.node) ?? [];
  const chats = data?.liveChatsAwaitingApproval.edges.map((e) => e.node.event) ?? [];
  return (
    <Card title="Figures">
      {error ? (
        <p role="alert">{error.message} Open <Link href="/staff/figures">Figures</Link> to try again.</p>
      ) : !data ? (
        <p role="status">Loading…</p>
      ) : (
        <>
          <ul>
            <li>
              Alerts on your last {vacancies.length} {vacancies.length === 1 ? 'vacancy' : 'vacancies'} matched {sum(vacancies.map((v) => v.alertFigures.matched))} people
            </li>
            <li>
              Your last {chats.length} live {chats.length === 1 ? 'chat' : 'chats'}: {sum(chats.map((c) => c.turnout.registered))} registered, {sum(chats.map((c) => c.turnout.attended))} came
            </li>
          </ul>
          <p>
            <Link href="/staff/figures">All figures, with charts</Link>
          </p>
        </>
      )}
    </Card>
  );
}
