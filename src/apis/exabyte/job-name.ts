const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The name the web app gives a job created without one, as in the seed's body: "New Job Feb 15th
 * 2017, 18:32 PM" (moment's `MMM Do YYYY, HH:mm A`, a 24-hour clock with AM/PM, UTC here).
 */
export function defaultJobName(at: number): string {
  const d = new Date(at);
  const hours = d.getUTCHours();
  return `New Job ${MONTHS[d.getUTCMonth()]} ${ordinal(d.getUTCDate())} ${d.getUTCFullYear()}, ${pad(hours)}:${pad(d.getUTCMinutes())} ${hours < 12 ? 'AM' : 'PM'}`;
}
