// The HTTP responses for record and ballot downloads, shared by the download routes.
import "server-only";

/** A `text/markdown` download of a record file. */
export function markdownResponse(fileName: string, markdown: string) {
  return new Response(markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "x-content-type-options": "nosniff",
    },
  });
}

export function csvResponse(fileName: string, csv: string) {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
    },
  });
}

export function zipResponse(fileName: string, data: Uint8Array) {
  return new Response(new Blob([data as Uint8Array<ArrayBuffer>], { type: "application/zip" }), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${fileName}"`,
      "content-length": String(data.byteLength),
    },
  });
}
