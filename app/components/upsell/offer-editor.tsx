// The offer's form: name, product and variant, discount, conditions, on/off. Submits with a
// pending state; shows each field's message under it and a stale save as a banner, keeping
// what the merchant typed. Props in, the save out (through the route's action).
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { Form, useActionData, useNavigate, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { en } from "~/i18n/en";
import type { OfferEditorActionData, OfferEditorView, OfferFormValues } from "~/post-purchase/offer-views";
import { ProductPicker } from "./product-picker";

const t = en.upsell;

export function OfferEditor({ view }: { view: OfferEditorView }) {
  const [values, setValues] = useState<OfferFormValues>(view.values);
  // The version the merchant started editing: a reload after a refused save picks up the new one.
  const [openedVersion] = useState(view.version);
  // A new offer's submission key, made in the browser once per opening of the form: a double
  // click or a resubmission creates one offer (set after hydration, so the server's HTML matches).
  const [createKey, setCreateKey] = useState("");
  useEffect(() => {
    if (!view.id) setCreateKey(crypto.randomUUID());
  }, [view.id]);
  const result = useActionData<OfferEditorActionData>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const shopify = useAppBridge();
  const saving = navigation.state === "submitting";
  const fieldErrors = result && !result.ok && result.kind === "invalid" ? result.fieldErrors : {};
  type TextName = Exclude<keyof OfferFormValues, "enabled">;
  /** What every text field of the form shares: its name, value, change handler and message. */
  const field = (name: TextName) => ({
    name,
    value: values[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    autoComplete: "off",
    error: fieldErrors[name],
  });

  useEffect(() => {
    if (result?.ok) {
      shopify.toast.show(t.form.saved);
      navigate("/app/upsell");
    }
  }, [result, shopify, navigate]);

  return (
    <Page
      backAction={{ content: t.title, url: "/app/upsell" }}
      title={view.id ? t.editTitle(view.values.name) : t.newTitle}
    >
      <Form method="post">
        <input type="hidden" name="expectedVersion" value={openedVersion} />
        {view.id ? null : <input type="hidden" name="idempotencyKey" value={createKey} />}
        {(["productId", "variantId", "productTitle", "variantTitle", "imageUrl"] as const).map((name) => (
          <input key={name} type="hidden" name={name} value={values[name]} />
        ))}
        <Layout>
          {result && !result.ok && (
            <Layout.Section>
              <Banner tone={result.kind === "invalid" ? "warning" : "critical"}>
                <p>{result.error}</p>
              </Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <BlockStack gap="400">
              <Card>
                <FormLayout>
                  <TextField label={t.form.name} {...field("name")} helpText={t.form.nameHelp} maxLength={80} />
                  <ProductPicker
                    demo={view.demo}
                    value={values}
                    error={fieldErrors.productId}
                    onPick={(picked) => setValues((v) => ({ ...v, ...picked }))}
                  />
                  <TextField
                    label={t.form.discountPercent}
                    {...field("discountPercent")}
                    inputMode="decimal"
                    suffix="%"
                  />
                  <Checkbox
                    label={t.form.enabled}
                    name="enabled"
                    // Polaris renders value="" without it: a ticked box would then post "enabled=".
                    value="true"
                    checked={values.enabled}
                    onChange={(enabled) => setValues((v) => ({ ...v, enabled }))}
                  />
                </FormLayout>
              </Card>
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {t.form.conditions}
                  </Text>
                  <FormLayout>
                    <FormLayout.Group>
                      <TextField
                        label={t.form.minOrderTotal}
                        {...field("minOrderTotal")}
                        inputMode="decimal"
                        helpText={t.form.minOrderTotalHelp}
                      />
                      <TextField
                        label={t.form.maxDiscountAmount}
                        {...field("maxDiscountAmount")}
                        inputMode="decimal"
                        helpText={t.form.maxDiscountHelp}
                      />
                    </FormLayout.Group>
                    <TextField label={t.form.quantity} {...field("quantity")} type="number" min={1} max={10} />
                  </FormLayout>
                </BlockStack>
              </Card>
              <InlineStack align="end">
                <Button submit variant="primary" loading={saving}>
                  {t.form.save}
                </Button>
              </InlineStack>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
