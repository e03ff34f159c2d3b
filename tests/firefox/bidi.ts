/**
 * A minimal WebDriver BiDi client: just the commands and events the Firefox smoke test uses.
 * Firefox speaks BiDi natively (no geckodriver), over a WebSocket at ws://127.0.0.1:PORT/session.
 * Spec: https://w3c.github.io/webdriver-bidi/
 */

/** The commands this client sends, with their parameters and results as the spec defines them. */
export interface Commands {
  'session.new': {
    params: { capabilities: Record<string, unknown> };
    result: { sessionId: string; capabilities: { browserName: string; browserVersion: string } };
  };
  'session.subscribe': { params: { events: string[] }; result: { subscription?: string } };
  'browser.close': { params: Record<string, never>; result: Record<string, never> };
  'webExtension.install': {
    params: { extensionData: { type: 'path'; path: string } };
    result: { extension: string };
  };
  'browsingContext.getTree': {
    params: { maxDepth?: number };
    result: { contexts: { context: string; url: string }[] };
  };
  'browsingContext.navigate': {
    params: { context: string; url: string; wait: 'none' | 'interactive' | 'complete' };
    result: { navigation: string | null; url: string };
  };
  'script.evaluate': {
    params: {
      expression: string;
      target: { context: string };
      awaitPromise: boolean;
      resultOwnership?: 'none' | 'root';
    };
    result:
      | { type: 'success'; result: RemoteValue; realm: string }
      | { type: 'exception'; exceptionDetails: { text: string }; realm: string };
  };
}

/** The events this client listens to (the fields the test reads). */
export interface Events {
  'network.beforeRequestSent': {
    context: string | null;
    request: { url: string; method: string };
  };
  'log.entryAdded': {
    level: 'debug' | 'info' | 'warn' | 'error';
    type: string;
    text: string | null;
    source: { realm: string; context?: string };
    stackTrace?: { callFrames: { url: string; functionName: string }[] };
  };
}

export interface RemoteValue {
  type: string;
  value?: unknown;
}

type Message =
  | { type: 'success'; id: number; result: unknown }
  | { type: 'error'; id: number | null; error: string; message: string }
  | { type: 'event'; method: string; params: unknown };

export class BiDiSession {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string }
  >();
  private readonly listeners = new Map<string, ((params: never) => void)[]>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => this.receive(String(event.data)));
    socket.addEventListener('close', () => {
      for (const { reject, method } of this.pending.values()) {
        reject(new Error(`BiDi connection closed before ${method} answered`));
      }
      this.pending.clear();
    });
  }

  /** Opens the WebSocket and starts a BiDi session on it. */
  static async connect(url: string): Promise<{ bidi: BiDiSession; browserVersion: string }> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error(`Cannot connect to ${url}`)), {
        once: true,
      });
    });
    const bidi = new BiDiSession(socket);
    const { capabilities } = await bidi.send('session.new', { capabilities: {} });
    return { bidi, browserVersion: capabilities.browserVersion };
  }

  send<M extends keyof Commands>(
    method: M,
    params: Commands[M]['params'],
    timeoutMs = 30_000,
  ): Promise<Commands[M]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`BiDi ${method} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as Commands[M]['result']);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on<E extends keyof Events>(event: E, listener: (params: Events[E]) => void): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as (params: never) => void);
    this.listeners.set(event, list);
  }

  /**
   * Runs `fn` in the page's realm of `context` (not in any extension's) and returns its result,
   * which must survive JSON. `fn` is sent as source text: it may use only its arguments.
   */
  async call<Args extends unknown[], R>(
    context: string,
    fn: (...args: Args) => R | Promise<R>,
    ...args: Args
  ): Promise<R> {
    const expression = `(async () => JSON.stringify(await (${fn.toString()})(...${JSON.stringify(args)})))()`;
    const response = await this.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (response.type === 'exception') {
      throw new Error(`Page script threw: ${response.exceptionDetails.text}`);
    }
    const { result } = response;
    if (result.type === 'undefined') return undefined as R;
    if (result.type !== 'string') throw new Error(`Unexpected result type ${result.type}`);
    return JSON.parse(result.value as string) as R;
  }

  close(): void {
    this.socket.close();
  }

  private receive(data: string): void {
    const message = JSON.parse(data) as Message;
    if (message.type === 'event') {
      for (const listener of this.listeners.get(message.method) ?? []) {
        (listener as (params: unknown) => void)(message.params);
      }
      return;
    }
    const entry = message.id === null ? undefined : this.pending.get(message.id);
    if (!entry || message.id === null) return;
    this.pending.delete(message.id);
    if (message.type === 'success') entry.resolve(message.result);
    else entry.reject(new Error(`BiDi ${entry.method}: ${message.error}: ${message.message}`));
  }
}
