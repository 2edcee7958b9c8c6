// Delivering generated documents to the requester's 1:1 chat.
//
// Local mode: the file is kept in memory (never on disk: it may hold personal data) behind a
// single-use token that expires after 10 minutes; `GET /downloads/:token` serves it once.
// Production: a Teams file consent card. The user accepts, Teams sends a `fileConsent/invoke`
// with an upload URL in the user's OneDrive, the bot PUTs the bytes there and answers with a file
// info card. `FileConsentFlow` implements the pending offers, the upload and the info card; the
// invoke route itself cannot be registered through a BotPlugin (see the report of issue 6).
import { randomBytes } from 'node:crypto';
import type express from 'express';
import type { RenderedFile } from '../docs/index.js';

export const DOWNLOAD_TTL_MS = 10 * 60 * 1000;
const MAX_PENDING = 500;
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export interface PendingFile {
  file: RenderedFile;
  /** AAD object id of the requester (for logs and checks; the link itself is the capability). */
  owner: string;
  expiresAt: number;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Single-use, short-lived download tokens. */
export class DownloadStore {
  private readonly files = new Map<string, PendingFile>();
  constructor(
    private readonly now: () => Date,
    private readonly ttlMs = DOWNLOAD_TTL_MS,
    private readonly token: () => string = newToken,
  ) {}

  put(file: RenderedFile, owner: string): { token: string; expiresAt: string } {
    this.sweep();
    if (this.files.size >= MAX_PENDING) {
      // Oldest first: Map keeps insertion order.
      const oldest = this.files.keys().next().value;
      if (oldest !== undefined) this.files.delete(oldest);
    }
    const token = this.token();
    const expiresAt = this.now().getTime() + this.ttlMs;
    this.files.set(token, { file, owner, expiresAt });
    return { token, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Returns the file once; an unknown, used or expired token gives undefined. */
  take(token: string): PendingFile | undefined {
    if (!TOKEN_RE.test(token)) return undefined;
    const f = this.files.get(token);
    if (!f) return undefined;
    this.files.delete(token);
    return f.expiresAt > this.now().getTime() ? f : undefined;
  }

  sweep(): void {
    const t = this.now().getTime();
    for (const [k, f] of this.files) if (f.expiresAt <= t) this.files.delete(k);
  }

  get size(): number {
    return this.files.size;
  }
}

export function downloadUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/downloads/${token}`;
}

/** RFC 6266 filename parameter (ASCII fallback plus UTF-8). */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerDownloadRoute(app: express.Express, store: DownloadStore): void {
  app.get('/downloads/:token', (req, res) => {
    const f = store.take(String(req.params.token ?? ''));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!f) {
      // One answer for unknown, used and expired: no oracle.
      res.status(404).type('text/plain; charset=utf-8').send('Deze downloadlink is verlopen of al gebruikt. Vraag het document opnieuw op in Teams.');
      return;
    }
    res.setHeader('Content-Type', f.file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(f.file.fileName));
    res.status(200).send(f.file.bytes);
  });
}

// ---- Teams file consent (production) --------------------------------------------------------

export const FILE_CONSENT_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.info';

export interface FileConsentAttachment {
  contentType: typeof FILE_CONSENT_CONTENT_TYPE;
  name: string;
  content: {
    description: string;
    sizeInBytes: number;
    acceptContext: { uploadId: string };
    declineContext: { uploadId: string };
  };
}

export interface FileInfoAttachment {
  contentType: typeof FILE_INFO_CONTENT_TYPE;
  contentUrl: string;
  name: string;
  content: { uniqueId: string; fileType: string };
}

/** The value of a `fileConsent/invoke` activity (botbuilder's FileConsentCardResponse). */
export interface FileConsentResponse {
  action: 'accept' | 'decline';
  context?: { uploadId?: string };
  uploadInfo?: { name?: string; uploadUrl?: string; contentUrl?: string; uniqueId?: string; fileType?: string };
}

export type Uploader = (url: string, bytes: Buffer, contentType: string) => Promise<void>;

/** PUT of the whole file to the OneDrive upload session Teams created. */
export const fetchUploader: Uploader = async (url, bytes, contentType) => {
  const res = await fetch(url, {
    method: 'PUT',
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(bytes.length),
      'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
    },
    body: new Uint8Array(bytes),
  });
  if (!res.ok) throw new Error(`upload failed with status ${res.status}`);
};

export type ConsentOutcome =
  | { kind: 'uploaded'; info: FileInfoAttachment }
  | { kind: 'declined' }
  | { kind: 'expired' }
  | { kind: 'forbidden' }
  | { kind: 'failed' };

/** Pending offers of the file consent flow; same lifetime and single use as download tokens. */
export class FileConsentFlow {
  private readonly pending: DownloadStore;
  constructor(
    now: () => Date,
    private readonly upload: Uploader = fetchUploader,
    ttlMs = DOWNLOAD_TTL_MS,
  ) {
    this.pending = new DownloadStore(now, ttlMs);
  }

  offer(file: RenderedFile, owner: string, description: string): FileConsentAttachment {
    const { token } = this.pending.put(file, owner);
    return {
      contentType: FILE_CONSENT_CONTENT_TYPE,
      name: file.fileName,
      content: {
        description,
        sizeInBytes: file.bytes.length,
        acceptContext: { uploadId: token },
        declineContext: { uploadId: token },
      },
    };
  }

  /** Handles the invoke of the user who was offered the file. */
  async respond(value: FileConsentResponse, actorAad: string): Promise<ConsentOutcome> {
    const id = value.context?.uploadId ?? '';
    const f = this.pending.take(id);
    if (!f) return { kind: 'expired' };
    if (f.owner !== actorAad) return { kind: 'forbidden' };
    if (value.action !== 'accept') return { kind: 'declined' };
    const u = value.uploadInfo;
    if (!u?.uploadUrl || !u.contentUrl || !u.uniqueId) return { kind: 'failed' };
    try {
      await this.upload(u.uploadUrl, f.file.bytes, f.file.contentType);
    } catch {
      return { kind: 'failed' };
    }
    return {
      kind: 'uploaded',
      info: {
        contentType: FILE_INFO_CONTENT_TYPE,
        contentUrl: u.contentUrl,
        name: u.name ?? f.file.fileName,
        content: { uniqueId: u.uniqueId, fileType: u.fileType ?? f.file.fileName.split('.').pop() ?? '' },
      },
    };
  }
}
