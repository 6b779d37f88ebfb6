import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { type ShouldRevalidateFunction, useLoaderData, useRevalidator } from "@remix-run/react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { PickupGroupCard } from "~/components/pickup/pickup-group-card";
import { useCancellationToasts } from "~/components/pickup/use-cancellation-toasts";
import { NotCollectedSetting, type SettingResult } from "~/components/pickup/not-collected-setting";
import { useEffect } from "react";
import { actorOf, httpStatusOf, isFulfillmentActionSubmission } from "~/fulfillment/detail/action-response";
import { CANCEL_AND_RESTOCK_INTENT } from "~/fulfillment/pickup/cancel-and-restock";
import { cancelAndRestockPickupOrder } from "~/fulfillment/pickup/cancel-and-restock.server";
import { loadPickupBoard, saveNotCollectedDays } from "~/fulfillment/pickup/pickup-board.server";
import { z } from "zod";
import { runOnce } from "~/fulfillment/actions/action-requests.server";
import { onceRefusal, readForm } from "~/http/read-form.server";
import { en } from "~/i18n/en";
import { getJobQueue } from "~/jobs/runtime.server";
import { authenticate } from "~/shopify.server";

const t = en.pickup;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const now = new Date();
  return json({ board: await loadPickupBoard(session.shop, { now }), now: now.toISOString() });
};

const SAVE_SETTING_INTENT = "save-not-collected-days";

/** The setting's form; one key per save, like every submission with an effect. */
const SaveSettingIntent = z.object({
  intent: z.literal(SAVE_SETTING_INTENT),
  notCollectedDays: z.string().optional(),
  idempotencyKey: z.string().min(8).max(100),
});

/** While Shopify cancels a row, look again this often, so the row goes when it's done. */
const CANCELLING_REFRESH_MS = 2_000;

// The board's own actions are its setting and "cancel and restock"; the quick actions post to the
// FO detail route's action.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const form = await readForm(request);
  if (form.get("intent") === CANCEL_AND_RESTOCK_INTENT) {
    const result = await cancelAndRestockPickupOrder(
      admin.graphql,
      { shop: session.shop, actor: actorOf(sessionToken), queue: getJobQueue() },
      Object.fromEntries(form),
    );
    return json(result, { status: result.ok ? 200 : httpStatusOf(result) });
  }
  const setting = SaveSettingIntent.safeParse(Object.fromEntries(form));
  if (!setting.success) return json<SettingResult>({ ok: false, error: t.settings.invalid }, { status: 400 });
  const once = await runOnce(
    {
      shop: session.shop,
      idempotencyKey: setting.data.idempotencyKey,
      intent: SAVE_SETTING_INTENT,
      fulfillmentOrderId: null,
      actor: actorOf(sessionToken),
    },
    () => saveNotCollectedDays(session.shop, setting.data.notCollectedDays),
  );
  if (once.kind !== "done") return json<SettingResult>({ ok: false, error: onceRefusal(once.kind) }, { status: 409 });
  if (!once.result.ok) return json<SettingResult>({ ok: false, error: t.settings.invalid }, { status: 422 });
  return json<SettingResult>(once.result);
};

export const meta: MetaFunction = () => [{ title: t.title }];

// A quick action's form toasts its answer, then revalidates the board (action-form.tsx).
// The setting's save regroups the board at once.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  isFulfillmentActionSubmission(formData) && formData?.get("intent") !== SAVE_SETTING_INTENT
    ? false
    : defaultShouldRevalidate;

export default function PickupBoard() {
  const { board, now: nowIso } = useLoaderData<typeof loader>();
  const now = new Date(nowIso);
  const cancelling = board.notCollected.some((order) => order.cancellation?.status === "cancelling");
  const { revalidate, state } = useRevalidator();
  useCancellationToasts(board.notCollected);
  useEffect(() => {
    if (!cancelling || state !== "idle") return;
    const timer = setTimeout(revalidate, CANCELLING_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [cancelling, state, revalidate]);
  return (
    <Page title={t.title} subtitle={t.subtitle}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <PickupGroupCard group="awaiting" heading={t.groups.awaiting} orders={board.awaiting} now={now} />
            <PickupGroupCard group="ready" heading={t.groups.ready} orders={board.ready} now={now} />
            <PickupGroupCard
              group="notCollected"
              heading={t.groups.notCollected(board.notCollectedDays)}
              orders={board.notCollected}
              now={now}
            />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <NotCollectedSetting days={board.notCollectedDays} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
