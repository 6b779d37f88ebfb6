import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { type ShouldRevalidateFunction, useLoaderData } from "@remix-run/react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { PickupGroupCard } from "~/components/pickup/pickup-group-card";
import { NotCollectedSetting, type SettingResult } from "~/components/pickup/not-collected-setting";
import { isFulfillmentActionSubmission } from "~/fulfillment/detail/action-response";
import { loadPickupBoard, saveNotCollectedDays } from "~/fulfillment/pickup/pickup-board.server";
import { en } from "~/i18n/en";
import { authenticate } from "~/shopify.server";

const t = en.pickup;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const now = new Date();
  return json({ board: await loadPickupBoard(session.shop, { now }), now: now.toISOString() });
};

// The board's own action is its setting; the quick actions post to the FO detail route's action.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  if (form.get("intent") !== "save-not-collected-days") {
    return json<SettingResult>({ ok: false, error: t.settings.invalid }, { status: 400 });
  }
  const saved = await saveNotCollectedDays(session.shop, form.get("notCollectedDays"));
  if (!saved.ok) return json<SettingResult>({ ok: false, error: t.settings.invalid }, { status: 422 });
  return json<SettingResult>(saved);
};

export const meta: MetaFunction = () => [{ title: t.title }];

// A quick action's form toasts its answer, then revalidates the board (action-form.tsx).
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  isFulfillmentActionSubmission(formData) ? false : defaultShouldRevalidate;

export default function PickupBoard() {
  const { board, now: nowIso } = useLoaderData<typeof loader>();
  const now = new Date(nowIso);
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
