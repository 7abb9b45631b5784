import { stateQuery } from "@stancemap/charts/views";
import { describe, expect, it } from "vitest";
import { dashboardParsers } from "@/lib/url-state";

const topic = { slug: "posture-toward-taliban-government" };

describe("export state", () => {
  it("the export's state parameters are the dashboard URL's", () => {
    const state = {
      topic: topic.slug,
      date: "2025-07-03",
      region: "Europe",
      kind: ["state"],
      sent: ["critical"],
      nkind: ["person"],
      actor: "russia",
    };
    for (const view of ["map", "network", "timeline", "actor"] as const)
      for (const key of Object.keys(stateQuery(view, state))) expect(Object.keys(dashboardParsers)).toContain(key);
    expect(stateQuery("network", state)).toEqual({ topic: topic.slug, date: "2025-07-03", sent: "critical", nkind: "person" });
  });
});
