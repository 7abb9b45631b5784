"use client";
// "Export" for a view (map, network, timeline, an actor's stance history): title, subtitle and notes
// editable, a size, density and theme. The SVG is drawn here by the same model and renderer the export
// API uses (lib/export/views.ts), with the same fonts embedded; PNG, PDF and the data's ZIP come from
// the API with the same settings; the embed snippet frames /embed/<view> with the same state.
import { withAltText } from "@stancemap/charts";
import { type EmbeddedFont, EXPORT_THEMES, type ExportTheme, embedFonts } from "@stancemap/charts/export";
import { EXPORT_PRESETS, formatEdtf, MAX_EXPORT_PIXELS, PRINT_DPI, pixelSize } from "@stancemap/core/model";
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from "react";
import { CiteThis } from "@/components/cite/CiteThis";
import type { RevisionShown } from "@/lib/dashboard-data";
import { altTextOf } from "@/lib/export/alt-text";
import { type ExportData, type ExportState, type ExportView, exportModel, stateQuery, VIEW_NAMES } from "@/lib/export/views";
import type { MapGeometry, MapLayout } from "@/lib/map-geometry";
import { useMapShapes } from "@/lib/map-shapes";
import { loadExportFonts } from "@/lib/server/actions/dashboard";

const PRESETS = { ...EXPORT_PRESETS, custom: { label: "Custom size", width: 0, height: 0, print: false } } as const;
type Preset = keyof typeof PRESETS;
const THEME_LABELS: Record<ExportTheme, string> = { light: "Light", dark: "Dark", print: "Print-safe (greys and patterns)" };
/** Density: 1x, 2x, 4x, or print at 300 dpi. */
type Density = "1" | "2" | "4" | "dpi";

// The fonts are the same files the server embeds; fetched once per page, when a dialog first opens.
let fontsPromise: Promise<EmbeddedFont[]> | null = null;
const fonts = () => {
  fontsPromise ??= loadExportFonts().catch((e) => {
    fontsPromise = null;
    throw e;
  });
  return fontsPromise;
};

export function ExportDialog(props: {
  view: ExportView;
  data: ExportData;
  state: ExportState;
  /** The map's layout (the page's), whose outlines are fetched from its sprite when the dialog opens; or the geometry. */
  geometry?: MapGeometry | MapLayout;
  /** The public origin, for the permalink printed on the picture (the server's, as the API prints). */
  origin: string;
  /** The opening button's text. */
  label?: string;
  /** The dataset revision shown, for "Cite this"; when the page is pinned to it, every file is too. */
  shown?: RevisionShown | undefined;
}) {
  const { view, data, state, geometry } = props;
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState("");
  const [subtitle, setSubtitle] = useState("");
  const [notes, setNotes] = useState("");
  const [preset, setPreset] = useState<Preset>("web");
  const [custom, setCustom] = useState({ width: 1600, height: 900 });
  const [density, setDensity] = useState<Density>("2");
  const [theme, setTheme] = useState<ExportTheme>("light");
  // SVG text: as text (the preview's file), or as outlines, which the API draws (it has the font files).
  const [outline, setOutline] = useState(false);
  const [open, setOpen] = useState(false);
  const [embedded, setEmbedded] = useState<EmbeddedFont[] | null>(null);
  const [fontError, setFontError] = useState<string | null>(null);
  const [embedKind, setEmbedKind] = useState<"live" | "picture">("live");
  const [copied, setCopied] = useState<"alt" | "embed" | null>(null);
  const copy = (what: "alt" | "embed", text: string) =>
    navigator.clipboard?.writeText(text).then(
      () => setCopied(what),
      () => setCopied(null),
    );
  const size = preset === "custom" ? custom : PRESETS[preset];
  const sizeError =
    preset === "custom" &&
    (![size.width, size.height].every(Number.isInteger) || size.width < 300 || size.width > 4000 || size.height < 200 || size.height > 4000)
      ? "Whole numbers: width 300 to 4000 and height 200 to 4000 pixels."
      : null;
  const pngDensity = density === "dpi" ? PRINT_DPI / 96 : Number(density);
  const png = pixelSize(size.width, size.height, pngDensity);
  const pngError =
    png.width * png.height > MAX_EXPORT_PIXELS
      ? `At this density the PNG would exceed ${MAX_EXPORT_PIXELS / 1_000_000} million pixels: choose a lower density.`
      : null;
  const { origin } = props;
  useEffect(() => {
    if (!open || embedded) return;
    fonts().then(setEmbedded, (e: Error) => setFontError(`The fonts could not be loaded (${e.message}); try again.`));
  }, [open, embedded]);

  // Built while the dialog is open only (the date may change many times a second while the timeline
  // plays); the picture follows typing a beat behind, so that keys never wait for a drawing.
  // The map's outlines are not in the page: read back from the world's sprite (cached since the map drew).
  const shapes = useMapShapes(open && (view === "map" || view === "change") ? geometry : undefined);
  const model = useMemo(
    () => (open ? exportModel(view, data, state, shapes.geometry ?? geometry) : null),
    [open, view, data, state, geometry, shapes.geometry],
  );
  const outlined = !geometry || shapes.geometry !== null;
  const alt = useMemo(() => (model ? altTextOf(model, data, state) : ""), [model, data, state]);
  const texts = useDeferredValue(useMemo(() => ({ title, subtitle, notes }), [title, subtitle, notes]));
  const svg = useMemo(
    () =>
      model && embedded && outlined && !sizeError && !model.tooLarge && !model.invalid
        ? embedFonts(withAltText(model.render({ theme, width: size.width, height: size.height, ...texts, origin }), alt), embedded)
        : "",
    [model, alt, theme, size.width, size.height, texts, origin, embedded, outlined, sizeError],
  );
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!svg) return;
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [svg]);

  const choosePreset = (p: Preset) => {
    setPreset(p);
    // Print sizes are for print: their PNG defaults to 300 dpi; screen sizes to 2x.
    setDensity(PRESETS[p].print ? "dpi" : density === "dpi" ? "2" : density);
  };

  const viewState = { ...stateQuery(view, state), ...(props.shown?.pinned ? { revision: String(props.shown.revision) } : {}) };
  const params = new URLSearchParams({ ...viewState, theme, width: String(size.width), height: String(size.height) });
  if (title) params.set("title", title);
  if (subtitle) params.set("subtitle", subtitle);
  if (notes) params.set("notes", notes);
  const pngParams = new URLSearchParams(params);
  if (density === "dpi") pngParams.set("dpi", String(PRINT_DPI));
  else pngParams.set("scale", density);
  const pngSuffix = density === "dpi" ? `@${PRINT_DPI}dpi` : density === "1" ? "" : `@${density}x`;
  const embedParams = new URLSearchParams({ ...viewState, theme });
  if (title) embedParams.set("title", title);
  if (subtitle) embedParams.set("subtitle", subtitle);
  if (notes) embedParams.set("notes", notes);
  const embedTitle = title || (model?.defaults.title ?? "");
  // The change and the sequence embed as pictures only (there is no live chart of them to frame).
  const liveEmbed = view !== "change" && view !== "sequence";
  const embedSnippet = embedCode({ origin, view, query: embedParams, title: embedTitle, picture: !liveEmbed || embedKind === "picture" });
  const heading = `Export the ${VIEW_NAMES[view]}`;
  const drawable = !sizeError && !model?.tooLarge && !model?.invalid;
  const ready = Boolean(preview) && drawable;

  return (
    <>
      <button
        type="button"
        className="button-quiet export-open"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {props.label ?? "Export…"}
      </button>
      <dialog ref={dialog} className="export-dialog" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        <div className="export-head">
          <h2 id={`${id}-title`}>{heading}</h2>
          <button type="button" className="button-quiet" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        {model && (
          <div className="export-body">
            <form className="export-form" onSubmit={(e) => e.preventDefault()}>
              <label htmlFor={`${id}-t`}>Title</label>
              <input
                id={`${id}-t`}
                value={title}
                placeholder={model.defaults.title}
                maxLength={200}
                onChange={(e) => setTitle(e.target.value)}
              />
              <label htmlFor={`${id}-s`}>Subtitle</label>
              <input
                id={`${id}-s`}
                value={subtitle}
                placeholder={model.defaults.subtitle}
                maxLength={300}
                onChange={(e) => setSubtitle(e.target.value)}
              />
              <label htmlFor={`${id}-n`}>Notes</label>
              <textarea id={`${id}-n`} value={notes} rows={2} maxLength={500} onChange={(e) => setNotes(e.target.value)} />
              <label htmlFor={`${id}-p`}>Size</label>
              <select id={`${id}-p`} value={preset} onChange={(e) => choosePreset(e.target.value as Preset)}>
                {(Object.keys(PRESETS) as Preset[]).map((p) => (
                  <option key={p} value={p}>
                    {PRESETS[p].label}
                  </option>
                ))}
              </select>
              {preset === "custom" && (
                <div className="export-custom">
                  <label>
                    Width (px)
                    <input
                      type="number"
                      value={custom.width}
                      aria-invalid={Boolean(sizeError)}
                      aria-describedby={sizeError ? `${id}-size-error` : undefined}
                      onChange={(e) => setCustom({ ...custom, width: Number(e.target.value) })}
                    />
                  </label>
                  <label>
                    Height (px)
                    <input
                      type="number"
                      value={custom.height}
                      aria-invalid={Boolean(sizeError)}
                      aria-describedby={sizeError ? `${id}-size-error` : undefined}
                      onChange={(e) => setCustom({ ...custom, height: Number(e.target.value) })}
                    />
                  </label>
                  {sizeError && (
                    <p className="field-error" id={`${id}-size-error`}>
                      {sizeError}
                    </p>
                  )}
                </div>
              )}
              <fieldset>
                <legend>Theme</legend>
                {EXPORT_THEMES.map((t) => (
                  <label key={t}>
                    <input type="radio" name={`${id}-theme`} checked={theme === t} onChange={() => setTheme(t)} /> {THEME_LABELS[t]}
                  </label>
                ))}
              </fieldset>
              <label htmlFor={`${id}-o`}>SVG text</label>
              <select id={`${id}-o`} value={outline ? "outline" : "text"} onChange={(e) => setOutline(e.target.value === "outline")}>
                <option value="text">Text, with the font embedded</option>
                <option value="outline">Outlines, for Inkscape and Illustrator</option>
              </select>
              <label htmlFor={`${id}-x`}>PNG density</label>
              <select
                id={`${id}-x`}
                value={density}
                aria-invalid={Boolean(pngError)}
                aria-describedby={pngError ? `${id}-png-error` : undefined}
                onChange={(e) => setDensity(e.target.value as Density)}
              >
                <option value="1">1x ({pixelsAt(size, 1)})</option>
                <option value="2">2x ({pixelsAt(size, 2)})</option>
                <option value="4">4x ({pixelsAt(size, 4)})</option>
                <option value="dpi">
                  Print, {PRINT_DPI} dpi ({pixelsAt(size, PRINT_DPI / 96)})
                </option>
              </select>
              {pngError && (
                <p className="field-error" id={`${id}-png-error`}>
                  {pngError}
                </p>
              )}
              <div className="export-actions">
                <a
                  className="button-link"
                  href={ready ? (outline ? `/api/v1/export/${view}.svg?${params}&text=outline` : (preview ?? undefined)) : undefined}
                  download={`${model.name}.svg`}
                  aria-disabled={!ready}
                  onClick={(e) => {
                    if (!ready) e.preventDefault();
                  }}
                >
                  Download SVG
                </a>
                <a
                  className="button-link"
                  href={drawable && !pngError ? `/api/v1/export/${view}.png?${pngParams}` : undefined}
                  aria-disabled={!drawable || Boolean(pngError)}
                  download={`${model.name}${pngSuffix}.png`}
                  title={`${pixelsAt(size, pngDensity)} pixels`}
                >
                  Download PNG
                </a>
                <a
                  className="button-link"
                  href={drawable ? `/api/v1/export/${view}.pdf?${params}` : undefined}
                  aria-disabled={!drawable}
                  download={`${model.name}.pdf`}
                >
                  Download PDF
                </a>
                <a
                  className="button-link"
                  href={`/api/v1/export/${view}.zip?${new URLSearchParams(viewState)}`}
                  download={`${model.name}-data.zip`}
                >
                  Download data (CSV, JSON)
                </a>
              </div>
              <p className="muted export-data-note">
                The data file holds the {model.rows.length} rows this {VIEW_NAMES[view]} shows, as CSV and JSON, with a metadata file naming
                the sources, the licence and the dataset revision.
              </p>
            </form>
            <section className="export-embed" aria-labelledby={`${id}-embed`}>
              <h3 id={`${id}-embed`}>Embed in a web page</h3>
              <fieldset>
                <legend className="visually-hidden">What to embed</legend>
                {liveEmbed && (
                  <label>
                    <input type="radio" name={`${id}-embed-kind`} checked={embedKind === "live"} onChange={() => setEmbedKind("live")} />{" "}
                    The live chart (tooltips{view === "map" ? ", time slider" : view === "network" ? ", hover" : ""})
                  </label>
                )}
                <label>
                  <input
                    type="radio"
                    name={`${id}-embed-kind`}
                    checked={!liveEmbed || embedKind === "picture"}
                    onChange={() => setEmbedKind("picture")}
                  />{" "}
                  A static picture
                </label>
              </fieldset>
              <label htmlFor={`${id}-snippet`}>Paste this where the chart goes</label>
              <textarea id={`${id}-snippet`} readOnly rows={5} value={embedSnippet} onFocus={(e) => e.currentTarget.select()} />
              <p className="muted">
                The frame takes the page's width (300 px or more); its script sets the frame's height from the chart's{" "}
                <code>{'{ type: "stancemap:height", height }'}</code> message. Without the script, the frame keeps a fixed height.
              </p>
              <button type="button" className="button-quiet" onClick={() => copy("embed", embedSnippet)}>
                Copy embed code
              </button>
              <h3 id={`${id}-alt`}>Alt text</h3>
              <textarea aria-labelledby={`${id}-alt`} readOnly rows={4} value={alt} onFocus={(e) => e.currentTarget.select()} />
              <button type="button" className="button-quiet" onClick={() => copy("alt", alt)}>
                Copy alt text
              </button>
              <span role="status" className="muted">
                {copied === "alt" ? " Alt text copied." : copied === "embed" ? " Embed code copied." : ""}
              </span>
            </section>
            <CiteThis
              title={model.defaults.title}
              description={`${VIEW_NAMES[view]} as of ${formatEdtf(state.date)}`}
              path={model.path}
              origin={origin}
              shown={props.shown}
            />
            <figure className="export-preview">
              {model.tooLarge ? (
                <p className="field-error" role="alert">
                  Too large to draw: {model.tooLarge.message}
                </p>
              ) : null}
              {model.invalid ? (
                <p className="field-error" role="alert">
                  Nothing to draw: {model.invalid.message}
                </p>
              ) : null}
              {fontError ? (
                <p className="field-error" role="alert">
                  {fontError}
                </p>
              ) : null}
              {shapes.error ? (
                <p className="field-error" role="alert">
                  {shapes.error}
                </p>
              ) : null}
              {/* biome-ignore lint/performance/noImgElement: a blob: preview of the generated SVG, not a site image */}
              {preview && ready && <img src={preview} alt={`Preview: ${title || model.defaults.title}`} />}
              <figcaption className="muted">
                Published data as of {state.date}; the files carry the dataset revision and this view's link.
              </figcaption>
            </figure>
          </div>
        )}
      </dialog>
    </>
  );
}

function pixelsAt(size: { width: number; height: number }, k: number): string {
  const px = pixelSize(size.width, size.height, k);
  return `${px.width} × ${px.height}`;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };

/** Fixed heights for a frame without its script, per view: the live chart at a column's width. */
const EMBED_HEIGHTS: Record<ExportView, number> = { map: 620, network: 560, timeline: 420, actor: 460, change: 620, sequence: 560 };

/** The embed code: an iframe of /embed/<view> with the view's state, and a few lines of script that set the
 * frame's height from the embed's height message (checked to come from this origin and this frame). */
export function embedCode(o: { origin: string; view: ExportView; query: URLSearchParams; title: string; picture: boolean }): string {
  const query = new URLSearchParams(o.query);
  if (o.picture) query.set("static", "1");
  const attr = (v: string) => v.replace(/[&"<>]/g, (c) => ENTITIES[c] ?? c);
  const src = `${o.origin}/embed/${o.view}?${query.toString()}`;
  const height = o.picture ? 700 : EMBED_HEIGHTS[o.view];
  return [
    `<iframe src="${attr(src)}" title="${attr(o.title)}" data-stancemap-embed width="100%" height="${height}" style="border:0;width:100%;min-width:300px" loading="lazy"></iframe>`,
    `<script>window.addEventListener("message",function(e){var d=e.data;if(e.origin!==${JSON.stringify(o.origin)}||!d||d.type!=="stancemap:height"||!(d.height>0))return;`,
    `document.querySelectorAll("iframe[data-stancemap-embed]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(Math.min(d.height,5000))+"px"})});</script>`,
  ].join("\n");
}
