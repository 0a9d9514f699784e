// How the console writes times, dates and money: the way Vietnamese paperwork does, in Vietnam's time zone.

export const ZONE = 'Asia/Ho_Chi_Minh';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(iso) {
  const parts = {};
  for (const p of PARTS.formatToParts(new Date(iso))) {
    parts[p.type] = p.value;
  }
  return parts;
}

/** "07/12/2026 09:35" (day first, four-digit year, 24-hour clock, Vietnam time); "—" when absent. */
export function dateTime(iso) {
  if (!iso) return '—';
  const p = partsOf(iso);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "07/12/2026" for an instant (Vietnam's calendar day) or for a plain "2026-12-07" date. */
export function date(value) {
  if (!value) return '—';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const p = partsOf(value);
  return `${p.day}/${p.month}/${p.year}`;
}

const MONEY = new Intl.NumberFormat('vi-VN');

/** "1.500.000 đồng" for an integer number of đồng. */
export function money(amount, unit = 'đồng') {
  if (amount === null || amount === undefined || amount === '') return '—';
  const n = Math.trunc(Number(amount));
  return Number.isFinite(n) ? `${MONEY.format(n)} ${unit}` : '—';
}

/** A <input type="datetime-local"> value ("2026-12-07T09:35", Vietnam time) as an ISO instant in UTC. */
export function localInputToInstant(value) {
  if (!value) return null;
  // Vietnam has no daylight saving: a fixed +07:00 offset is exact
  return new Date(`${value}:00+07:00`).toISOString().replace('.000Z', 'Z');
}
