import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { DateTime } from '../../components/DateTime.js';
import { Dialog } from '../../components/Dialog.js';
import { Select, TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { Link } from '../../components/Link.js';
import { ListState } from '../../components/ListState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { useToast } from '../../components/Toast.js';
import { graphql } from '../../gql/index.js';
import type { Role, TrustLevel } from '../../gql/graphql.js';
import { useSession } from '../../lib/session-context.js';
import { usePagedQuery } from '../../lib/usePagedQuery.js';
import styles from '../pages.module.css';

export const UserList = graphql(`
  query UserList($first: Int, $after: String, $search: String, $role: Role, $institutionId: ID) {
    users(first: $first, after: $after, search: $search, role: $role, institutionId: $institutionId) {
      edges { node { id displayName email role trustLevel createdAt institution { id name } organisation { id name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const UserInstitutions = graphql(`
  query UserInstitutions {
    institutions(first: 100) { edges { node { id name } } }
  }
`);

const CreateStaffAccount = graphql(`
  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {
    createStaffAccount(input: $input) { id displayName email role }
  }
`);

const SetTrustLevel = graphql(`
  mutation SetTrustLevel($input: SetTrustLevelInput!) {
    setTrustLevel(input: $input) { id trustLevel }
  }
`);

const ROLE_NAMES: Record<Role, string> = { STUDENT: 'Student', ALUMNUS: 'Alumnus', EMPLOYER: 'Employer', STAFF: 'Careers staff', ADMIN: 'Admin' };
const TRUST_NAMES: Record<TrustLevel, string> = { NEW: 'New', BASIC: 'Basic', TRUSTED: 'Trusted' };
const ROLES = Object.keys(ROLE_NAMES) as Role[];
const ANY = 'any';

/**
 * Admins: everyone on the installation; careers staff: the people of their institution (the api's `users`).
 * Search by name or email, filter by role (and institution, for admins), kept in the address; set a trust
 * level; admins also create careers staff and admin accounts.
 */
export default function UsersPage() {
  const { role: myRole } = useSession();
  const isAdmin = myRole === 'ADMIN';
  const [params, setParams] = useSearchParams();
  const search = params.get('q')?.trim() || undefined;
  const role = ROLES.find((r) => r === params.get('role'));
  const institutionId = isAdmin ? params.get('institution') || undefined : undefined;
  const institutions = useQuery(UserInstitutions, { skip: !isAdmin });
  const institutionOptions = institutions.data?.institutions.edges.map((e) => ({ id: e.node.id, label: e.node.name })) ?? [];
  const list = usePagedQuery(UserList, { variables: { first: 20, search, role, institutionId }, select: (d) => d.users });

  return (
    <>
      <PageHeader
        title="Users"
        actions={isAdmin ? <NewStaffAccount institutions={institutionOptions} /> : <Link href="/staff/mentor-invitations">Invite a mentor</Link>}
      >
        <p className={styles['muted']}>{isAdmin ? 'Everyone on this installation, newest first.' : 'The people of your institution, newest first.'}</p>
      </PageHeader>
      <Form
        key={params.toString()}
        submitLabel="Search"
        aria-label="Search users"
        onSubmit={async (values) => {
          const next = new URLSearchParams();
          const q = String(values.get('q') ?? '').trim();
          if (q) next.set('q', q);
          const r = String(values.get('role') ?? '');
          if (r && r !== ANY) next.set('role', r);
          const i = String(values.get('institution') ?? '');
          if (i && i !== ANY) next.set('institution', i);
          setParams(next);
        }}
      >
        <div className={styles['grid']}>
          <TextField label="Name or email" name="q" type="search" maxLength={200} defaultValue={search ?? ''} />
          <Select label="Role" name="role" options={[{ id: ANY, label: 'Any role' }, ...ROLES.map((r) => ({ id: r, label: ROLE_NAMES[r] }))]} defaultSelectedKey={role ?? ANY} />
          {isAdmin && <Select label="Institution" name="institution" options={[{ id: ANY, label: 'Any institution' }, ...institutionOptions]} defaultSelectedKey={institutionId ?? ANY} />}
        </div>
      </Form>
      <ListState loading={list.loading} error={list.error} empty={list.nodes.length === 0} emptyText="Nobody matches this search. Try part of a name or email, or any role." onRetry={() => list.refetch()}>
        <ul className={`${styles['list']} ${styles['stack']} ${styles['results']}`} aria-label="Users">
          {list.nodes.map((u) => (
            <Card as="li" key={u.id} title={<Link href={`/people/${u.id}`}>{u.displayName}</Link>}>
              {u.email && <p>{u.email}</p>}
              <p className={`${styles['row']} ${styles['muted']}`}>
                <Badge>{ROLE_NAMES[u.role]}</Badge>
                {u.institution && <span>{u.institution.name}</span>}
                {u.organisation && <span>{u.organisation.name}</span>}
                {u.trustLevel && <span>Trust: {TRUST_NAMES[u.trustLevel]}</span>}
                <span>
                  Joined <DateTime value={u.createdAt} format="date" />
                </span>
              </p>
              {u.trustLevel && <TrustLevelDialog user={{ id: u.id, displayName: u.displayName, trustLevel: u.trustLevel }} />}
            </Card>
          ))}
        </ul>
        <Pager hasMore={list.hasMore} loadMore={list.loadMore} loadingMore={list.loadingMore} />
      </ListState>
    </>
  );
}

function TrustLevelDialog({ user }: { user: { id: string; displayName: string; trustLevel: TrustLevel } }) {
  const [setTrust] = useMutation(SetTrustLevel);
  const toast = useToast();
  return (
    <Dialog trigger={<Button variant="secondary" aria-label={`Trust level of ${user.displayName}…`}>Trust level…</Button>} title={`Trust level of ${user.displayName}`}>
      {(close) => (
        <Form
          submitLabel="Save"
          actions={
            <Button variant="quiet" onPress={close}>
              Cancel
            </Button>
          }
          onSubmit={async (values) => {
            const trustLevel = String(values.get('trustLevel')) as TrustLevel;
            await setTrust({ variables: { input: { userId: user.id, trustLevel } } });
            toast(`${user.displayName}: trust level ${TRUST_NAMES[trustLevel].toLowerCase()}.`);
            close();
          }}
        >
          <Select
            label="Trust level"
            name="trustLevel"
            description="New accounts start at New; trusted people skip some checks on what they post."
            options={(Object.keys(TRUST_NAMES) as TrustLevel[]).map((t) => ({ id: t, label: TRUST_NAMES[t] }))}
            defaultSelectedKey={user.trustLevel}
            isRequired
          />
        </Form>
      )}
    </Dialog>
  );
}

function NewStaffAccount({ institutions }: { institutions: { id: string; label: string }[] }) {
  const [create] = useMutation(CreateStaffAccount, { refetchQueries: [UserList] });
  const [role, setRole] = useState<'STAFF' | 'ADMIN'>('STAFF');
  const toast = useToast();
  return (
    <Dialog trigger={<Button>New staff account…</Button>} title="New staff account">
      {(close) => (
        <Form
          submitLabel="Create account"
          actions={
            <Button variant="quiet" onPress={close}>
              Cancel
            </Button>
          }
          onSubmit={async (values) => {
            const input = {
              displayName: String(values.get('displayName') ?? '').trim(),
              email: String(values.get('email') ?? '').trim(),
              password: String(values.get('password') ?? ''),
              role,
              institutionId: role === 'STAFF' ? String(values.get('institutionId') ?? '') || null : null,
            };
            const made = await create({ variables: { input } });
            toast(`${made.data?.createStaffAccount.displayName ?? input.displayName} can now sign in as ${input.email}.`);
            close();
          }}
        >
          <TextField label="Name" name="displayName" isRequired maxLength={100} autoFocus />
          <TextField label="Email" name="email" type="email" autoComplete="off" isRequired maxLength={254} />
          <TextField label="First password" name="password" type="password" autoComplete="new-password" isRequired minLength={10} maxLength={256} description="At least 10 characters; give it to them safely, and they change it after signing in." />
          <Select label="Role" name="role" options={[{ id: 'STAFF', label: 'Careers staff' }, { id: 'ADMIN', label: 'Admin' }]} selectedKey={role} onSelectionChange={(k) => setRole(k === 'ADMIN' ? 'ADMIN' : 'STAFF')} />
          {role === 'STAFF' && <Select label="Institution" name="institutionId" options={institutions} isRequired placeholder="Choose an institution" />}
        </Form>
      )}
    </Dialog>
  );
}
