// Panel and report titles, shared by the chart panels and the CLI's `report` so both name a view alike.
import * as l10n from '@vscode/l10n';

export const runTitle = (label: string): string => l10n.t('Chart: {0}', label);
export const compareTitle = (labels: readonly string[]): string => l10n.t('Compare: {0}', labels.join(' ↔ '));
export const trendTitle = (): string => l10n.t('Run Trend');
export const progressTitle = (file: string): string => l10n.t('Progress: {0}', file);
