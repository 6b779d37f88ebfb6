// The offer the backend answers on POST /post-purchase/offer, checked at the boundary: a malformed answer
// is treated as "no offer" so the buyer never sees a half-built screen.
export interface Offer {
  offerId: string;
  productTitle: string;
  variantTitle: string | null;
  imageUrl: string | null;
  variantId: number;
  quantity: number;
  originalPrice: string;
  discountedPrice: string;
  currencyCode: string;
  discount: { value: number; valueType: "percentage" | "fixed_amount"; title: string };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isNullableString = (value: unknown) => value === null || typeof value === "string";
const isPositiveInteger = (value: unknown) => typeof value === "number" && Number.isInteger(value) && value > 0;
const isAmount = (value: unknown) => typeof value === "string" && /^\d+(\.\d+)?$/.test(value);

export function parseOffer(value: unknown): Offer | null {
  if (!isRecord(value)) return null;
  const { discount } = value;
  const valid =
    typeof value.offerId === "string" &&
    value.offerId !== "" &&
    typeof value.productTitle === "string" &&
    isNullableString(value.variantTitle) &&
    isNullableString(value.imageUrl) &&
    isPositiveInteger(value.variantId) &&
    isPositiveInteger(value.quantity) &&
    isAmount(value.originalPrice) &&
    isAmount(value.discountedPrice) &&
    typeof value.currencyCode === "string" &&
    /^[A-Z]{3}$/.test(value.currencyCode) &&
    isRecord(discount) &&
    typeof discount.value === "number" &&
    (discount.valueType === "percentage" || discount.valueType === "fixed_amount") &&
    typeof discount.title === "string";
  return valid ? (value as unknown as Offer) : null;
}
