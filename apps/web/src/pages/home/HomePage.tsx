import { Card } from '../../components/Card.js';
import { Link } from '../../components/Link.js';
import { PageHeader } from '../../components/PageHeader.js';
import type { Role } from '../../gql/graphql.js';
import { useSession } from '../../lib/session-context.js';
import styles from '../pages.module.css';
import { EmployerOrganisationSection } from './EmployerOrganisationSection.js';
import { AdminOverviewSection } from './AdminOverviewSection.js';
import { EmployerVacanciesSection } from './EmployerVacanciesSection.js';
import { StaffApprovalsSection } from './StaffApprovalsSection.js';
import { StaffFiguresSection } from './StaffFiguresSection.js';
import { AlumnusMentoringSection } from './AlumnusMentoringSection.js';
import { StudentAlertMatchesSection } from './StudentAlertMatchesSection.js';
import { StudentMentorsSection, StudentQuestionsSection } from './StudentMentoringSection.js';
import { StudentLiveChatsSection } from './StudentLiveChatsSection.js';

/**
 * Home, by role. Each section is a placeholder the page helpers of later issues fill (vacancies, live chats,
 * approvals, figures); keep one section per role and one component per section.
 */
const SECTIONS: Record<Role, () => React.ReactNode> = {
  STUDENT: StudentHome,
  ALUMNUS: AlumnusHome,
  EMPLOYER: EmployerHome,
  STAFF: StaffHome,
  ADMIN: AdminHome,
};

export default function HomePage() {
  const { user, loading } = useSession();
  if (loading) return <p role="status">Loading…</p>;
  if (!user) return <Welcome />;
  const Section = SECTIONS[user.role];
  return (
    <>
      <PageHeader title={`Welcome, ${user.displayName}`}>
        {user.institution && <p className={styles['muted']}>{user.institution.name}</p>}
      </PageHeader>
      <div className={styles['grid']}>
        <Section />
      </div>
    </>
  );
}

function Welcome() {
  return (
    <>
      <PageHeader title="Careers network">
        <p>Mentoring from alumni, employer live chats and vacancy alerts, from your careers service.</p>
      </PageHeader>
      <div className={styles['grid']}>
        <Card title="Students and alumni">
          <p>
            <Link href="/sign-up">Sign up with your university email</Link>
          </p>
        </Card>
        <Card title="Employers">
          <p>
            <Link href="/sign-up/employer">Sign up your organisation</Link>
          </p>
        </Card>
        <Card title="Have an account?">
          <p>
            <Link href="/sign-in">Sign in</Link>
          </p>
        </Card>
      </div>
    </>
  );
}

// Mentoring first: asking alumni and finding a mentor is what students come for, and what alumni give back.
function StudentHome() {
  return (
    <>
      <StudentMentorsSection />
      <StudentQuestionsSection />
      <StudentAlertMatchesSection />
      <StudentLiveChatsSection />
      <Card title="Your profile">
        <p>
          <Link href="/profile">Edit your profile</Link>
        </p>
      </Card>
    </>
  );
}

function AlumnusHome() {
  return (
    <>
      <AlumnusMentoringSection />
      <StudentAlertMatchesSection />
      <StudentLiveChatsSection />
      <Card title="Your profile">
        <p>
          <Link href="/profile">Edit your profile</Link>
        </p>
      </Card>
    </>
  );
}

function EmployerHome() {
  return (
    <>
      <EmployerOrganisationSection />
      <EmployerVacanciesSection />
      <Card title="Live chats">
        <p>
          <Link href="/live-chats/new">Schedule a live chat</Link>
        </p>
      </Card>
    </>
  );
}

function StaffHome() {
  return (
    <>
      <StaffApprovalsSection />
      <StaffFiguresSection />
      <Card title="Vacancies">
        <p>
          <Link href="/vacancies/new">Post a vacancy</Link> for your students
        </p>
      </Card>
      <Card title="People">
        <p>
          <Link href="/admin/users">People of your institution</Link>
        </p>
      </Card>
      <Card title="Mentoring">
        <p>
          <Link href="/staff/mentoring">Who your mentoring reaches, and invite a mentor</Link>
        </p>
      </Card>
    </>
  );
}

function AdminHome() {
  return (
    <>
      <AdminOverviewSection />
      <Card title="Manage">
        <p>
          <Link href="/admin/institutions">Institutions</Link> · <Link href="/admin/users">Users and staff accounts</Link> · <Link href="/staff/queues">Queues</Link> ·{' '}
          <Link href="/staff/figures">Figures</Link>
        </p>
      </Card>
    </>
  );
}
