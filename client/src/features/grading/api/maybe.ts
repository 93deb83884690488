// A field the server may leave out or send as null (a stored null, an older server): read as absent either way, so views test one thing.
import * as z from 'zod/mini';
import type { $ZodType, output } from 'zod/v4/core';

export const maybe = <S extends $ZodType>(schema: S) =>
  z.pipe(
    z.optional(z.nullable(schema)),
    z.transform((value: output<S> | null | undefined): output<S> | undefined => value ?? undefined),
  );
