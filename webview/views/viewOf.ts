// The view of each chart kind, for the panel (main.ts) and the exported report (report.ts) alike; a kind without
// one does not compile.
import { assertNever } from '../../src/shared/never';
import type { ViewData } from '../../src/shared/protocol';
import { compareView } from './compareView';
import type { ViewContext } from './context';
import { progressView } from './progressView';
import { runView } from './runView';
import { trendView } from './trendView';

export function viewOf(title: string, data: ViewData, ctx: ViewContext): Node[] {
  switch (data.kind) {
    case 'run':
      return runView(title, data, ctx);
    case 'compare':
      return compareView(title, data, ctx);
    case 'trend':
      return trendView(title, data, ctx);
    case 'progress':
      return progressView(title, data, ctx);
    default:
      return assertNever(data, 'chart kind');
  }
}
