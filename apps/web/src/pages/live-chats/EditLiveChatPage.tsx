import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { Dialog } from '../../components/Dialog.js';
import { Checkbox, CheckboxGroup, NumberField, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import type { UpdateLiveChatInput } from '../../gql/graphql.js';
import { errorCode } from '../../lib/errors.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import styles from '../pages.module.css';
import { fromLocalInput, toLocalInput } from './chatTimes.js';
import { OrganisationLiveChats } from './OrganisationLiveChats.js';
import { ChatTimeFields } from './ChatTimeFields.js';

const LiveChatForEdit = graphql(`
  query LiveChatForEdit($id: ID!) {
    liveChat(id: $id) { id title description startsAt endsAt capacity registeredCount status sequence hosts { id displayName } }
    me { id organisation { id members { id displayName } } }
  }
`);

const UpdateLiveChat = graphql(`
  mutation UpdateLiveChat($id: ID!, $input: UpdateLiveChatInput!) {
    updateLiveChat(id: $id, input: $input) { id title description startsAt endsAt capacity placesLeft registeredCount sequence hosts { id displayName } }
  }
`);

const CancelLiveChat = graphql(`
  mutation CancelLiveChat($id: ID!, $reason: String!) {
    cancelLiveChat(id: $id, reason: $reason) { id status statusReason sequence }
  }
`);

/** `/live-chats/:id/edit` (the organisation's employers): edit, reschedule (registrants are told) or cancel (with a reason) a chat not yet started. */
export default function EditLiveChatPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(LiveChatForEdit, { variables: { id }, fetchPolicy: 'network-only' });
  const [update] = useMutation(UpdateLiveChat);
  const [cancel] = useMutation(CancelLiveChat, { refetchQueries: [OrganisationLiveChats] });
  const navigate = useNavigate();
  const toast = useToast();
  const chat = data?.liveChat;
  const members = data?.me.organisation?.members ?? [];
  const initial = chat ? { startsAt: toLocalInput(chat.startsAt), endsAt: toLocalInput(chat.endsAt) } : undefined;
  const [start, setStart] = useState<string | null>(null);
  if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') return <NotFoundPage />;
  const locked = chat && (chat.status === 'CANCELLED' || new Date(chat.startsAt).getTime() <= Date.now());
  return (
    <>
      <PageHeader title={chat ? `Edit ${chat.title}` : 'Edit live chat'} />
      <ListState loading={loading} error={error} empty={!chat} emptyText="" onRetry={() => refetch()}>
        {chat && initial && (
          <div className={`${styles['narrow']} ${styles['stack']}`}>
            {locked ? (
              <p role="note">{chat.status === 'CANCELLED' ? 'This live chat is cancelled: it can no longer change.' : 'This live chat has started: it can no longer change.'}</p>
            ) : (
              <>
                <Form
                  submitLabel="Save changes"
                  aria-label="Edit the live chat"
                  onSubmit={async (values) => {
                    const text = (k: string) => String(values.get(k) ?? '').trim();
                    const input: UpdateLiveChatInput = {};
                    if (text('title') !== chat.title) input.title = text('title');
                    if (text('description') !== chat.description.trim()) input.description = text('description');
                    if (Number(values.get('capacity')) !== chat.capacity) input.capacity = Number(values.get('capacity'));
                    // A start or end left as it was is not sent: its minutes-only field would move it by the seconds.
                    const moved = text('startsAt') !== initial.startsAt || text('endsAt') !== initial.endsAt;
                    if (moved) {
                      input.startsAt = fromLocalInput(text('startsAt'));
                      input.endsAt = fromLocalInput(text('endsAt'));
                    }
                    const hostIds = values.getAll('hostIds').map(String);
                    const hostsNow = chat.hosts.map((h) => h.id);
                    if (members.length > 0 && (hostIds.length !== hostsNow.length || hostIds.some((h) => !hostsNow.includes(h)))) input.hostIds = hostIds;
                    await update({ variables: { id: chat.id, input } });
                    toast(moved ? 'Rescheduled: everyone registered or waiting is told the new time' : 'Changes saved');
                    await navigate(`/live-chats/${chat.id}`);
                  }}
                  actions={<Link href={`/live-chats/${chat.id}`}>Back to the chat</Link>}
                >
                  <TextField label="Title" name="title" isRequired minLength={3} maxLength={200} defaultValue={chat.title} />
                  <TextArea label="Description" name="description" isRequired maxLength={10_000} rows={6} defaultValue={chat.description} />
                  <ChatTimeFields start={start ?? initial.startsAt} setStart={setStart} defaults={initial} />
                  <p className={styles['muted']}>Moving the start or end reschedules the chat: everyone registered or on the waitlist is told.</p>
                  <NumberField
                    label="Places"
                    name="capacity"
                    isRequired
                    minValue={Math.max(1, chat.registeredCount)}
                    maxValue={10_000}
                    defaultValue={chat.capacity}
                    description={`${chat.registeredCount} registered: not below that. More places move the waitlist up.`}
                  />
                  {members.length > 0 && (
                    <CheckboxGroup label="Hosts" name="hostIds" isRequired description="Members of your organisation who answer in the room (at most 10)." defaultValue={chat.hosts.map((h) => h.id)}>
                      {members.map((m) => (
                        <Checkbox key={m.id} value={m.id}>
                          {m.displayName}
                        </Checkbox>
                      ))}
                    </CheckboxGroup>
                  )}
                </Form>
                <Card title="Cancel this live chat">
                  <p>Everyone registered or on the waitlist is told, with your reason. A cancelled chat cannot be brought back.</p>
                  <Dialog trigger={<Button variant="danger">Cancel the live chat…</Button>} title={`Cancel ${chat.title}?`}>
                    {(close) => (
                      <Form
                        submitLabel="Cancel the live chat"
                        actions={
                          <Button variant="quiet" onPress={close}>
                            Keep it
                          </Button>
                        }
                        onSubmit={async (values) => {
                          await cancel({ variables: { id: chat.id, reason: String(values.get('reason') ?? '').trim() } });
                          close();
                          toast('Live chat cancelled: registrants are told');
                          await navigate(`/live-chats/${chat.id}`);
                        }}
                      >
                        <TextArea label="Reason" name="reason" description="Registrants read it." isRequired minLength={3} maxLength={1000} autoFocus />
                      </Form>
                    )}
                  </Dialog>
                </Card>
              </>
            )}
          </div>
        )}
      </ListState>
    </>
  );
}
