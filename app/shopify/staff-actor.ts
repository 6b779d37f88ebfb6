// Who did something, as every history and audit row records it: the staff member behind the
// session token (its `sub` is the Shopify user id; https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens).
// Pure: screens format it with describeActor.
export const actorOf = (sessionToken: { sub?: unknown } | undefined): string | null =>
  typeof sessionToken?.sub === "string" && sessionToken.sub ? `staff:${sessionToken.sub}` : null;

/** "staff:42" → "staff member 42"; anything else as it is. */
export function describeActor(actor: string): string {
  const staff = /^staff:(.+)$/.exec(actor);
  return staff ? `staff member ${staff[1]}` : actor;
}
