import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { RequestValidationError } from './zod-validation.pipe';

export const DEFAULT_PAGE_SIZE = 100;
export const MAXIMUM_PAGE_SIZE = 500;

/**
 * The query parameters every list takes: `limit` rows (1..500, 100 by default) after `cursor`, the
 * `nextCursor` of the page before. Spread into a list's query schema.
 */
export const pageQueryShape = {
  limit: z.coerce.number().int().min(1).max(MAXIMUM_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1).max(2_000).optional(),
};
export type PageRequest = { readonly limit: number; readonly cursor?: string | undefined };

/** One page of a list: the rows in the list's stable order, and the cursor of the next page (null on the last). */
export type Page<Item> = { readonly items: Item[]; readonly nextCursor: string | null };

export const pageSchema = <Item extends z.ZodType>(item: Item) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('pass as cursor for the next page; null on the last page'),
  });

/** A column of a list's sort order; the last ones must make the order total (a unique key). */
export type KeysetColumn = { readonly column: string; readonly direction: 'asc' | 'desc' };
type KeyValue = string | number | boolean;

/** Opaque to clients: base64url of the last row's sort key, as JSON. */
export const encodeCursor = (key: readonly KeyValue[]): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** The sort key a cursor holds, for lists ordered in memory; a cursor of another list is a 400 naming `cursor`. */
export const decodeCursorKey = (cursor: string, length: number): KeyValue[] =>
  decodeCursor(
    cursor,
    Array.from({ length }, () => ({ column: '', direction: 'asc' as const })),
  );

function decodeCursor(cursor: string, order: readonly KeysetColumn[]): KeyValue[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const scalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);
  if (!Array.isArray(key) || key.length !== order.length || !key.every(scalar)) {
    const message = "not a cursor of this list: pass a page's nextCursor unchanged";
    throw new RequestValidationError('query', [{ path: 'cursor', message }]);
  }
  return key as KeyValue[];
}

/**
 * Keyset pagination: the condition "after the row with this sort key" in the list's order (mixed directions
 * allowed), so a page costs an index range scan however deep it is, and rows added meanwhile neither shift
 * nor repeat later pages as OFFSET would. undefined without a cursor (the first page).
 */
export function keysetAfter(
  order: readonly KeysetColumn[],
  cursor: string | undefined,
): RawBuilder<boolean> | undefined {
  if (cursor === undefined) return undefined;
  const key = decodeCursor(cursor, order);
  const disjuncts = order.map((current, index) => {
    const equalBefore = order
      .slice(0, index)
      .map((earlier, position) => sql`${sql.ref(earlier.column)} = ${key[position]}`);
    const comparison = sql.raw(current.direction === 'desc' ? '<' : '>');
    const beyond = sql`${sql.ref(current.column)} ${comparison} ${key[index]}`;
    return sql`(${sql.join([...equalBefore, beyond], sql` and `)})`;
  });
  return sql<boolean>`(${sql.join(disjuncts, sql` or `)})`;
}

/** Cuts the `limit + 1` rows fetched into a page; the extra row only tells that there is a next page. */
export function pageOf<Row, Item>(
  rows: readonly Row[],
  limit: number,
  keyOf: (row: Row) => readonly KeyValue[],
  toItem: (row: Row) => Item,
): Page<Item> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null;
  return { items: page.map(toItem), nextCursor };
}
