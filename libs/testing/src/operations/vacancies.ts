// GraphQL documents of vacancies and alert subscriptions shared by the specs. Each selects the
// union of what the specs read, so one document serves them all.

export const POST_VACANCY = `mutation($i: PostVacancyInput!) { postVacancy(input: $i) { id status title descriptionHtml employerName salary { min max currency } targets { institutionId decision reason } } }`;
export const UPDATE_VACANCY = `mutation($i: UpdateVacancyInput!) { updateVacancy(input: $i) { id status title targets { institutionId decision } } }`;
export const SUBMIT_VACANCY = `mutation($id: ID!) { submitVacancy(id: $id) { id status } }`;
export const DECIDE_VACANCY = `mutation($i: DecideVacancyInput!) { decideVacancy(input: $i) { id status targets { institutionId decision reason } } }`;
export const VACANCY_ALERT_FIGURES = `query($id: ID!) { vacancy(id: $id) { alertFigures { matched inApp email webhook feed } } }`;
export const CREATE_ALERT = `mutation($i: CreateAlertSubscriptionInput!) { createAlertSubscription(input: $i) { id atomUrl rssUrl webhook { secret state } } }`;
