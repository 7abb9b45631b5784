// A quote's speaker as form values, apart from the component so server code (form-state) can use it.

/** The form's view of a speaker: blank strings for what is not set (the form drops them on save). */
export interface SpeakerValue {
  name: string;
  title: string;
  actor: string;
}

export const BLANK_SPEAKER: SpeakerValue = { name: "", title: "", actor: "" };

/** A stored speaker (today's `{ name, title, actor }`, or an actor's slug alone, the earlier form) as form values. */
export function speakerValue(stored: unknown): SpeakerValue {
  if (typeof stored === "string") return { ...BLANK_SPEAKER, actor: stored };
  if (stored && typeof stored === "object") {
    const s = stored as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    return { name: text(s.name), title: text(s.title), actor: text(s.actor) };
  }
  return BLANK_SPEAKER;
}
