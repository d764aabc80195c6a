/** The roles a person can hold on the platform. One role per account. */
export enum Role {
  STUDENT = 'STUDENT',
  ALUMNUS = 'ALUMNUS',
  EMPLOYER = 'EMPLOYER',
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
}

/** Graduated trust: later services send content of NEW (and sometimes BASIC) authors to review. */
export enum TrustLevel {
  NEW = 'NEW',
  BASIC = 'BASIC',
  TRUSTED = 'TRUSTED',
}
