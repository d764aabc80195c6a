import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Select } from '../../components/fields.js';
import { ListState } from '../../components/ListState.js';
import { graphql } from '../../gql/index.js';
import styles from '../pages.module.css';
import { BarChart } from './BarChart.js';
import own from './MentoringFigures.module.css';

export const MentoringFiguresQuery = graphql(`
  query MentoringFiguresOf($institutionId: ID, $days: Int) {
    mentoringFigures(institutionId: $institutionId, days: $days) {
      institutionId days questionsAsked questionsAnswered medianHoursToFirstAnswer
      mentorRequests requestsAccepted requestsDeclined requestsExpired requestsOpen acceptanceRate
      activeMentorships mentors mentorsNearCapacity nearCapacity { mentorId displayName active capacity }
    }
  }
`);

const PERIODS = [
  { id: '30', label: 'Last 30 days' },
  { id: '90', label: 'Last 90 days' },
  { id: '365', label: 'Last 365 days' },
];

const percent = (rate: number | null | undefined) => (rate == null ? '–' : `${Math.round(rate * 100)}%`);
const hours = (h: number | null | undefined) => (h == null ? '–' : h < 48 ? `${Math.round(h * 10) / 10} h` : `${Math.round(h / 24)} days`);

/** The staff figures page's mentoring section: questions, mentor requests and mentors' load over a period. */
export function MentoringFigures({ institutionId }: { institutionId?: string }) {
  const [days, setDays] = useState(30);
  const q = useQuery(MentoringFiguresQuery, { variables: { institutionId, days } });
  const f = q.data?.mentoringFigures;
  return (
    <section aria-labelledby="mentoring-heading" className={styles['results']}>
      <h2 id="mentoring-heading">Mentoring and questions</h2>
      <div className={styles['narrow']}>
        <Select label="Period" options={PERIODS} selectedKey={String(days)} onSelectionChange={(key) => setDays(Number(key ?? 30))} />
      </div>
      <ListState loading={q.loading && !f} error={q.error} empty={!f} emptyText="" onRetry={() => q.refetch()}>
        {f && (
          <>
            <dl className={`${styles['grid']} ${own['stats']}`} aria-label="Mentoring figures">
              <div><dt>Questions asked</dt><dd>{f.questionsAsked}</dd></div>
              <div><dt>Questions answered</dt><dd>{f.questionsAnswered}</dd></div>
              <div><dt>Median time to a first answer</dt><dd>{hours(f.medianHoursToFirstAnswer)}</dd></div>
              <div><dt>Mentor requests</dt><dd>{f.mentorRequests}</dd></div>
              <div><dt>Acceptance rate</dt><dd>{percent(f.acceptanceRate)}</dd></div>
              <div><dt>Active mentorships</dt><dd>{f.activeMentorships}</dd></div>
              <div><dt>Mentors near capacity</dt><dd>{f.mentorsNearCapacity} of {f.mentors}</dd></div>
            </dl>
            <BarChart
              id="mentoring-activity"
              caption="Questions students asked and those answered, and mentor requests by what became of them, in the period."
              itemHeader="Activity"
              items={[
                { name: 'Questions', values: [f.questionsAsked, f.questionsAnswered, 0, 0] },
                { name: 'Mentor requests', values: [f.mentorRequests, f.requestsAccepted, f.requestsDeclined + f.requestsExpired, f.requestsOpen] },
              ]}
              name={(i) => i.name}
              label={(i) => i.name}
              series={[
                { label: 'Asked or requested', value: (i) => i.values[0]! },
                { label: 'Answered or accepted', value: (i) => i.values[1]! },
                { label: 'Declined or expired', value: (i) => i.values[2]! },
                { label: 'Still open', value: (i) => i.values[3]! },
              ]}
            />
            {f.nearCapacity.length > 0 ? (
              <BarChart
                id="mentoring-capacity"
                caption="Mentors at or above 80% of their capacity now: active mentorships against the most they take."
                itemHeader="Mentor"
                items={f.nearCapacity}
                name={(m) => m.displayName}
                label={(m) => m.displayName}
                series={[
                  { label: 'Active', value: (m) => m.active },
                  { label: 'Capacity', value: (m) => m.capacity },
                ]}
              />
            ) : (
              <p className={styles['muted']}>No mentor is near capacity.</p>
            )}
          </>
        )}
      </ListState>
    </section>
  );
}
