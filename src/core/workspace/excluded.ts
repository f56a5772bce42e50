// Folders no workspace search of the extension or the CLI looks into: other projects' dependencies, VCS data,
// virtual environments, caches and build output. One list, so the CLI and the extension find the same files.
export const EXCLUDED_FOLDERS = ['node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '__pycache__', '.cache', 'dist'] as const;

/** The same as a findFiles exclude glob. */
export const EXCLUDE_GLOB = `**/{${EXCLUDED_FOLDERS.join(',')}}/**`;
