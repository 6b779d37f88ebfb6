// UI strings for the pickup screens (part of app/i18n/en.ts).
export const pickup = {
  nav: "Local pickup",
  title: "Local pickup",
  subtitle: "Pickup orders from preparation to collection.",
  groups: {
    awaiting: "Awaiting preparation",
    ready: "Ready for pickup",
    notCollected: (days: number) => `Not collected after ${days} ${days === 1 ? "day" : "days"}`,
  },
  empty: {
    awaiting: "Nothing to prepare.",
    ready: "No order is waiting on the shelf.",
    notCollected: "Every ready order was collected in time.",
  },
  columns: {
    order: "Order",
    customer: "Customer",
    location: "Location",
    items: "Items",
    waiting: "Waiting",
    actions: "Actions",
  },
  resourceName: { singular: "pickup order", plural: "pickup orders" },
  noCustomer: "No customer",
  placedAgo: (age: string) => `placed ${age} ago`,
  readyFor: (age: string) => `ready for ${age}`,
  items: (n: number) => `${n} ${n === 1 ? "item" : "items"}`,
  staleNote: { before: "Cancel and restock from the ", link: "stale-orders screen", after: "." },
  settings: {
    heading: "Not-collected threshold",
    label: "Days before a ready order counts as not collected",
    save: "Save",
    saved: "Threshold saved",
    invalid: "Enter a whole number of days from 1 to 60.",
  },
  open: "Open",
} as const;
