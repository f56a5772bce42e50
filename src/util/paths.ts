// A uri's path relative to a folder uri (POSIX, as evidence references and run ids are written), or undefined
// when the uri is not inside the folder.
import type * as vscode from 'vscode';

export function folderRelativePath(folder: vscode.Uri, uri: vscode.Uri): string | undefined {
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}
