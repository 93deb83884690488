// The benches' child processes (the class server, the launch load) answer over IPC with messages of a kind.
import type { ChildProcess } from 'node:child_process';

/** The child's next message of `kind`; rejected if the child exits first (`who` names it in the error). */
export function nextMessage<T>(child: ChildProcess, kind: string, who: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: { kind: string }) => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => reject(new Error(`${who} exited (${code}) before answering ${kind}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
