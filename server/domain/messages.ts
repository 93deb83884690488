// A translatable message: a stable key plus the values the client fills into its Dutch or English sentence.

export type MessageParam = string | number | boolean | string[];

export interface Message {
  key: string;
  params: Record<string, MessageParam>;
}

export function message(key: string, params: Record<string, MessageParam> = {}): Message {
  return { key, params };
}
