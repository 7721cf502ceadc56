import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface LspDiagnostic {
  range: { start: { line: number; character: number } };
  message: string;
  severity?: number;
}

/**
 * A language-server client as an editor is one, over stdio (JSON-RPC with Content-Length
 * frames): just what a test needs — initialize, settings, open/change a document, wait for its
 * diagnostics, ask for completion.
 */
export class LspClient {
  private readonly server: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private readonly diagnostics = new Map<string, { version?: number; items: LspDiagnostic[] }[]>();
  private readonly waiters: (() => void)[] = [];
  private settings: Record<string, unknown> = {};
  readonly stderr: string[] = [];

  constructor(command: string, args: string[]) {
    this.server = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.server.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    this.server.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
  }

  async start(rootFolder: string, settings: Record<string, unknown>, locale = 'zh-cn'): Promise<void> {
    this.settings = settings;
    const rootUri = pathToFileURL(rootFolder).href;
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      locale,
      workspaceFolders: [{ uri: rootUri, name: 'project' }],
      capabilities: { workspace: { configuration: true }, textDocument: { completion: { completionItem: { snippetSupport: false } } } },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings });
  }

  open(file: string, text: string): string {
    const uri = pathToFileURL(file).href;
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return uri;
  }

  change(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The diagnostics the server publishes for `uri` after `after` earlier publications of it. */
  async diagnosticsFor(uri: string, after = 0, timeoutMs = 60_000): Promise<LspDiagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    while ((this.diagnostics.get(uri)?.length ?? 0) <= after) {
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri}; server said: ${this.stderr.join('')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 500);
      });
    }
    return this.diagnostics.get(uri)![after].items;
  }

  published(uri: string): number {
    return this.diagnostics.get(uri)?.length ?? 0;
  }

  async completion(uri: string, line: number, character: number): Promise<{ label: string; documentation?: unknown; detail?: string }[]> {
    const result = (await this.request('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as
      | { items: { label: string }[] }
      | { label: string }[]
      | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  stop(): void {
    this.server.kill();
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = ++this.nextId;
    this.send({ id, method, params });
    return new Promise((resolve) => this.pending.set(id, resolve));
  }

  private notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private send(message: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.server.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString()) as {
        id?: number;
        method?: string;
        params?: { uri: string; version?: number; diagnostics: LspDiagnostic[]; items?: { section?: string }[] };
        result?: unknown;
      };
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: { id?: number; method?: string; params?: any; result?: unknown }): void {
    if (message.id !== undefined && message.method) {
      // Requests from the server: the settings an editor holds, and capability registrations.
      const result =
        message.method === 'workspace/configuration'
          ? (message.params.items as { section?: string }[]).map((item) => (item.section ? this.section(item.section) : this.settings))
          : null;
      this.send({ id: message.id, result });
      return;
    }
    if (message.id !== undefined) {
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const list = this.diagnostics.get(message.params.uri) ?? [];
      list.push({ version: message.params.version, items: message.params.diagnostics });
      this.diagnostics.set(message.params.uri, list);
      for (const wake of this.waiters.splice(0)) wake();
    }
  }

  private section(name: string): unknown {
    return name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], this.settings);
  }
}
