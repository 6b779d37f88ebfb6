// Picking the offer's product and variant. In the admin: App Bridge's resource picker. In demo
// mode there is no admin around the app, so a Polaris modal lists the simulator's catalogue
// (the app's /app/upsell/catalogue loader) instead. Props in, the pick out.
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  BlockStack,
  Button,
  InlineError,
  InlineStack,
  Modal,
  Spinner,
  Text,
  TextField,
  Thumbnail,
} from "@shopify/polaris";
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useShopFormat } from "~/components/shop-format-context";
import { en } from "~/i18n/en";
import type { CatalogueProduct } from "~/post-purchase/offer-views";

const t = en.upsell;

interface PickedVariant {
  productId: string;
  variantId: string;
  productTitle: string;
  variantTitle: string;
  imageUrl: string;
}

interface ProductPickerProps {
  demo: boolean;
  value: PickedVariant;
  error?: string;
  onPick: (picked: PickedVariant) => void;
}

export function ProductPicker({ demo, value, error, onPick }: ProductPickerProps) {
  const shopify = useAppBridge();
  const [open, setOpen] = useState(false);
  const pick = async () => {
    if (demo) return setOpen(true);
    const selection = await shopify.resourcePicker({ type: "product", action: "select", multiple: false });
    const product = selection?.[0];
    const variant = product?.variants[0];
    if (!product || !variant?.id) return;
    onPick({
      productId: product.id,
      variantId: variant.id,
      productTitle: product.title,
      variantTitle: product.hasOnlyDefaultVariant ? "" : (variant.title ?? ""),
      imageUrl: product.images[0]?.originalSrc ?? "",
    });
  };
  return (
    <BlockStack gap="200">
      <Text as="span" variant="bodyMd">
        {t.form.product}
      </Text>
      <InlineStack gap="300" blockAlign="center">
        {value.productId ? (
          <>
            {value.imageUrl && <Thumbnail source={value.imageUrl} alt="" size="small" />}
            <Text as="span" fontWeight="semibold">
              {value.variantTitle ? `${value.productTitle} — ${value.variantTitle}` : value.productTitle}
            </Text>
          </>
        ) : (
          <Text as="span" tone="subdued">
            {t.form.noProduct}
          </Text>
        )}
        <Button onClick={() => void pick()}>{value.productId ? t.form.changeProduct : t.form.pickProduct}</Button>
      </InlineStack>
      {error && <InlineError message={error} fieldID="productId" />}
      {demo && (
        <CatalogueModal
          open={open}
          onClose={() => setOpen(false)}
          onPick={(picked) => {
            setOpen(false);
            onPick(picked);
          }}
        />
      )}
    </BlockStack>
  );
}

function CatalogueModal({
  open,
  onClose,
  onPick,
}: {
  open: boolean;
  onClose: () => void;
  onPick: (picked: PickedVariant) => void;
}) {
  const fetcher = useFetcher<{ products: CatalogueProduct[] }>();
  const { money } = useShopFormat();
  const [search, setSearch] = useState("");
  const { load } = fetcher;
  useEffect(() => {
    if (open) load(`/app/upsell/catalogue?q=${encodeURIComponent(search)}`);
  }, [open, search, load]);
  const products = fetcher.data?.products ?? [];
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t.picker.title}
      secondaryActions={[{ content: t.picker.cancel, onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          <TextField
            label={t.picker.search}
            value={search}
            onChange={setSearch}
            autoComplete="off"
            clearButton
            onClearButtonClick={() => setSearch("")}
          />
          {fetcher.state !== "idle" && !fetcher.data ? (
            <InlineStack gap="200" blockAlign="center">
              <Spinner size="small" accessibilityLabel={t.picker.loading} />
              <Text as="span">{t.picker.loading}</Text>
            </InlineStack>
          ) : products.length === 0 ? (
            <Text as="p" tone="subdued">
              {t.picker.empty}
            </Text>
          ) : (
            <BlockStack gap="200" as="ul">
              {products.flatMap((product) =>
                product.variants.map((variant) => (
                  <InlineStack key={variant.id} as="li" align="space-between" blockAlign="center" gap="200">
                    <Text as="span">{`${product.title} — ${variant.title} · ${money(variant.price)}`}</Text>
                    <Button
                      accessibilityLabel={`${t.picker.select} ${product.title} — ${variant.title}`}
                      onClick={() =>
                        onPick({
                          productId: product.id,
                          variantId: variant.id,
                          productTitle: product.title,
                          variantTitle: variant.title === product.title ? "" : variant.title,
                          imageUrl: product.imageUrl ?? "",
                        })
                      }
                    >
                      {t.picker.select}
                    </Button>
                  </InlineStack>
                )),
              )}
            </BlockStack>
          )}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
