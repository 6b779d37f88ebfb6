import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { activitySearch, NO_ACTIVITY_FILTERS, parseActivityParams } from "~/automation/activity-params";
import { loadAutomationActivity } from "~/automation/activity.server";
import { ActivityFilters } from "~/components/automation/activity-filters";
import { ActivityTable } from "~/components/automation/activity-table";
import { en } from "~/i18n/en";
import { authenticate } from "~/shopify.server";

const t = en.automation.activity;
const PATH = "/app/automation/activity";

export const meta: MetaFunction = () => [{ title: `${t.title} · ${en.appName}` }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const parsed = parseActivityParams(new URL(request.url).searchParams);
  // A filter we cannot honour is refused, with the reason on its field: never a 500.
  if (!parsed.ok) {
    const error = Object.values(parsed.errors)[0]!;
    return json({ ok: false as const, error, errors: parsed.errors }, { status: 400 });
  }
  return json({ ok: true as const, view: await loadAutomationActivity(admin.graphql, session.shop, parsed.params) });
};

export default function AutomationActivity() {
  const data = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === PATH;
  const page = (children: ReactNode) => (
    <Page title={t.title} subtitle={t.subtitle} backAction={{ content: en.automation.nav, url: "/app/automation" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">{children}</BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
  if (!data.ok) {
    return page(
      <>
        <Banner tone="critical" action={{ content: t.filters.clear, onAction: () => navigate(PATH) }}>
          <Text as="p">{data.error}</Text>
        </Banner>
        <ActivityFilters
          params={NO_ACTIVITY_FILTERS}
          rules={[]}
          timeZone="UTC"
          errors={data.errors}
          onApply={(params) => navigate(`${PATH}${activitySearch(params)}`)}
        />
      </>,
    );
  }
  const { view } = data;
  const filtered = activitySearch({ ...view.params, after: null, before: null }) !== "";
  return page(
    <>
      <ActivityFilters
        key={activitySearch({ ...view.params, after: null, before: null })}
        params={view.params}
        rules={view.rules}
        timeZone={view.timeZone}
        errors={{}}
        onApply={(params) => navigate(`${PATH}${activitySearch(params)}`)}
      />
      <ActivityTable
        rows={view.rows}
        filtered={filtered}
        loading={loading}
        hasNext={view.next !== null}
        hasPrevious={view.previous !== null}
        onNext={() =>
          view.next && navigate(`${PATH}${activitySearch({ ...view.params, after: view.next, before: null })}`)
        }
        onPrevious={() =>
          view.previous && navigate(`${PATH}${activitySearch({ ...view.params, before: view.previous, after: null })}`)
        }
      />
    </>,
  );
}
