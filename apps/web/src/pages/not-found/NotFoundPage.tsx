import { Link } from '../../components/Link.js';
import { PageHeader } from '../../components/PageHeader.js';

/** For any path that is no route, and for what the viewer may not see (the api's NOT_FOUND). */
export default function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>There is nothing at this address, or you may not see it.</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </>
  );
}
