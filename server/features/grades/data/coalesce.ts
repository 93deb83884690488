// Gathers the calls made in one turn of the event loop into one batch: concurrent deliveries ask the store once
// between them instead of once each (a DataLoader without a cache).

/**
 * `run` gets every input gathered in this turn and answers one output per input, in the same order. With `windowMs`
 * it gathers for that long after the first input instead: for calls nobody waits on to go on (settlements written
 * while the lanes post the next grades), so calls that come a few milliseconds apart still share one round trip.
 */
export function coalesce<In, Out>(run: (inputs: In[]) => Promise<Out[]>, options: { windowMs?: number } = {}): (input: In) => Promise<Out> {
  let pending: { input: In; resolve: (out: Out) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    run(batch.map((call) => call.input)).then(
      (outputs) => batch.forEach((call, i) => call.resolve(outputs[i] as Out)),
      (error: unknown) => batch.forEach((call) => call.reject(error)),
    );
  };
  return (input) =>
    new Promise<Out>((resolve, reject) => {
      if (pending.length === 0) {
        if (options.windowMs) setTimeout(flush, options.windowMs);
        else setImmediate(flush);
      }
      pending.push({ input, resolve, reject });
    });
}
