// What the offers screens render, as their loaders shape it. Pure: the UI imports it.
import type { OfferCounts, SameRequestShare } from "./statistics";

export interface OfferFormValues {
  name: string;
  productId: string;
  variantId: string;
  productTitle: string;
  variantTitle: string;
  imageUrl: string;
  discountPercent: string;
  maxDiscountAmount: string;
  minOrderTotal: string;
  quantity: string;
  enabled: boolean;
}

export interface OfferRowView extends OfferCounts {
  id: string;
  name: string;
  productTitle: string;
  variantTitle: string | null;
  imageUrl: string | null;
  discountPercent: string;
  enabled: boolean;
}

export interface OffersScreenView {
  offers: OfferRowView[];
  total: OfferCounts;
  sameRequest: SameRequestShare;
  /** Demo shop only: the screen offers to simulate a checkout. */
  demoCheckout: boolean;
}

export interface OfferEditorView {
  /** null for a new offer. */
  id: string | null;
  version: number;
  values: OfferFormValues;
  /** Demo mode: the picker is the app's stand-in over the simulator's catalogue. */
  demo: boolean;
}

export type OfferEditorActionData =
  | { ok: true }
  | { ok: false; kind: "invalid"; error: string; fieldErrors: Record<string, string> }
  | { ok: false; kind: "stale" | "refused"; error: string };

export const EMPTY_OFFER_FORM: OfferFormValues = {
  name: "",
  productId: "",
  variantId: "",
  productTitle: "",
  variantTitle: "",
  imageUrl: "",
  discountPercent: "",
  maxDiscountAmount: "",
  minOrderTotal: "",
  quantity: "1",
  enabled: true,
};

/** A product of the demo picker's catalogue, with its variants. */
export interface CatalogueProduct {
  id: string;
  title: string;
  imageUrl: string | null;
  variants: { id: string; title: string; price: string }[];
}
