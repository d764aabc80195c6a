import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsFQDN, IsOptional, Length } from 'class-validator';

/** "Leeds.AC.uk." and "leeds.ac.uk" are one domain: compared, stored and matched in one spelling. */
const domains = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? [...new Set(value.map((d) => (typeof d === 'string' ? d.trim().toLowerCase().replace(/\.+$/, '') : d)))] : value,
  );

@InputType({ description: 'A new institution on this installation (admins only).' })
export class CreateInstitutionInput {
  @Field({ description: 'Display name, 1 to 200 characters.' })
  @Length(1, 200)
  name: string;

  @Field(() => [String], { description: 'Email domains of its students and alumni, such as "leeds.ac.uk".' })
  @domains()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsFQDN({}, { each: true, message: 'each email domain must be a domain name such as leeds.ac.uk' })
  emailDomains: string[];
}

@InputType({ description: 'Changes to an institution; fields left out stay as they are.' })
export class UpdateInstitutionInput {
  @Field(() => String, { nullable: true, description: 'New display name, 1 to 200 characters.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => [String], { nullable: true, description: 'Admins only: staff rename their institution, admins change who joins it.' })
  @IsOptional()
  @domains()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsFQDN({}, { each: true, message: 'each email domain must be a domain name such as leeds.ac.uk' })
  emailDomains?: string[];
}
