// The offer editor's save: validate every field, then create, or update from the version the
// form was opened at. Answers what the route sends: 200, 422 with field messages, 409 stale, 404.
import { runOnce } from "~/fulfillment/actions/action-requests.server";
import { onceRefusal } from "~/http/read-form.server";
import { en } from "~/i18n/en";
import { CreateKey, ExpectedVersion, parseOfferDraft } from "./offer-form";
import { createOffer, updateOffer } from "./offer-store.server";
import type { OfferEditorActionData } from "./offer-views";

const t = en.upsell;

interface EditorAnswer {
  status: 200 | 400 | 404 | 409 | 422;
  data: OfferEditorActionData;
}

export async function saveOfferForm(
  shop: string,
  id: string | null,
  form: Record<string, unknown>,
): Promise<EditorAnswer> {
  const parsed = parseOfferDraft(form);
  if (!parsed.ok) {
    return {
      status: 422,
      data: { ok: false, kind: "invalid", error: t.form.invalid, fieldErrors: parsed.fieldErrors },
    };
  }
  if (id === null) {
    const key = CreateKey.safeParse(form.idempotencyKey);
    if (!key.success) return { status: 400, data: { ok: false, kind: "refused", error: t.errors.createKey } };
    const claim = { shop, idempotencyKey: key.data, intent: "upsell.create", fulfillmentOrderId: null, actor: null };
    const once = await runOnce(claim, async () => (await createOffer(shop, parsed.draft)).id);
    if (once.kind !== "done")
      return { status: 409, data: { ok: false, kind: "refused", error: onceRefusal(once.kind) } };
    return { status: 200, data: { ok: true } };
  }
  const version = ExpectedVersion.safeParse(form.expectedVersion);
  if (!version.success) return { status: 400, data: { ok: false, kind: "refused", error: t.errors.version } };
  const result = await updateOffer(shop, id, parsed.draft, version.data);
  if (result.kind === "not-found") return { status: 404, data: { ok: false, kind: "refused", error: t.form.notFound } };
  if (result.kind === "stale") return { status: 409, data: { ok: false, kind: "stale", error: t.form.stale } };
  return { status: 200, data: { ok: true } };
}
