import { useMutation, useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { Tabs } from '../../components/Tabs.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import { useSession } from '../../lib/session-context.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';
import { TagList } from './questionParts.js';

export const QuestionFeed = graphql(`
  query QuestionFeed($first: Int, $after: String, $filter: QuestionFilter) {
    questions(first: $first, after: $after, filter: $filter) {
      edges { node { id title tags visibility answerCount hasAcceptedAnswer createdAt author { id displayName } mentor { id displayName } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const PopularQuestionTags = graphql(`
  query PopularQuestionTags($first: Int) {
    questionTags(first: $first) { tag count }
  }
`);

const FollowedQuestionTags = graphql(`
  query FollowedQuestionTags {
    myFollowedQuestionTags
  }
`);

const FollowTag = graphql(`
  mutation FollowQuestionTag($tag: String!) {
    followQuestionTag(tag: $tag)
  }
`);

const UnfollowTag = graphql(`
  mutation UnfollowQuestionTag($tag: String!) {
    unfollowQuestionTag(tag: $tag)
  }
`);

type View = 'all' | 'unanswered' | 'mine';

/**
 * `/questions`: the questions you may see, newest first (by relevance with a search): all, unanswered, or (students)
 * your own; a tag filter (alumni and staff follow the tag from there) and a search box, kept in the address.
 */
export default function QuestionsPage() {
  const { role } = useSession();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'unanswered' ? 'unanswered' : params.get('view') === 'mine' && role === 'STUDENT' ? 'mine' : 'all';
  const tag = params.get('tag')?.trim() || undefined;
  const search = params.get('q')?.trim() || undefined;
  const follows = role === 'ALUMNUS' || role === 'STAFF';
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const list = <QuestionList view={view} tag={tag} search={search} />;
  const tabs = [
    { id: 'all', label: 'All', content: list },
    { id: 'unanswered', label: 'Unanswered', content: list },
    ...(role === 'STUDENT' ? [{ id: 'mine', label: 'My questions', content: list }] : []),
  ];
  return (
    <>
      <PageHeader
        title="Questions"
        actions={
          role === 'STUDENT' && (
            <Link href="/questions/ask">
              Ask a question
            </Link>
          )
        }
      >
        <p className={styles['muted']}>
          {role === 'STUDENT' ? 'Ask the alumni of your university, or one mentor privately. Alumni and careers staff answer.' : 'Students ask; alumni and careers staff answer.'}
        </p>
      </PageHeader>
      <div className={styles['stack']}>
        <Form
          key={params.toString()}
          submitLabel="Search"
          aria-label="Search questions"
          onSubmit={async (values) => set({ q: String(values.get('q') ?? '').trim() || undefined, tag: String(values.get('tag') ?? '').trim() || undefined })}
        >
          <div className={styles['grid']}>
            <TextField label="Words" name="q" type="search" maxLength={200} defaultValue={search ?? ''} description='Parts of words work too: "pharm" finds "pharmacy".' />
            <TextField label="Tag" name="tag" maxLength={40} defaultValue={tag ?? ''} />
          </div>
        </Form>
        {tag && (
          <p className={styles['row']}>
            <span>
              Tag: <Badge>{tag}</Badge>
            </span>
            <Button variant="quiet" onPress={() => set({ tag: undefined })}>
              Clear tag
            </Button>
            {follows && <FollowButton tag={tag} />}
          </p>
        )}
        <TagCloud onPick={(t) => set({ tag: t })} />
        {follows && <Followed />}
        <Tabs aria-label="Which questions" selectedKey={view} onSelectionChange={(k) => set({ view: k === 'all' ? undefined : String(k) })} items={tabs} />
      </div>
    </>
  );
}

function QuestionList({ view, tag, search }: { view: View; tag?: string; search?: string }) {
  const filter = { tag, search, unanswered: view === 'unanswered' || undefined, mine: view === 'mine' || undefined };
  const list = usePagedQuery(QuestionFeed, { variables: { first: 20, filter }, select: (d) => d.questions });
  const empty = view === 'mine' ? 'You have not asked a question yet.' : search || tag ? 'No question you can see matches.' : 'No questions yet.';
  return (
    <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText={empty} onRetry={() => list.refetch()}>
      <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Questions">
        {list.nodes.map((q) => (
          <Card as="li" key={q.id} title={<Link href={`/questions/${q.id}`}>{q.title}</Link>}>
            <TagList tags={q.tags} label={`Tags of ${q.title}`} />
            <p className={`${styles['row']} ${styles['muted']}`}>
              <span>{q.answerCount === 1 ? '1 answer' : `${q.answerCount} answers`}</span>
              {q.hasAcceptedAnswer && <Badge tone="success">Accepted answer</Badge>}
              {q.visibility === 'PRIVATE' && <Badge tone="warning">Private{q.mentor ? ` to ${q.mentor.displayName}` : ''}</Badge>}
              <span>Asked by {q.author.displayName}</span>
              <DateTime value={q.createdAt} />
            </p>
          </Card>
        ))}
      </ul>
      <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
    </ListState>
  );
}

function TagCloud({ onPick }: { onPick: (tag: string) => void }) {
  const tags = useQuery(PopularQuestionTags, { variables: { first: 12 } });
  const items = tags.data?.questionTags ?? [];
  if (items.length === 0) return null;
  return (
    <nav aria-label="Popular tags" className={styles['row']}>
      <span className={styles['muted']}>Popular tags:</span>
      {items.map((t) => (
        <Button key={t.tag} variant="quiet" onPress={() => onPick(t.tag)} aria-label={`Tag ${t.tag}, ${t.count} questions`}>
          {t.tag} ({t.count})
        </Button>
      ))}
    </nav>
  );
}

function Followed() {
  const followed = useQuery(FollowedQuestionTags);
  const tags = followed.data?.myFollowedQuestionTags ?? [];
  return (
    <p className={`${styles['row']} ${styles['muted']}`}>
      {tags.length === 0 ? (
        'You follow no tags: filter by a tag and follow it to hear of new questions in it.'
      ) : (
        <>
          <span>Tags you follow (you hear of new questions in them):</span>
          <TagList tags={tags} label="Tags you follow" />
        </>
      )}
    </p>
  );
}

function FollowButton({ tag }: { tag: string }) {
  const followed = useQuery(FollowedQuestionTags);
  const refetchQueries = [FollowedQuestionTags];
  const [follow, following] = useMutation(FollowTag, { refetchQueries });
  const [unfollow, unfollowing] = useMutation(UnfollowTag, { refetchQueries });
  const toast = useToast();
  const folded = tag.toLowerCase();
  const isFollowed = followed.data?.myFollowedQuestionTags.includes(folded) ?? false;
  return isFollowed ? (
    <Button variant="secondary" isPending={unfollowing.loading} onPress={() => void unfollow({ variables: { tag } }).then(() => toast(`You no longer follow ${tag}`))}>
      Unfollow tag
    </Button>
  ) : (
    <Button variant="secondary" isPending={following.loading} onPress={() => void follow({ variables: { tag } }).then(() => toast(`You follow ${tag}: you hear of new questions in it`))}>
      Follow tag
    </Button>
  );
}
