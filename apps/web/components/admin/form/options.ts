// What the record pickers offer: published records plus open draft records (marked with their draft),
// small enough to ship to the browser once per form.

export interface PickOption {
  key: string;
  label: string;
  /** A second line: kind and role, a date, a publisher. */
  hint?: string;
  /** Set when the record exists only in this open draft: a record citing it must be saved into the same draft. */
  draftId?: string;
}

export interface CategoryOption {
  key: string;
  label: string;
  colour: string;
  order: number;
}

export interface QualifierOption {
  key: string;
  label: string;
  description?: string;
}

export interface TopicOption extends PickOption {
  categories: CategoryOption[];
  /** Qualifying facts a stance on this topic may carry. */
  qualifiers: QualifierOption[];
}

export interface PickerOptions {
  actors: PickOption[];
  sources: PickOption[];
  events: PickOption[];
  topics: TopicOption[];
}

export const NO_OPTIONS: PickerOptions = { actors: [], sources: [], events: [], topics: [] };
