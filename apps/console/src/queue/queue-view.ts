/**
 * Wall-clock time to an instant as a running countdown, "2:05:07" (hours may exceed 24: a desk reads hours, not
 * days). Cut to whole seconds, never rounded up, so the countdown never shows more time than there is; null once the
 * instant is reached.
 */
export function formatCountdown(milliseconds: number): string | null {
  if (milliseconds <= 0) return null;
  const seconds = Math.floor(milliseconds / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The priority filter of the URL, if it is one the API knows (anything else is ignored, not sent). */
export function priorityParameter(value: string | null): Priority | undefined {
  return PRIORITIES.find((priority) => priority === value);
}
