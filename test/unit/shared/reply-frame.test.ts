import { describe, expect, it } from 'vitest';
import { decodeReplyFrame, encodeReplyFrame } from '../../../shared/reply-frame.ts';

const reply = { type: 'response' as const, id: 7, status: 200, headers: { 'Content-Type': 'application/json' }, journalSeq: 3 };

describe('reply frames', () => {
  it('carry the header and the body bytes as they are, a null body as none', () => {
    const body = new TextEncoder().encode('{"result":"日本","error":null}');
    const back = decodeReplyFrame(encodeReplyFrame(reply, body));
    expect(back.header).toEqual({ ...reply, hasBody: true });
    expect(Buffer.from(back.body!).equals(Buffer.from(body))).toBe(true);
    expect(decodeReplyFrame(encodeReplyFrame(reply, null))).toEqual({ header: { ...reply, hasBody: false }, body: null });
    expect(decodeReplyFrame(encodeReplyFrame(reply, new Uint8Array(0))).body).toEqual(new Uint8Array(0));
  });

  it('write the header in place behind a body with room, and copy a body without', () => {
    const room = new Uint8Array(1024);
    room.set([1, 2, 3], 10);
    const body = room.subarray(10, 13);
    const frame = encodeReplyFrame(reply, body);
    expect(frame.buffer).toBe(room.buffer);
    expect(frame.byteOffset).toBe(10);
    expect([...decodeReplyFrame(frame).body!]).toEqual([1, 2, 3]);

    const tight = new Uint8Array([4, 5, 6]);
    const copied = encodeReplyFrame(reply, tight);
    expect(copied.buffer).not.toBe(tight.buffer);
    expect([...decodeReplyFrame(copied).body!]).toEqual([4, 5, 6]);
    expect([...tight]).toEqual([4, 5, 6]);
  });

  it('refuse what is not a reply frame', () => {
    expect(() => decodeReplyFrame(new Uint8Array(2))).toThrow('too short');
    expect(() => decodeReplyFrame(new Uint8Array([0, 0, 0, 0xff]))).toThrow('past its start');
    const notReply = new TextEncoder().encode('{"type":"status"}');
    const frame = new Uint8Array(notReply.length + 4);
    frame.set(notReply);
    new DataView(frame.buffer).setUint32(notReply.length, notReply.length, true);
    expect(() => decodeReplyFrame(frame)).toThrow('without a response header');
  });
});
