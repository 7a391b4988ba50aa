// yazl ships no types; the tests only build zips with it.
declare module 'yazl' {
  import type { Readable } from 'node:stream';
  export class ZipFile {
    outputStream: Readable;
    addBuffer(buffer: Buffer, metadataPath: string, options?: { compress?: boolean; compressionLevel?: number }): void;
    addReadStream(readStream: Readable, metadataPath: string, options?: { compress?: boolean; compressionLevel?: number; size?: number }): void;
    end(options?: { forceZip64Format?: boolean }): void;
  }
}
