import { z } from 'zod';
import { LANGUAGE_CODES } from './i18n/languages';
import { NAMESPACES } from './i18n/resources';
import { onMessage, type MessageIssue, type ProtocolMap } from './messaging';
import { settingsPatchSchema, settingsSchema } from './settings';

/** The schema of every request in the ProtocolMap. The background checks each payload first. */
export const requestSchemas = {
  getSettings: z.undefined(),
  updateSettings: settingsPatchSchema,
  replaceSettings: settingsSchema,
  getLocaleBundle: z.strictObject({
    language: z.enum(LANGUAGE_CODES),
    namespace: z.enum(NAMESPACES),
  }),
  reportError: z.strictObject({
    where: z.string().min(1).max(100),
    message: z.string().max(2000),
  }),
  openCalculator: z.strictObject({
    calc: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .max(60),
    termId: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .max(80),
    region: z
      .string()
      .regex(/^[a-z]+(\/[a-z-]+)?$/)
      .max(60)
      .optional(),
    scheme: z.enum(['kokuho', 'koki']).optional(),
    url: z.url().max(4000),
  }),
  listLanguages: z.undefined(),
  getExplanationFacts: z.undefined(),
} satisfies Record<keyof ProtocolMap, z.ZodType>;

export type MessageType = keyof ProtocolMap;
type RequestOf<T extends MessageType> = z.infer<(typeof requestSchemas)[T]>;
type ResponseOf<T extends MessageType> = ReturnType<ProtocolMap[T]>;
type ValueOf<T extends MessageType> = Extract<ResponseOf<T>, { ok: true }>['value'];

export type Handlers = {
  [T in MessageType]: (request: RequestOf<T>) => Promise<ValueOf<T>>;
};

export class NotFoundError extends Error {}

export function issuesOf(error: z.ZodError): MessageIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** Validates `data` for `type`, runs the handler, and never throws across the message boundary. */
export async function dispatch<T extends MessageType>(
  type: T,
  data: unknown,
  handlers: Handlers,
): Promise<ResponseOf<T>> {
  const parsed = requestSchemas[type].safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `Invalid ${type} request`,
        issues: issuesOf(parsed.error),
      },
    } as ResponseOf<T>;
  }
  try {
    const handler = handlers[type] as (request: unknown) => Promise<ValueOf<T>>;
    return { ok: true, value: await handler(parsed.data) } as ResponseOf<T>;
  } catch (error) {
    if (error instanceof NotFoundError) {
      return { ok: false, error: { code: 'not-found', message: error.message } } as ResponseOf<T>;
    }
    if (error instanceof z.ZodError) {
      return {
        ok: false,
        error: { code: 'invalid-request', message: 'Invalid request', issues: issuesOf(error) },
      } as ResponseOf<T>;
    }
    return {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    } as ResponseOf<T>;
  }
}

/** Registers every handler behind `dispatch`. Returns a function that removes them. */
export function registerHandlers(handlers: Handlers): () => void {
  const removers = (Object.keys(requestSchemas) as MessageType[]).map((type) =>
    onMessage(type, (message) => dispatch(type, message.data, handlers)),
  );
  return () => removers.forEach((remove) => remove());
}
