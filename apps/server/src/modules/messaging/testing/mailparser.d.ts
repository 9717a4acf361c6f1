// mailparser ships no types and @types/mailparser is not installed; tests only need this much.
declare module 'mailparser' {
  export interface ParsedMail {
    subject?: string;
    messageId?: string;
    html: string | false;
    text?: string;
    headers: Map<string, unknown>;
  }
  export function simpleParser(source: NodeJS.ReadableStream | Buffer | string): Promise<ParsedMail>;
}
