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

/** A filter's operands as SQL expressions: a search's parameters, or an alert subscription's columns. */
export interface FilterOperands {
  sectorKey?: string;
  locationKey?: string;
  remote?: string;
  types?: string;
  salaryMin?: string;
  salaryCurrency?: string;
}

/**
 * SQL: the vacancy `v` passes the filter `f`, one condition per operand given. Vacancy search and alert matching
 * both ask this, so a subscription alerts on exactly the vacancies its search would show. With `orUnset` an operand
 * may be unset row by row (a subscription's NULL or empty column), and then passes.
 */
export function matchesFilter(v: string, f: FilterOperands, { orUnset = false } = {}): string[] {
  const where: string[] = [];
  const add = (operand: string | undefined, unset: (x: string) => string, test: (x: string) => string) => {
    if (operand !== undefined) where.push(orUnset ? `(${unset(operand)} OR ${test(operand)})` : test(operand));
  };
  const isNull = (x: string) => `${x} IS NULL`;
  const isEmpty = (x: string) => `cardinality(${x}) = 0`;
  add(f.sectorKey, isNull, (x) => `${v}.sector_key = ${x}`);
  add(f.locationKey, isNull, (x) => `${x} = ANY(${v}.location_keys)`);
  add(f.remote, isEmpty, (x) => `${v}.remote = ANY(${x})`);
  add(f.types, isEmpty, (x) => `${v}.type = ANY(${x})`);
  add(f.salaryMin, isNull, (x) => `(${v}.salary_currency = ${f.salaryCurrency} AND ${v}.salary_max >= ${x})`);
  return where;
}
