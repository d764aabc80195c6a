import type { RemotePolicy, VacancyFilter, VacancyType } from '../../gql/graphql.js';
import { REMOTE_NAMES, TYPE_NAMES } from './labels.js';

export const TYPES = Object.keys(TYPE_NAMES) as VacancyType[];
export const REMOTES = Object.keys(REMOTE_NAMES) as RemotePolicy[];

/** The search the query string holds (`?q=&location=&sector=&remote=&type=&salaryMin=&currency=`). */
export function searchFromParams(params: URLSearchParams): { query: string | undefined; filter: VacancyFilter } {
  const text = (k: string) => params.get(k)?.trim() || undefined;
  const salaryMin = Number(params.get('salaryMin'));
  const filter: VacancyFilter = {
    location: text('location'),
    sector: text('sector'),
    remote: params.getAll('remote').filter((r): r is RemotePolicy => REMOTES.includes(r as RemotePolicy)),
    types: params.getAll('type').filter((t): t is VacancyType => TYPES.includes(t as VacancyType)),
  };
  if (Number.isInteger(salaryMin) && salaryMin > 0) {
    filter.salaryMin = salaryMin;
    filter.salaryCurrency = (text('currency') ?? 'GBP').toUpperCase();
  }
  return { query: text('q'), filter };
}
