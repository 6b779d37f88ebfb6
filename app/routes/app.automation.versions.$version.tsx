import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page, Text } from "@shopify/polaris";
import { readRuleSetVersion } from "~/automation/rule-store.server";
import { RuleSetView } from "~/components/automation/rule-set-view";
import { useShopFormat } from "~/components/shop-format-context";
import { en } from "~/i18n/en";
import { authenticate } from "~/shopify.server";

const t = en.automation.versions;

export const meta: MetaFunction = () => [{ title: `${en.automation.title} · ${en.appName}` }];

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  // A version is a positive whole number; anything else in the URL is a bad link, not a 500.
  if (!/^[1-9]\d{0,8}$/.test(params.version ?? "")) return json({ version: null, error: t.notFound }, { status: 400 });
  const version = await readRuleSetVersion(session.shop, Number(params.version));
  if (!version) return json({ version: null, error: t.notFound }, { status: 404 });
  return json({ version, error: null });
};

export default function RuleSetVersionPage() {
  const { version, error } = useLoaderData<typeof loader>();
  const { dateTime } = useShopFormat();
  if (!version) {
    return (
      <Page title={t.heading} backAction={{ content: t.back, url: "/app/automation" }}>
        <Banner tone="critical">
          <Text as="p">{error}</Text>
        </Banner>
      </Page>
    );
  }
  return (
    <Page
      title={t.title(version.version)}
      subtitle={`${dateTime(version.createdAt)} · ${t.by(version.actor)}`}
      backAction={{ content: t.back, url: "/app/automation" }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Banner tone="info">
              <Text as="p">{t.readOnly}</Text>
            </Banner>
            <RuleSetView ruleSet={version.ruleSet} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
