/** What the OLA with the infrastructure team and the hosting UC promise for each service's availability. */
export const UNDERPINNING_AVAILABILITY_PERCENTAGE = 99.995;

/** A month's downtime budget (30 days) at `percentage` availability, times `share`, in whole seconds (at least 1). */
export const downtimeShare = (percentage: number, share: number): number =>
  Math.max(1, Math.round(((100 - percentage) / 100) * 30 * 86_400 * share)) * 1_000;
