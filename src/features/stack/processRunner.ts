// Runs a short program (compose ps/config/version, docker version) and collects its output: execFile with an
// argv, never a shell. A program that cannot start (not installed) reports code -1 with the reason as stderr.
import { execFile } from 'node:child_process';
import type { ProbeResult } from '../../core/launch';

export type Runner = (command: string, args: readonly string[], options?: { cwd?: string; timeoutMs?: number }) => Promise<ProbeResult>;

export const runProcess: Runner = (command, args, options = {}) =>
  new Promise((resolve) => {
    execFile(command, [...args], { cwd: options.cwd, timeout: options.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024, env: process.env }, (error, stdout, stderr) => {
      if (!error) return resolve({ code: 0, stdout: String(stdout), stderr: String(stderr) });
      const code = typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) || error.message });
    });
  });
