// Launches Chromium once before any spec: a browser that is there but does not start fails the run with
// one line, not with a launch error in every test.
import { chromiumWontStart } from "./preflight.mjs";

export default async function globalSetup(): Promise<void> {
  const problem = await chromiumWontStart();
  if (!problem) return;
  const error = new Error(problem);
  error.stack = problem; // the one line, not a stack trace into this file
  throw error;
}
