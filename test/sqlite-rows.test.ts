import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../src/storage/db.js';
import { openSqlite } from '../src/storage/dialects/sqlite.js';

// SQLite's rows are made into objects by Muster's dialect, not by better-sqlite3
// (src/storage/dialects/sqlite.ts). They must be the objects better-sqlite3 would have made.

let storage: Storage | undefined;
afterEach(async () => {
  await storage?.close();
  storage = undefined;
});

function open() {
  storage = openSqlite(':memory:');
  return storage.db;
}

describe("SQLite rows made by Muster's dialect", () => {
  it('are the objects better-sqlite3 makes, for every kind of value and a name that comes twice', async () => {
    const db = open();
    const query = sql`select 1 as n, 2.5 as r, 'text' as t, null as z, x'00ff' as b, 'first' as twice, 'last' as twice`;
    const { rows } = await query.execute(db);
    const plain = new SQLite(':memory:');
    const expected = plain.prepare(query.compile(db).sql).all();
    plain.close();
    expect(rows).toEqual(expected);
    expect(rows[0]).toEqual({ n: 1, r: 2.5, t: 'text', z: null, b: Buffer.from([0, 255]), twice: 'last' });
  });

  it('keep any column name as a key, and never run one as code', async () => {
    const db = open();
    const names = ['a"b', "it's", '}; throw new Error("ran"); ({', 'back\\slash', 'new\nline', '\u2028'];
    const columns = names.map((name, i) => sql`${sql.lit(i)} as ${sql.id(name)}`);
    const { rows } = await sql`select ${sql.join(columns)}`.execute(db);
    expect(rows[0]).toEqual(Object.fromEntries(names.map((name, i) => [name, i])));
  });

  it('follow a change of the schema made after the query was first run', async () => {
    const db = open();
    await db.schema.createTable('things').addColumn('id', 'integer').execute();
    await sql`insert into things (id) values (1)`.execute(db);
    const everything = () => sql`select * from things`.execute(db);
    expect((await everything()).rows).toEqual([{ id: 1 }]);
    await db.schema
      .alterTable('things')
      .addColumn('name', 'text', (c) => c.defaultTo('one'))
      .execute();
    expect((await everything()).rows).toEqual([{ id: 1, name: 'one' }]);
    await db.schema.alterTable('things').renameColumn('name', 'label').execute();
    expect((await everything()).rows).toEqual([{ id: 1, label: 'one' }]);
  });

  it('are streamed as objects too', async () => {
    const db = open();
    const streamed: unknown[] = [];
    for await (const row of db.selectNoFrom([sql<number>`7`.as('seven')]).stream()) streamed.push(row);
    expect(streamed).toEqual([{ seven: 7 }]);
  });

  it('leave writes answering as they did: rows changed, and RETURNING rows as objects', async () => {
    const db = open();
    await db.schema.createTable('things').addColumn('id', 'integer').execute();
    const inserted = await sql`insert into things (id) values (1), (2)`.execute(db);
    expect(inserted.numAffectedRows).toBe(2n);
    const returned = await sql`update things set id = id + 10 returning id`.execute(db);
    expect(returned.rows).toEqual([{ id: 11 }, { id: 12 }]);
  });
});
