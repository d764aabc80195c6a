import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Select, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import type { QuestionVisibility } from '../../gql/graphql.js';
import styles from '../pages.module.css';
import { splitTags } from './questionParts.js';
import { QuestionFeed } from './QuestionsPage.js';

const AskQuestion = graphql(`
  mutation AskQuestion($input: AskQuestionInput!) {
    askQuestion(input: $input) { id }
  }
`);

const AskMentors = graphql(`
  query AskQuestionMentors {
    mentors(first: 100) { edges { node { id displayName sectors } } }
  }
`);

/**
 * `/questions/ask` (students): title, body, tags, and whether the alumni community sees it or one mentor of your
 * network privately. The api's messages show beside their fields; what was typed stays on an error.
 */
export default function AskQuestionPage() {
  const [visibility, setVisibility] = useState<QuestionVisibility>('COMMUNITY');
  const mentors = useQuery(AskMentors, { skip: visibility !== 'PRIVATE' });
  const [ask] = useMutation(AskQuestion, { refetchQueries: [QuestionFeed] });
  const navigate = useNavigate();
  const toast = useToast();
  const options = (mentors.data?.mentors.edges ?? []).map(({ node: m }) => ({ id: m.id, label: m.sectors.length ? `${m.displayName} (${m.sectors.join(', ')})` : m.displayName }));
  return (
    <div className={styles['narrow']}>
      <PageHeader title="Ask a question">
        <p className={styles['muted']}>
          Plain text: what you write is shown as written. <Link href="/questions">Back to the questions</Link>
        </p>
      </PageHeader>
      <Form
        submitLabel="Ask"
        aria-label="Ask a question"
        onSubmit={async (values) => {
          const mentorId = String(values.get('mentorId') ?? '');
          const result = await ask({
            variables: {
              input: {
                title: String(values.get('title') ?? '').trim(),
                body: String(values.get('body') ?? '').trim(),
                tags: splitTags(String(values.get('tags') ?? '')),
                visibility,
                mentorId: visibility === 'PRIVATE' && mentorId ? mentorId : null,
              },
            },
          });
          const id = result.data?.askQuestion.id;
          toast(visibility === 'PRIVATE' ? 'Question sent to your mentor' : 'Question asked: alumni who follow its tags are told');
          if (id) void navigate(`/questions/${id}`);
        }}
      >
        <TextField label="Title" name="title" isRequired minLength={5} maxLength={200} description="5 to 200 characters: the question in a line." />
        <TextArea label="Your question" name="body" isRequired maxLength={10_000} rows={8} description="Up to 10,000 characters." />
        <TextField label="Tags" name="tags" maxLength={220} description="Up to 5, separated by commas, such as: law, training contracts." />
        <Select
          label="Who may see it"
          name="visibility"
          options={[
            { id: 'COMMUNITY', label: 'The alumni community of my university' },
            { id: 'PRIVATE', label: 'Only one mentor (private)' },
          ]}
          selectedKey={visibility}
          onSelectionChange={(k) => setVisibility(k === 'PRIVATE' ? 'PRIVATE' : 'COMMUNITY')}
        />
        {visibility === 'PRIVATE' && (
          <Select
            label="Mentor"
            name="mentorId"
            isRequired
            options={options}
            placeholder={mentors.loading ? 'Loading mentors…' : options.length ? 'Choose a mentor' : 'No mentor takes requests now'}
            description="Only they, you and your careers staff will see the question."
          />
        )}
      </Form>
    </div>
  );
}
