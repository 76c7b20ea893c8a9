import { describe, expect, it } from 'vitest';
import { addMediaFile, sameBytes, sha1Hex } from '../../../../extension/collection/media/add.ts';
import { MemoryMedia } from '../../../../extension/collection/media/memory.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('addMediaFile (Anki add_data_to_folder_uniquely)', () => {
  it('follows Anki’s own test: same bytes reuse the name, other bytes get the sha1, capitals are folded', async () => {
    const store = new MemoryMedia();
    expect(await addMediaFile(store, 'test.mp3', text('hello'))).toBe('test.mp3');
    expect(await addMediaFile(store, 'test.mp3', text('hello'))).toBe('test.mp3');
    expect(await addMediaFile(store, 'Test.mp3', text('hello1'))).toBe('test-88fdd585121a4ccb3d1540527aee53a77c77abb8.mp3');
    expect(await addMediaFile(store, 'test.mp3', text('hello1'))).toBe('test-88fdd585121a4ccb3d1540527aee53a77c77abb8.mp3');
    expect((await store.list()).sort()).toEqual(['test-88fdd585121a4ccb3d1540527aee53a77c77abb8.mp3', 'test.mp3']);
    expect(new TextDecoder().decode((await store.read('test.mp3'))!)).toBe('hello');
  });

  it('stores a new capitalised name in lower case, and reuses an existing capitalised file with the same bytes', async () => {
    const store = new MemoryMedia();
    expect(await addMediaFile(store, 'Photo.PNG', text('p'))).toBe('photo.png');
    await store.write('Keep.png', text('k'));
    expect(await addMediaFile(store, 'Keep.png', text('k'))).toBe('Keep.png');
  });

  it('treats the file being replaced as absent, so it is overwritten in one write', async () => {
    const store = new MemoryMedia();
    await store.write('r.txt', text('old'));
    expect(await addMediaFile(store, 'r.txt', text('new'), 'r.txt')).toBe('r.txt');
    expect(new TextDecoder().decode((await store.read('r.txt'))!)).toBe('new');
    await store.write('other.txt', text('kept'));
    expect(await addMediaFile(store, 'other.txt', text('new'), 'r.txt')).toMatch(/^other-[0-9a-f]{40}\.txt$/);
  });

  it('normalises the name first', async () => {
    const store = new MemoryMedia();
    expect(await addMediaFile(store, 'a:b?.mp3', text('x'))).toBe('ab.mp3');
    expect(await store.list()).toEqual(['ab.mp3']);
  });

  it('sha1Hex and sameBytes', async () => {
    expect(await sha1Hex(text('hello'))).toBe('aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d');
    expect(sameBytes(text('ab'), text('ab'))).toBe(true);
    expect(sameBytes(text('ab'), text('ac'))).toBe(false);
    expect(sameBytes(text('ab'), text('abc'))).toBe(false);
  });
});
