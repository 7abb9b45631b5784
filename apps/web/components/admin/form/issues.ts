// react-hook-form keeps errors as a tree shaped like the values; the error summary lists them flat,
// by path, and a field array's own error sits at its `root`.
import type { FieldIssue } from "./record-values";

interface ErrorNode {
  message?: unknown;
  type?: unknown;
  [key: string]: unknown;
}

const isLeaf = (node: ErrorNode) => typeof node.message === "string" && typeof node.type === "string";

/** Every error in the tree as { path, message }, the array's own error under its path. */
export function flattenErrors(errors: unknown, prefix = ""): FieldIssue[] {
  if (!errors || typeof errors !== "object") return [];
  const node = errors as ErrorNode;
  if (isLeaf(node)) return [{ path: prefix, message: String(node.message) }];
  return Object.entries(node).flatMap(([key, child]) => {
    if (key === "ref") return [];
    if (key === "root") return flattenErrors(child, prefix);
    return flattenErrors(child, prefix ? `${prefix}.${key}` : key);
  });
}

/** The error at exactly `path` (a field array's own error included), as the field shows it. */
export function errorAt(errors: unknown, path: string): string | null {
  let at: unknown = errors;
  for (const s of path.split(".")) {
    if (!at || typeof at !== "object") return null;
    at = (at as Record<string, unknown>)[s];
  }
  if (!at || typeof at !== "object") return null;
  const node = at as ErrorNode;
  if (isLeaf(node)) return String(node.message);
  const root = node.root as ErrorNode | undefined;
  return root && isLeaf(root) ? String(root.message) : null;
}
