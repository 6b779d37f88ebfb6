import { Badge } from "@shopify/polaris";

type Tone = "success" | "attention" | "warning" | "critical" | "info" | undefined;

const TONES: Record<string, Tone> = {
  PAID: "success",
  FULFILLED: "success",
  CLOSED: "success",
  PENDING: "warning",
  AUTHORIZED: "attention",
  EXPIRED: "critical",
  PARTIALLY_PAID: "warning",
  UNFULFILLED: "attention",
  PARTIALLY_FULFILLED: "warning",
  ON_HOLD: "warning",
  OPEN: "attention",
  IN_PROGRESS: "info",
  INCOMPLETE: "critical",
  CANCELLED: undefined,
  REJECTED: "critical",
  SUBMITTED: "info",
  ACCEPTED: "info",
};

/** "PARTIALLY_FULFILLED" → "Partially fulfilled": Shopify's enum values as the admin shows them. */
export function humanizeEnum(value: string): string {
  const words = value.toLowerCase().split("_");
  return words.map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(" ");
}

export function StatusBadge({ value }: { value: string | null }) {
  if (!value) return null;
  return <Badge tone={TONES[value]}>{humanizeEnum(value)}</Badge>;
}
