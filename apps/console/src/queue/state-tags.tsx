import { Tag } from 'antd';
import type { CSSProperties } from 'react';

// Dark text on antd's light preset backgrounds: AA contrast (≥ 4.5:1) for small text, which antd's presets miss (the
// same colours as the portfolio's compliance tags). Shared by the queue and the ticket timeline.
export const GREEN = { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' } as const;
export const GOLD = { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' } as const;
export const RED = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' } as const;
export const BLUE = { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' } as const;
export const GREY = { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' } as const;

const STATE_COLOURS: Record<string, CSSProperties> = {
  running: BLUE,
  'at-risk': GOLD,
  breached: RED,
  paused: GREY,
  met: GREEN,
  'not-started': GREY,
  'not-covered': GREY,
};

/** A clock's state as a tag: the label is translated by the caller, the colour follows the state. */
export function StateTag({ state, label }: { state: string; label: string }) {
  return (
    <Tag style={STATE_COLOURS[state] ?? GREY} data-testid="state" data-state={state}>
      {label}
    </Tag>
  );
}
