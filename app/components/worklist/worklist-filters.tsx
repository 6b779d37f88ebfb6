// Tabs with their counts, search, filters and sort of the worklist, as Polaris IndexFilters.
// Props in, events out: the route turns a change into a new URL.
import { ChoiceList, IndexFilters, type IndexFiltersProps, TextField, useSetIndexFiltersMode } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { humanizeEnum } from "~/components/status-badge";
import {
  AGE_FILTER_DAYS,
  DELIVERY_METHODS,
  FINANCIAL_STATUSES,
  NO_FILTERS,
  type WorklistParams,
  withFilters,
} from "~/fulfillment/worklist/params";
import { WORKLIST_TABS, type WorklistTab } from "~/fulfillment/worklist/tabs";
import type { WorklistLocationOption } from "~/fulfillment/worklist/types";
import { en } from "~/i18n/en";
import { formatCount } from "./format";

const t = en.worklist;
const SEARCH_DEBOUNCE_MS = 400;

export interface WorklistFiltersProps {
  params: WorklistParams;
  counts: Record<WorklistTab, number>;
  locations: WorklistLocationOption[];
  loading: boolean;
  onChange: (params: WorklistParams) => void;
}

const first = (values: string[]) => values[0] ?? null;

export function WorklistFilters({ params, counts, locations, loading, onChange }: WorklistFiltersProps) {
  const { mode, setMode } = useSetIndexFiltersMode();
  const [query, setQuery] = useState(params.query ?? "");
  const [tag, setTag] = useState(params.tag ?? "");

  // Typing searches after a pause, not on every key.
  useEffect(() => {
    const next = query.trim() || null;
    if (next === params.query) return;
    const timer = setTimeout(() => onChange(withFilters(params, { query: next })), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, params, onChange]);

  useEffect(() => {
    const next = tag.trim() || null;
    if (next === params.tag) return;
    const timer = setTimeout(() => onChange(withFilters(params, { tag: next })), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [tag, params, onChange]);

  const change = (change: Partial<WorklistParams>) => onChange(withFilters(params, change));

  const tabs = WORKLIST_TABS.map((tab, index) => ({
    id: `worklist-tab-${tab}`,
    index,
    content: t.tabs[tab],
    badge: formatCount(counts[tab]),
    isLocked: true,
    onAction: () => undefined,
  }));

  const filters: IndexFiltersProps["filters"] = [
    {
      key: "location",
      label: t.filters.location,
      filter: (
        <ChoiceList
          title={t.filters.location}
          titleHidden
          choices={locations.map((l) => ({ label: l.name, value: l.id }))}
          selected={params.locationId ? [params.locationId] : []}
          onChange={(values) => change({ locationId: first(values) })}
        />
      ),
      shortcut: true,
    },
    {
      key: "delivery",
      label: t.filters.deliveryMethod,
      filter: (
        <ChoiceList
          title={t.filters.deliveryMethod}
          titleHidden
          choices={DELIVERY_METHODS.map((m) => ({ label: humanizeEnum(m), value: m }))}
          selected={params.deliveryMethod ? [params.deliveryMethod] : []}
          onChange={(values) => change({ deliveryMethod: first(values) })}
        />
      ),
      shortcut: true,
    },
    {
      key: "age",
      label: t.filters.age,
      filter: (
        <ChoiceList
          title={t.filters.age}
          titleHidden
          choices={AGE_FILTER_DAYS.map((days) => ({ label: t.filters.olderThan(days), value: String(days) }))}
          selected={params.olderThanDays ? [String(params.olderThanDays)] : []}
          onChange={(values) => {
            const days = Number(first(values));
            change({ olderThanDays: AGE_FILTER_DAYS.find((d) => d === days) ?? null });
          }}
        />
      ),
      shortcut: true,
    },
    {
      key: "tag",
      label: t.filters.tag,
      filter: (
        <TextField
          label={t.filters.tag}
          labelHidden
          helpText={t.filters.tagHelp}
          value={tag}
          onChange={setTag}
          autoComplete="off"
        />
      ),
    },
    {
      key: "financial",
      label: t.filters.financialStatus,
      filter: (
        <ChoiceList
          title={t.filters.financialStatus}
          titleHidden
          choices={FINANCIAL_STATUSES.map((s) => ({ label: humanizeEnum(s), value: s }))}
          selected={params.financialStatus ? [params.financialStatus] : []}
          onChange={(values) => change({ financialStatus: first(values) })}
        />
      ),
    },
  ];

  const locationName = locations.find((l) => l.id === params.locationId)?.name ?? params.locationId;
  const applied: IndexFiltersProps["appliedFilters"] = [
    ...(params.locationId
      ? [
          {
            key: "location",
            label: `${t.filters.location}: ${locationName}`,
            onRemove: () => change({ locationId: null }),
          },
        ]
      : []),
    ...(params.deliveryMethod
      ? [
          {
            key: "delivery",
            label: `${t.filters.deliveryMethod}: ${humanizeEnum(params.deliveryMethod)}`,
            onRemove: () => change({ deliveryMethod: null }),
          },
        ]
      : []),
    ...(params.olderThanDays
      ? [
          {
            key: "age",
            label: t.filters.olderThan(params.olderThanDays),
            onRemove: () => change({ olderThanDays: null }),
          },
        ]
      : []),
    ...(params.tag
      ? [
          {
            key: "tag",
            label: `${t.filters.tag}: ${params.tag}`,
            onRemove: () => {
              setTag("");
              change({ tag: null });
            },
          },
        ]
      : []),
    ...(params.financialStatus
      ? [
          {
            key: "financial",
            label: `${t.filters.financialStatus}: ${humanizeEnum(params.financialStatus)}`,
            onRemove: () => change({ financialStatus: null }),
          },
        ]
      : []),
  ];

  return (
    <IndexFilters
      tabs={tabs}
      selected={WORKLIST_TABS.indexOf(params.tab)}
      onSelect={(index) => change({ tab: WORKLIST_TABS[index] ?? params.tab })}
      canCreateNewView={false}
      queryValue={query}
      queryPlaceholder={t.searchPlaceholder}
      onQueryChange={setQuery}
      onQueryClear={() => {
        setQuery("");
        change({ query: null });
      }}
      sortOptions={[
        { label: t.sort.label, value: "age asc", directionLabel: t.sort.oldest },
        { label: t.sort.label, value: "age desc", directionLabel: t.sort.newest },
      ]}
      sortSelected={[params.sort === "oldest" ? "age asc" : "age desc"]}
      onSort={(values) => change({ sort: values[0] === "age desc" ? "newest" : "oldest" })}
      filters={filters}
      appliedFilters={applied}
      onClearAll={() => {
        setTag("");
        setQuery("");
        change(NO_FILTERS);
      }}
      mode={mode}
      setMode={setMode}
      loading={loading}
    />
  );
}
