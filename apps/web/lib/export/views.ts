// The view models live in packages/charts (src/views), shared by the dashboard and the exporter.
export * from "@stancemap/charts/views";
