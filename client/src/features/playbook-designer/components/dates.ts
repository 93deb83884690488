// Between the API's ISO instants and the browser's local date(-time) inputs.

const pad = (n: number) => String(n).padStart(2, '0');

/** "2030-10-20T08:00:00Z" → "2030-10-20T10:00" in the teacher's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A local "YYYY-MM-DDTHH:mm" (or "YYYY-MM-DD") as an ISO instant; null when empty or unreadable. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value.length === 10 ? `${value}T00:00` : value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
