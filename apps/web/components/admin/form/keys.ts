// Keys suggested for a new record from what has been filled in so far (slugs, source IDs).
import type { EntityType } from "@stancemap/core";

export function slugify(text: string, max = 80): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** A key for a new record from its fields so far; "" until there is enough to go on. */
export function suggestKey(type: EntityType, fields: object): string {
  const v = fields as Record<string, unknown>;
  switch (type) {
    case "actor":
      return slugify(str(v.name));
    case "topic":
    case "event":
      return slugify(str(v.title));
    case "source":
      return slugify([str(v.publisher), str(v.title)].filter(Boolean).join(" "), 100);
    case "stance": {
      const topicWord = str(v.topic).split("-")[0] ?? "";
      const when = str(v.validFrom) || str(v.attested);
      return str(v.actor) && str(v.topic) && when ? slugify(`${str(v.actor)} ${topicWord} ${when}`, 120) : "";
    }
    case "reaction": {
      const t = (v.target ?? {}) as Record<string, unknown>;
      const target = str(t.actor) || str(t.event);
      const when = str(v.date) || str(v.attested);
      return str(v.actor) && target && when ? slugify(`${str(v.actor)} on ${target} ${when}`, 120) : "";
    }
    case "gap":
      return "";
  }
}
