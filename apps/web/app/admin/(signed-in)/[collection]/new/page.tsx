// Creating a record of any type. Links may prefill the actor and topic (e.g. "add a stance for Russia").
import { typeOfCollection } from "@stancemap/core";
import { getDb } from "@stancemap/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadPickerOptions } from "@/components/admin/form/load-options";
import { RecordEditor } from "@/components/admin/form/RecordEditor";
import { TYPE_LABELS } from "@/components/admin/form/type-labels";
import { currentPrincipal } from "@/lib/server/dal";

type Params = Promise<{ collection: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const PREFILL = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const type = typeOfCollection((await params).collection);
  return { title: type ? `New ${TYPE_LABELS[type]}` : "Not found" };
}

export default async function NewRecordPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const type = typeOfCollection((await params).collection);
  if (!type) notFound();
  const who = await currentPrincipal();
  if (!who) return null;
  const query = await searchParams;
  const prefill: Record<string, string> = {};
  if (type === "stance" || type === "gap" || type === "reaction") {
    for (const field of ["actor", "topic"] as const) {
      const v = query[field];
      if (typeof v === "string" && PREFILL.test(v) && (field === "actor" || type !== "reaction")) prefill[field] = v;
    }
  }
  const options = await loadPickerOptions(getDb(), who);
  return (
    <>
      <h1>New {TYPE_LABELS[type]}</h1>
      <RecordEditor type={type} mode="create" initial={prefill} recordKey={null} expectedVersion={null} draftId={null} options={options} />
    </>
  );
}
