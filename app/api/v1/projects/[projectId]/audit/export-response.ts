// A streamed download of the audit trail; the head it ends at travels in headers for scripts.
import type { AuditExport } from "@/lib/server/audit/export-log";

export function exportResponse(file: AuditExport): Response {
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
      "x-audit-count": String(file.count),
      "x-audit-head-hash": file.headHash,
    },
  });
}
