import { messages } from "./messages";

// The short buyer-facing message for Shopify's changeset error codes
// (ChangesetErrorCode, https://shopify.dev/docs/api/checkout-extensions/post-purchase/api). Codes this
// extension cannot cause (the subscription ones) and unknown future codes share the generic message.
export function changesetErrorMessage(errors: readonly { code: string }[]): string {
  const known = messages.changesetErrors as Record<string, string>;
  for (const { code } of errors) {
    if (code !== "other" && known[code] !== undefined) return known[code];
  }
  return messages.changesetErrors.other;
}
