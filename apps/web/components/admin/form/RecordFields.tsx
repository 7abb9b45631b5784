"use client";
// The fields of each record type, in the order an editor fills them in.
import { ActorKind, type EntityType, type SourceTextRef } from "@stancemap/core";
import { useController, useWatch } from "react-hook-form";
import { ActorListPicker } from "./ActorListPicker";
import { AliasesEditor } from "./AliasesEditor";
import { CategoryScaleEditor } from "./CategoryScaleEditor";
import { EvidenceEditor } from "./EvidenceEditor";
import { FieldError, useFieldError } from "./Field";
import { CONFIDENCE, DayField, EdtfField, RadioField, SelectField, TextAreaField, TextField } from "./fields";
import { useFormMeta } from "./form-meta";
import { LocalNamesEditor } from "./LocalNamesEditor";
import { fieldId } from "./paths";
import { CategorySelect, QualifierChecks, RefPicker, TopicSelect } from "./pickers";
import { SourceTextField } from "./SourceTextField";

const KIND_LABELS: Record<string, string> = {
  state: "State",
  organisation: "Intergovernmental organisation",
  "government-in-fact": "Government in fact (unrecognised)",
  "former-government": "Former government",
  institution: "Institution of a state or government",
  group: "Political or armed group",
  "civil-society": "Civil-society body",
  bloc: "Informal bloc of governments",
  person: "Person",
};

const SENTIMENTS = [
  ["supportive", "Supportive"],
  ["neutral", "Neutral"],
  ["concerned", "Concerned"],
  ["critical", "Critical"],
] as const;

function KeyField({ path, label, from }: { path: string; label: string; from: string }) {
  const creating = useFormMeta().mode === "create";
  return (
    <TextField
      path={path}
      label={label}
      required
      readOnly={!creating}
      maxLength={120}
      hint={
        creating
          ? `Lowercase words joined by hyphens, e.g. united-nations. Suggested from ${from}; it cannot change once created.`
          : "Keys cannot change once created: other records and links point at it."
      }
    />
  );
}

export function RecordFields({ type }: { type: EntityType }) {
  switch (type) {
    case "actor":
      return <ActorFields />;
    case "topic":
      return <TopicFields />;
    case "source":
      return <SourceFields />;
    case "stance":
      return <StanceFields />;
    case "reaction":
      return <ReactionFields />;
    case "event":
      return <EventFields />;
    case "gap":
      return <GapFields />;
  }
}

function ActorFields() {
  const [kind, slug] = useWatch({ name: ["kind", "slug"] });
  const isState = kind === "state";
  return (
    <>
      <TextField path="name" label="Name" required maxLength={200} dir="auto" />
      <KeyField path="slug" label="Slug" from="the name" />
      <SelectField path="kind" label="Kind" required choices={ActorKind.options.map((k) => [k, KIND_LABELS[k] ?? k] as const)} />
      <div className="rf-pair">
        <TextField
          path="iso3"
          label="ISO 3166-1 alpha-3"
          required={isState}
          maxLength={3}
          hint="Three capitals, e.g. AFG: places a state on the map."
        />
        <TextField
          path="isoNumeric"
          label="ISO 3166-1 numeric"
          required={isState}
          maxLength={3}
          inputMode="numeric"
          hint="Three digits, e.g. 004."
        />
      </div>
      <div className="rf-pair">
        <TextField path="role" label="Role" maxLength={200} hint="For people and institutions, e.g. Foreign Minister." dir="auto" />
        <TextField path="region" label="Region" maxLength={80} />
      </div>
      <RefPicker
        path="affiliation"
        list="actors"
        label="Belongs to"
        hint="The state, government or body this actor belongs to or speaks for."
        exclude={[String(slug ?? "")]}
        placeholder="Search actors…"
      />
      <TextAreaField path="description" label="Description" rows={3} />
      <LocalNamesEditor />
      <AliasesEditor />
    </>
  );
}

function TopicFields() {
  return (
    <>
      <TextField path="title" label="Title" required maxLength={200} dir="auto" />
      <KeyField path="slug" label="Slug" from="the title" />
      <TextField path="question" label="Question" required maxLength={500} dir="auto" hint="The question each stance answers." />
      <TextAreaField path="description" label="Description" rows={3} />
      <CategoryScaleEditor />
    </>
  );
}

function SourceFields() {
  const id = useWatch({ name: "id" });
  const text = useController({ name: "text" });
  const { mode } = useFormMeta();
  return (
    <>
      <div className="rf-pair">
        <TextField path="publisher" label="Publisher" required maxLength={300} dir="auto" />
        <TextField path="author" label="Author" maxLength={300} dir="auto" />
      </div>
      <TextField path="title" label="Title" required maxLength={500} dir="auto" />
      <KeyField path="id" label="ID" from="the publisher and title" />
      <div className="rf-pair">
        <DayField path="publishedOn" label="Published on" />
        <DayField path="accessedOn" label="Accessed on" />
      </div>
      <TextField path="dateNote" label="Date note" maxLength={500} hint="What is known of the date when it is not exact." />
      <TextField type="url" path="url" label="URL" placeholder="https://" inputMode="url" />
      <TextAreaField path="reliability" label="Reliability note" required rows={3} hint="How far this source can be trusted, and why." />
      <div className="rf-pair">
        <RefPicker
          path="citedIn.source"
          list="sources"
          label="Cited in"
          hint="The document that cites this one, if that is where it was found."
          exclude={[String(id ?? "")]}
          placeholder="Search sources…"
        />
        <TextField path="citedIn.locator" label="Where it is cited" maxLength={100} hint="An endnote, e.g. [xi]." />
      </div>
      <SourceTextField
        sourceId={String(id ?? "")}
        value={(text.field.value ?? undefined) as SourceTextRef | undefined}
        onChange={(ref) => text.field.onChange(ref)}
        saved={mode === "edit"}
      />
    </>
  );
}

function StanceFields() {
  return (
    <>
      <RefPicker path="actor" list="actors" label="Actor" required placeholder="Search actors…" />
      <div className="rf-pair">
        <TopicSelect />
        <CategorySelect />
      </div>
      <QualifierChecks />
      <EdtfField
        path="validFrom"
        label="Began"
        hint="When the stance began, at the precision the sources give. Leave empty when they do not say."
        emptyReads="start not stated"
      />
      <EdtfField
        path="attested"
        label="Attested"
        required
        hint="The date of the earliest source that attests this stance (its publication date, for an article)."
      />
      <EdtfField path="validUntil" label="Ended" hint="Leave empty while the stance holds." emptyReads="still holds" />
      <RadioField path="confidence" legend="Confidence" choices={CONFIDENCE} hint="How clearly the sources show this stance." />
      <TextAreaField path="summary" label="Summary" required rows={3} hint="One or two sentences, as the sources say it." />
      <TextAreaField path="note" label="Note" rows={2} hint="For readers: caveats, how a date was reached." />
      <KeyField path="id" label="ID" from="the actor, topic and date" />
      <EvidenceEditor />
    </>
  );
}

function ReactionTarget() {
  const { field } = useController({ name: "target" });
  const actor = useWatch({ name: "actor" });
  const target = (field.value ?? {}) as Record<string, unknown>;
  const kind = "event" in target ? "event" : "actor";
  const id = fieldId("target");
  return (
    <fieldset className="rf-radios">
      <legend>Reacts to</legend>
      <div className="rf-radio-row">
        {(["actor", "event"] as const).map((k) => (
          <label key={k} className="rf-radio">
            <input
              type="radio"
              name="target-kind"
              id={k === "actor" ? id : undefined}
              checked={kind === k}
              onChange={() => field.onChange({ [k]: "" })}
            />{" "}
            {k === "actor" ? "An actor" : "An event"}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={useFieldError("target")} />
      {kind === "actor" ? (
        <RefPicker
          path="target.actor"
          list="actors"
          label="Actor reacted to"
          required
          exclude={[String(actor ?? "")]}
          placeholder="Search actors…"
        />
      ) : (
        <RefPicker path="target.event" list="events" label="Event reacted to" required placeholder="Search events…" />
      )}
    </fieldset>
  );
}

function ReactionFields() {
  return (
    <>
      <RefPicker path="actor" list="actors" label="Actor reacting" required placeholder="Search actors…" />
      <ReactionTarget />
      <EdtfField
        path="date"
        label="Date"
        hint="When the reaction was made, at the precision the sources give."
        emptyReads="date not stated"
      />
      <EdtfField path="attested" label="Attested" required hint="The date of the earliest source that reports this reaction." />
      <div className="rf-pair">
        <SelectField path="sentiment" label="Sentiment" required choices={SENTIMENTS} hint="How the actor regards its target." />
      </div>
      <RadioField path="confidence" legend="Confidence" choices={CONFIDENCE} />
      <TextAreaField path="summary" label="Summary" required rows={3} />
      <KeyField path="id" label="ID" from="the actor, target and date" />
      <EvidenceEditor />
    </>
  );
}

function EventFields() {
  return (
    <>
      <TextField path="title" label="Title" required maxLength={300} dir="auto" />
      <KeyField path="slug" label="Slug" from="the title" />
      <EdtfField path="date" label="Date" required hint="At the precision the sources give." />
      <TextAreaField path="description" label="Description" rows={3} />
      <TextField
        path="series"
        label="Series"
        maxLength={120}
        hint="A named timeline this event belongs to, as a slug, e.g. russia-taliban-timeline."
      />
      <ActorListPicker path="actors" label="Actors involved" />
      <EvidenceEditor />
    </>
  );
}

function GapFields() {
  const editing = useFormMeta().mode === "edit";
  return (
    <>
      <p className="hint">
        A no-data note records that the sources give this actor no stance on this topic, and why. It may hold for a period only (for example
        until the actor's first stance): give its start or end, or neither for all time.
      </p>
      <RefPicker
        path="actor"
        list="actors"
        label="Actor"
        required
        disabled={editing}
        hint={editing ? "The actor and topic are this note's key and cannot change." : undefined}
      />
      <TopicSelect disabled={editing} />
      <TextAreaField path="note" label="Note" required rows={4} hint="What the sources say, and why that is no stance on this topic." />
      <div className="rf-pair">
        <EdtfField path="validFrom" label="Holds from" emptyReads="always" />
        <EdtfField path="validUntil" label="Holds until" hint="Up to (not including) this date." emptyReads="no end" />
      </div>
    </>
  );
}
