import { describe, expect, it } from "vitest";
import { classifyRenderer } from "./webgl-support";

describe("classifyRenderer", () => {
  it.each([
    "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)",
    "Google SwiftShader",
    "llvmpipe (LLVM 15.0.6, 256 bits)",
    "ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)",
    "Mesa OffScreen",
  ])("names %s a software renderer", (name) => {
    expect(classifyRenderer(name)).toBe("software");
  });

  it.each([
    "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)",
    "ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)",
    "Mesa Intel(R) UHD Graphics 620 (KBL GT2)",
    "WebKit WebGL",
  ])("names %s a GPU", (name) => {
    expect(classifyRenderer(name)).toBe("gpu");
  });

  it("takes a browser that names no renderer at its word", () => {
    expect(classifyRenderer(null)).toBe("gpu");
    expect(classifyRenderer("")).toBe("gpu");
  });
});
