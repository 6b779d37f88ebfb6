import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { useState } from "react";
import { en } from "~/i18n/en";
import { login } from "~/shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

const loginErrorMessage = (errors: { shop?: string } | undefined) => errors?.shop ?? null;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const errors = await login(request);
  return json({ error: loginErrorMessage(errors) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const errors = await login(request);
  return json({ error: loginErrorMessage(errors) });
};

export default function Auth() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const error = actionData?.error ?? loaderData.error;
  return (
    <AppProvider i18n={polarisTranslations}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h2">
                {en.landing.submit}
              </Text>
              <TextField
                type="text"
                name="shop"
                label={en.landing.shopLabel}
                helpText={en.landing.shopHelp}
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={error ?? undefined}
              />
              <Button submit>{en.landing.submit}</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AppProvider>
  );
}
