// The automation screen's data, in one call for the route.
import { loadLocations } from "~/fulfillment/worklist/load-worklist.server";
import { listRuleSetVersions, loadAutomationConfig } from "./rule-store.server";
import type { AutomationScreenView } from "./settings-views";

export async function loadAutomationScreen(shop: string): Promise<AutomationScreenView> {
  const [config, versions, locations] = await Promise.all([
    loadAutomationConfig(shop),
    listRuleSetVersions(shop),
    loadLocations(shop),
  ]);
  return { config, versions, locations };
}
