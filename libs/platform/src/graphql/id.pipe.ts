import { type PipeTransform, Injectable } from '@nestjs/common';
import { badInput } from '../errors/app-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Ids are UUIDs: anything else is refused as BAD_USER_INPUT before it reaches SQL. */
@Injectable()
export class IdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (!isUuid(value)) throw badInput('The id is not valid: ids are UUIDs.', { value: String(value).slice(0, 64) });
    return value.toLowerCase();
  }
}
