// Reads an action's form body, or answers the client with a 4xx it can act on. Every action of
// the app takes a form (Remix's <Form>, useFetcher().submit); anything else is a client we don't
// know, and must get a clear refusal rather than a 500 from request.formData().
import { json } from "@remix-run/node";
import { en } from "~/i18n/en";

const t = en.requests;

const FORM_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * Names that reach an object's prototype when used as a key (`__proto__[0][x]`). Form fields
 * are turned into objects (form-data.ts, Object.fromEntries), so such a name is refused outright.
 */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const hasPrototypeKey = (name: string): boolean => name.split(/[[\].]/).some((segment) => PROTOTYPE_KEYS.has(segment));

/** What a screen answers when its submission's key is still running, or was used for another action. */
export const onceRefusal = (kind: "running" | "conflict"): string =>
  kind === "running" ? t.stillRunning : t.keyReused;

/** The refusal every route sends for a body it cannot read: `{ ok: false, error }`. */
const refuse = (status: 400 | 415, error: string) => json({ ok: false, error }, { status });

/**
 * The request's form, or a thrown 415 (not a form), or 400 (unreadable, a field name that
 * reaches a prototype). Thrown like authenticate.admin's responses, so the
 * route stays one line per step.
 */
export async function readForm(request: Request): Promise<FormData> {
  const contentType = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_CONTENT_TYPES.includes(contentType)) throw refuse(415, t.notAForm);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw refuse(400, t.unreadableForm);
  }
  for (const name of form.keys()) {
    if (hasPrototypeKey(name)) throw refuse(400, t.fieldNameRefused(name));
  }
  return form;
}
