import { Badge, Banner, BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { en } from "~/i18n/en";

const t = en.automation;

interface SwitchesCardProps {
  enabled: boolean;
  paused: boolean;
  quietPeriodMinutes: number | null;
  /** The intent being submitted, to show its button as loading. */
  pending: string | null;
  quietPeriodError: string | undefined;
  onSetEnabled: (enabled: boolean) => void;
  onSetPaused: (paused: boolean) => void;
  onSetQuietPeriod: (text: string) => void;
}

/** On/off, pause/resume and the quiet period: each is saved on its own and takes effect at once. */
export function SwitchesCard(props: SwitchesCardProps) {
  const { enabled, paused, pending } = props;
  const [quiet, setQuiet] = useState(props.quietPeriodMinutes === null ? "" : String(props.quietPeriodMinutes));
  const status = !enabled ? "off" : paused ? "paused" : "on";
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {t.switches.heading}
            </Text>
            <Badge tone={status === "on" ? "success" : status === "paused" ? "attention" : undefined}>
              {t.status[status]}
            </Badge>
          </InlineStack>
          <InlineStack gap="200">
            {enabled && (
              <Button loading={pending === "set-paused"} onClick={() => props.onSetPaused(!paused)}>
                {paused ? t.switches.resume : t.switches.pause}
              </Button>
            )}
            <Button
              variant={enabled ? "secondary" : "primary"}
              loading={pending === "set-enabled"}
              onClick={() => props.onSetEnabled(!enabled)}
            >
              {enabled ? t.switches.turnOff : t.switches.turnOn}
            </Button>
          </InlineStack>
        </InlineStack>
        <Text as="p" tone="subdued">
          {t.switches.enabledHelp}
        </Text>
        {enabled && paused && <Banner tone="warning">{t.switches.pausedBanner}</Banner>}
        <InlineStack gap="200" blockAlign="end" wrap={false}>
          <TextField
            label={t.switches.quietPeriod}
            helpText={t.switches.quietPeriodHelp}
            type="number"
            min={0}
            autoComplete="off"
            value={quiet}
            onChange={setQuiet}
            error={props.quietPeriodError}
          />
        </InlineStack>
        <InlineStack>
          <Button loading={pending === "set-quiet-period"} onClick={() => props.onSetQuietPeriod(quiet)}>
            {t.switches.saveQuietPeriod}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
