// What the move form offers, from Shopify's locationsForMove: only the locations the FO can move
// to are choices; the others are listed apart with Shopify's reason (e.g. they don't stock the
// items). A choice that stocks only some items keeps Shopify's reason: those items stay behind.
// https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrderLocationForMove
// Pure: the UI imports it.
import type { LocationForMoveView } from "./types";

export interface MoveChoices {
  choices: { value: string; label: string; note: string | null }[];
  refused: { id: string; name: string; reason: string | null }[];
}

export function moveChoices(locations: readonly LocationForMoveView[]): MoveChoices {
  return {
    choices: locations.filter((l) => l.movable).map((l) => ({ value: l.id, label: l.name, note: l.message })),
    refused: locations.filter((l) => !l.movable).map((l) => ({ id: l.id, name: l.name, reason: l.message })),
  };
}
