import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Rule } from "~/automation/rules/rule-set";
import { RuleEditor } from "./rule-editor";

const rule: Rule = {
  id: "rule-1",
  name: "Ship to the US",
  enabled: true,
  conditions: [
    { type: "order-total", min: 100, max: 50 },
    { type: "destination", countries: ["USA"], regions: [] },
    { type: "line-sku", match: "all", values: ["MUG-1"] },
  ],
  action: { type: "request", scope: "whole", delayMinutes: 99_999, allowUnpaid: false, message: null },
};

const render = (errors: Record<string, string> | undefined) =>
  renderToStaticMarkup(
    <AppProvider i18n={translations}>
      <RuleEditor rule={rule} errors={errors} locations={[]} onChange={() => undefined} />
    </AppProvider>,
  );

/** The text of the element an input names in aria-describedby as its error. */
function errorOfInput(html: string, value: string): string | null {
  const input = new RegExp(`<input[^>]*value="${value}"[^>]*>`).exec(html)?.[0] ?? "";
  const ids = /aria-describedby="([^"]+)"/.exec(input)?.[1]?.split(" ") ?? [];
  for (const id of ids.filter((i) => i.endsWith("Error"))) {
    // Polaris's InlineError: an icon, then the message in a Text span.
    const error = new RegExp(`id="${id}"[^>]*>.*?<span class="Polaris-Text[^"]*">(.*?)</span>`).exec(html)?.[1];
    if (error) return error;
  }
  return null;
}

describe("RuleEditor", () => {
  it("shows each error of a refused rule on the field it names", () => {
    const html = render({
      "conditions.0": "The minimum is above the maximum.",
      "conditions.1.countries.0": "Use a two-letter country code.",
      "action.delayMinutes": "At most 10,080 minutes.",
    });

    expect(errorOfInput(html, "USA")).toBe("Use a two-letter country code.");
    expect(errorOfInput(html, "99999")).toBe("At most 10,080 minutes.");
    expect(html).toContain("The minimum is above the maximum.");
    expect(errorOfInput(html, "MUG-1")).toBeNull();
  });

  it("shows no error when the rule has none", () => {
    expect(render(undefined)).not.toContain('aria-invalid="true"');
  });
});
