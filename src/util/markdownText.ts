// Text from files and file names shown inside a MarkdownString (tooltips, hovers): markdown syntax and
// theme-icon syntax (`$(name)`) escaped, so a task or file name is shown as written and never renders as markup.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>$~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, '\\$&');
}
