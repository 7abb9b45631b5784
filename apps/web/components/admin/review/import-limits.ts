// The upload limit, shared by the form (checked before sending) and the server action (checked again).
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_LABEL = "10 MB";
