/**
 * Anki's scheduler computes in 32-bit floats (f32) and converts with Rust's
 * `round` (half away from zero) and saturating `as u32`; these helpers
 * reproduce that so intervals match at the edges (5 × 1.3 is 6.4999998
 * in f32, not 6.5).
 */

/** The nearest f32. */
export const f32 = Math.fround;

/** Rust's `f32::round`: half away from zero. */
export function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** Rust's `x as u32`: truncates, saturating at 0 and u32::MAX; NaN is 0. */
export function asU32(x: number): number {
  if (Number.isNaN(x) || x <= 0) return 0;
  return Math.min(Math.trunc(x), 4_294_967_295);
}

/** Rust's `x as i32` for a float: truncates, saturating; NaN is 0. */
export function asI32(x: number): number {
  if (Number.isNaN(x)) return 0;
  return Math.max(-2_147_483_648, Math.min(Math.trunc(x), 2_147_483_647));
}

/** `(x * 10^places).round() / 10^places`, in f32. */
export function roundF32(x: number, places: number): number {
  const factor = f32(10 ** places);
  return f32(roundHalfAway(f32(f32(x) * factor)) / factor);
}

/** How serde_json writes an f32: the shortest text that reads back as the same f32 (`1.0`, `0.9`). */
export function f32Json(x: number): string {
  const v = f32(x);
  if (!Number.isFinite(v)) return 'null';
  let shortest = v;
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(v.toPrecision(p));
    if (f32(candidate) === v) {
      shortest = candidate;
      break;
    }
  }
  return Number.isInteger(shortest) && Math.abs(shortest) < 1e16 ? `${shortest}.0` : String(shortest);
}
