/** A wrong answer from the code under measurement: aborts the bench with its message. */
export class WrongAnswer extends Error {
  override name = 'WrongAnswer';
}
