"use client";
// What a record form's fields need beyond their values (kept by react-hook-form): the record type,
// create or edit, the picker options, and a live region for row moves and removals.
import type { EntityType } from "@stancemap/core";
import { createContext, type ReactNode, useContext } from "react";
import type { PickerOptions } from "./options";

export interface FormMeta {
  type: EntityType;
  mode: "create" | "edit";
  options: PickerOptions;
  /** Says something to screen-reader users (a row removed or moved). */
  announce(message: string): void;
}

const Meta = createContext<FormMeta | null>(null);

export function FormMetaProvider({ meta, children }: { meta: FormMeta; children: ReactNode }) {
  return <Meta.Provider value={meta}>{children}</Meta.Provider>;
}

export function useFormMeta(): FormMeta {
  const meta = useContext(Meta);
  if (!meta) throw new Error("useFormMeta outside a record form");
  return meta;
}

/** Moves focus to the element with this id once React has drawn the change (a row added or moved). */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
