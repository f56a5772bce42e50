// How each node looks: label, "done/total", status icon, tooltip, checkbox, and the click that reveals its line.
import * as vscode from 'vscode';
import { weekDeltaText } from './weekChanges';
import { fileName, percent, plainText, weekLabel, weekShortLabel, weekTitle } from '../../util/labels';
import { RULES, type Finding, type Severity } from '../../core/checks/types';
import type { FileNode, FindingNode, FindingsNode, HeadingNode, RuleNode, TaskNode, TrackerNode } from './nodes';
import { claimedStatusLabel, headingStatus, progressState, stateLabel, statusIcon, type NodeStatus } from './status';
import { escapeMarkdown } from '../../util/markdownText';

export interface ItemContext {
  readonly isAdded: (uri: vscode.Uri) => boolean;
  /** Expand every heading (a filter is on, so the tree is short and the point is to see the tasks). */
  readonly expandAll: boolean;
  /** Done this week for a week node ("+5 this week"), or undefined to show nothing. */
  readonly weekDelta?: (uri: vscode.Uri, week: number, doneNow: number) => number | undefined;
}

export function toTreeItem(node: TrackerNode, context: ItemContext): vscode.TreeItem {
  switch (node.kind) {
    case 'file':
      return fileItem(node, context);
    case 'heading':
      return headingItem(node, context);
    case 'task':
      return taskItem(node);
    case 'findings':
      return findingsItem(node);
    case 'rule':
      return ruleItem(node);
    case 'finding':
      return findingItem(node);
  }
}

export function nodeLabel(node: TrackerNode): string {
  switch (node.kind) {
    case 'file':
      return fileName(node.entry.uri);
    case 'heading':
      return node.week ? weekShortLabel(node.week) : plainText(node.heading.title || node.heading.text);
    case 'task':
      return plainText(node.task.text) || vscode.l10n.t('(empty task)');
    case 'findings':
      return vscode.l10n.t('Checks');
    case 'rule':
      return RULES[node.rule].title();
    case 'finding':
      return node.finding.message;
  }
}

function fileItem(node: FileNode, context: ItemContext): vscode.TreeItem {
  const model = node.entry.model;
  const item = new vscode.TreeItem(nodeLabel(node), vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = `${model.counted.done}/${model.counted.total}`;
  item.iconPath = statusIcon(progressState(model.counted));
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escapeMarkdown(nodeLabel(node))}**  \n`);
  tooltip.appendText(vscode.workspace.asRelativePath(node.entry.uri));
  tooltip.appendMarkdown('\n\n');
  tooltip.appendText(vscode.l10n.t('{0} of {1} tasks done ({2}%).', model.counted.done, model.counted.total, percent(model.counted)));
  const notCounted = model.allTasks.total - model.counted.total;
  if (notCounted > 0) tooltip.appendText(' ' + vscode.l10n.t('{0} template task(s) not counted.', notCounted));
  item.tooltip = tooltip;
  item.contextValue = context.isAdded(node.entry.uri) ? 'trackerFile.added' : 'trackerFile';
  item.command = revealCommand(node, 0, 0);
  return item;
}

function headingItem(node: HeadingNode, context: ItemContext): vscode.TreeItem {
  const { heading, week } = node;
  const expanded = context.expandAll || node.startExpanded;
  const item = new vscode.TreeItem(
    nodeLabel(node),
    node.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = node.id;
  const claimed = week ? week.status : heading.status;
  const progress = heading.excluded ? heading.allTasks : week ? week.progress : heading.progress;
  const status = headingStatus(claimed, progress, heading.excluded, week?.statusLine);
  // Progress first: it is what must stay visible when the side bar cuts the description off; a week's title
  // follows it (its full text, with the "Week N" prefix, is in the tooltip).
  const parts = [
    heading.excluded ? vscode.l10n.t('{0}/{1} (template, not counted)', progress.done, progress.total) : `${progress.done}/${progress.total}`,
  ];
  const delta = week ? context.weekDelta?.(node.entry.uri, week.number, week.progress.done) : undefined;
  if (delta !== undefined) parts.push(weekDeltaText(delta));
  if (week && weekTitle(week)) parts.push(weekTitle(week));
  item.description = parts.join(' · ');
  item.iconPath = statusIcon(status.state);
  item.tooltip = headingTooltip(node, status, claimed === 'unknown' ? undefined : claimedStatusLabel(claimed));
  item.contextValue = week ? 'week' : 'heading';
  item.command = revealCommand(node, heading.line, 0);
  return item;
}

function headingTooltip(node: HeadingNode, status: NodeStatus, claimed: string | undefined): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escapeMarkdown(node.week ? weekLabel(node.week) : nodeLabel(node))}**\n\n`);
  if (status.state === 'template') {
    tooltip.appendText(vscode.l10n.t('A template section: its tasks are not counted toward progress.'));
    tooltip.appendMarkdown('\n\n');
  }
  tooltip.appendText(vscode.l10n.t('{0} of {1} tasks done ({2}%).', status.progress.done, status.progress.total, percent(status.progress)));
  if (claimed) tooltip.appendText(' ' + vscode.l10n.t('Claimed status: {0}.', claimed));
  if (status.disagreement) {
    tooltip.appendMarkdown('\n\n$(warning) ');
    tooltip.appendText(status.disagreement);
  } else if (status.state !== 'template') {
    tooltip.appendText(' ' + stateLabel(status.state) + '.');
  }
  if (node.isCurrentWeek) tooltip.appendMarkdown('\n\n' + escapeMarkdown(vscode.l10n.t('The current week: the first with open tasks.')));
  tooltip.appendMarkdown('\n\n' + escapeMarkdown(vscode.l10n.t('Line {0}', node.heading.line + 1)));
  tooltip.supportThemeIcons = true;
  return tooltip;
}

function taskItem(node: TaskNode): vscode.TreeItem {
  const { task } = node;
  const item = new vscode.TreeItem(
    nodeLabel(node),
    node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  item.checkboxState = task.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(task.text);
  tooltip.appendMarkdown('\n\n');
  tooltip.appendText(
    (task.checked ? vscode.l10n.t('Done') : vscode.l10n.t('Open')) +
      ' · ' +
      vscode.l10n.t('Line {0}', task.line + 1) +
      (task.excluded ? ' · ' + vscode.l10n.t('template, not counted') : ''),
  );
  item.tooltip = tooltip;
  if (task.excluded) item.description = vscode.l10n.t('(template, not counted)');
  if (node.failedCriterion) {
    item.description = vscode.l10n.t('criterion fails');
    tooltip.appendMarkdown('\n\n$(error) ');
    tooltip.appendText(node.failedCriterion.message);
    tooltip.supportThemeIcons = true;
  }
  item.contextValue = task.checked ? 'task.done' : 'task.open';
  item.command = revealCommand(node, task.line, task.markColumn);
  return item;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

function severityIcon(severity: Severity): vscode.ThemeIcon {
  switch (severity) {
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    case 'warning':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    default:
      return new vscode.ThemeIcon('info');
  }
}

/** The worst severity among findings decides the icon of the nodes that group them. */
function worst(findings: readonly Finding[]): Severity {
  return SEVERITY_ORDER.find((severity) => findings.some((f) => f.severity === severity)) ?? 'hint';
}

function countsBySeverity(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const others = findings.length - errors - warnings;
  const parts = [];
  if (errors) parts.push(vscode.l10n.t('{0} errors', errors));
  if (warnings) parts.push(vscode.l10n.t('{0} warnings', warnings));
  if (others) parts.push(vscode.l10n.t('{0} notes', others));
  return parts.join(' · ');
}

function findingsItem(node: FindingsNode): vscode.TreeItem {
  const item = new vscode.TreeItem(nodeLabel(node), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = countsBySeverity(node.findings);
  item.iconPath = severityIcon(worst(node.findings));
  item.tooltip = vscode.l10n.t('Where this tracker contradicts itself or its evidence. The same findings are in the Problems panel while the file is open.');
  item.contextValue = 'findings';
  return item;
}

function ruleItem(node: RuleNode): vscode.TreeItem {
  const item = new vscode.TreeItem(nodeLabel(node), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = String(node.findings.length);
  item.iconPath = severityIcon(worst(node.findings));
  item.tooltip = `${node.rule}: ${RULES[node.rule].title()}`;
  item.contextValue = 'findingRule';
  return item;
}

function findingItem(node: FindingNode): vscode.TreeItem {
  const { finding } = node;
  const item = new vscode.TreeItem(nodeLabel(node), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = vscode.l10n.t('Line {0}', finding.line + 1);
  item.iconPath = severityIcon(finding.severity);
  item.tooltip = `${finding.message}\n\n${finding.rule} · ${vscode.l10n.t('Line {0}', finding.line + 1)}`;
  item.contextValue = 'finding';
  item.command = revealCommand(node, finding.line, finding.startColumn);
  return item;
}

function revealCommand(node: TrackerNode, line: number, column: number): vscode.Command {
  const position = new vscode.Position(line, column);
  const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(position, position), preserveFocus: true };
  return { command: 'vscode.open', title: vscode.l10n.t('Reveal in Editor'), arguments: [node.entry.uri, options] };
}
