// Requests that ask the same question while its answer is being worked out wait for that one answer instead of
// each working it out again: ten teachers opening the overview of a class of a thousand at the start of a lesson
// cost one overview, not ten. Nothing is kept once the answer is out, so no answer is older than the request.

export type SharedAnswers<T> = (key: string, work: () => Promise<T>) => Promise<T>;

export function sharedAnswers<T>(): SharedAnswers<T> {
  const running = new Map<string, Promise<T>>();
  return (key, work) => {
    const existing = running.get(key);
    if (existing) return existing;
    const answer = work().finally(() => running.delete(key));
    running.set(key, answer);
    return answer;
  };
}
