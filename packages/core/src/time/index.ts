export * from "./edtf";
export * from "./holding";
export * from "./legacy";
export * from "./movement";
