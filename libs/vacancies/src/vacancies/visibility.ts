/**
 * SQL: the vacancy `v` (a table alias) is visible to people of the institution
 * `institution` (an SQL expression): published, not past its closing, and
 * approved by that institution now. Search, the feeds, alert emails and
 * webhooks all ask this, so an edit that sends a vacancy back to approval at
 * an institution, a rejection there, or the institution's removal from the
 * targets hides it from that institution's students everywhere at once.
 */
export const visibleAt = (v: string, institution: string): string =>
  `(${v}.status = 'PUBLISHED' AND ${v}.closes_at > now() AND EXISTS (
     SELECT 1 FROM vacancy_target vt WHERE vt.vacancy_id = ${v}.id AND vt.institution_id = ${institution} AND vt.decision = 'APPROVED'))`;
