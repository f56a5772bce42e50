// The Progress panel: a burn-up of done against total at every commit (overall, or one week picked), the week
// claims as markers on it, and the tasks ticked, unticked, added and removed in a picked range, each one a
// button that asks the host to open its line.
import type { ProgressPoint, ProgressTask, ProgressViewData } from '../../src/shared/progressProtocol';
import type { HistoryRange } from '../../src/shared/progressProtocol';
import { h, note, section } from '../dom';
import { fill } from '../format';
import type { XY } from '../series';
import { sortableTable } from '../tables';
import { notesAndErrors } from './common';
import type { ViewContext } from './context';

const ms = (iso: string) => Date.parse(iso);
const short = (commit: string) => commit.slice(0, 8);

/** Done/total of one point, overall or for one week (null when the week is not in that commit). */
export function pointCounts(point: ProgressPoint, week: number | undefined): { done: number; total: number } | null {
  if (week === undefined) return { done: point.done, total: point.total };
  const found = point.weeks.find((w) => w.number === week);
  return found ? { done: found.done, total: found.total } : null;
}

function burnUp(data: ProgressViewData, ctx: ViewContext, week: number | undefined): HTMLElement {
  const s = ctx.strings;
  const series = (pick: 'done' | 'total'): XY[] => data.points.flatMap((p) => {
    const counts = pointCounts(p, week);
    return counts ? [{ x: ms(p.date), y: counts[pick] }] : [];
  });
  const claims = data.claims.filter((c) => week === undefined || c.week === week);
  const claimPoints: XY[] = claims.map((c) => ({ x: ms(c.date), y: week === undefined ? (data.points.find((p) => p.commit === c.commit)?.done ?? c.done) : c.done }));
  const title = week === undefined ? s.burnUp : `${s.burnUp}: ${fill(s.weekN, { number: week })}`;
  return ctx.chart({
    id: week === undefined ? 'progress-burnup' : `progress-burnup-week-${week}`,
    title,
    ariaLabel: fill(s.chartLabel, { title, count: data.points.length }),
    type: 'time',
    xFormat: 'date',
    xTitle: s.date,
    datasets: [
      { label: s.total, color: 'blue', data: series('total'), stepped: true },
      { label: s.done, color: 'green', data: series('done'), stepped: true },
      ...(claimPoints.length ? [{ label: s.claimed, color: 'orange' as const, data: claimPoints, markers: true }] : []),
    ],
  });
}

function weekPicker(data: ProgressViewData, ctx: ViewContext): HTMLElement {
  const select = h('select', { id: 'progress-week' }, h('option', { value: '' }, ctx.strings.overall), ...data.weeks.map((w) => h('option', { value: String(w.number) }, `${fill(ctx.strings.weekN, { number: w.number })}: ${w.title}`)));
  select.value = ctx.progressWeek === undefined ? '' : String(ctx.progressWeek);
  select.addEventListener('change', () => ctx.setProgressWeek(select.value === '' ? undefined : Number(select.value)));
  return h('label', { class: 'inline' }, ctx.strings.show, select);
}

function claimsList(data: ProgressViewData, ctx: ViewContext): HTMLElement | null {
  if (!data.claims.length) return null;
  return h('details', { class: 'data-table', id: 'progress-claims' }, h('summary', {}, `${ctx.strings.claimsTitle} (${data.claims.length})`),
    h('ul', {}, ...data.claims.map((c) => h('li', {}, `${fill(ctx.strings.weekN, { number: c.week })}: ${c.date.slice(0, 10)} (${short(c.commit)}), ${c.done}/${c.total}`))));
}

function rangePicker(data: ProgressViewData, ctx: ViewContext): HTMLElement {
  const s = ctx.strings;
  const range = data.range;
  const kind = h('select', { id: 'range-kind' }, h('option', { value: 'thisWeek' }, s.thisWeek), h('option', { value: 'since' }, s.sinceDate), h('option', { value: 'between' }, s.betweenCommits));
  kind.value = range.kind;
  const date = h('input', { type: 'date', id: 'range-date', value: range.kind === 'since' ? range.date : (data.points[0]?.date.slice(0, 10) ?? '') });
  const commitSelect = (id: string, chosen: string | undefined) => {
    const select = h('select', { id }, ...data.points.map((p) => h('option', { value: p.commit }, `${p.date.slice(0, 10)} ${short(p.commit)} ${p.subject}`)));
    if (chosen) select.value = data.points.find((p) => p.commit.startsWith(chosen))?.commit ?? chosen;
    return select;
  };
  const from = commitSelect('range-from', range.kind === 'between' ? range.from : data.points[0]?.commit);
  const to = commitSelect('range-to', range.kind === 'between' ? range.to : data.points[data.points.length - 1]?.commit);
  const sinceBox = h('label', { class: 'inline' }, s.sinceDate, date);
  const betweenBox = h('span', {}, h('label', { class: 'inline' }, s.from, from), ' ', h('label', { class: 'inline' }, s.to, to));
  const apply = h('button', { type: 'button', class: 'export', id: 'range-apply' }, s.apply);
  const sync = () => {
    sinceBox.hidden = kind.value !== 'since';
    betweenBox.hidden = kind.value !== 'between';
  };
  sync();
  kind.addEventListener('change', () => {
    sync();
    if (kind.value === 'thisWeek') ctx.pickRange({ kind: 'thisWeek' });
  });
  apply.addEventListener('click', () => {
    const picked: HistoryRange | undefined =
      kind.value === 'since' ? (/^\d{4}-\d{2}-\d{2}$/.test(date.value) ? { kind: 'since', date: date.value } : undefined) : kind.value === 'between' ? { kind: 'between', from: from.value, to: to.value } : { kind: 'thisWeek' };
    if (picked) ctx.pickRange(picked);
  });
  return h('div', { class: 'range-picker' }, h('label', { class: 'inline' }, s.range, kind), ' ', sinceBox, betweenBox, ' ', apply);
}

function taskList(id: string, title: string, tasks: readonly ProgressTask[], ctx: ViewContext): HTMLElement | null {
  if (!tasks.length) return null;
  return h('div', { class: 'task-changes', id }, h('h3', {}, `${title} (${tasks.length})`),
    h('ul', {}, ...tasks.map((task) => {
      const link = h('button', { type: 'button', class: 'link', 'data-line': String(task.line + 1) }, task.text);
      link.addEventListener('click', () => ctx.openTask(task));
      const where = [fill(ctx.strings.taskAt, { line: task.line + 1 }), task.week === null ? '' : fill(ctx.strings.weekN, { number: task.week })].filter(Boolean).join(', ');
      return h('li', {}, link, h('small', {}, ` (${where})`));
    })));
}

function changes(data: ProgressViewData, ctx: ViewContext): HTMLElement {
  const s = ctx.strings;
  const body: Array<HTMLElement | null> = [rangePicker(data, ctx), h('p', { id: 'range-label' }, data.rangeLabel)];
  if (data.rangeError) body.push(note(data.rangeError, 'error'));
  else if (data.changes && !data.changes.length) body.push(note(s.noChanges));
  else if (data.changes) {
    const of = (kind: ProgressTask['kind']) => data.changes!.filter((t) => t.kind === kind);
    body.push(taskList('changes-ticked', s.ticked, of('ticked'), ctx), taskList('changes-unticked', s.unticked, of('unticked'), ctx), taskList('changes-added', s.tasksAdded, of('added'), ctx), taskList('changes-removed', s.tasksRemoved, of('removed'), ctx));
  }
  return section('progress-range', s.range, ...body);
}

function pointsTable(data: ProgressViewData, ctx: ViewContext): HTMLElement {
  const s = ctx.strings;
  const week = ctx.progressWeek;
  const counts = (p: ProgressPoint) => pointCounts(p, week);
  return sortableTable<ProgressPoint>({
    id: 'progress-table',
    caption: s.pointsTable,
    columns: [
      { id: 'date', label: s.date, value: (p) => ms(p.date), render: (p) => p.date.slice(0, 16).replace('T', ' ') },
      { id: 'commit', label: s.commit, value: (p) => p.commit, render: (p) => h('code', {}, short(p.commit)) },
      { id: 'done', label: s.done, numeric: true, value: (p) => counts(p)?.done ?? null, render: (p) => String(counts(p)?.done ?? '—') },
      { id: 'total', label: s.total, numeric: true, value: (p) => counts(p)?.total ?? null, render: (p) => String(counts(p)?.total ?? '—') },
      { id: 'subject', label: s.subject, value: (p) => p.subject, render: (p) => p.subject },
    ],
    rows: data.points,
    sort: ctx.sortOf('progress-table'),
    onSort: (sort) => ctx.setSort('progress-table', sort),
    sortHint: s.sortHint,
  });
}

export function progressView(title: string, data: ProgressViewData, ctx: ViewContext): HTMLElement[] {
  const s = ctx.strings;
  const header = h('header', { class: 'page-header' }, h('h1', {}, title), h('p', {}, fill(s.progressTitle, { file: data.file, count: data.points.length })));
  const notes = data.shallow && data.points[0] ? [fill(s.shallowNote, { date: data.points[0].date.slice(0, 10) })] : [];
  const skipped = data.skipped.length ? h('details', { class: 'data-table', id: 'progress-skipped' }, h('summary', {}, `${s.skippedTitle} (${data.skipped.length})`), h('ul', {}, ...data.skipped.map((line) => h('li', {}, line)))) : null;
  if (!data.points.length) return [header, notesAndErrors(notes, data.errors, s), skipped, note(s.noPoints)].filter((e): e is HTMLElement => e !== null);
  const week = ctx.progressWeek !== undefined && data.weeks.some((w) => w.number === ctx.progressWeek) ? ctx.progressWeek : undefined;
  return [
    header,
    notesAndErrors(notes, data.errors, s),
    section('progress-burnup', s.burnUp, weekPicker(data, ctx), burnUp(data, ctx, week), claimsList(data, ctx), skipped, pointsTable(data, ctx)),
    changes(data, ctx),
  ].filter((e): e is HTMLElement => e !== null);
}
