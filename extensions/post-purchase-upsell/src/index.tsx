import { extend, render } from "@shopify/post-purchase-ui-extensions-react";

import { shouldRender } from "./should-render";
import { UpsellOffer } from "./upsell-offer";

// The two post-purchase extension points (https://shopify.dev/docs/api/checkout-extensions/post-purchase):
// ShouldRender decides, before the page, whether there is an offer; Render shows it.
extend("Checkout::PostPurchase::ShouldRender", shouldRender);
render("Checkout::PostPurchase::Render", () => <UpsellOffer />);
