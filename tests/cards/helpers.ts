// Small walkers over rendered card JSON.

export type Node = Record<string, unknown>;

/** Every object in the card, with the property path it was found at. */
export function walk(node: unknown, path = '$', out: { path: string; node: Node }[] = []): { path: string; node: Node }[] {
  if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`, out));
  else if (node !== null && typeof node === 'object') {
    out.push({ path, node: node as Node });
    for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`, out);
  }
  return out;
}

export const ofType = (content: unknown, type: string): Node[] =>
  walk(content)
    .filter((e) => e.node.type === type)
    .map((e) => e.node);

/** All TextBlock texts and Fact values/titles: the places markdown is rendered. */
export function renderedTexts(content: unknown): string[] {
  const texts: string[] = [];
  for (const { node } of walk(content)) {
    if (node.type === 'TextBlock' && typeof node.text === 'string') texts.push(node.text);
    if (typeof node.title === 'string' && typeof node.value === 'string' && node.type === undefined) {
      texts.push(node.title, node.value); // Fact (also matches Choice; harmless for these checks)
    }
  }
  return texts;
}

export const inputById = (content: unknown, id: string): Node | undefined =>
  walk(content)
    .map((e) => e.node)
    .find((n) => typeof n.type === 'string' && n.type.startsWith('Input.') && n.id === id);

/** Action.Execute buttons by verb (refresh excluded). */
export function executes(content: unknown): Node[] {
  return walk(content)
    .filter((e) => e.node.type === 'Action.Execute' && !e.path.includes('.refresh'))
    .map((e) => e.node);
}
