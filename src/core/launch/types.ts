// What the builders return: a program and its argv, exactly as a ProcessExecution (or the CLI) receives them.

export interface CommandLine {
  readonly command: string;
  readonly args: readonly string[];
  /** Extra environment variables for the process (merged over the inherited environment). */
  readonly env?: Readonly<Record<string, string>>;
}

import type { ComposeCommand } from './composeCommand';

/**
 * A program to run: a path (never split, it may hold spaces), or a command with its leading arguments, such as
 * `["/usr/bin/python3", "tools/locust_wrapper.py"]`; the builders' argv follows those arguments.
 */
export type Program = string | readonly string[];

/** Where the programs live; settings in the extension, flags in the CLI. */
export interface Binaries {
  readonly locust?: Program;
  readonly docker?: string;
  readonly pytest?: string;
  /** The compose program (detected or chosen); `docker compose` through `docker` when absent. */
  readonly compose?: ComposeCommand;
  /** false where no TTY is wanted (the CLI's line for CI, the extension's tasks): `exec` gets `-T`. */
  readonly tty?: boolean;
}

/** A value as it may come from tasks.json or the CLI: strings, numbers and booleans, lists as arrays or strings. */
export type Scalar = string | number | boolean;
