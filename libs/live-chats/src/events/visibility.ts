import { Role, type Principal } from '@careers/contracts';

/**
 * Who sees an event, as an SQL condition on `e` (live_chat_event) with named
 * parameters. The organisation's employers see all its events; staff, those
 * aimed at their institution; students, those their institution approved
 * (and any they registered for); admins, all. Everyone else: NOT_FOUND.
 */
export function visibleTo(caller: Principal): { sql: string; params: Record<string, unknown> } {
  const params = { viewerId: caller.id, viewerInstitutionId: caller.institutionId, viewerOrganisationId: caller.organisationId };
  switch (caller.role) {
    case Role.ADMIN:
      return { sql: 'TRUE', params };
    case Role.EMPLOYER:
      return { sql: 'e.organisation_id = :viewerOrganisationId', params };
    case Role.STAFF:
      return {
        sql: 'EXISTS (SELECT 1 FROM live_chat_audience va WHERE va.event_id = e.id AND va.institution_id = :viewerInstitutionId)',
        params,
      };
    case Role.STUDENT:
      return {
        sql: `((e.status IN ('APPROVED', 'CANCELLED') AND EXISTS (SELECT 1 FROM live_chat_audience va
                 WHERE va.event_id = e.id AND va.institution_id = :viewerInstitutionId AND va.status = 'APPROVED'))
               OR EXISTS (SELECT 1 FROM live_chat_registration vr WHERE vr.event_id = e.id AND vr.user_id = :viewerId))`,
        params,
      };
    case Role.ALUMNUS:
      return { sql: 'FALSE', params };
  }
}
