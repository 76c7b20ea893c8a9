/** Target lines printed next to the figures: "target … → met / NOT met". */
import { fmt } from './table.ts';

export interface Target {
  /** What is measured, e.g. "version p50 through the chain". */
  label: string;
  value: number;
  unit: string;
  /** 'max': value must be ≤ limit; 'min': value must be ≥ limit. */
  kind: 'max' | 'min';
  limit: number;
}

export function isMet(t: Target): boolean {
  return t.kind === 'max' ? t.value <= t.limit : t.value >= t.limit;
}

export function targetLine(t: Target): string {
  const op = t.kind === 'max' ? '≤' : '≥';
  const verdict = isMet(t) ? 'met' : 'NOT met';
  const unit = t.unit === '×' ? '×' : ` ${t.unit}`;
  return `Target: ${t.label} ${op} ${fmt(t.limit)}${unit}: measured ${fmt(t.value)}${unit} → ${verdict}`;
}
