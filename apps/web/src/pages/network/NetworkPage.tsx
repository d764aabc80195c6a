import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { Confirm, Dialog } from '../../components/Dialog.js';
import { Select, TextArea, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import type { NetworkWantKind } from '../../gql/graphql.js';
import styles from '../pages.module.css';
import own from './Network.module.css';

export const MyNetworkMap = graphql(`
  query MyNetworkMap {
    myNetworkMap {
      contacts { id personId name sector organisation role relation notes }
      wants { id kind value }
      gaps { want { id kind value } suggestions { reason mentor { id displayName course graduationYear placesFree } } }
    }
  }
`);

const AddContact = graphql(`
  mutation AddNetworkContact($i: AddNetworkContactInput!) { addNetworkContact(input: $i) { id } }
`);
const UpdateContact = graphql(`
  mutation UpdateNetworkContact($i: UpdateNetworkContactInput!) { updateNetworkContact(input: $i) { id name sector organisation role relation notes } }
`);
const RemoveContact = graphql(`
  mutation RemoveNetworkContact($id: ID!) { removeNetworkContact(id: $id) }
`);
const AddWant = graphql(`
  mutation AddNetworkWant($i: AddNetworkWantInput!) { addNetworkWant(input: $i) { id } }
`);
const RemoveWant = graphql(`
  mutation RemoveNetworkWant($id: ID!) { removeNetworkWant(id: $id) }
`);
const AskIntroduction = graphql(`
  mutation RequestIntroduction($i: RequestIntroductionInput!) { requestIntroduction(input: $i) { id status } }
`);
const MySentIntroductions = graphql(`
  query MySentIntroductions {
    myIntroductionRequests(first: 20) { edges { node { id mentorName wantValue status note createdAt } } }
  }
`);

const KINDS: { id: NetworkWantKind; label: string }[] = [
  { id: 'SECTOR' as NetworkWantKind, label: 'A sector' },
  { id: 'ORGANISATION' as NetworkWantKind, label: 'An organisation' },
  { id: 'ROLE' as NetworkWantKind, label: 'A role' },
];
const kindLabel = (kind: string) => ({ SECTOR: 'Sector', ORGANISATION: 'Organisation', ROLE: 'Role' })[kind] ?? kind;
const text = (values: FormData, name: string) => String(values.get(name) ?? '').trim();
const STATUS: Record<string, { label: string; tone: 'neutral' | 'success' | 'warning' }> = {
  OPEN: { label: 'Waiting for an answer', tone: 'warning' },
  ACCEPTED: { label: 'Accepted', tone: 'success' },
  DECLINED: { label: 'Declined', tone: 'neutral' },
};

/** The fields a contact has beside its name; `initial` fills them when editing. */
function ContactFields({ initial }: { initial?: { sector?: string | null; organisation?: string | null; role?: string | null; relation?: string | null; notes?: string | null } }) {
  return (
    <>
      <TextField label="Sector" name="sector" maxLength={60} defaultValue={initial?.sector ?? ''} />
      <TextField label="Organisation" name="organisation" maxLength={100} defaultValue={initial?.organisation ?? ''} />
      <TextField label="Role" name="role" maxLength={100} defaultValue={initial?.role ?? ''} description="Their job, such as solicitor." />
      <TextField label="How you know them" name="relation" maxLength={100} defaultValue={initial?.relation ?? ''} />
      <TextArea label="Notes" name="notes" maxLength={500} rows={3} defaultValue={initial?.notes ?? ''} />
    </>
  );
}

/**
 * `/network` (students): who they know and who they would like to know. Contacts and wants are theirs alone; the
 * gaps (wants no contact covers) come with mentors of their network who fill them, and an introduction request.
 */
export default function NetworkPage() {
  const toast = useToast();
  const map = useQuery(MyNetworkMap);
  const refetchQueries = [MyNetworkMap];
  const [addContact] = useMutation(AddContact, { refetchQueries });
  const [updateContact] = useMutation(UpdateContact, { refetchQueries });
  const [removeContact] = useMutation(RemoveContact, { refetchQueries });
  const [addWant] = useMutation(AddWant, { refetchQueries });
  const [removeWant] = useMutation(RemoveWant, { refetchQueries });
  const [ask] = useMutation(AskIntroduction, { refetchQueries: [MySentIntroductions] });
  const [contactKey, setContactKey] = useState(0);
  const [wantKey, setWantKey] = useState(0);
  const data = map.data?.myNetworkMap;
  return (
    <>
      <PageHeader title="My network">
        <p className={styles['muted']}>Who you know, who you would like to know, and alumni who can help with the gaps. Only you see your contacts and wants: not even careers staff.</p>
      </PageHeader>
      <ListState loading={map.loading} error={map.error} empty={!data} emptyText="" onRetry={() => map.refetch()}>
        {data && (
          <div className={own['layout']}>
            <section aria-labelledby="gaps-heading" className={styles['stack']}>
              <h2 id="gaps-heading">Gaps in your network</h2>
              {data.gaps.length === 0 ? (
                <p className={styles['muted']}>{data.wants.length ? 'Your contacts cover everything you want to reach.' : 'Add a sector, organisation or role you would like to reach: the gaps appear here.'}</p>
              ) : (
                <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Gaps">
                  {data.gaps.map((gap) => (
                    <li key={gap.want.id}>
                      <Card as="div" headingLevel={3} title={`${kindLabel(gap.want.kind)}: ${gap.want.value}`}>
                        {gap.suggestions.length === 0 ? (
                          <p className={styles['muted']}>No mentor of your network fills this gap yet.</p>
                        ) : (
                          <ul className={`${styles['list']} ${styles['stack']}`} aria-label={`Mentors for ${gap.want.value}`}>
                            {gap.suggestions.map((s) => (
                              <li key={s.mentor.id} className={styles['row']}>
                                <span>
                                  <strong>{s.mentor.displayName}</strong> <span className={styles['muted']}>· {s.reason}</span>
                                </span>
                                <Dialog trigger={<Button variant="secondary">Ask for an introduction</Button>} title={`Ask ${s.mentor.displayName} for an introduction`}>
                                  {(close) => (
                                    <Form
                                      submitLabel="Send request"
                                      aria-label={`Introduction request to ${s.mentor.displayName}`}
                                      onSubmit={async (values) => {
                                        await ask({ variables: { i: { mentorId: s.mentor.id, wantId: gap.want.id, message: text(values, 'message') } } });
                                        close();
                                        toast(`Request sent: ${s.mentor.displayName} is told`);
                                      }}
                                    >
                                      <TextArea
                                        label="Your message"
                                        name="message"
                                        isRequired
                                        maxLength={1000}
                                        description={`Say who you would like to meet in ${gap.want.value}, and why. ${s.mentor.displayName} sees it with a link to your profile.`}
                                      />
                                    </Form>
                                  )}
                                </Dialog>
                              </li>
                            ))}
                          </ul>
                        )}
                      </Card>
                    </li>
                  ))}
                </ul>
              )}
              <SentIntroductions />
            </section>

            <section aria-labelledby="wants-heading" className={styles['stack']}>
              <h2 id="wants-heading">Who you would like to know</h2>
              {data.wants.length > 0 && (
                <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Wants">
                  {data.wants.map((w) => (
                    <li key={w.id} className={styles['row']}>
                      <Badge>{kindLabel(w.kind)}</Badge> <span>{w.value}</span>
                      <Button variant="quiet" aria-label={`Remove ${w.value}`} onPress={() => void removeWant({ variables: { id: w.id } }).then(() => toast('Removed'))}>
                        Remove
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
              <Card title="Add a want">
                <Form
                  key={wantKey}
                  submitLabel="Add"
                  aria-label="Add a want"
                  onSubmit={async (values) => {
                    await addWant({ variables: { i: { kind: (values.get('kind') as NetworkWantKind) || ('SECTOR' as NetworkWantKind), value: text(values, 'value') } } });
                    setWantKey((k) => k + 1);
                    toast('Added');
                  }}
                >
                  <Select label="Kind" name="kind" options={KINDS} defaultSelectedKey="SECTOR" isRequired />
                  <TextField label="Sector, organisation or role" name="value" isRequired maxLength={100} />
                </Form>
              </Card>
            </section>

            <section aria-labelledby="contacts-heading" className={styles['stack']}>
              <h2 id="contacts-heading">Your contacts</h2>
              {data.contacts.length === 0 ? (
                <p className={styles['muted']}>No contacts yet: add people you know, and what they do.</p>
              ) : (
                <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Contacts">
                  {data.contacts.map((c) => (
                    <li key={c.id}>
                      <Card as="div" headingLevel={3} title={c.personId ? <Link href={`/people/${c.personId}`}>{c.name}</Link> : c.name}>
                        <p className={styles['muted']}>{[c.role, c.organisation, c.sector].filter(Boolean).join(' · ') || 'Nothing about their work yet'}</p>
                        {c.relation && <p>{c.relation}</p>}
                        {c.notes && <p className={own['prewrap']}>{c.notes}</p>}
                        <div className={styles['row']}>
                          <Dialog trigger={<Button variant="secondary">Edit</Button>} title={`Edit ${c.name}`}>
                            {(close) => (
                              <Form
                                submitLabel="Save"
                                aria-label={`Edit ${c.name}`}
                                onSubmit={async (values) => {
                                  const i = {
                                    id: c.id,
                                    ...(c.personId ? {} : { name: text(values, 'name') }),
                                    sector: text(values, 'sector'),
                                    organisation: text(values, 'organisation'),
                                    role: text(values, 'role'),
                                    relation: text(values, 'relation'),
                                    notes: text(values, 'notes'),
                                  };
                                  await updateContact({ variables: { i } });
                                  close();
                                  toast('Saved');
                                }}
                              >
                                {!c.personId && <TextField label="Name" name="name" isRequired maxLength={100} defaultValue={c.name} />}
                                <ContactFields initial={c} />
                              </Form>
                            )}
                          </Dialog>
                          <Confirm
                            label="Remove"
                            title={`Remove ${c.name}?`}
                            message="They leave your network map. You can add them again."
                            onConfirm={() => removeContact({ variables: { id: c.id } }).then(() => toast('Removed'))}
                          />
                        </div>
                      </Card>
                    </li>
                  ))}
                </ul>
              )}
              <Card title="Add a contact">
                <Form
                  key={contactKey}
                  submitLabel="Add contact"
                  aria-label="Add a contact"
                  onSubmit={async (values) => {
                    await addContact({
                      variables: {
                        i: {
                          name: text(values, 'name'),
                          sector: text(values, 'sector'),
                          organisation: text(values, 'organisation'),
                          role: text(values, 'role'),
                          relation: text(values, 'relation'),
                          notes: text(values, 'notes'),
                        },
                      },
                    });
                    setContactKey((k) => k + 1);
                    toast('Contact added');
                  }}
                >
                  <TextField label="Name" name="name" isRequired maxLength={100} />
                  <ContactFields />
                </Form>
              </Card>
            </section>
          </div>
        )}
      </ListState>
    </>
  );
}

function SentIntroductions() {
  const sent = useQuery(MySentIntroductions);
  const nodes = sent.data?.myIntroductionRequests.edges.map((e) => e.node) ?? [];
  if (!nodes.length) return null;
  return (
    <Card title="Introductions you asked for">
      <ul className={`${styles['list']} ${styles['stack']}`} aria-label="Introductions you asked for">
        {nodes.map((r) => (
          <li key={r.id} id={`introduction-${r.id}`} className={styles['row']}>
            <span>
              {r.mentorName}
              {r.wantValue && <span className={styles['muted']}> · {r.wantValue}</span>}
            </span>
            <Badge tone={STATUS[r.status]?.tone}>{STATUS[r.status]?.label ?? r.status}</Badge>
            {r.note && <span className={own['prewrap']}>“{r.note}”</span>}
          </li>
        ))}
      </ul>
    </Card>
  );
}
