// Tabs with their counts, search, filters and sort of the worklist, as Polaris IndexFilters.
// Props in, events out: the route turns a change into a new URL.
import {
  BlockStack,
  Box,
  ChoiceList,
  IndexFilters,
  IndexFiltersMode,
  type IndexFiltersProps,
  InlineError,
  TextField,
  useSetIndexFiltersMode,
} from "@shopify/polaris";
import { useCallback, useEffect, useRef, useState } from "react";
import { humanizeEnum } from "~/components/status-badge";
import {
  AGE_FILTER_DAYS,
  DELIVERY_METHODS,
  FINANCIAL_STATUSES,
  type FilterProblem,
  type FilterProblems,
  hasFilters,
  NO_FILTERS,
  queryProblem,
  type WorklistParams,
  tagProblem,
  withFilters,
} from "~/fulfillment/worklist/params";
import { WORKLIST_TABS, type WorklistTab } from "~/fulfillment/worklist/tabs";
import type { WorklistLocationOption } from "~/fulfillment/worklist/types";
import { en } from "~/i18n/en";
import { formatTabCount } from "./format";

const t = en.worklist;
const SEARCH_DEBOUNCE_MS = 400;

interface WorklistFiltersProps {
  params: WorklistParams;
  counts: Record<WorklistTab, number>;
  /** Counts above it mean "more than it" (WorklistView.countLimit). */
  countLimit: number;
  locations: WorklistLocationOption[];
  /** What the URL asked for but the loader refused. */
  problems: FilterProblems;
  loading: boolean;
  onChange: (params: WorklistParams) => void;
}

const first = (values: string[]) => values[0] ?? null;

/**
 * Applies a typed filter after a pause. It acts once per edit, never because the page reloaded:
 * a value the URL cannot hold (refused, so the loader drops it) therefore cannot reload the
 * page again and again. A refused value is not applied; its problem is returned to show.
 */
function useTypedFilter(
  value: string,
  applied: string | null,
  problemOf: (value: string) => FilterProblem | null,
  apply: (next: string | null) => void,
): FilterProblem | null {
  const handled = useRef(value);
  const problem = problemOf(value);
  useEffect(() => {
    if (value === handled.current) return;
    const timer = setTimeout(() => {
      handled.current = value;
      const next = value.trim() || null;
      if (!problem && next !== applied) apply(next);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, applied, problem, apply]);
  return problem;
}

export function WorklistFilters({
  params,
  counts,
  countLimit,
  locations,
  problems,
  loading,
  onChange,
}: WorklistFiltersProps) {
  const active = hasFilters(params) || Boolean(problems.query || problems.tag);
  const { mode, setMode } = useSetIndexFiltersMode(active ? IndexFiltersMode.Filtering : IndexFiltersMode.Default);
  const [query, setQuery] = useState(params.query ?? "");
  const [tag, setTag] = useState(params.tag ?? "");

  const applyQuery = useCallback(
    (next: string | null) => onChange(withFilters(params, { query: next })),
    [params, onChange],
  );
  const applyTag = useCallback(
    (next: string | null) => onChange(withFilters(params, { tag: next })),
    [params, onChange],
  );
  // Typing searches after a pause, not on every key; what the URL refused stays reported until edited.
  const queryRefused = useTypedFilter(query, params.query, queryProblem, applyQuery) ?? (query ? null : problems.query);
  const tagRefused = useTypedFilter(tag, params.tag, tagProblem, applyTag) ?? (tag ? null : problems.tag);

  // Shown under the bar too: the tag field sits in a popover that may be closed.
  const refused = [
    ...(queryRefused ? [{ id: "queue-search", message: t.filters.problems.query[queryRefused] }] : []),
    ...(tagRefused ? [{ id: "queue-tag", message: t.filters.problems.tag[tagRefused] }] : []),
  ];

  // Applied filters are always on screen, as in Shopify admin: Escape (or Cancel) closes the
  // filter bar only when nothing is applied, so no filter is ever in force unseen.
  const shownMode = active && mode === IndexFiltersMode.Default ? IndexFiltersMode.Filtering : mode;
  const changeMode = useCallback(
    (next: IndexFiltersMode) =>
      setMode(active && next === IndexFiltersMode.Default ? IndexFiltersMode.Filtering : next),
    [active, setMode],
  );

  const change = (change: Partial<WorklistParams>) => onChange(withFilters(params, change));

  const tabs = WORKLIST_TABS.map((tab, index) => ({
    id: `worklist-tab-${tab}`,
    index,
    content: t.tabs[tab],
    badge: formatTabCount(counts[tab], countLimit),
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
      pinned: true,
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
      pinned: true,
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
      pinned: true,
    },
    {
      key: "tag",
      label: t.filters.tag,
      filter: (
        <TextField
          id="queue-tag"
          label={t.filters.tag}
          labelHidden
          helpText={t.filters.tagHelp}
          error={tagRefused ? t.filters.problems.tag[tagRefused] : undefined}
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
    <>
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
        mode={shownMode}
        setMode={changeMode}
        loading={loading}
      />
      {refused.length > 0 ? (
        <Box paddingInline="300" paddingBlockEnd="200">
          <BlockStack gap="100">
            {refused.map(({ id, message }) => (
              <InlineError key={id} fieldID={id} message={message} />
            ))}
          </BlockStack>
        </Box>
      ) : null}
    </>
  );
}
