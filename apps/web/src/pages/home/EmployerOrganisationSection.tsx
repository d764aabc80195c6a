import { Card } from '../../components/Card.js';
import { Link } from '../../components/Link.js';
import { useSession } from '../../lib/session-context.js';

/** Employer home: a link to their organisation and its approvals. */
export function EmployerOrganisationSection() {
  const org = useSession().user?.organisation;
  if (!org) return null;
  return (
    <Card title="Your organisation">
      <p>
        <Link href={`/organisations/${org.id}`}>{org.name}: details and approvals</Link>
      </p>
    </Card>
  );
}
