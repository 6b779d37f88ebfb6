// Every string the screens show, in one place, ready for translation.
export const en = {
  appName: "Fulfillment Desk",
  nav: {
    home: "Home",
  },
  home: {
    title: "Orders waiting to ship",
    subtitle: "Recent orders and where each fulfillment order stands.",
    emptyHeading: "No orders yet",
    emptyBody: "Orders appear here as soon as customers place them. Nothing needs your attention.",
    columns: {
      order: "Order",
      date: "Date",
      customer: "Customer",
      payment: "Payment",
      fulfillment: "Fulfillment",
      fulfillmentOrders: "Fulfillment orders",
    },
    noCustomer: "No customer",
    resourceName: { singular: "order", plural: "orders" },
    onHold: "on hold",
  },
  landing: {
    heading: "Fulfillment Desk",
    tagline: "Move every paid order to shipped, without the stalls.",
    shopLabel: "Shop domain",
    shopHelp: "example.myshopify.com",
    submit: "Log in",
  },
} as const;
