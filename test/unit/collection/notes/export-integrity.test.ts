/**
 * After many note actions, the exported collection is a sound SQLite file
 * whose notes Python recomputes to the same checksums and sort fields.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, contextFor, newCollection, ok } from '../../../helpers/builders.ts';

const dir = mkdtempSync(join(tmpdir(), 'notes-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHECK = String.raw`
import hashlib, html, json, re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
out = {"integrity": db.execute("pragma integrity_check").fetchone()[0], "problems": [], "notes": 0}
models = json.loads(db.execute("select models from col").fetchone()[0])
MEDIA = re.compile(r'''(?xsi)<\b(?:img|audio|video|object|source)\b(?:[^>]|"[^"]+?"|'[^']+?')+?\b(?:src|data)\b=(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?:\x20[^>]*>|>))''')
TAGS = re.compile(r"(?si)(<!--.*?-->)|(<style.*?>.*?</style>)|(<script.*?>.*?</script>)|(<.*?>)")
def strip(text):
    text = MEDIA.sub(lambda m: " " + (m.group(1) or m.group(2) or m.group(3)) + " ", text)
    return html.unescape(TAGS.sub("", text)).replace("\xa0", " ")
for nid, mid, flds, sfld, csum in db.execute("select id, mid, flds, sfld, csum from notes"):
    out["notes"] += 1
    model = models[str(mid)]
    fields = flds.split("\x1f")
    if len(fields) != len(model["flds"]):
        out["problems"].append([nid, "field count"])
    first = strip(fields[0])
    if csum != int(hashlib.sha1(first.encode("utf-8")).hexdigest()[:8], 16):
        out["problems"].append([nid, "csum"])
    want = strip(fields[model["sortf"]])
    if not (sfld == want or (not isinstance(sfld, str) and str(sfld) == want)):
        out["problems"].append([nid, "sfld", sfld, want])
    if db.execute("select count() from cards where nid = ?", (nid,)).fetchone()[0] < 1:
        out["problems"].append([nid, "no cards"])
out["orphanCards"] = db.execute("select count() from cards where nid not in (select id from notes)").fetchone()[0]
out["graves"] = db.execute("select count() from graves").fetchone()[0]
print(json.dumps(out))
`;

describe('exported collection after note actions', () => {
  it('passes integrity_check and Python recomputes every csum and sfld', async () => {
    const col = await newCollection();
    const ctx = contextFor(col);
    const note = (modelName: string, fields: Record<string, string>, tags: string[] = []) => ({ deckName: 'Default', modelName, fields, tags });
    const firsts = [
      'plain',
      '<b>bold</b> &amp; more',
      'x<img src="pic one.jpg">y',
      "<audio src='a.mp3'></audio>",
      '42',
      '3.5',
      'caf\u00e9 e\u0301',
      '<!-- c -->kept<style>.x{}</style>',
      'a&nbsp;b',
      '<div>日本語</div>',
    ];
    const ids = await ok<number[]>(ctx, 'addNotes', { notes: firsts.map((f, i) => note('Basic', { Front: f, Back: `b${i}` }, [`t${i}`])) });
    await ok(ctx, 'addNotes', {
      notes: Array.from({ length: 200 }, (_, i) => note('Basic (and reversed card)', { Front: `w<i>${i}</i>`, Back: `r${i}` })),
    });
    await ok(ctx, 'addNote', { note: note('Cloze', { Text: '{{c1::Canberra}} is the {{c2::capital}}' }) });
    await ok(ctx, 'addNote', { note: note('Basic (optional reversed card)', { Front: 'opt', Back: 'back' }) });
    await ok(ctx, 'updateNoteFields', { note: { id: ids[0], fields: { Front: '<u>changed</u>' } } });
    await ok(ctx, 'updateNoteModel', { note: { id: ids[1], modelName: 'Basic (and reversed card)', fields: { Front: 'moved', Back: 'x' } } });
    await ok(ctx, 'updateNote', { note: { id: ids[2], fields: { Back: '<img src=b.png>' }, tags: ['new'] } });
    await ok(ctx, 'deleteNotes', { notes: [ids[3], ids[4]] });
    expect((await call(ctx, 'addNotes', { notes: [note('Basic', { Front: 'new' }), note('Basic', { Front: 'kept' })] })).error).toBe(
      "['cannot create note because it is a duplicate']",
    );

    const file = join(dir, 'collection.anki21');
    writeFileSync(file, col.export());
    writeFileSync(join(dir, 'check.py'), CHECK);
    const report = JSON.parse(execFileSync('python3', [join(dir, 'check.py'), file], { encoding: 'utf8' }));
    expect(report).toEqual({ integrity: 'ok', problems: [], notes: 10 + 200 + 2 - 2, orphanCards: 0, graves: 4 });
  });
});
