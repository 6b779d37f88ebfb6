// Tests fail on an unexpected console.error: a React warning, a swallowed failure or an error log
// the test did not predict is a defect until a test says it is expected. The setup file installs
// the guard; a test that expects an error log says so with allowConsoleError before it happens.
import { format } from "node:util";

interface GuardState {
  seen: string[];
  allowed: RegExp[];
}

const KEY = Symbol.for("fulfillment-desk.console-guard");
const globals = globalThis as typeof globalThis & { [KEY]?: GuardState };

function state(): GuardState {
  return (globals[KEY] ??= { seen: [], allowed: [] });
}

/** Wraps console.error so every call is recorded (and still printed). Idempotent. */
export function installConsoleGuard(): void {
  const guard = state();
  const original = console.error;
  if ((original as { guarded?: boolean }).guarded) return;
  const guarded = (...args: unknown[]) => {
    guard.seen.push(format(...args));
    original.apply(console, args);
  };
  console.error = Object.assign(guarded, { guarded: true });
}

/** The current test expects console.error output matching `pattern`. */
export function allowConsoleError(pattern: RegExp): void {
  state().allowed.push(pattern);
}

/** The console.error calls since the last take that no allowance matched; resets for the next test. */
export function takeUnexpectedConsoleErrors(): string[] {
  const guard = state();
  const unexpected = guard.seen.filter((line) => !guard.allowed.some((pattern) => pattern.test(line)));
  guard.seen = [];
  guard.allowed = [];
  return unexpected;
}
