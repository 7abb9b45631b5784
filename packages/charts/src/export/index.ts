export * from "./frame";
export * from "./map-svg";
export * from "./svg";
export * from "./themes";
