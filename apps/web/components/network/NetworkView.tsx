"use client";
// Placeholder until the network view lands: the reactions as a list.
import type { CompactActor, CompactEvent, CompactReaction } from "@/lib/dashboard-data";

export interface NetworkViewProps {
  actors: readonly CompactActor[];
  events: readonly CompactEvent[];
  reactions: readonly CompactReaction[];
  date: string;
  selected: string | null;
  onSelect: (slug: string) => void;
}

export function NetworkView(props: NetworkViewProps) {
  return <p className="muted">{props.reactions.length} reactions.</p>;
}
