import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { badInput } from '../errors/app-error.js';

/** The largest page a client may ask for. Larger `first` values are refused (BAD_USER_INPUT), not clamped. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Relay's PageInfo. Pages go forward only (`first`/`after`). */
@ObjectType({ description: 'Where a page sits in its list: pages go forward only, with `first` and `after`.' })
export class PageInfo {
  @Field({ description: 'True when more follow this page: pass endCursor as `after` to fetch them.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge; null on an empty page.' })
  endCursor: string | null;

  @Field({
    description:
      'Always false: pages go forward only, and the Relay spec lets a forward page answer false rather than look back. Keep the cursors you passed to go back.',
  })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first edge; null on an empty page.' })
  startCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page; leave it out for the first page.' })
  @IsOptional()
  @MaxLength(200)
  after?: string;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** Vacancy → Vacancies, User → Users: for the descriptions of a connection. */
const plural = (name: string): string => (/[^aeiou]y$/i.test(name) ? `${name.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(name) ? `${name}es` : `${name}s`);

/**
 * A Relay connection type for `node`: `@ObjectType() class UserConnection extends Connection(User) {}`.
 * The subclass inherits the description "A page of Users…" unless its own decorator gives one.
 */
export function Connection<T>(node: Type<T>, name = node.name): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with the cursor that marks its place.` })
  class Edge {
    @Field({ description: 'Opaque position of this edge: pass it as `after` to fetch what follows it.' })
    cursor: string;

    @Field(() => node, { description: `The ${name} at this place in the page.` })
    node: T;
  }

  @ObjectType({
    isAbstract: true,
    inheritDescription: true,
    description: `A page of ${plural(name)}: pass pageInfo.endCursor as \`after\` to fetch the next one.`,
  })
  class ConnectionType {
    @Field(() => [Edge], { description: `The ${plural(name)} on this page, in the order the query gives; empty when there are none.` })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Whether another page follows, and the cursors of this one.' })
    pageInfo: PageInfo;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}

/** Keyset cursors: opaque to clients, the sort key and id of the last row to us. */
export function encodeCursor(sortKey: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      typeof value[1] === 'string'
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through
  }
  throw badInput('The cursor is not valid: pass the endCursor of a previous page.', { field: 'after' });
}

/** Builds a page from rows fetched with `limit + 1` (the extra row tells whether there is a next page). */
export function toConnection<T>(rows: T[], first: number, cursorOf: (row: T) => string): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: cursorOf(node) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: edges.at(-1)?.cursor ?? null,
      // Whether rows precede `after` would cost a second query per page; Relay lets forward pagination say false.
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
    },
  };
}

export const pageSize = (args: ConnectionArgs): number => args.first ?? DEFAULT_PAGE_SIZE;
