export function missingPrerequisite(): string | null;
export function chromiumWontStart(): Promise<string | null>;
