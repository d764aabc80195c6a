import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Checkbox, CheckboxGroup, NumberField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import styles from '../pages.module.css';
import { ChatTimeFields } from './ChatTimeFields.js';
import { fromLocalInput, parseList, parseYears } from './chatTimes.js';
import { OrganisationLiveChats } from './OrganisationLiveChats.js';

const ScheduleAudience = graphql(`
  query ScheduleAudience {
    me {
      id
      organisation { id approvals { id status institution { id name } } members { id displayName } }
    }
  }
`);

const ScheduleLiveChat = graphql(`
  mutation ScheduleLiveChat($input: ScheduleLiveChatInput!) {
    scheduleLiveChat(input: $input) { id title status startsAt endsAt }
  }
`);

/** `/live-chats/new` (employers): schedule a live chat for institutions that approved the organisation; their staff then approve it. */
export default function ScheduleLiveChatPage() {
  const audience = useQuery(ScheduleAudience);
  const [schedule] = useMutation(ScheduleLiveChat, { refetchQueries: [OrganisationLiveChats] });
  const [start, setStart] = useState('');
  const navigate = useNavigate();
  const toast = useToast();
  const approvals = audience.data?.me.organisation?.approvals ?? [];
  const approved = approvals.filter((a) => a.status === 'APPROVED');
  const colleagues = (audience.data?.me.organisation?.members ?? []).filter((m) => m.id !== audience.data?.me.id);
  return (
    <>
      <PageHeader title="Schedule a live chat">
        <p className={styles['muted']}>Careers staff of each institution you choose approve the chat before their students can register.</p>
      </PageHeader>
      <ListState
        loading={audience.loading}
        error={audience.error}
        empty={approved.length === 0}
        emptyText="No institution has approved your organisation yet: you can schedule live chats once one does."
        onRetry={() => audience.refetch()}
      >
        <div className={styles['narrow']}>
          <Form
            submitLabel="Schedule"
            aria-label="Schedule a live chat"
            onSubmit={async (values) => {
              const text = (k: string) => String(values.get(k) ?? '').trim();
              const years = parseYears(text('graduationYears')) ?? [];
              const result = await schedule({
                variables: {
                  input: {
                    title: text('title'),
                    description: text('description'),
                    startsAt: fromLocalInput(text('startsAt')) ?? '',
                    endsAt: fromLocalInput(text('endsAt')) ?? '',
                    capacity: Number(values.get('capacity')),
                    institutionIds: values.getAll('institutionIds').map(String),
                    graduationYears: years,
                    subjects: parseList(text('subjects')),
                    hostIds: values.getAll('hostIds').map(String),
                  },
                },
              });
              const id = result.data?.scheduleLiveChat.id;
              toast('Live chat scheduled: it waits for careers staff to approve it');
              if (id) await navigate(`/live-chats/${id}`);
            }}
          >
            <TextField label="Title" name="title" isRequired minLength={3} maxLength={200} />
            <TextArea label="Description" name="description" isRequired maxLength={10_000} rows={6} description="What students can ask about, who will answer. Plain text; blank lines start paragraphs." />
            <ChatTimeFields start={start} setStart={setStart} />
            <NumberField label="Places" name="capacity" isRequired minValue={1} maxValue={10_000} defaultValue={100} description="People who register once it is full join the waitlist." />
            <CheckboxGroup label="For students of" name="institutionIds" isRequired description="Institutions that approved your organisation." defaultValue={approved.length === 1 ? [approved[0]!.institution.id] : []}>
              {approved.map((a) => (
                <Checkbox key={a.institution.id} value={a.institution.id}>
                  {a.institution.name}
                </Checkbox>
              ))}
            </CheckboxGroup>
            {colleagues.length > 0 && (
              <CheckboxGroup label="Co-hosts (optional)" name="hostIds" description="You host it; colleagues you tick answer in the room with you (at most 9).">
                {colleagues.map((m) => (
                  <Checkbox key={m.id} value={m.id}>
                    {m.displayName}
                  </Checkbox>
                ))}
              </CheckboxGroup>
            )}
            <TextField
              label="Graduation years (optional)"
              name="graduationYears"
              description="Only students graduating in these years, separated by commas (e.g. 2027, 2028). Leave empty for any year."
              maxLength={200}
              validate={(v) => (parseYears(v) ? null : 'Write four-digit years separated by commas, such as 2027, 2028.')}
            />
            <TextField label="Subjects (optional)" name="subjects" description="Only students whose course contains one of these, separated by commas (e.g. law, economics). Leave empty for any subject." maxLength={2000} />
          </Form>
          <p>
            <Link href="/live-chats">Back to your live chats</Link>
          </p>
        </div>
      </ListState>
    </>
  );
}
