/**
 * The sql.js Database class, taken from the collection's own open database:
 * a package is read into, and an export built in, a separate database of
 * the same sql.js instance, without the callers having to pass it around.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import type { Collection } from '../collection.ts';

export type DatabaseClass = SqlJsStatic['Database'];

export function databaseClassOf(col: Collection): DatabaseClass {
  return (Object.getPrototypeOf(col.db.raw) as { constructor: DatabaseClass }).constructor;
}

/** The minimal SqlJsStatic that createCollection needs, around a Database class. */
export function sqlJsOf(Database: DatabaseClass): SqlJsStatic {
  return { Database } as unknown as SqlJsStatic;
}

export type { Database };
