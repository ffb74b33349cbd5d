import { copyArray, copyField, copyIn, copyNumberArray } from '../../apps/api/src/platform/database/copy-in';
import { createTestApp, type TestApp } from '../setup/test-app';

// COPY FROM STDIN without a dependency (platform/database/copy-in.ts), against the real PostgreSQL:
// any text arrives exactly, a failing source or a refused row leaves nothing, and a stream far
// larger than the socket's buffers goes through (the source is pulled as the socket drains).
describe('copyIn', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.db.query(
      `CREATE TABLE copy_probe (n int PRIMARY KEY, label text, tags text[], amounts numeric[])`,
    );
  });
  afterAll(() => t.close());

  const tricky = [
    'plain',
    '',
    'NULL',
    'null',
    'a,b',
    '{x}',
    'say "hi"',
    'back\\slash',
    'tab\there',
    'new\nline',
    'cr\rx',
    ' spaced ',
  ];
  const row = (n: number, label: string | null, tags: (string | null)[], amounts: (string | null)[]) =>
    `${n}\t${copyField(label)}\t${copyField(copyArray(tags))}\t${copyNumberArray(amounts)}\n`;

  it('writes any text exactly: quotes, commas, braces, backslashes, tabs, newlines, NULL and null', async () => {
    const rows = tricky.map((s, i) => row(i, s, [s, null, 'x'], ['1.50', null, '-2']));
    rows.push(row(100, null, [], []));
    const n = await t.db.transaction((m) => copyIn(m, `COPY copy_probe FROM STDIN`, [rows.join('')]));
    expect(n).toBe(tricky.length + 1);
    const back: { n: number; label: string | null; tags: (string | null)[]; amounts: (string | null)[] }[] =
      await t.db.query(`SELECT n, label, tags, amounts::text[] AS amounts FROM copy_probe ORDER BY n`);
    expect(back).toEqual([
      ...tricky.map((s, i) => ({ n: i, label: s, tags: [s, null, 'x'], amounts: ['1.50', null, '-2'] })),
      { n: 100, label: null, tags: [], amounts: [] },
    ]);
    await t.db.query(`TRUNCATE copy_probe`);
  });

  it('streams a large text in chunks (pulled as the socket drains) and counts the rows', async () => {
    let pulled = 0;
    function* chunks() {
      for (let c = 0; c < 40; c += 1) {
        pulled += 1;
        let s = '';
        for (let i = 0; i < 5000; i += 1) s += row(c * 5000 + i, 'x'.repeat(40), ['a', 'b'], ['12345.67']);
        yield s;
      }
    }
    const n = await t.db.transaction((m) => copyIn(m, `COPY copy_probe FROM STDIN`, chunks()));
    expect(pulled).toBe(40);
    expect(n).toBe(200_000);
    expect(
      (await t.db.query(`SELECT count(*)::int AS c, sum(amounts[1])::text AS s FROM copy_probe`))[0],
    ).toEqual({
      c: 200_000,
      s: '2469134000.00',
    });
    await t.db.query(`TRUNCATE copy_probe`);
  });

  it('a source that fails part-way rejects with its own error, and the transaction leaves nothing', async () => {
    function* failing() {
      yield row(1, 'one', [], []);
      throw new Error('source broke');
    }
    await expect(t.db.transaction((m) => copyIn(m, `COPY copy_probe FROM STDIN`, failing()))).rejects.toThrow(
      'source broke',
    );
    expect((await t.db.query(`SELECT count(*)::int AS c FROM copy_probe`))[0].c).toBe(0);
  });

  it('a row PostgreSQL refuses rejects the COPY; nothing is stored and the connection stays usable', async () => {
    const rows = [row(1, 'a', [], []), row(1, 'duplicate', [], [])];
    await expect(
      t.db.transaction(async (m) => {
        await copyIn(m, `COPY copy_probe FROM STDIN`, rows);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect((await t.db.query(`SELECT count(*)::int AS c FROM copy_probe`))[0].c).toBe(0);
    const n = await t.db.transaction((m) => copyIn(m, `COPY copy_probe FROM STDIN`, [row(2, 'b', [], [])]));
    expect(n).toBe(1);
  });

  it('a refusal early in a large stream stops the source, rejects, and leaves the connection usable', async () => {
    await t.db.query(`TRUNCATE copy_probe`);
    let pulled = 0;
    function* chunks() {
      for (let c = 0; c < 60; c += 1) {
        pulled += 1;
        let s = c === 0 ? row(0, 'first', [], []) + row(0, 'duplicate', [], []) : '';
        for (let i = 1; i <= 5000; i += 1) s += row(c * 5000 + i, 'y'.repeat(60), ['a'], ['1']);
        yield s;
      }
    }
    await expect(t.db.transaction((m) => copyIn(m, `COPY copy_probe FROM STDIN`, chunks()))).rejects.toThrow(
      /duplicate key/,
    );
    expect(pulled).toBeLessThan(60); // the source stopped once PostgreSQL refused
    expect((await t.db.query(`SELECT count(*)::int AS c FROM copy_probe`))[0].c).toBe(0);
    const n = await t.db.transaction((m) =>
      copyIn(m, `COPY copy_probe FROM STDIN`, [row(7, 'after', [], [])]),
    );
    expect(n).toBe(1);
    await t.db.query(`TRUNCATE copy_probe`);
  });

  it('refuses to run outside a transaction', async () => {
    await expect(copyIn(t.db.manager, `COPY copy_probe FROM STDIN`, [])).rejects.toThrow(
      /inside a transaction/,
    );
  });
});
