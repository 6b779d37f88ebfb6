import { useFetcher } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { MAX_NOT_COLLECTED_DAYS, MIN_NOT_COLLECTED_DAYS } from "~/fulfillment/pickup/board";
import { en } from "~/i18n/en";

const t = en.pickup.settings;

export type SettingResult = { ok: true; notCollectedDays: number } | { ok: false; error: string };

/** ShopSettings.pickupNotCollectedDays, edited in place; the board regroups after saving. */
export function NotCollectedSetting({ days }: { days: number }) {
  const fetcher = useFetcher<SettingResult>();
  const shopify = useAppBridge();
  const [value, setValue] = useState(String(days));
  useEffect(() => setValue(String(days)), [days]);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) shopify.toast.show(t.saved);
  }, [fetcher.state, fetcher.data, shopify]);
  // One key per save: minted after hydration, renewed by each answer.
  const [idempotencyKey, setIdempotencyKey] = useState("");
  useEffect(() => {
    if (fetcher.state === "idle") setIdempotencyKey(crypto.randomUUID());
  }, [fetcher.state, fetcher.data]);
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.error : undefined;
  return (
    <Card>
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="save-not-collected-days" />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t.heading}
          </Text>
          <InlineStack gap="200" blockAlign="end">
            <TextField
              label={t.label}
              name="notCollectedDays"
              type="number"
              min={MIN_NOT_COLLECTED_DAYS}
              max={MAX_NOT_COLLECTED_DAYS}
              autoComplete="off"
              value={value}
              onChange={setValue}
              error={error}
            />
            <Button submit loading={fetcher.state !== "idle"} disabled={idempotencyKey === ""}>
              {t.save}
            </Button>
          </InlineStack>
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}
