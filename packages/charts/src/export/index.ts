export * from "./actor-svg";
export * from "./fonts";
export * from "./frame";
export * from "./map-svg";
export * from "./network-svg";
export * from "./svg";
export * from "./themes";
export * from "./timeline-svg";
