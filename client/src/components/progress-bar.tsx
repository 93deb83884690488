// A progress bar with its words beside it; each feature says the words its own way (done of total, with or without percent).
export interface Progress {
  done: number;
  total: number;
  /** done / total, 0..1, as the server computed it. */
  fraction: number;
}

export function ProgressBar({ fraction, text, label }: { fraction: number; text: string; label: string }) {
  const value = Math.round(fraction * 100);
  return (
    <span className="progress">
      <span className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-valuetext={text}>
        <span className="progress-fill" style={{ width: `${value}%` }} />
      </span>
      <span className="progress-text">{text}</span>
    </span>
  );
}
