// Dates as people read them: "3 July 2025", "July 2025", "c. 3 July 2025".
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function formatDate(iso: string, precision = "day"): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const month = MONTHS[m - 1] ?? "";
  if (precision === "year") return String(y);
  if (precision === "month") return `${month} ${y}`;
  return `${precision === "circa" ? "c. " : ""}${d} ${month} ${y}`;
}
