import type { Role, TrustLevel } from './roles.js';

/**
 * Who is calling: what the access token says, verified. Every domain reads the
 * caller through this shape, never through another domain's entities.
 */
export interface Principal {
  readonly id: string;
  readonly role: Role;
  readonly institutionId: string | null;
  readonly organisationId: string | null;
  readonly trustLevel: TrustLevel;
  /** The refresh-token family (sign-in session) the access token was issued for. */
  readonly sessionId: string;
}
