import { Badge, BlockStack, Box, Button, InlineStack, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/section-card";
import { holdReasonLabel } from "~/components/labels";
import type { ActionAvailability } from "~/fulfillment/actions/contract";
import { formatAge } from "~/fulfillment/detail/derive";
import type { HoldView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";
import { ActionForm, type ActionFormContext, useActionForm } from "./action-form";
import { UnavailableReason } from "./unavailable-reason";

const t = en.fulfillmentOrder.holds;
const ta = en.actions;

function ReleaseHoldsForm({
  context,
  holdIds,
  label,
  accessibilityLabel,
}: {
  context: ActionFormContext;
  /** Empty: every hold of ours. */
  holdIds: string[];
  label: string;
  accessibilityLabel?: string;
}) {
  const form = useActionForm("release-holds", context);
  return (
    <ActionForm form={form}>
      {holdIds.map((id, index) => (
        <input key={id} type="hidden" name={`holdIds[${index}]`} value={id} />
      ))}
      <InlineStack>
        <Button submit loading={form.submitting} disabled={!form.ready} accessibilityLabel={accessibilityLabel}>
          {label}
        </Button>
      </InlineStack>
    </ActionForm>
  );
}

/** Every hold with who placed it and for how long; ours can be released, one by one or all. */
export function HoldsCard({
  holds,
  release,
  context,
  now,
}: {
  holds: HoldView[];
  release: ActionAvailability | undefined;
  context: ActionFormContext;
  now: Date;
}) {
  const ours = holds.filter((hold) => hold.heldByUs);
  const canRelease = release?.available === true;
  return (
    <SectionCard heading={t.heading} empty={holds.length === 0 ? t.none : null}>
      {holds.map((hold) => {
        const reason = holdReasonLabel(hold.reason);
        return (
          <Box key={hold.id} padding="300" borderWidth="025" borderColor="border" borderRadius="200">
            <BlockStack gap="200">
              <InlineStack gap="200" blockAlign="center" wrap>
                <Text as="h3" variant="headingSm">
                  {reason}
                </Text>
                <Badge tone={hold.heldByUs ? "info" : undefined}>
                  {hold.heldByUs ? t.heldByUs : t.heldByOther(hold.heldByAppTitle)}
                </Badge>
                <Text as="span" tone="subdued">
                  {t.age(formatAge(hold.firstSeenAt, now))}
                </Text>
              </InlineStack>
              <Text as="p">{hold.reasonNotes || t.noNotes}</Text>
              {hold.heldByUs && canRelease && (
                <ReleaseHoldsForm
                  context={context}
                  holdIds={[hold.id]}
                  label={ta.release.one}
                  accessibilityLabel={ta.release.oneLabel(reason)}
                />
              )}
              {!hold.heldByUs && (
                <Text as="p" variant="bodySm" tone="subdued">
                  {t.otherAppReadOnly}
                </Text>
              )}
            </BlockStack>
          </Box>
        );
      })}
      {ours.length > 1 && canRelease && <ReleaseHoldsForm context={context} holdIds={[]} label={ta.release.all} />}
      {ours.length > 0 && release && !release.available && <UnavailableReason availability={release} />}
    </SectionCard>
  );
}
