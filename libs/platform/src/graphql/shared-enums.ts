import { registerEnumType } from '@nestjs/graphql';
import { ApprovalDecision, Role, TrustLevel } from '@careers/contracts';

// Enums from contracts, registered once for every domain's schema.
registerEnumType(Role, {
  name: 'Role',
  description: 'What a person does on the platform: one role per account.',
  valuesMap: {
    STUDENT: { description: 'A student of an institution, who joined with `signUp` and an email at one of its domains.' },
    ALUMNUS: { description: 'A graduate of an institution, who joined with `signUp` like a student.' },
    EMPLOYER: { description: 'A member of an employer organisation: acts for students only once an institution approves it.' },
    STAFF: { description: 'Careers staff of one institution, made by an admin: their powers stop at their own institution.' },
    ADMIN: { description: 'Belongs to the installation, not to an institution, and may act for any institution.' },
  },
});
registerEnumType(TrustLevel, {
  name: 'TrustLevel',
  description: 'Graduated trust that careers staff set for each person with `setTrustLevel`.',
  valuesMap: {
    NEW: { description: 'Every account that signs up starts here.' },
    BASIC: { description: 'Between NEW and TRUSTED.' },
    TRUSTED: { description: 'The highest level: staff and admin accounts start here.' },
  },
});
registerEnumType(ApprovalDecision, {
  name: 'ApprovalDecision',
  description:
    "Where one institution's decision stands on something its careers staff approve for their students: an organisation, a vacancy or a live chat.",
  valuesMap: {
    PENDING: { description: "The institution's careers staff have not decided yet; asking again after a rejection, or an edit that needs a fresh look, sets it back here." },
    APPROVED: { description: "Approved by that institution: its students see the vacancy or live chat; the organisation's employers may act for them." },
    REJECTED: { description: 'Rejected, with a reason the employer sees; they may change it and ask again.' },
  },
});
