// The `never` check of exhaustive switches over closed unions (chart kinds, task types, flag kinds): the
// compiler rejects a call whose argument can still be something, and at run time a value that slipped past
// the types (restored state, a message) fails loudly instead of being shown as some other kind.
export function assertNever(value: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
