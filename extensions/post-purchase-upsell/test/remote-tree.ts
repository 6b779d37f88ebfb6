import type { RemoteComponent, RemoteRoot, RemoteText } from "@remote-ui/core";

// Reading what the extension drew into the remote root, as the checkout host would receive it.

type Node = RemoteComponent<string, RemoteRoot> | RemoteText<RemoteRoot>;
type Parent = RemoteRoot | RemoteComponent<string, RemoteRoot>;

const isText = (node: Node): node is RemoteText<RemoteRoot> => "text" in node && !("type" in node);

function textOf(parent: Parent | Node): string {
  if (isText(parent as Node)) return (parent as RemoteText<RemoteRoot>).text;
  return (parent as Parent).children.map((child) => textOf(child as Node)).join("");
}

export function findAll(parent: Parent, type: string): RemoteComponent<string, RemoteRoot>[] {
  const found: RemoteComponent<string, RemoteRoot>[] = [];
  for (const child of parent.children as readonly Node[]) {
    if (isText(child)) continue;
    if (child.type === type) found.push(child);
    found.push(...findAll(child, type));
  }
  return found;
}

/** All text on the screen, one string per Text/TextBlock/Heading/Button, for readable assertions. */
export function screenTexts(root: RemoteRoot): string[] {
  return ["Heading", "Text", "TextBlock", "Button", "CalloutBanner"]
    .flatMap((type) => findAll(root, type))
    .map((node) => textOf(node).trim())
    .filter((text) => text !== "");
}

export function button(root: RemoteRoot, label: string | RegExp) {
  const match = findAll(root, "Button").find((node) =>
    typeof label === "string" ? textOf(node) === label : label.test(textOf(node)),
  );
  if (!match) throw new Error(`no button ${String(label)} among: ${findAll(root, "Button").map(textOf).join(" | ")}`);
  return {
    node: match,
    props: match.props as { onPress?: () => void; disabled?: boolean; loading?: boolean },
    press: () => (match.props as { onPress: () => void }).onPress(),
  };
}
