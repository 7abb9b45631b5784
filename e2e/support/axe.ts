// Accessibility check shared by the specs: axe's critical and serious violations, as readable lines.
import AxeBuilder from "@axe-core/playwright";
import { type Page, test } from "@playwright/test";

/**
 * Extra time each axe run gives its test: on a full map (~180 country paths) under load axe alone took
 * over 30 s. A passing check never waits for it; it only keeps a slow machine from failing a sound page.
 */
export const AXE_BUDGET_MS = 90_000;

export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  test.setTimeout(test.info().timeout + AXE_BUDGET_MS);
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
}
