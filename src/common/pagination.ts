import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { badInput } from './domain-error.js';

/**
 * Cursor connections (API extensions beside the contract's plain lists). A cursor is the opaque
 * position of an entry in the list's stable order; `first` defaults to the list's page size and
 * is at most MAX_PAGE.
 */
export const MAX_PAGE = 100;

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfoModel;
  totalCount: number;
}

/** The GraphQL types `<Name>Edge` and `<Name>Connection` for nodes of `node`. */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeModel {
    @Field({ description: 'pass as `after` to get the entries behind this one' }) cursor: string;
    @Field(() => node) node: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionModel {
    @Field(() => [EdgeModel]) edges: EdgeModel[];
    @Field(() => PageInfoModel) pageInfo: PageInfoModel;
    @Field(() => Int, { description: 'all entries, on every page' }) totalCount: number;
  }
  return ConnectionModel;
}

export const encodeCursor = (position: number): string => Buffer.from(`p:${position}`).toString('base64url');

/** The position a cursor stands for; BAD_USER_INPUT for anything that is not one of ours. */
export function decodeCursor(cursor: string | null | undefined, field = 'after'): number {
  if (cursor == null) return -1;
  const match = /^p:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || encodeCursor(Number(match[1])) !== cursor) throw badInput(field, 'ist kein gültiger Cursor (den Wert aus edges.cursor oder pageInfo.endCursor übergeben)');
  return Number(match[1]);
}

/** The page size: `first` if given (1 to MAX_PAGE), else `fallback`. */
export function pageSize(first: number | null | undefined, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw badInput('first', `muss zwischen 1 und ${MAX_PAGE} liegen`);
  return size;
}

/** One page of entries `offset…` out of `totalCount`, cursors counting from 0. */
export function page<T>(nodes: T[], offset: number, totalCount: number, hasMore = offset + nodes.length < totalCount): Connection<T> {
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: hasMore,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** A page of an ordered list that is already in memory (one set-based load per request). */
export function pageOf<T>(all: T[], first: number | null | undefined, after: string | null | undefined, fallback: number): Connection<T> {
  const size = pageSize(first, fallback);
  const offset = decodeCursor(after) + 1;
  return page(all.slice(offset, offset + size), offset, all.length);
}
