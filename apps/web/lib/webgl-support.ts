// Which drawing a large network gets in this browser. sigma.js needs WebGL2, and pays off only on a GPU:
// where WebGL2 is drawn in software (SwiftShader, llvmpipe, Windows' basic render driver: a machine or a
// virtual desktop without a usable GPU, or a GPU the browser has blocked) a frame of 10,000 edges took
// seconds, while the 2D canvas, drawn by the CPU anyway, redraws it many times a second. Asked once per page.

export type Webgl = "gpu" | "software" | "none";

/** Renderer names of software rasterisers, as WebGL reports them (WEBGL_debug_renderer_info). */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i;

/** WebGL2 on a GPU, in software, or not at all; "gpu" when the browser does not say (it then hides a software one rarely). */
export function classifyRenderer(renderer: string | null): Exclude<Webgl, "none"> {
  return renderer && SOFTWARE.test(renderer) ? "software" : "gpu";
}

let known: Webgl | null = null;

export function webglSupport(): Webgl {
  if (known !== null) return known;
  try {
    const canvas = document.createElement("canvas");
    // The browser's own verdict first: a context it would draw only with a major performance caveat.
    const gl = canvas.getContext("webgl2", { failIfMajorPerformanceCaveat: true });
    if (!gl) {
      known = document.createElement("canvas").getContext("webgl2") ? "software" : "none";
    } else {
      const info = gl.getExtension("WEBGL_debug_renderer_info");
      known = classifyRenderer(String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? ""));
      gl.getExtension("WEBGL_lose_context")?.loseContext();
    }
  } catch {
    known = "none";
  }
  return known;
}
