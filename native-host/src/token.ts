/** The secret a host process hands the extension over the native port, and the check of a presented copy. */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export class HostToken {
  /** New for every host process. */
  readonly value = randomBytes(32).toString('hex');
  private readonly bytes = Buffer.from(this.value);

  /** True when `given` is this token (compared in constant time). */
  matches(given: unknown): boolean {
    return typeof given === 'string' && given.length === this.value.length && timingSafeEqual(Buffer.from(given), this.bytes);
  }
}
