import { registerEnumType } from '@nestjs/graphql';
import { Role, TrustLevel } from '@careers/contracts';

// Enums from contracts, registered once for every domain's schema.
registerEnumType(Role, { name: 'Role', description: 'What a person does on the platform.' });
registerEnumType(TrustLevel, { name: 'TrustLevel', description: 'Graduated trust: NEW authors are reviewed first.' });
