import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LimitedTextField } from "./limited-text-field";

const render = (element: ReactElement) =>
  renderToStaticMarkup(<AppProvider i18n={translations}>{element}</AppProvider>);

const field = (value: string, error?: string) =>
  render(
    <LimitedTextField
      label="Tracking number"
      name="trackingNumber"
      value={value}
      onChange={() => undefined}
      autoComplete="off"
      limit={100}
      error={error}
    />,
  );

describe("LimitedTextField", () => {
  it("counts the characters against the limit while the text fits", () => {
    const html = field("1Z999");

    expect(html).toContain("5/100 characters");
    expect(html).not.toContain("Keep this to");
  });

  it("keeps a text longer than the limit whole, and says so next to the field", () => {
    const html = field("x".repeat(101));

    expect(html).not.toMatch(/maxlength/i);
    expect(html).toContain(`value="${"x".repeat(101)}"`);
    expect(html).toContain("101/100 characters");
    expect(html).toContain("Keep this to 100 characters or fewer.");
  });

  it("shows the server's error for the field when the text fits", () => {
    expect(field("abc", "Shopify says no")).toContain("Shopify says no");
  });
});
