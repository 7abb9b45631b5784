// How the review pages show dates (an exact UTC time for the record, a rough age for scanning) and
// the audit trail's actions.

/** "2025-07-03 14:05 UTC" */
export function utc(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function age(iso: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days < 60 ? `${days} days ago` : `${Math.floor(days / 30)} months ago`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Every action the audit trail records, in the words the history and audit pages use. */
export const CHANGE_ACTIONS: [string, string][] = [
  ["draft.save", "Saved in a draft"],
  ["draft.delete", "Deletion proposed"],
  ["publish", "Published"],
  ["revert", "Restored an earlier revision"],
  ["draft.publish", "Draft published"],
  ["draft.return", "Draft sent back"],
  ["draft.withdraw", "Draft withdrawn"],
  ["draft.rename", "Draft renamed"],
  ["user.create", "User created"],
  ["user.update", "User changed"],
  ["token.create", "Token created"],
  ["token.revoke", "Token revoked"],
];

const ACTION_TEXT: Record<string, string> = {
  ...Object.fromEntries(CHANGE_ACTIONS),
  // How a revision came to be, when no recorded change made it.
  "as loaded": "As loaded",
  "before history": "Before the recorded history",
  "did not exist": "Did not exist",
};

export const actionText = (action: string): string => ACTION_TEXT[action] ?? action;
