// The automation settings page: switches, defaults, the rule list with its editor, and the
// version history. The rules are edited as a draft and saved whole, as a new version.
import { useFetcher, useRevalidator } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Layout, Page, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { placeErrors, type PlacedErrors, sameRuleSet } from "~/automation/rule-draft";
import type { RuleSet } from "~/automation/rules/rule-set";
import type { AutomationActionData, AutomationScreenView } from "~/automation/settings-views";
import { en } from "~/i18n/en";
import { DefaultsCard } from "./defaults-card";
import { RuleList } from "./rule-list";
import { SwitchesCard } from "./switches-card";
import { VersionHistory } from "./version-history";

const t = en.automation;

const NO_ERRORS: PlacedErrors = { rules: {}, defaults: {}, general: [] };

export function AutomationSettingsScreen({ view }: { view: AutomationScreenView }) {
  const { config } = view;
  const switches = useFetcher<AutomationActionData>();
  const shopify = useAppBridge();
  const pending = switches.state === "idle" ? null : String(switches.formData?.get("intent") ?? "");
  const quietPeriodError =
    switches.data && !switches.data.ok && switches.state === "idle" ? switches.data.error : undefined;

  useEffect(() => {
    if (switches.state !== "idle" || !switches.data?.ok || switches.data.kind !== "switched") return;
    const { intent, resumed } = switches.data;
    const toast = t.switches.toast;
    if (intent === "set-quiet-period") shopify.toast.show(toast.quietPeriod);
    else if (intent === "set-paused") shopify.toast.show(resumed ? toast.resumed : toast.paused);
    // The page's data is fresh once the fetcher is idle: it says which way the switch went.
    else shopify.toast.show(config.enabled ? toast.enabled : toast.disabled);
    // Once per answer: config changes with it and must not show the toast again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [switches.state, switches.data, shopify]);

  const submitSwitch = (intent: string, field: string, value: string) =>
    switches.submit({ intent, [field]: value, idempotencyKey: crypto.randomUUID() }, { method: "post" });

  return (
    <Page
      title={t.title}
      subtitle={t.subtitle}
      secondaryActions={[
        { content: t.activity.link, url: "/app/automation/activity" },
        { content: t.dryRunLink, url: "/app/automation/dry-run" },
      ]}
    >
      <Layout>
        <Layout.Section>
          {/* A save or a reload with a newer version starts a fresh draft from it. */}
          <RulesEditor key={config.version} view={view} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <SwitchesCard
              enabled={config.enabled}
              paused={config.paused}
              quietPeriodMinutes={config.quietPeriodMinutes}
              pending={pending}
              quietPeriodError={quietPeriodError}
              onSetEnabled={(enabled) => submitSwitch("set-enabled", "enabled", String(enabled))}
              onSetPaused={(paused) => submitSwitch("set-paused", "paused", String(paused))}
              onSetQuietPeriod={(text) => submitSwitch("set-quiet-period", "quietPeriodMinutes", text)}
            />
            <VersionHistory versions={view.versions} current={config.version} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function RulesEditor({ view }: { view: AutomationScreenView }) {
  const { config } = view;
  const fetcher = useFetcher<AutomationActionData>();
  const shopify = useAppBridge();
  const { revalidate, state: revalidating } = useRevalidator();
  const [draft, setDraft] = useState<RuleSet>(config.ruleSet);
  // One key per draft: saving the same draft twice (a double click) is one save with one answer,
  // not a save and then a "someone saved since" refusal.
  const [saveKey, setSaveKey] = useState(() => crypto.randomUUID());
  const edit = (next: RuleSet) => {
    setDraft(next);
    setSaveKey(crypto.randomUUID());
  };
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const [open, setOpen] = useState<string[]>([]);
  const [stale, setStale] = useState<number | null>(null);
  const saving = fetcher.state !== "idle";
  const changed = !sameRuleSet(draft, config.ruleSet);

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    const result = fetcher.data;
    if (result.ok && result.kind === "saved") shopify.toast.show(t.rules.saved(result.version));
    if (!result.ok && result.kind === "invalid") {
      const placed = placeErrors(result.fieldErrors);
      setErrors(placed);
      // Open every rule with a problem, so each error shows next to its field.
      setOpen((ids) => [
        ...new Set([...ids, ...Object.keys(placed.rules).map((i) => draft.rules[Number(i)]?.id ?? "")]),
      ]);
    }
    if (!result.ok && result.kind === "stale") setStale(result.currentVersion);
    if (!result.ok && result.kind === "refused") shopify.toast.show(result.error, { isError: true });
    // Only the answer to this submission: the draft's later edits must not re-run it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data, shopify]);

  const save = () =>
    fetcher.submit(
      {
        intent: "save-rules",
        ruleSet: JSON.stringify(draft),
        expectedVersion: String(config.version),
        idempotencyKey: saveKey,
      },
      { method: "post" },
    );

  return (
    <BlockStack gap="400">
      {stale !== null && (
        <Banner
          tone="warning"
          action={{ content: t.rules.reload, onAction: revalidate, loading: revalidating === "loading" }}
        >
          {t.rules.stale(stale)}
        </Banner>
      )}
      {errors.general.length > 0 || Object.keys(errors.rules).length > 0 || Object.keys(errors.defaults).length > 0 ? (
        <Banner tone="critical" title={t.rules.invalid}>
          {errors.general.length > 0 ? (
            <BlockStack gap="100">
              {errors.general.map((message) => (
                <Text as="p" key={message}>
                  {message}
                </Text>
              ))}
            </BlockStack>
          ) : undefined}
        </Banner>
      ) : null}
      {changed && (
        <Banner
          tone="info"
          action={{ content: t.rules.save, onAction: save, loading: saving }}
          secondaryAction={{ content: t.rules.discard, onAction: () => edit(config.ruleSet) }}
        >
          {t.rules.unsaved}
        </Banner>
      )}
      <RuleList
        rules={draft.rules}
        errors={errors.rules}
        locations={view.locations}
        open={open}
        onOpenChange={setOpen}
        onChange={(rules, reordered) => {
          // Errors name rules by position: once the order changes they would point at the wrong rule.
          if (reordered) setErrors({ ...errors, rules: {} });
          edit({ ...draft, rules });
        }}
      />
      <DefaultsCard
        defaults={draft.defaults}
        errors={errors.defaults}
        onChange={(defaults) => edit({ ...draft, defaults })}
      />
    </BlockStack>
  );
}
