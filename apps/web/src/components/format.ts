import { t } from '../i18n';

const dateTime = new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dateOnly = new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeZone: 'UTC' });

/** Times are shown in UTC, as the audit log and deadlines are kept. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? `${dateTime.format(new Date(iso))} UTC` : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateOnly.format(new Date(iso)) : '—';
}

/** Whole days from now until `iso` (negative when past). */
export function daysUntil(iso: string, now = Date.now()): number {
  return Math.ceil((new Date(iso).getTime() - now) / 86_400_000);
}

const numberFormat = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 2 });

/** A quantity (people, money, indicator values): grouped digits in the reader's locale. Years are not quantities. */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : numberFormat.format(n);
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(t.locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    // A currency code Intl does not know still reads as a number and its code.
    return `${formatNumber(amount)} ${currency}`;
  }
}
