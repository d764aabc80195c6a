import { useQuery } from '@apollo/client/react';
import { Card } from '../../components/Card.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { graphql } from '../../gql/index.js';
import styles from '../pages.module.css';

const HomeSuggestions = graphql(`
  query HomeMentorSuggestions {
    mentorSuggestions(first: 3) { reasons mentor { id displayName course graduationYear } }
  }
`);

const HomeMyQuestions = graphql(`
  query HomeMyQuestions {
    questions(first: 3, filter: { mine: true }) {
      edges { node { id title answerCount hasAcceptedAnswer } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Student home, first: mentors suggested for them, each with the strongest reason, and where to find the rest. */
export function StudentMentorsSection() {
  const { data, loading, error, refetch } = useQuery(HomeSuggestions);
  const suggestions = data?.mentorSuggestions ?? [];
  return (
    <Card title="Mentors for you">
      <ListState
        loading={loading}
        error={error}
        empty={suggestions.length === 0}
        emptyText="Add your sectors, skills and interests to your profile, and we suggest alumni who match."
        onRetry={() => refetch()}
      >
        <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Mentors for you">
          {suggestions.map((s) => (
            <li key={s.mentor.id}>
              <Link href={`/mentors/${s.mentor.id}`}>{s.mentor.displayName}</Link>
              <br />
              <span className={styles['muted']}>{s.reasons[0]}</span>
            </li>
          ))}
        </ul>
      </ListState>
      <p>
        <Link href="/mentors">Find a mentor</Link> · <Link href="/profile">Edit your profile</Link>
      </p>
    </Card>
  );
}

/** Student home: their latest questions to alumni, with how many answers each has. */
export function StudentQuestionsSection() {
  const { data, loading, error, refetch } = useQuery(HomeMyQuestions);
  const questions = data?.questions.edges.slice(0, 3).map((e) => e.node) ?? [];
  return (
    <Card title="Your questions">
      <ListState loading={loading} error={error} empty={questions.length === 0} emptyText="Ask alumni anything about their work and how they got there." onRetry={() => refetch()}>
        <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Your questions">
          {questions.map((q) => (
            <li key={q.id}>
              <Link href={`/questions/${q.id}`}>{q.title}</Link>
              <br />
              <span className={styles['muted']}>
                {q.answerCount === 0 ? 'No answers yet' : `${q.answerCount} answer${q.answerCount === 1 ? '' : 's'}`}
                {q.hasAcceptedAnswer && ' · answered'}
              </span>
            </li>
          ))}
        </ul>
      </ListState>
      <p>
        <Link href="/questions/ask">Ask a question</Link> · <Link href="/questions">All questions</Link>
      </p>
    </Card>
  );
}
