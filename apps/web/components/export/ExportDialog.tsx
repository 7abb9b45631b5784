"use client";
// "Export" on the dashboard: title, subtitle and notes editable, a size, scale and theme; the SVG is
// drawn here by the same renderer the export API uses, and PNG and PDF come from the API with the same settings.
import { EXPORT_THEMES, type ExportTheme } from "@stancemap/charts/export";
import { EXPORT_PRESETS } from "@stancemap/core/model";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { DashboardData } from "@/lib/dashboard-data";
import { defaultTexts, exportFileName, renderMapExportSvg } from "@/lib/export/map-export";
import type { MapGeometry } from "@/lib/map-geometry";

const PRESETS = { ...EXPORT_PRESETS, custom: { label: "Custom size", width: 0, height: 0 } } as const;
type Preset = keyof typeof PRESETS;
const THEME_LABELS: Record<ExportTheme, string> = { light: "Light", dark: "Dark", print: "Print-safe (greys and patterns)" };

export function ExportDialog({ data, geometry, date }: { data: DashboardData; geometry: MapGeometry; date: string }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const texts = defaultTexts(data, date);
  const [title, setTitle] = useState("");
  const [subtitle, setSubtitle] = useState("");
  const [notes, setNotes] = useState("");
  const [preset, setPreset] = useState<Preset>("web");
  const [custom, setCustom] = useState({ width: 1600, height: 900 });
  const [scale, setScale] = useState(2);
  const [theme, setTheme] = useState<ExportTheme>("light");
  const size = preset === "custom" ? custom : PRESETS[preset];
  const sizeError =
    preset === "custom" && (size.width < 300 || size.width > 4000 || size.height < 200 || size.height > 4000)
      ? "Width 300 to 4000 and height 200 to 4000 pixels."
      : null;
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);

  const svg = useMemo(
    () =>
      origin && !sizeError
        ? renderMapExportSvg(data, geometry, { date, theme, width: size.width, height: size.height, title, subtitle, notes, origin })
        : "",
    [data, geometry, date, theme, size.width, size.height, title, subtitle, notes, origin, sizeError],
  );
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!svg) return;
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [svg]);

  const name = exportFileName(data.topic.slug, "map", date);
  const params = new URLSearchParams({ topic: data.topic.slug, date, theme, width: String(size.width), height: String(size.height) });
  if (title) params.set("title", title);
  if (subtitle) params.set("subtitle", subtitle);
  if (notes) params.set("notes", notes);
  const embedParams = new URLSearchParams({ topic: data.topic.slug, date, theme });
  if (title) embedParams.set("title", title);
  const embedSnippet = `<iframe src="${origin}/embed/map?${embedParams.toString().replace(/&/g, "&amp;")}" title="${(title || texts.title).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}" width="100%" height="560" style="border:0" loading="lazy"></iframe>`;
  const pngParams = new URLSearchParams(params);
  pngParams.set("scale", String(scale));

  return (
    <>
      <button type="button" className="button-quiet export-open" onClick={() => dialog.current?.showModal()}>
        Export…
      </button>
      <dialog ref={dialog} className="export-dialog" aria-labelledby={`${id}-title`}>
        <div className="export-head">
          <h2 id={`${id}-title`}>Export the map</h2>
          <button type="button" className="button-quiet" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        <div className="export-body">
          <form className="export-form" onSubmit={(e) => e.preventDefault()}>
            <label htmlFor={`${id}-t`}>Title</label>
            <input id={`${id}-t`} value={title} placeholder={texts.title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
            <label htmlFor={`${id}-s`}>Subtitle</label>
            <input
              id={`${id}-s`}
              value={subtitle}
              placeholder={texts.subtitle}
              maxLength={300}
              onChange={(e) => setSubtitle(e.target.value)}
            />
            <label htmlFor={`${id}-n`}>Notes</label>
            <textarea id={`${id}-n`} value={notes} rows={2} maxLength={500} onChange={(e) => setNotes(e.target.value)} />
            <label htmlFor={`${id}-p`}>Size</label>
            <select id={`${id}-p`} value={preset} onChange={(e) => setPreset(e.target.value as Preset)}>
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
            <label htmlFor={`${id}-x`}>PNG density</label>
            <select id={`${id}-x`} value={scale} onChange={(e) => setScale(Number(e.target.value))}>
              <option value={1}>
                1x ({size.width} × {size.height})
              </option>
              <option value={2}>
                2x ({size.width * 2} × {size.height * 2})
              </option>
              <option value={4}>
                4x ({size.width * 4} × {size.height * 4})
              </option>
            </select>
            <div className="export-actions">
              <a
                className="button-link"
                href={preview ?? undefined}
                download={`${name}.svg`}
                aria-disabled={!preview || Boolean(sizeError)}
                onClick={(e) => {
                  if (!preview || sizeError) e.preventDefault();
                }}
              >
                Download SVG
              </a>
              <a
                className="button-link"
                href={`/api/v1/export/map.png?${pngParams}`}
                download={`${name}${scale === 1 ? "" : `@${scale}x`}.png`}
              >
                Download PNG
              </a>
              <a className="button-link" href={`/api/v1/export/map.pdf?${params}`} download={`${name}.pdf`}>
                Download PDF
              </a>
            </div>
          </form>
          <section className="export-embed" aria-labelledby={`${id}-embed`}>
            <h3 id={`${id}-embed`}>Embed in a web page</h3>
            <label htmlFor={`${id}-snippet`}>Paste this where the chart goes</label>
            <textarea id={`${id}-snippet`} readOnly rows={4} value={embedSnippet} onFocus={(e) => e.currentTarget.select()} />
            <p className="muted">
              The frame scales to the width of the page. It posts <code>{'{ type: "stancemap:height", height }'}</code> to the page when its
              height changes, for hosts that size frames themselves; nothing else is needed.
            </p>
          </section>
          <figure className="export-preview">
            {/* biome-ignore lint/performance/noImgElement: a blob: preview of the generated SVG, not a site image */}
            {preview && <img src={preview} alt={`Preview: ${title || texts.title}`} />}
            <figcaption className="muted">
              Published data as of {date}; the files carry the dataset revision and this view's link.
            </figcaption>
          </figure>
        </div>
      </dialog>
    </>
  );
}
