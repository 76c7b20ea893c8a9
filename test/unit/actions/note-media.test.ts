import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../../extension/actions/define.ts';
import type { Collection } from '../../../extension/collection/collection.ts';
import { call, contextFor, newCollection, ok } from '../../helpers/builders.ts';
import type { MemoryMedia } from '../../helpers/memory-media.ts';

let col: Collection;
let ctx: ActionContext;
let media: MemoryMedia;

beforeEach(async () => {
  col = await newCollection();
  ctx = contextFor(col);
  media = ctx.media as MemoryMedia;
});

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/a.mp3') res.end('audio bytes');
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const b64 = (s: string) => Buffer.from(s).toString('base64');
const note = (extra: Record<string, unknown>, fields: Record<string, string> = { Front: 'f', Back: 'b' }) => ({
  deckName: 'Default',
  modelName: 'Basic',
  fields,
  ...extra,
});
const fieldsOf = (id: number) => (col.db.scalar('select flds from notes where id = ?', [id]) as string).split('\x1f');
const stored = async (name: string) => {
  const bytes = await media.read(name);
  return bytes && Buffer.from(bytes).toString();
};

describe('media attached to addNote', () => {
  it('stores audio, video and picture, as one object or a list, and appends their references', async () => {
    const id = await ok<number>(ctx, 'addNote', {
      note: note({
        audio: [{ url: `${base}/a.mp3`, filename: 'a.mp3', fields: ['Back'] }],
        video: { data: b64('video'), filename: 'v.webm', fields: ['Front', 'Back'] },
        picture: [{ data: b64('png'), filename: 'p.png', fields: ['Front'] }, null],
      }),
    });
    expect(fieldsOf(id)).toEqual(['f[sound:v.webm]<img src="p.png">', 'b[sound:a.mp3][sound:v.webm]']);
    expect(await stored('a.mp3')).toBe('audio bytes');
    expect(await stored('v.webm')).toBe('video');
    expect(await stored('p.png')).toBe('png');
  });

  it('references the name the file was stored under', async () => {
    await media.write('p.png', Buffer.from('older'));
    const id = await ok<number>(ctx, 'addNote', { note: note({ picture: { data: b64('newer'), filename: 'p.png', fields: ['Back'] } }) });
    // deleteExisting is not given, so the old file stays and the new one is renamed.
    expect(fieldsOf(id)[1]).toMatch(/^b<img src="p-[0-9a-f]{40}\.png">$/);
    expect(await stored('p.png')).toBe('older');
    const id2 = await ok<number>(ctx, 'addNote', {
      note: note({ picture: { data: b64('replaced'), filename: 'p.png', deleteExisting: true, fields: ['Back'] } }, { Front: 'g', Back: '' }),
    });
    expect(fieldsOf(id2)[1]).toBe('<img src="p.png">');
    expect(await stored('p.png')).toBe('replaced');
  });

  it('appends only to fields named exactly, and not at all when fields is missing or not a list', async () => {
    const id = await ok<number>(ctx, 'addNote', {
      note: note({
        audio: [
          { data: b64('1'), filename: '1.mp3', fields: ['back', 'Nope', 7, 'Back'] },
          { data: b64('2'), filename: '2.mp3' },
          { data: b64('3'), filename: '3.mp3', fields: 'Back' },
        ],
      }),
    });
    expect(fieldsOf(id)).toEqual(['f', 'b[sound:1.mp3]']);
    expect((await media.list()).sort()).toEqual(['1.mp3', '2.mp3', '3.mp3']);
  });

  it('puts the HTML-escaped error into the fields instead of failing', async () => {
    const id = await ok<number>(ctx, 'addNote', {
      note: note({
        audio: { url: `${base}/missing.mp3?a=1&b=<2>`, filename: 'm.mp3', fields: ['Back'] },
        picture: { data: 'QQ', filename: 'bad.png', fields: ['Front'] },
      }),
    });
    expect(fieldsOf(id)).toEqual(['fIncorrect padding', `b${base}/missing.mp3?a=1&amp;b=&lt;2&gt; download failed with return code 404`]);
    expect(await media.list()).toEqual([]);
  });

  it('puts a missing filename error into the fields too', async () => {
    const id = await ok<number>(ctx, 'addNote', { note: note({ audio: { data: b64('x'), fields: ['Back'] } }) });
    expect(fieldsOf(id)).toEqual(['f', "b'filename'"]);
  });

  it('fails the note only when a failing medium has no usable fields', async () => {
    expect((await call(ctx, 'addNote', { note: note({ audio: { data: b64('x') } }) })).error).toBe("'fields'");
    expect((await call(ctx, 'addNote', { note: note({ audio: 'a.mp3' }) })).error).toBe("string indices must be integers, not 'str'");
    expect((await call(ctx, 'addNote', { note: note({ audio: [5] }) })).error).toBe("'int' object is not subscriptable");
    expect((await call(ctx, 'addNote', { note: note({ audio: { data: 'QQ', filename: 'x', fields: 3 } }) })).error).toBe("'int' object is not iterable");
    expect(col.db.scalar('select count() from notes')).toBe(0);
  });

  it('stores nothing when the note fails before its media (unknown model or deck)', async () => {
    const picture = { data: b64('p'), filename: 'p.png', fields: ['Front'] };
    expect((await call(ctx, 'addNote', { note: note({ picture, modelName: 'Nope' }) })).error).toBe('model was not found: Nope');
    expect((await call(ctx, 'addNote', { note: note({ picture, deckName: 'Nope' }) })).error).toBe('deck was not found: Nope');
    expect(await media.list()).toEqual([]);
  });

  it('stores the media even when the note then turns out a duplicate, as AnkiConnect does', async () => {
    await ok(ctx, 'addNote', { note: note({}) });
    const picture = { data: b64('p'), filename: 'dup.png', fields: ['Back'] };
    expect((await call(ctx, 'addNote', { note: note({ picture }) })).error).toBe('cannot create note because it is a duplicate');
    expect(await media.list()).toEqual(['dup.png']);
  });

  it('counts the appended reference when checking for an empty note', async () => {
    const id = await ok<number>(ctx, 'addNote', { note: note({ picture: { data: b64('p'), filename: 'only.png', fields: ['Front'] } }, { Front: '', Back: '' }) });
    expect(fieldsOf(id)).toEqual(['<img src="only.png">', '']);
  });
});

describe('media in the other note actions', () => {
  it('addNotes stores each note’s media', async () => {
    const ids = await ok<number[]>(ctx, 'addNotes', {
      notes: [
        note({ audio: { data: b64('1'), filename: 'n1.mp3', fields: ['Back'] } }, { Front: 'one', Back: '' }),
        note({ audio: { data: b64('2'), filename: 'n2.mp3', fields: ['Back'] } }, { Front: 'two', Back: '' }),
      ],
    });
    expect(ids.map((id) => fieldsOf(id)[1])).toEqual(['[sound:n1.mp3]', '[sound:n2.mp3]']);
  });

  it('canAddNotes stores media too (upstream side effect) but adds nothing', async () => {
    expect(await ok(ctx, 'canAddNotes', { notes: [note({ picture: { data: b64('p'), filename: 'can.png', fields: ['Back'] } })] })).toEqual([true]);
    expect(await media.list()).toEqual(['can.png']);
    expect(col.db.scalar('select count() from notes')).toBe(0);
    expect(await ok(ctx, 'canAddNoteWithErrorDetail', { note: note({ audio: 'x' }) })).toEqual({
      canAdd: false,
      error: "string indices must be integers, not 'str'",
    });
  });

  it('updateNoteFields appends to the updated fields', async () => {
    const id = await ok<number>(ctx, 'addNote', { note: note({}) });
    await ok(ctx, 'updateNoteFields', { note: { id, fields: { Back: 'new' }, audio: { data: b64('u'), filename: 'u.mp3', fields: ['Back'] } } });
    expect(fieldsOf(id)).toEqual(['f', 'new[sound:u.mp3]']);
    expect(await stored('u.mp3')).toBe('u');
    await ok(ctx, 'updateNote', { note: { id, fields: {}, picture: { data: b64('v'), filename: 'v.png', fields: ['Front'] } } });
    expect(fieldsOf(id)).toEqual(['f<img src="v.png">', 'new[sound:u.mp3]']);
  });

  it('updateNoteFields stores nothing for a note that does not exist', async () => {
    const audio = { data: b64('u'), filename: 'u.mp3', fields: ['Back'] };
    expect((await call(ctx, 'updateNoteFields', { note: { id: 1, fields: {}, audio } })).error).toBe('Note was not found: 1');
    expect(await media.list()).toEqual([]);
  });
});
