import type { Progress } from './model';

/** Whole percent done, floored, so 99.6 % never shows as 100 % while a task is still open. */
export function percent({ done, total }: Progress): number {
  return total === 0 ? 0 : Math.floor((done / total) * 100);
}
